import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatJst } from '@tsumiki/domain';
import { QueryState, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

/**
 * The programme office's view of e-mail that did not leave: refused for good by the mail server
 * (never retried) or waiting for its next try, with the server's answer, so someone can call.
 */
export function UndeliveredMailSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const mail = useQuery(trpc.lifecycle.undeliveredMail.queryOptions());
  return (
    <Stack gap="sm" data-testid="undelivered-mail">
      <Title order={2}>{t('mail.heading')}</Title>
      <QueryState query={mail}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm">{t('mail.none')}</Text>
          ) : (
            <>
              <Text size="sm">{t('mail.hint')}</Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mail.to')}</Table.Th>
                    <Table.Th>{t('mail.topic')}</Table.Th>
                    <Table.Th>{t('mail.state')}</Table.Th>
                    <Table.Th>{t('mail.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.to ?? t('mail.noAddress')}</Table.Td>
                      <Table.Td>{t(`mail.topics.${m.topic}`, { defaultValue: m.topic })}</Table.Td>
                      <Table.Td>
                        <Badge color={m.givenUp ? 'red' : 'yellow'}>{m.givenUp ? t('mail.givenUp') : t('mail.retrying', { at: formatJst(new Date(m.retryAt)) })}</Badge>
                        <Text size="xs">{t('mail.attempts', { count: m.attempts })}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.error}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
