import { BarChart } from '@mantine/charts';
import { Anchor, Group, Stack, Table, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { builtinMetric, formatRate } from '@tsumiki/domain/ccus';
import { QueryState, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PeriodPicker } from '../components/period-picker';
import { RecordsKpis } from '../components/records-kpis';
import { StatusBadge } from '../components/status-badge';
import { displayNumber } from '../lib/period';
import { flowOf, snapshotsOf } from '../lib/summaries';
import { usePeriod } from '../lib/use-period';

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
  const pct = (v: number | null | undefined) => (v == null ? '—' : formatRate(v, locale));

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
              <Stack component="section" aria-labelledby="national">
                <Title order={2} size="h3" id="national">
                  {t('overview.national')}
                </Title>
                {national && <RecordsKpis summary={national} testId="national" />}
              </Stack>
              <Stack component="section" aria-labelledby="by-association">
                <Title order={2} size="h3" id="by-association">
                  {t('overview.byAssociation')}
                </Title>
                <Title order={3} size="h5">
                  {t('overview.achievementChart')}
                </Title>
                <BarChart
                  h={260}
                  data={rows.map((a) => ({
                    association: name(a),
                    achievement: a.records?.year.proratedAchievement == null ? 0 : Math.round(a.records.year.proratedAchievement * 1000) / 10,
                  }))}
                  dataKey="association"
                  series={[{ name: 'achievement', label: t('kpi.proratedAchievement'), color: 'teal.6' }]}
                  unit="%"
                  referenceLines={[{ y: 100, label: '100%', color: 'red.6' }]}
                />
                <Table.ScrollContainer minWidth={900}>
                  <Table striped highlightOnHover data-testid="association-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('overview.association')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('kpi.cumulative')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('kpi.annualTarget')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('kpi.annualAchievement')}</Table.Th>
                        <Table.Th scope="col" ta="right">{t('kpi.proratedAchievement')}</Table.Th>
                        <Table.Th scope="col">{t('association.status')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {metricName('business_registration_rate')} {t('association.byCount')} / {t('association.byCost')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((a) => (
                        <Table.Tr key={a.id}>
                          <Table.Th scope="row">
                            <Anchor component={Link} to={`/associations/${a.id}?fy=${period.fiscalYear}&asOf=${period.asOf}`}>
                              {name(a)}
                            </Anchor>
                          </Table.Th>
                          <Table.Td ta="right">{a.records ? displayNumber(a.records.year.cumulative, i18n.language) : '—'}</Table.Td>
                          <Table.Td ta="right">
                            {a.records?.year.annualTarget != null ? displayNumber(a.records.year.annualTarget, i18n.language) : '—'}
                          </Table.Td>
                          <Table.Td ta="right">{pct(a.records?.year.annualAchievement)}</Table.Td>
                          <Table.Td ta="right">{pct(a.records?.year.proratedAchievement)}</Table.Td>
                          <Table.Td>{a.records && <StatusBadge status={a.records.year.status} />}</Table.Td>
                          <Table.Td ta="right">
                            {pct(a.business?.value)} / {pct(a.business?.costWeightedValue)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
