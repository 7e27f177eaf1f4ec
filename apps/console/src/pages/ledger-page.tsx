import { Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayJst, displayYen, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A programme's budget ledger: budget, committed, remaining, acceptance, and every entry. */
export function LedgerPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const programmes = useQuery(trpc.review.programmes.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? programmes.data?.[0]?.id ?? '';
  const ledger = useQuery({ ...trpc.review.ledger.queryOptions({ programmeId }), enabled: programmeId !== '' });
  return (
    <Stack gap="md" data-testid="ledger-page">
      <Title order={1}>{t('ledger.title')}</Title>
      <Select data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={setChosen} w={420} aria-label={t('queue.programme')} />
      {programmeId !== '' && (
        <QueryState query={ledger}>
          {(data) => (
            <Stack>
              <SimpleGrid cols={4}>
                {(['budget', 'committed', 'remaining'] as const).map((k) => (
                  <Card key={k} withBorder data-testid={`ledger-${k}`}>
                    <Text size="sm" c="dimmed">{t(`ledger.${k}`)}</Text>
                    <Text fw={700} size="xl">{displayYen(data.summary[k], locale)}</Text>
                  </Card>
                ))}
                <Card withBorder>
                  <Text size="sm" c="dimmed">{t('ledger.acceptance')}</Text>
                  <Badge color={data.acceptanceOpen ? 'green' : 'red'}>{t(data.acceptanceOpen ? 'ledger.acceptanceOpen' : 'ledger.acceptanceClosed')}</Badge>
                  <Text size="sm">{t('ledger.decisions')}: {data.summary.decisions}</Text>
                </Card>
              </SimpleGrid>
              <Title order={2}>{t('ledger.entries')}</Title>
              <Table data-testid="ledger-entries">
                <Table.Tbody>
                  {data.entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{displayJst(e.at)}</Table.Td>
                      <Table.Td>{t(`ledger.kind.${e.kind}`)}</Table.Td>
                      <Table.Td>{e.trackingNumber} {e.title}</Table.Td>
                      <Table.Td ta="right">{displayYen(e.amountYen, locale)}</Table.Td>
                      <Table.Td ta="right">{displayYen(e.committedAfterYen, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </QueryState>
      )}
      <Group />
    </Stack>
  );
}
