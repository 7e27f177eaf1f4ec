import { describe, expect, it } from 'vitest';
import { toCsv } from '../export';
import { associationExportTables } from './export';
import { builtinMetric } from './metrics';
import { summariseMetric, type MonthlyAggregate } from './summary';

const agg = (metricCode: string, month: string, numerator: number, denominator: number | null = null): MonthlyAggregate => ({
  metricCode,
  month,
  numerator,
  denominator,
  weightedRateSum: 0,
  weightSum: 0,
});

describe('association export', () => {
  const series = [
    agg('work_history_records', '2025-04', 100_000),
    agg('work_history_records', '2025-05', 110_000),
    agg('business_registration_rate', '2025-09', 407, 1000),
  ];
  const summaries = [
    summariseMetric({ metric: builtinMetric('work_history_records')!, aggregates: series, fiscalYear: 2025, asOf: '2025-05', target: { annualTarget: 1_200_000 } }),
    summariseMetric({ metric: builtinMetric('business_registration_rate')!, aggregates: series, fiscalYear: 2025, asOf: '2025-09', target: { annualTarget: 0.5 } }),
  ];

  it('writes the KPI summary with rates as percentages and the status in words', () => {
    const [summary] = associationExportTables({ summaries, series, locale: 'ja' });
    expect(summary!.header[0]).toBe('指標');
    // 210,000 of 1,200,000: 17.5% of the year; pro-rated to 2 months (200,000): 105%.
    expect(summary!.rows[0]).toEqual(['就業履歴数', '累計（月次）', '2025-05', 210_000, null, 1_200_000, 17.5, 105, expect.any(Number), expect.any(String), null, '順調']);
    // 407 / 1000 against a 50% target: 81.4% achieved, behind.
    expect(summary!.rows[1]).toEqual(['事業者登録率', '率', '2025-09', 40.7, null, 50, 81.4, null, null, null, null, '遅れ']);
  });

  it('writes monthly data in the import columns, in English when asked', () => {
    const [, monthly] = associationExportTables({ summaries, series, locale: 'en' });
    expect(monthly!.header).toEqual(['Metric code', 'Metric', 'Month', 'Actual', 'Denominator', 'Value']);
    expect(monthly!.rows).toEqual([
      ['business_registration_rate', 'Business registration rate', '2025-09', 407, 1000, 40.7],
      ['work_history_records', 'Work-history records', '2025-04', 100_000, null, 100_000],
      ['work_history_records', 'Work-history records', '2025-05', 110_000, null, 110_000],
    ]);
  });

  it('neutralises a member name that would run as a formula', () => {
    const tables = associationExportTables({
      summaries,
      series,
      locale: 'ja',
      members: { metricCode: 'business_registration_rate', month: '2025-09', rows: [{ name: '=HYPERLINK("x")', numerator: 3, denominator: 4, projectCostYen: 1_000_000 }] },
    });
    const csv = toCsv([tables[2]!.header, ...tables[2]!.rows]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",business_registration_rate,2025-09,3,4,75,1000000`);
  });
});
