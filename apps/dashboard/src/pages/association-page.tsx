import { BarChart, LineChart } from '@mantine/charts';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  builtinMetric,
  formatPoints,
  formatRate,
  formatRateChange,
  formatRateInColumn,
  mayReportForAssociation,
} from '@tsumiki/domain/ccus';
import type { RouterOutputs } from '@tsumiki/api';
import { chartName, COUNT_AXIS, DataTable, ExportMenu, legendInSeriesOrder, QueryState, useSession, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PeriodPicker } from '../components/period-picker';
import { PlanSection } from '../components/plan-section';
import { RecordsKpis } from '../components/records-kpis';
import { StatusBadge } from '../components/status-badge';
import { SurveySection } from '../components/survey-section';
import { displayMonth, displayNumber } from '../lib/period';
import { flowOf, snapshotsOf, type SnapshotSummary } from '../lib/summaries';
import { usePeriod } from '../lib/use-period';
import { DemoFiguresNotice } from '../components/demo-figures-notice';
import { MemberDrillDown, RATE_CODES } from '../components/member-drill-down';


/** One association: KPI cards, trends against target and last year, rates, member drill-down. */
export function AssociationPage() {
  const { associationId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const { period, setPeriod, latest } = usePeriod();
  const associations = useQuery(trpc.organisations.listAssociations.queryOptions());
  const page = useQuery(trpc.ccus.association.queryOptions({ associationId, ...period }, { placeholderData: keepPreviousData }));
  const association = associations.data?.find((a) => a.id === associationId);
  const session = useSession();
  const mayImport = mayReportForAssociation(session.memberships, associationId);
  const name = association ? (locale === 'en' ? association.nameEn : association.nameJa) : '';
  const queryClient = useQueryClient();
  // The drill-down's metric is the page's: the Excel export carries the same member figures.
  const [memberMetric, setMemberMetric] = useState(RATE_CODES[0]!);
  const memberMonth = page.data ? (snapshotsOf(page.data.summaries).find((s) => s.metricCode === memberMetric)?.month ?? null) : null;

  return (
    <Stack gap="lg" data-testid="association-page">
      <Group justify="space-between" align="end">
        <Title order={1}>{name}</Title>
        <Group align="end">
          {mayImport && (
            <Group gap="xs" className="tsumiki-no-print">
              <Button component={Link} to={`/associations/${associationId}/figures?fy=${period.fiscalYear}&asOf=${period.asOf}`} variant="light" data-testid="open-figures">
                {t('figures.open')}
              </Button>
              <Button component={Link} to={`/associations/${associationId}/import`} variant="light" data-testid="open-import">
                {t('import.open')}
              </Button>
              <Button component={Link} to={`/associations/${associationId}/settings`} variant="subtle" data-testid="open-settings">
                {t('settings.open')}
              </Button>
            </Group>
          )}
          <div className="tsumiki-no-print">
            <PeriodPicker value={period} latest={latest} onChange={setPeriod} />
          </div>
        </Group>
      </Group>
      <ExportMenu
        onExport={(format) =>
          queryClient.fetchQuery({
            ...trpc.ccus.exportAssociation.queryOptions({
              associationId,
              ...period,
              format,
              members: memberMonth ? { metricCode: memberMetric, month: memberMonth } : undefined,
            }),
            staleTime: 0,
          })
        }
      />
      <QueryState query={page}>
        {(data) => {
          const records = flowOf(data.summaries);
          return (
            <>
              {data.demoFigures && <DemoFiguresNotice />}
              {records && <RecordsSection records={records} recordsTrend={data.recordsTrend} />}
              <PlanSection associationId={associationId} fiscalYear={period.fiscalYear} editable={mayImport} customMetrics={data.customMetrics} />
              <RatesTable
                // Metrics this association neither reports nor targets stay out of the way.
                summaries={snapshotsOf(data.summaries).filter((s) => s.month != null || s.target != null)}
                customMetrics={data.customMetrics}
              />
              <SurveySection associationId={associationId} editable={mayImport} latestFiscalYear={latest.fiscalYear} />
              <MemberDrillDown
                // Another association starts again at its first page.
                key={associationId}
                associationId={associationId}
                summaries={snapshotsOf(data.summaries)}
                metricCode={memberMetric}
                onMetricChange={setMemberMetric}
              />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

type CustomMetric = RouterOutputs['ccus']['association']['customMetrics'][number];

/** Work-history records: the KPIs, the cumulative trend against target and last year, and the months. */
function RecordsSection({ records, recordsTrend }: { records: NonNullable<ReturnType<typeof flowOf>>; recordsTrend: RouterOutputs['ccus']['association']['recordsTrend'] }) {
  const { t, i18n } = useTranslation();
  const trend = recordsTrend.map((p) => ({
    month: displayMonth(p.month, i18n.language),
    thisYear: p.cumulative,
    lastYear: p.previousCumulative,
    target: p.cumulativeTarget == null ? null : Math.round(p.cumulativeTarget),
    thisYearMonthly: p.actual,
    lastYearMonthly: p.previous,
  }));
  // This year's line drawn last, over last year's and the target's.
  const trendSeries = [
    { name: 'lastYear', label: t('association.lastYear'), color: 'gray.5' },
    { name: 'target', label: t('association.target'), color: 'red.6', strokeDasharray: '5 5' },
    { name: 'thisYear', label: t('association.thisYear'), color: 'teal.6' },
  ];
  const monthlySeries = [
    { name: 'lastYearMonthly', label: t('association.lastYear'), color: 'gray.4' },
    { name: 'thisYearMonthly', label: t('association.thisYear'), color: 'teal.6' },
  ];
  return (
    <Stack component="section" aria-labelledby="records">
      <Title order={2} size="h3" id="records">
        {t('association.records')}
      </Title>
      <RecordsKpis summary={records} testId="records" />
      <Title order={3} size="h5">
        {t('association.trend')}
      </Title>
      <LineChart
        {...chartName(t('association.trend'))}
        yAxisProps={COUNT_AXIS}
        h={280}
        data={trend}
        dataKey="month"
        connectNulls={false}
        series={trendSeries}
        withLegend
        legendProps={legendInSeriesOrder(trendSeries)}
        valueFormatter={(v) => displayNumber(v, i18n.language)}
      />
      <Title order={3} size="h5">
        {t('association.monthly')}
      </Title>
      <BarChart
        {...chartName(t('association.monthly'))}
        yAxisProps={COUNT_AXIS}
        h={240}
        data-testid="records-monthly-chart"
        data={trend}
        dataKey="month"
        series={monthlySeries}
        withLegend
        legendProps={legendInSeriesOrder(monthlySeries)}
        valueFormatter={(v) => displayNumber(v, i18n.language)}
      />
    </Stack>
  );
}

function RatesTable({ summaries, customMetrics }: { summaries: SnapshotSummary[]; customMetrics: CustomMetric[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  // Measured figures line up at the point (formatRateInColumn); a target reads as the association set it.
  const measured = (s: SnapshotSummary, v: number | null) =>
    v == null ? '—' : s.kind === 'ratio' ? formatRateInColumn(v, locale) : displayNumber(v, i18n.language);
  const target = (s: SnapshotSummary, v: number | null) =>
    v == null ? '—' : s.kind === 'ratio' ? formatRate(v, locale) : displayNumber(v, i18n.language);
  const metricOf = (s: SnapshotSummary) => builtinMetric(s.metricCode) ?? customMetrics.find((m) => m.code === s.metricCode);
  const columns: DataColumn<SnapshotSummary>[] = [
    {
      id: 'metric',
      header: t('association.metric'),
      rowHeader: true,
      cell: (s) => {
        const metric = metricOf(s);
        return <span title={locale === 'en' ? metric?.formulaEn : metric?.formulaJa}>{locale === 'en' ? metric?.nameEn : metric?.nameJa}</span>;
      },
    },
    { id: 'snapshot', header: t('association.snapshot'), sortValue: (s) => s.month, cell: (s) => (s.month ? displayMonth(s.month, i18n.language) : t('association.none')) },
    { id: 'byCount', header: t('association.byCount'), align: 'right', cell: (s) => measured(s, s.value) },
    { id: 'byCost', header: t('association.byCost'), align: 'right', sortValue: (s) => s.costWeightedValue, cell: (s) => (s.costWeightedValue == null ? '—' : formatRateInColumn(s.costWeightedValue, locale)) },
    { id: 'target', header: t('association.target_col'), align: 'right', cell: (s) => target(s, s.target) },
    { id: 'achievement', header: t('association.achievement'), align: 'right', sortValue: (s) => s.achievement, cell: (s) => (s.achievement == null ? '—' : formatRateInColumn(s.achievement, locale)) },
    {
      id: 'change',
      header: t('association.change'),
      align: 'right',
      cell: (s) => (s.yearOnYear == null ? '—' : s.yearOnYear.kind === 'points' ? formatPoints(s.yearOnYear.change, locale, 'column') : formatRateChange(s.yearOnYear.change, locale, 'column')),
    },
    { id: 'status', header: t('association.status'), cell: (s) => <StatusBadge status={s.status} /> },
  ];
  return (
    <Stack component="section" aria-labelledby="rates">
      <Title order={2} size="h3" id="rates">
        {t('association.rates')}
      </Title>
      <DataTable
        data={summaries}
        columns={columns}
        rowKey={(s) => s.metricCode}
        label={t('association.rates')}
        empty={<Text>{t('association.noRates')}</Text>}
        data-testid="rates-table"
      />
    </Stack>
  );
}
