import { BarChart } from '@mantine/charts';
import { Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BUILTIN_METRICS, builtinMetric, formatRate, formatRateInColumn, NATIONAL_CONTEXT } from '@tsumiki/domain/ccus';
import type { RouterOutputs } from '@tsumiki/api';
import { chartName, legendInSeriesOrder, QueryState, referenceLineAtRight, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PeriodPicker } from '../components/period-picker';
import { KpiCard } from '../components/kpi-card';
import { RecordsKpis } from '../components/records-kpis';
import { displayNumber } from '../lib/period';
import { flowOf, snapshotsOf } from '../lib/summaries';
import { usePeriod } from '../lib/use-period';
import { AssociationTable } from '../components/association-table';
import { DemoFiguresNotice } from '../components/demo-figures-notice';

/** The ministry's view: all eight associations side by side, and their total. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const { period, setPeriod, latest } = usePeriod();
  const overview = useQuery(trpc.ccus.overview.queryOptions(period, { placeholderData: keepPreviousData }));
  const metricName = (code: string) => {
    const metric = builtinMetric(code);
    return locale === 'en' ? metric?.nameEn : metric?.nameJa;
  };

  return (
    <Stack gap="lg" data-testid="overview">
      <Group justify="space-between" align="end">
        <Title order={1}>{t('overview.title')}</Title>
        <PeriodPicker value={period} latest={latest} onChange={setPeriod} />
      </Group>
      <QueryState query={overview}>
        {(data) => {
          const national = flowOf(data.national);
          const rows = data.associations.map((a) => ({
            ...a,
            records: flowOf(a.summaries),
            business: snapshotsOf(a.summaries).find((s) => s.metricCode === 'business_registration_rate'),
          }));
          const name = (a: (typeof rows)[number]) => (locale === 'en' ? a.nameEn : (a.shortNameJa ?? a.nameJa));
          return (
            <>
              {data.associations.some((a) => a.demoFigures) && <DemoFiguresNotice />}
              <Stack component="section" aria-labelledby="national">
                <Title order={2} size="h3" id="national">
                  {t('overview.national')}
                </Title>
                {national && <RecordsKpis summary={national} testId="national" />}
                <NationalContext
                  associationsRecords={data.fiscalYear - 1 === NATIONAL_CONTEXT.workHistoryRecords.fiscalYear ? (national?.previousYearTotal ?? null) : null}
                />
              </Stack>
              <Stack component="section" aria-labelledby="by-association" data-testid="by-association">
                <Title order={2} size="h3" id="by-association">
                  {t('overview.byAssociation')}
                </Title>
                <Title order={3} size="h5">
                  {t('overview.achievementChart')}
                </Title>
                <BarChart
                  {...chartName(t('overview.achievementChart'))}
                  h={260}
                  data={rows.map((a) => ({
                    association: name(a),
                    achievement: a.records?.year.proratedAchievement == null ? 0 : Math.round(a.records.year.proratedAchievement * 1000) / 10,
                  }))}
                  dataKey="association"
                  series={[{ name: 'achievement', label: t('kpi.proratedAchievement'), color: 'teal.6' }]}
                  unit="%"
                  {...referenceLineAtRight({ y: 100, label: '100%', color: 'red.6' })}
                />
                <AssociationTable
                  rows={rows.map((a) => ({ id: a.id, name: name(a), records: a.records, business: a.business }))}
                  period={period}
                  businessHeader={`${metricName('business_registration_rate') ?? ''} ${t('association.byCount')} / ${t('association.byCost')}`}
                />
              </Stack>
              <MetricComparison associations={rows.map((a) => ({ id: a.id, name: name(a), summaries: a.summaries }))} national={data.national} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** Where the eight associations stand in CCUS as a whole: national magnitudes with their source. */
function NationalContext({ associationsRecords }: { associationsRecords: number | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const n = (v: number) => displayNumber(v, i18n.language);
  return (
    <Stack gap="xs" data-testid="national-context">
      <Title order={3} size="h5">
        {t('overview.context')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <KpiCard label={t('overview.registeredWorkers')} value={n(NATIONAL_CONTEXT.registeredWorkers)} />
        <KpiCard label={t('overview.registeredBusinesses')} value={n(NATIONAL_CONTEXT.registeredBusinesses)} />
        <KpiCard
          label={t('overview.nationalRecords', { year: NATIONAL_CONTEXT.workHistoryRecords.fiscalYear })}
          value={n(NATIONAL_CONTEXT.workHistoryRecords.total)}
          hint={
            associationsRecords == null
              ? undefined
              : t('overview.associationsShare', { share: formatRate(associationsRecords / NATIONAL_CONTEXT.workHistoryRecords.total, locale) })
          }
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('overview.contextSource', { source: locale === 'en' ? NATIONAL_CONTEXT.sourceEn : NATIONAL_CONTEXT.sourceJa })}
      </Text>
    </Stack>
  );
}

type Summaries = RouterOutputs['ccus']['overview']['national'];
const COMPARABLE = BUILTIN_METRICS.filter((m) => m.kind !== 'flow');

/** One metric across the eight: a bar each (both views for rates), the national figure as a line. */
function MetricComparison({ associations, national }: { associations: { id: string; name: string; summaries: Summaries }[]; national: Summaries }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const [code, setCode] = useState(COMPARABLE[0]!.code);
  const metric = builtinMetric(code)!;
  const ratio = metric.kind === 'ratio';
  const valueOf = (summaries: Summaries) => snapshotsOf(summaries).find((s) => s.metricCode === code);
  const scale = (v: number | null | undefined) => (v == null ? null : ratio ? Math.round(v * 1000) / 10 : v);
  const nationalFigure = valueOf(national)?.value ?? null;
  const data = associations.map((a) => {
    const s = valueOf(a.summaries);
    return { association: a.name, byCount: scale(s?.value), byCost: scale(s?.costWeightedValue), target: scale(s?.target) };
  });
  const series = [
    { name: 'byCount', label: ratio ? t('association.byCount') : t('association.value'), color: 'blue.6' },
    ...(ratio ? [{ name: 'byCost', label: t('association.byCost'), color: 'grape.5' }] : []),
    { name: 'target', label: t('association.target_col'), color: 'gray.4' },
  ];
  return (
    <Stack component="section" aria-labelledby="comparison" data-testid="metric-comparison">
      <Group justify="space-between" align="end">
        <Title order={2} size="h3" id="comparison">
          {t('overview.comparison')}
        </Title>
        <NativeSelect
          label={t('members.metric')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          data={COMPARABLE.map((m) => ({ value: m.code, label: locale === 'en' ? m.nameEn : m.nameJa }))}
          data-testid="comparison-metric"
        />
      </Group>
      <Text size="sm" c="dimmed">
        {locale === 'en' ? metric.formulaEn : metric.formulaJa}
      </Text>
      <BarChart
        {...chartName(`${t('overview.comparison')}: ${locale === 'en' ? metric.nameEn : metric.nameJa}`)}
        h={280}
        data={data}
        dataKey="association"
        unit={ratio ? '%' : undefined}
        series={series}
        withLegend
        legendProps={legendInSeriesOrder(series)}
        {...(nationalFigure == null
          ? {}
          : referenceLineAtRight({
              y: scale(nationalFigure) ?? 0,
              // The line's own figure beside its name: the bars have tooltips, the line has not.
              label: `${t('overview.nationalLine')} ${ratio ? formatRateInColumn(nationalFigure, locale) : displayNumber(nationalFigure, locale)}`,
              color: 'red.6',
            }))}
      />
    </Stack>
  );
}
