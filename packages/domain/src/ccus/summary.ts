import { achievement, metricValue, paceStatus, ratioValue, runningYear, yearOnYear, type RunningYear, type YearOnYear } from './compute';
import type { MetricDefinition } from './metrics';
import { fiscalYearOfMonth, monthsOfFiscalYear, type YearMonth } from './period';

/**
 * One association's (or the nation's) figure for one metric and month, as sums that combine
 * exactly: numerator and denominator for the count view, Σ rate × 事業費 and Σ 事業費 for the
 * cost-weighted view.
 */
export interface MonthlyAggregate {
  metricCode: string;
  month: YearMonth;
  numerator: number;
  denominator: number | null;
  weightedRateSum: number;
  weightSum: number;
}

/** Sums aggregates of the same metric and month (associations into the nation). */
export function combineAggregates(aggregates: readonly MonthlyAggregate[]): MonthlyAggregate[] {
  // Keyed metric → month in two maps: no key string is built per row (the national roll-up combines thousands).
  const byMetric = new Map<string, Map<YearMonth, MonthlyAggregate>>();
  const combined: MonthlyAggregate[] = [];
  for (const a of aggregates) {
    let byMonth = byMetric.get(a.metricCode);
    if (!byMonth) byMetric.set(a.metricCode, (byMonth = new Map<YearMonth, MonthlyAggregate>()));
    const seen = byMonth.get(a.month);
    if (!seen) {
      const first = { ...a };
      byMonth.set(a.month, first);
      combined.push(first);
    } else {
      seen.numerator += a.numerator;
      seen.denominator = seen.denominator == null && a.denominator == null ? null : (seen.denominator ?? 0) + (a.denominator ?? 0);
      seen.weightedRateSum += a.weightedRateSum;
      seen.weightSum += a.weightSum;
    }
  }
  return combined;
}

export interface MetricTarget {
  annualTarget: number;
  monthlyTargets?: Record<YearMonth, number> | null;
}

export type MetricSummary =
  | { metricCode: string; kind: 'flow'; year: RunningYear; previousYearTotal: number | null; yearOnYear: YearOnYear | null }
  | {
      metricCode: string;
      kind: 'ratio' | 'stock';
      /** The latest month of the fiscal year with a figure, up to asOf. */
      month: YearMonth | null;
      value: number | null;
      costWeightedValue: number | null;
      target: number | null;
      achievement: number | null;
      status: ReturnType<typeof paceStatus>;
      previousValue: number | null;
      yearOnYear: YearOnYear | null;
    };

const valueOf = (kind: MetricDefinition['kind'], a: MonthlyAggregate) => metricValue(kind, a);

/**
 * What an association page or the ministry overview shows for one metric in a fiscal year: the
 * running year of a flow metric (pace, projection, status), or the latest snapshot of a rate or
 * count against its target, each with the change from the year before.
 */
export function summariseMetric(input: {
  metric: Pick<MetricDefinition, 'code' | 'kind'>;
  aggregates: readonly MonthlyAggregate[];
  fiscalYear: number;
  asOf: YearMonth;
  target?: MetricTarget | null;
}): MetricSummary {
  const { metric, fiscalYear, asOf } = input;
  const own = input.aggregates.filter((a) => a.metricCode === metric.code);
  if (metric.kind === 'flow') {
    const monthly: Record<YearMonth, number> = {};
    const previous: Record<YearMonth, number> = {};
    for (const a of own) {
      const fy = fiscalYearOfMonth(a.month);
      if (fy === fiscalYear) monthly[a.month] = a.numerator;
      else if (fy === fiscalYear - 1) previous[a.month] = a.numerator;
    }
    const year = runningYear({
      fiscalYear,
      asOf,
      monthly,
      annualTarget: input.target?.annualTarget ?? null,
      monthlyTargets: input.target?.monthlyTargets ?? undefined,
      previousYearMonthly: previous,
    });
    const previousMonths = monthsOfFiscalYear(fiscalYear - 1);
    const previousSame = previousMonths.slice(0, year.elapsedMonths);
    const hasPrevious = previousSame.length > 0 && previousSame.every((m) => previous[m] !== undefined);
    const previousCumulative = previousSame.reduce((s, m) => s + (previous[m] ?? 0), 0);
    const previousComplete = previousMonths.every((m) => previous[m] !== undefined);
    return {
      metricCode: metric.code,
      kind: 'flow',
      year,
      previousYearTotal: previousComplete ? previousMonths.reduce((s, m) => s + (previous[m] ?? 0), 0) : null,
      // Same months a year earlier: April–January against April–January.
      yearOnYear: hasPrevious ? yearOnYear('flow', year.cumulative, previousCumulative) : null,
    };
  }
  const inYear = own
    .filter((a) => fiscalYearOfMonth(a.month) === fiscalYear && a.month <= asOf)
    // "YYYY-MM" sorts as plain text; localeCompare would ask the collator for each pair.
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const latest = inYear.at(-1) ?? null;
  const value = latest ? valueOf(metric.kind, latest) : null;
  const lastYearMonth = latest ? (`${Number(latest.month.slice(0, 4)) - 1}${latest.month.slice(4)}`) : null;
  const previous = lastYearMonth ? own.find((a) => a.month === lastYearMonth) : undefined;
  const previousValue = previous ? valueOf(metric.kind, previous) : null;
  const target = input.target?.annualTarget ?? null;
  const reached = value == null ? null : achievement(value, target);
  return {
    metricCode: metric.code,
    kind: metric.kind,
    month: latest?.month ?? null,
    value,
    costWeightedValue: latest && metric.kind === 'ratio' ? ratioValue(latest.weightedRateSum, latest.weightSum) : null,
    target,
    achievement: reached,
    status: paceStatus(reached),
    previousValue,
    yearOnYear: value != null && previousValue != null ? yearOnYear(metric.kind, value, previousValue) : null,
  };
}

export interface CumulativePoint {
  month: YearMonth;
  /** This year's monthly and running total; null after the as-of month. */
  actual: number | null;
  cumulative: number | null;
  /** The same month of the year before and its running total. */
  previous: number | null;
  previousCumulative: number | null;
  /** The target to this month: Σ monthly targets, or the annual target pro-rated by month. */
  cumulativeTarget: number | null;
}

/** The twelve points of a flow metric's trend chart, by the same pro-rating rule as runningYear. */
export function cumulativeSeries(input: {
  metricCode: string;
  aggregates: readonly MonthlyAggregate[];
  fiscalYear: number;
  asOf: YearMonth;
  target?: MetricTarget | null;
}): CumulativePoint[] {
  const valueOf = new Map(input.aggregates.filter((a) => a.metricCode === input.metricCode).map((a) => [a.month, a.numerator]));
  const previousMonths = monthsOfFiscalYear(input.fiscalYear - 1);
  let cumulative = 0;
  let previousCumulative = 0;
  let targetSoFar = 0;
  return monthsOfFiscalYear(input.fiscalYear).map((month, i) => {
    const reported = month <= input.asOf;
    const actual = reported ? (valueOf.get(month) ?? null) : null;
    cumulative += actual ?? 0;
    const previous = valueOf.get(previousMonths[i]!) ?? null;
    previousCumulative += previous ?? 0;
    const monthly = input.target?.monthlyTargets?.[month];
    targetSoFar += monthly ?? 0;
    const annual = input.target?.annualTarget;
    return {
      month,
      actual,
      cumulative: reported ? cumulative : null,
      previous,
      previousCumulative: previous == null ? null : previousCumulative,
      cumulativeTarget: input.target?.monthlyTargets ? targetSoFar : annual != null ? (annual * (i + 1)) / 12 : null,
    };
  });
}

