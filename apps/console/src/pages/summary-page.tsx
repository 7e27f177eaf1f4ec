import { Anchor, Badge, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, displayYen, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_PICKER_WIDTH } from '../lib/staff-programme';
import { Link } from 'react-router';

type SummaryRow = RouterOutputs['review']['summary']['rows'][number];

/** The committee summary sheet: ranking with averages, bonus, totals and where the budget line falls. */
export function SummaryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const programmes = useQuery(trpc.review.programmes.queryOptions());
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? programmes.data?.find((p) => p.kind === 'clt_demonstration')?.id ?? '';
  const summary = useQuery({ ...trpc.review.summary.queryOptions({ programmeId }), enabled: programmeId !== '' });
  return (
    <Stack data-testid="summary-page">
      <Title order={1}>{t('summary.title')}</Title>
      <Select data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={programmeId} onChange={setChosen} {...PROGRAMME_PICKER_WIDTH} label={t('queue.programme')} />
      {programmeId !== '' && <QueryState query={summary}>{(s) => <SummaryTable rows={s.rows} />}</QueryState>}
    </Stack>
  );
}

/** The ranking, in the committee's order until someone sorts by another column. */
export function SummaryTable({ rows }: { rows: readonly SummaryRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2));
  const columns: DataColumn<SummaryRow>[] = [
    {
      id: 'position',
      header: t('summary.position'),
      sortValue: (r) => r.position,
      // One block, so the note stays under the title where a phone lays the cell out as a row.
      cell: (r) => (
        <div>
          {r.position} {r.title} {r.provisional && <Badge size="xs" color="gray">{t('summary.provisional')}</Badge>}
          {/* What can still move the row, and what put it below an equal total. */}
          {(r.provisionalBecause.length > 0 || r.tieBrokenBy) && (
            <Text size="xs" c="dimmed" data-testid="summary-row-note">
              {[
                r.provisionalBecause.length > 0 && t('summary.provisionalBecause', { reasons: r.provisionalBecause.map((reason) => t(`summary.because.${reason}`)).join(t('summary.reasonSeparator')) }),
                r.tieBrokenBy && t(`summary.tieBrokenBy.${r.tieBrokenBy}`),
              ]
                .filter(Boolean)
                .join(t('summary.noteSeparator'))}
            </Text>
          )}
        </div>
      ),
    },
    { id: 'average', header: t('summary.average'), align: 'right', sortValue: (r) => r.score.evaluationAverage, cell: (r) => fmt(r.score.evaluationAverage), testId: 'summary-average' },
    { id: 'bonus', header: t('summary.bonus'), align: 'right', sortValue: (r) => r.bonus.total, cell: (r) => r.bonus.total },
    { id: 'total', header: t('summary.total'), align: 'right', sortValue: (r) => r.score.total, cell: (r) => fmt(r.score.total) },
    {
      id: 'cumulative',
      header: t('summary.cumulative'),
      align: 'right',
      sortValue: (r) => r.cumulativeMaximum,
      cell: (r) => (
        <>
          {displayYen(r.cumulativeMaximum, locale)} <Badge size="xs" color={r.withinBudget ? 'green' : 'red'}>{t(r.withinBudget ? 'summary.withinBudget' : 'summary.overBudget')}</Badge>
        </>
      ),
    },
    { id: 'excluded', header: t('summary.excluded'), align: 'right', sortValue: (r) => r.excluded.length, cell: (r) => r.excluded.length, testId: 'summary-excluded' },
    { id: 'specialRate', header: t('specialRate.open'), cell: (r) => t(`specialRate.status.${r.specialRate.status}`), testId: 'summary-special-rate' },
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      rowKey={(r) => r.proposalId}
      rowTestId={(r) => `summary-row-${r.proposalId}`}
      label={t('summary.title')}
      empty={
        <>
          <Text>{t('summary.none')}</Text>
          <Anchor component={Link} to="/">
            {t('summary.toQueue')}
          </Anchor>
        </>
      }
      data-testid="summary-table"
    />
  );
}
