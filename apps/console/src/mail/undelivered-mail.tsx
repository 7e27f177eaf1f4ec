import { Badge, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { formatJst } from '@tsumiki/domain';
import { DataTable, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

type Mail = RouterOutputs['lifecycle']['undeliveredMail'][number];

/**
 * The programme office's view of e-mail that did not leave: refused for good by the mail server
 * (never retried) or waiting for its next try, with the server's answer, so someone can call.
 */
export function UndeliveredMailSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const mail = useQuery(trpc.lifecycle.undeliveredMail.queryOptions());
  const columns: DataColumn<Mail>[] = [
    { id: 'to', header: t('mail.to'), sortValue: (m) => m.to, cell: (m) => m.to ?? t('mail.noAddress') },
    { id: 'topic', header: t('mail.topic'), sortValue: (m) => m.topic, cell: (m) => t(`mail.topics.${m.topic}`, { defaultValue: m.topic }) },
    {
      id: 'state',
      header: t('mail.state'),
      // Given up first: those need a call; then the ones retrying, soonest first.
      sortValue: (m) => (m.givenUp ? 0 : new Date(m.retryAt).getTime()),
      cell: (m) => (
        <Stack gap={2} align="flex-start">
          <Badge color={m.givenUp ? 'red' : 'yellow'}>{m.givenUp ? t('mail.givenUp') : t('mail.retrying', { at: formatJst(new Date(m.retryAt)) })}</Badge>
          <Text size="xs">{t('mail.attempts', { count: m.attempts })}</Text>
        </Stack>
      ),
    },
    { id: 'error', header: t('mail.error'), cell: (m) => <Text size="sm">{m.error}</Text> },
  ];
  return (
    <Stack gap="sm" data-testid="undelivered-mail">
      <Title order={2}>{t('mail.heading')}</Title>
      <QueryState query={mail}>
        {(list) => (
          <>
            {list.length > 0 && <Text size="sm">{t('mail.hint')}</Text>}
            <DataTable data={list} columns={columns} rowKey={(m) => String(m.id)} label={t('mail.heading')} empty={<Text size="sm">{t('mail.none')}</Text>} data-testid="undelivered-mail-table" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
