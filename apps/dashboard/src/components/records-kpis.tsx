import { SimpleGrid, Text } from '@mantine/core';
import { formatPoints, formatRate, formatRateChange } from '@tsumiki/domain/ccus';
import { useTranslation } from 'react-i18next';
import { displayMonth, displayNumber } from '../lib/period';
import type { FlowSummary } from '../lib/summaries';
import { KpiCard } from './kpi-card';
import { StatusBadge } from './status-badge';

/** The four figures seeds/000 reports for work-history records, plus pace and projection. */
export function RecordsKpis({ summary, testId }: { summary: FlowSummary; testId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const { year } = summary;
  const rate = (v: number | null) => (v == null ? t('kpi.noTarget') : formatRate(v, locale));
  const change = summary.yearOnYear;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} data-testid={testId}>
      <KpiCard
        testId={`${testId}-cumulative`}
        label={t('kpi.cumulative')}
        value={displayNumber(year.cumulative, i18n.language)}
        hint={change ? `${t('kpi.yearOnYear')} ${change.kind === 'relative' ? formatRateChange(change.change, locale) : formatPoints(change.change, locale)}` : undefined}
      />
      <KpiCard
        testId={`${testId}-annual`}
        label={t('kpi.annualAchievement')}
        value={rate(year.annualAchievement)}
        hint={year.annualTarget != null ? `${t('kpi.annualTarget')} ${displayNumber(year.annualTarget, i18n.language)}` : t('kpi.noTarget')}
      />
      <KpiCard
        testId={`${testId}-prorated`}
        label={t('kpi.proratedAchievement')}
        value={
          <>
            {rate(year.proratedAchievement)} <StatusBadge status={year.status} />
          </>
        }
        hint={
          <>
            {year.proratedTarget != null &&
              t('kpi.proratedTarget', { months: year.elapsedMonths, target: displayNumber(year.proratedTarget, i18n.language) })}
            <Text span inherit display="block">
              {t('status.thresholds', { onTrack: formatRate(year.thresholds.onTrack, locale), atRisk: formatRate(year.thresholds.atRisk, locale) })}
            </Text>
          </>
        }
      />
      <KpiCard
        testId={`${testId}-projection`}
        label={t('kpi.projection')}
        value={displayNumber(year.projection.value, i18n.language)}
        hint={
          <>
            {year.projection.achievement != null && `${formatRate(year.projection.achievement, locale)} · `}
            {t(`kpi.projectionMethod.${year.projection.method}`)}
            {year.latestMonth.achievement != null && (
              <Text span inherit display="block">
                {t('kpi.latestMonth', { month: displayMonth(year.latestMonth.month, i18n.language) })}: {formatRate(year.latestMonth.achievement, locale)}
              </Text>
            )}
          </>
        }
      />
    </SimpleGrid>
  );
}
