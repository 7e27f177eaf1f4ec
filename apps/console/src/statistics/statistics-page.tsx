import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { RECEIVED_STATUSES } from '@tsumiki/domain';
import { STATUS_LABELS } from '@tsumiki/domain/review';
import { chartName, COUNT_AXIS, DataTable, displayYen, legendInSeriesOrder, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { useStaffProgramme } from '../lib/staff-programme';
import { YenFigures } from '../lib/yen-figures';

type Stats = RouterOutputs['review']['statistics'];
type Breakdown = Stats['breakdowns'][number];

/** Programme statistics: counts, requested against granted, breakdowns and the score distribution, with charts. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { programmeId, picker } = useStaffProgramme();
  const stats = useQuery({ ...trpc.review.statistics.queryOptions({ programmeId }), enabled: programmeId !== '' });
  return (
    <Stack gap="md" data-testid="statistics-page">
      <Title order={1}>{t('statistics.title')}</Title>
      {picker(t('statistics.programme'))}
      {programmeId !== '' && <QueryState query={stats}>{(s) => <StatisticsView stats={s} />}</QueryState>}
    </Stack>
  );
}

function StatisticsView({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const amountSeries = [
    { name: 'requested', label: t('statistics.requested'), color: 'gray.6' },
    { name: 'granted', label: t('statistics.granted'), color: 'teal.6' },
  ];
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const s = stats.statistics;
  const rate = s.selectionRate.value === null ? t('statistics.none') : `${(s.selectionRate.value * 100).toFixed(1)}%`;
  const figures = [
    ['received', String(s.received)],
    ['inReview', String(s.inReview)],
    ['selected', String(s.selected)],
    ['notSelected', String(s.notSelected)],
    ['withdrawn', String(s.withdrawn)],
    ['selectionRate', rate],
  ] as const;
  const statusRows = Object.entries(s.byStatus)
    .filter(([status, count]) => count > 0 && RECEIVED_STATUSES.some((s) => s === status))
    .map(([status, count]) => ({ status: STATUS_LABELS[status as keyof typeof STATUS_LABELS][locale], count }));
  const amounts = [
    ['requested', s.amounts.requested],
    ['granted', s.amounts.granted],
    ['fixed', s.amounts.fixed],
    ...(s.budget ? ([['budget', s.budget.budget], ['committed', s.budget.committed], ['remaining', s.budget.remaining]] as const) : []),
  ] as const;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        {figures.map(([key, value]) => (
          <Card withBorder key={key} data-testid={`stat-${key}`}>
            <Text size="sm" c="dimmed">{t(`statistics.${key}`)}</Text>
            <Text size="xl" fw={700}>{value}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4">{t('statistics.byStatus')}</Title>
          <BarChart {...chartName(t('statistics.byStatus'))} yAxisProps={COUNT_AXIS} h={240} data={statusRows} dataKey="status" series={[{ name: 'count', label: t('statistics.count'), color: 'blue.6' }]} />
        </Card>
        <Card withBorder>
          <Title order={2} size="h4">{t('statistics.amounts')}</Title>
          <YenFigures label={t('statistics.amounts')} data-testid="stat-amounts" figures={amounts.map(([key, yen]) => ({ key, label: t(`statistics.${key}`), yen, testId: `stat-amount-${key}` }))} />
          <BarChart
            {...chartName(t('statistics.amounts'))}
            h={160}
            mt="sm"
            data={[{ label: '', requested: s.amounts.requested, granted: s.amounts.granted }]}
            dataKey="label"
            orientation="vertical"
            // Two bars in one row: only the legend says which is which.
            withLegend
            data-testid="amounts-chart"
            valueFormatter={(v) => displayYen(v, locale)}
            series={amountSeries}
            legendProps={legendInSeriesOrder(amountSeries)}
          />
        </Card>
      </SimpleGrid>
      {/* Only the breakdowns the programme's applications give (no CLT structure on the CO2 programme). */}
      {/* Three side by side only on a wide screen: narrower, each table broke 東京都 into two lines. */}
      <SimpleGrid cols={{ base: 1, md: Math.min(2, stats.breakdowns.length), xl: Math.min(3, stats.breakdowns.length) }}>
        {stats.breakdowns.map((b) => (
          <BreakdownCard key={b.breakdown} breakdown={b} />
        ))}
      </SimpleGrid>
      {stats.scores && (
        <Card withBorder data-testid="score-distribution">
          <Title order={2} size="h4">{t('statistics.scores', { scored: stats.scores.scored, maximum: stats.scores.maximum })}</Title>
          {stats.scores.scored === 0 ? (
            <Text c="dimmed">{t('statistics.noScores')}</Text>
          ) : (
            <BarChart
              {...chartName(t('statistics.scores', { scored: stats.scores.scored, maximum: stats.scores.maximum }))}
              yAxisProps={COUNT_AXIS}
              h={220}
              data={stats.scores.bins.map((b) => ({ bin: t('statistics.bin', { from: b.from, to: b.to }), count: b.count }))}
              dataKey="bin"
              series={[{ name: 'count', label: t('statistics.count'), color: 'grape.6' }]}
            />
          )}
        </Card>
      )}
    </Stack>
  );
}

function BreakdownCard({ breakdown: { breakdown, rows } }: { breakdown: Breakdown }) {
  const { t, i18n } = useTranslation();
  const countSeries = [
    { name: 'count', label: t('statistics.count'), color: 'blue.6' },
    { name: 'selected', label: t('statistics.selected'), color: 'teal.6' },
  ];
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const label = (key: string | null) => key ?? t('statistics.unknown');
  const title = t(`statistics.by.${breakdown}`);
  const columns: DataColumn<Breakdown['rows'][number]>[] = [
    { id: 'key', header: t('statistics.key'), rowHeader: true, sortValue: (r) => r.key, cell: (r) => label(r.key) },
    { id: 'count', header: t('statistics.count'), align: 'right', sortValue: (r) => r.count, cell: (r) => r.count },
    { id: 'selected', header: t('statistics.selected'), align: 'right', sortValue: (r) => r.selected, cell: (r) => r.selected },
    { id: 'requested', header: t('statistics.requested'), align: 'right', sortValue: (r) => r.requested, cell: (r) => displayYen(r.requested, locale), noWrap: true },
  ];
  return (
    <Card withBorder data-testid={`by-${breakdown}`}>
      <Title order={2} size="h4">{title}</Title>
      {breakdown === 'factorKind' && (
        <Text size="sm" c="dimmed">
          {t('statistics.factorKindNote')}
        </Text>
      )}
      {rows.length > 0 && (
        <BarChart
          {...chartName(title)}
          yAxisProps={COUNT_AXIS}
          h={180}
          data={rows.map((r) => ({ key: label(r.key), count: r.count, selected: r.selected }))}
          dataKey="key"
          withLegend
          series={countSeries}
          legendProps={legendInSeriesOrder(countSeries)}
        />
      )}
      <DataTable
        data={rows}
        columns={columns}
        rowKey={(r) => r.key ?? ''}
        label={title}
        empty={<Text c="dimmed" size="sm">{t('statistics.noRows')}</Text>}
      />
    </Card>
  );
}
