import { Anchor } from '@mantine/core';
import { formatRateInColumn } from '@tsumiki/domain/ccus';
import { DataTable, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayNumber } from '../lib/period';
import type { FlowSummary, SnapshotSummary } from '../lib/summaries';
import { StatusBadge } from './status-badge';

export interface AssociationRow {
  readonly id: string;
  readonly name: string;
  readonly records: FlowSummary | undefined;
  readonly business: SnapshotSummary | undefined;
}

/**
 * The ministry's table of the associations: records to date against the year's target, the pace,
 * and business registration — on the shared DataTable, sortable by each figure.
 */
export function AssociationTable({
  rows,
  period,
  businessHeader,
}: {
  rows: readonly AssociationRow[];
  period: { fiscalYear: number; asOf: string };
  businessHeader: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const pct = (v: number | null | undefined) => (v == null ? '—' : formatRateInColumn(v, locale));
  const figure = (v: number | null | undefined) => (v == null ? '—' : displayNumber(v, i18n.language));
  const year = (a: AssociationRow) => a.records?.year;
  const columns: DataColumn<AssociationRow>[] = [
    {
      id: 'association',
      header: t('overview.association'),
      sortValue: (a) => a.name,
      cell: (a) => (
        <Anchor component={Link} to={`/associations/${a.id}?fy=${period.fiscalYear}&asOf=${period.asOf}`}>
          {a.name}
        </Anchor>
      ),
    },
    { id: 'cumulative', header: t('kpi.cumulative'), align: 'right', sortValue: (a) => year(a)?.cumulative ?? null, cell: (a) => figure(year(a)?.cumulative) },
    { id: 'annualTarget', header: t('kpi.annualTarget'), align: 'right', sortValue: (a) => year(a)?.annualTarget ?? null, cell: (a) => figure(year(a)?.annualTarget) },
    { id: 'annualAchievement', header: t('kpi.annualAchievement'), align: 'right', sortValue: (a) => year(a)?.annualAchievement ?? null, cell: (a) => pct(year(a)?.annualAchievement) },
    { id: 'proratedAchievement', header: t('kpi.proratedAchievement'), align: 'right', sortValue: (a) => year(a)?.proratedAchievement ?? null, cell: (a) => pct(year(a)?.proratedAchievement) },
    { id: 'status', header: t('association.status'), cell: (a) => a.records && <StatusBadge status={a.records.year.status} /> },
    {
      id: 'business',
      header: businessHeader,
      align: 'right',
      sortValue: (a) => a.business?.value ?? null,
      cell: (a) => `${pct(a.business?.value)} / ${pct(a.business?.costWeightedValue)}`,
    },
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      rowKey={(a) => a.id}
      label={t('overview.byAssociation')}
      empty={t('overview.noAssociations')}
      data-testid="association-table"
    />
  );
}
