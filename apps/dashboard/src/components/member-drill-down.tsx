import { BarChart } from '@mantine/charts';
import { Group, NativeSelect, Pagination, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BUILTIN_METRICS, builtinMetric, formatRateInColumn } from '@tsumiki/domain/ccus';
import type { RouterOutputs } from '@tsumiki/api';
import { chartName, COUNT_AXIS, DataTable, displayYen, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayMonth, displayNumber } from '../lib/period';
import type { SnapshotSummary } from '../lib/summaries';

export const RATE_CODES = BUILTIN_METRICS.filter((m) => m.kind === 'ratio').map((m) => m.code);
const PAGE_SIZE = 50;
type DrillDown = RouterOutputs['ccus']['members'];

/**
 * Member firms for one rate and the latest month: the distribution over every firm, then the
 * ranking a page at a time (a national association lists tens of thousands of firms).
 */
export function MemberDrillDown(props: { associationId: string; summaries: SnapshotSummary[]; metricCode: string; onMetricChange: (code: string) => void }) {
  const { associationId, summaries, metricCode, onMetricChange } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const month = summaries.find((s) => s.metricCode === metricCode)?.month ?? null;
  const members = useQuery({
    ...trpc.ccus.members.queryOptions({ associationId, metricCode, month: month ?? '2000-01', offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    enabled: month != null,
    placeholderData: keepPreviousData,
  });
  const metric = builtinMetric(metricCode);
  const metricName = metric ? (locale === 'en' ? metric.nameEn : metric.nameJa) : t('members.value');
  const changeMetric = (code: string) => {
    setPage(1);
    onMetricChange(code);
  };
  return (
    <Stack component="section" aria-labelledby="members">
      <Group justify="space-between" align="end">
        <Title order={2} size="h3" id="members">
          {t('members.title')}
          {month && (
            <Text span c="dimmed" size="sm" ml="sm">
              {displayMonth(month, i18n.language)}
            </Text>
          )}
        </Title>
        <NativeSelect
          label={t('members.metric')}
          value={metricCode}
          onChange={(e) => changeMetric(e.currentTarget.value)}
          data={RATE_CODES.map((code) => {
            const m = builtinMetric(code)!;
            return { value: code, label: locale === 'en' ? m.nameEn : m.nameJa };
          })}
        />
      </Group>
      {month == null ? (
        <Text c="dimmed">{t('association.none')}</Text>
      ) : (
        <QueryState query={members}>
          {(drill) => (
            <>
              <Distribution drill={drill} />
              <MemberTable drill={drill} metricName={metricName} />
              <Group justify="space-between">
                <Text size="sm" c="dimmed" data-testid="member-count">
                  {t('members.count', { firms: displayNumber(drill.firms, i18n.language), withValue: displayNumber(drill.withValue, i18n.language) })}
                </Text>
                {drill.firms > PAGE_SIZE && (
                  <Pagination
                    total={Math.ceil(drill.firms / PAGE_SIZE)}
                    value={page}
                    onChange={setPage}
                    getControlProps={(control) => ({ 'aria-label': t(`members.page.${control}`) })}
                    getItemProps={(n) => ({ 'aria-label': t('members.page.number', { n }) })}
                    aria-label={t('members.page.label')}
                  />
                )}
              </Group>
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}

function Distribution({ drill }: { drill: DrillDown }) {
  const { t } = useTranslation();
  const data = drill.bands.map((b) => ({
    bucket: b.high == null ? t('members.bandFrom', { low: Math.round(b.low * 100) }) : `${Math.round(b.low * 100)}–${Math.round(b.high * 100)}%`,
    firms: b.firms,
  }));
  return (
    <>
      <Title order={3} size="h5">
        {t('members.distribution')}
      </Title>
      <BarChart {...chartName(t('members.distribution'))} yAxisProps={COUNT_AXIS} h={200} data={data} dataKey="bucket" series={[{ name: 'firms', label: t('members.firms'), color: 'blue.6' }]} />
    </>
  );
}

type MemberRow = DrillDown['rows'][number];

/** One page of the server's ranking: the order is the server's (it ranks every firm), so no column re-sorts a page. */
function MemberTable({ drill, metricName }: { drill: DrillDown; metricName: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const columns: DataColumn<MemberRow>[] = [
    { id: 'rank', header: t('members.rank'), align: 'right', cell: (r) => r.rank ?? '—' },
    { id: 'name', header: t('members.name'), rowHeader: true, cell: (r) => r.name },
    // Named by the rate chosen above it: 「値」 alone did not say which figure was ranked.
    { id: 'value', header: metricName, align: 'right', cell: (r) => (r.value == null ? t('members.noFigure') : formatRateInColumn(r.value, locale)) },
    { id: 'projectCost', header: t('members.projectCost'), align: 'right', noWrap: true, cell: (r) => (r.projectCostYen == null ? '—' : displayYen(r.projectCostYen, i18n.language)) },
  ];
  return (
    <DataTable
      data={drill.rows}
      columns={columns}
      rowKey={(r) => r.memberFirmId}
      label={t('members.title')}
      empty={<Text>{t('members.none')}</Text>}
      maxHeight={420}
      data-testid="member-table"
    />
  );
}
