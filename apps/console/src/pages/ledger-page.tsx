import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { DataTable, displayJst, displayYen, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_PICKER_WIDTH } from '../lib/staff-programme';

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
      <Select data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={setChosen} {...PROGRAMME_PICKER_WIDTH} label={t('queue.programme')} />
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
              <DataTable
                data={data.entries}
                rowKey={(e) => e.id}
                label={t('ledger.entries')}
                empty={<Text>{t('ledger.noEntries')}</Text>}
                data-testid="ledger-entries"
                columns={[
                  { id: 'at', header: t('ledger.columns.at'), cell: (e) => displayJst(e.at), sortValue: (e) => new Date(e.at).getTime() },
                  { id: 'kind', header: t('ledger.columns.kind'), cell: (e) => t(`ledger.kind.${e.kind}`) },
                  { id: 'application', header: t('ledger.columns.application'), cell: applicationOfEntry, sortValue: (e) => e.trackingNumber },
                  { id: 'amount', header: t('ledger.columns.amount'), cell: (e) => displayYen(e.amountYen, locale), sortValue: (e) => e.amountYen, align: 'right' },
                  { id: 'committed', header: t('ledger.columns.committed'), cell: (e) => displayYen(e.committedAfterYen, locale), align: 'right' },
                ]}
              />
            </Stack>
          )}
        </QueryState>
      )}
      <Group />
    </Stack>
  );
}

/** The application an entry is about; an opening or a budget change is about none. */
function applicationOfEntry(e: { trackingNumber: string | null; title: string | null }): string {
  const named = [e.trackingNumber, e.title].filter((part) => part !== null && part !== '');
  return named.length > 0 ? named.join(' ') : '—';
}
