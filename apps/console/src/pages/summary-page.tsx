import { Badge, Select, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayYen, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The committee summary sheet: ranking with averages, bonus, totals and where the budget line falls. */
export function SummaryPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const programmes = useQuery(trpc.review.programmes.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? programmes.data?.find((p) => p.kind === 'clt_demonstration')?.id ?? '';
  const summary = useQuery({ ...trpc.review.summary.queryOptions({ programmeId }), enabled: programmeId !== '' });
  const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));
  return (
    <Stack data-testid="summary-page">
      <Title order={1}>{t('summary.title')}</Title>
      <Select data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={setChosen} w={420} aria-label={t('queue.programme')} />
      {programmeId !== '' && (
        <QueryState query={summary}>
          {(s) => (
            <Table data-testid="summary-table">
              <Table.Thead>
                <Table.Tr>
                  {(['position', 'average', 'bonus', 'total', 'cumulative', 'excluded'] as const).map((c) => <Table.Th key={c}>{t(`summary.${c}`)}</Table.Th>)}
                  <Table.Th>{t('specialRate.open')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.rows.map((r) => (
                  <Table.Tr key={r.proposalId} data-testid={`summary-row-${r.proposalId}`}>
                    <Table.Td>{r.position} {r.title} {r.provisional && <Badge size="xs" color="gray">{t('summary.provisional')}</Badge>}</Table.Td>
                    <Table.Td data-testid="summary-average">{fmt(r.score.evaluationAverage)}</Table.Td>
                    <Table.Td>{r.bonus.total}</Table.Td>
                    <Table.Td>{fmt(r.score.total)}</Table.Td>
                    <Table.Td>{displayYen(r.cumulativeMaximum, locale)} <Badge size="xs" color={r.withinBudget ? 'green' : 'red'}>{t(r.withinBudget ? 'summary.withinBudget' : 'summary.overBudget')}</Badge></Table.Td>
                    <Table.Td data-testid="summary-excluded">{r.excluded.length}</Table.Td>
                    <Table.Td data-testid="summary-special-rate">{t(`specialRate.status.${r.specialRate.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
