import { describe, expect, it } from 'vitest';
import { monthsOfFiscalYear } from './period';
import { combineAggregates, cumulativeSeries, summariseMetric, type MonthlyAggregate } from './summary';

const agg = (metricCode: string, month: string, numerator: number, denominator: number | null = null, weighted = 0, weight = 0): MonthlyAggregate => ({
  metricCode,
  month,
  numerator,
  denominator,
  weightedRateSum: weighted,
  weightSum: weight,
});

describe('summaries', () => {
  it('combines associations exactly: rates from their parts, cost weighting from member sums', () => {
    const nation = combineAggregates([
      agg('worker_registration_rate', '2025-09', 900, 1_000, 0.9 * 50, 50),
      agg('worker_registration_rate', '2025-09', 10, 100, 0.1 * 950, 950),
      agg('work_history_records', '2025-09', 1_000),
      agg('work_history_records', '2025-09', 2_500),
    ]);
    const rate = nation.find((a) => a.metricCode === 'worker_registration_rate')!;
    expect(rate.numerator / rate.denominator!).toBe(910 / 1_100);
    expect(rate.weightedRateSum / rate.weightSum).toBeCloseTo((0.9 * 50 + 0.1 * 950) / 1_000, 12);
    expect(nation.find((a) => a.metricCode === 'work_history_records')?.numerator).toBe(3_500);
  });

  it('a flow metric: running year with last year’s same months for the change', () => {
    const previous = monthsOfFiscalYear(2024).map((m) => agg('work_history_records', m, 80_000));
    const current = monthsOfFiscalYear(2025).slice(0, 10).map((m) => agg('work_history_records', m, 100_000));
    const summary = summariseMetric({
      metric: { code: 'work_history_records', kind: 'flow' },
      aggregates: [...previous, ...current],
      fiscalYear: 2025,
      asOf: '2026-01',
      target: { annualTarget: 1_100_000 },
    });
    if (summary.kind !== 'flow') throw new Error('expected a flow summary');
    expect(summary.year.cumulative).toBe(1_000_000);
    expect(summary.year.projection).toEqual({ method: 'seasonal', value: 1_200_000, achievement: 1_200_000 / 1_100_000 });
    expect(summary.previousYearTotal).toBe(960_000);
    expect(summary.yearOnYear).toEqual({ kind: 'relative', change: 1_000_000 / 800_000 - 1 });
  });

  it('a rate: the latest snapshot up to the as-of month, against its target and a year earlier', () => {
    const summary = summariseMetric({
      metric: { code: 'registration_renewal_rate', kind: 'ratio' },
      aggregates: [
        agg('registration_renewal_rate', '2024-09', 300, 400),
        agg('registration_renewal_rate', '2025-09', 320, 400, 0.8 * 10, 10),
        agg('registration_renewal_rate', '2026-03', 390, 400), // after asOf: not yet shown
      ],
      fiscalYear: 2025,
      asOf: '2026-01',
      target: { annualTarget: 0.8 },
    });
    expect(summary).toMatchObject({ month: '2025-09', value: 0.8, costWeightedValue: 0.8, achievement: 1, status: 'on_track', previousValue: 0.75 });
    if (summary.kind === 'flow') throw new Error('expected a rate summary');
    expect(summary.yearOnYear?.kind).toBe('points');
    expect(summary.yearOnYear?.change).toBeCloseTo(0.05, 12);
  });

  it('says nothing rather than zero when there is no figure', () => {
    const summary = summariseMetric({ metric: { code: 'touch_rate', kind: 'ratio' }, aggregates: [], fiscalYear: 2025, asOf: '2026-01' });
    expect(summary).toMatchObject({ month: null, value: null, achievement: null, status: 'no_target' });
  });

  it('draws the trend: running totals up to the as-of month, last year alongside, the pro-rated target', () => {
    const aggregates = [
      ...monthsOfFiscalYear(2024).map((m) => agg('work_history_records', m, 10)),
      ...monthsOfFiscalYear(2025).slice(0, 3).map((m) => agg('work_history_records', m, 20)),
    ];
    const points = cumulativeSeries({ metricCode: 'work_history_records', aggregates, fiscalYear: 2025, asOf: '2025-05', target: { annualTarget: 240 } });
    expect(points).toHaveLength(12);
    expect(points.slice(0, 3).map((p) => p.cumulative)).toEqual([20, 40, null]);
    expect(points[11]).toMatchObject({ month: '2026-03', actual: null, previousCumulative: 120, cumulativeTarget: 240 });
    expect(points[0]?.cumulativeTarget).toBe(20);
  });
});

