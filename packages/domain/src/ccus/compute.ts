import { z } from 'zod';
import type { MetricKind, RollupView } from './metrics';
import { elapsedMonths, monthsOfFiscalYear, type YearMonth } from './period';

/**
 * One member's (or one association's) figure for one metric and period. Counts carry only a
 * numerator; rates carry both parts, never a percentage, so roll-ups stay exact.
 */
export const ZFigure = z
  .object({
    numerator: z.number().finite().nonnegative({ message: 'ccus.figure_negative' }),
    denominator: z.number().finite().positive({ message: 'ccus.denominator_not_positive' }).nullable().optional(),
    /** 事業費 (e.g. prior-year completed works, yen) for cost-weighted views. */
    weightYen: z.number().int().nonnegative().nullable().optional(),
  })
  .refine((f) => f.denominator == null || f.numerator <= f.denominator, {
    message: 'ccus.numerator_exceeds_denominator',
    path: ['numerator'],
  });
export type Figure = z.infer<typeof ZFigure>;

/** A rate's value from its parts: numerator ÷ denominator, or null without a positive denominator. */
export const ratioValue = (numerator: number, denominator: number | null | undefined): number | null =>
  denominator != null && denominator > 0 ? numerator / denominator : null;

/** What a figure shows for its metric: the count itself, or the rate from its parts. */
export function metricValue(kind: MetricKind, figure: { readonly numerator: number | null; readonly denominator?: number | null }): number | null {
  if (figure.numerator == null) return null;
  return kind === 'ratio' ? ratioValue(figure.numerator, figure.denominator) : figure.numerator;
}

export interface Rollup {
  view: RollupView;
  /** Σ for counts; a fraction for rates; null when nothing could be combined. */
  value: number | null;
  numerator: number;
  denominator: number | null;
  /** Figures used, and figures left out (no denominator, or no 事業費 for the cost-weighted view). */
  included: number;
  excluded: number;
}

/**
 * Combines figures across members or associations. Rates are recomputed from their parts (count
 * view) or weighted by project cost (事業費割合); a plain mean of percentages is never offered,
 * because a five-person firm would count as much as a five-thousand-person one.
 */
export function rollUp(kind: MetricKind, figures: readonly Figure[], view: RollupView = 'count'): Rollup {
  if (kind !== 'ratio') {
    const numerator = figures.reduce((s, f) => s + f.numerator, 0);
    return { view: 'count', value: figures.length ? numerator : null, numerator, denominator: null, included: figures.length, excluded: 0 };
  }
  const usable = figures.filter((f) => f.denominator != null && f.denominator > 0);
  if (view === 'count') {
    const numerator = usable.reduce((s, f) => s + f.numerator, 0);
    const denominator = usable.reduce((s, f) => s + (f.denominator ?? 0), 0);
    return {
      view,
      value: ratioValue(numerator, denominator),
      numerator,
      denominator,
      included: usable.length,
      excluded: figures.length - usable.length,
    };
  }
  const weighted = usable.filter((f) => (f.weightYen ?? 0) > 0);
  const totalWeight = weighted.reduce((s, f) => s + (f.weightYen ?? 0), 0);
  const weightedSum = weighted.reduce((s, f) => s + (ratioValue(f.numerator, f.denominator) ?? 0) * (f.weightYen ?? 0), 0);
  return {
    view,
    value: ratioValue(weightedSum, totalWeight),
    numerator: weightedSum,
    denominator: totalWeight,
    included: weighted.length,
    excluded: figures.length - weighted.length,
  };
}

/** Achievement rate (達成率) = actual ÷ target; undefined for a zero or missing target. */
export function achievement(actual: number, target: number | null | undefined): number | null {
  return target && target > 0 ? actual / target : null;
}

/** Status against the pro-rated target; the thresholds are shown beside every status. */
export const STATUS_THRESHOLDS = { onTrack: 1, atRisk: 0.9 } as const;
export type PaceStatus = 'on_track' | 'at_risk' | 'behind' | 'no_target';

export function paceStatus(proratedAchievement: number | null, thresholds = STATUS_THRESHOLDS): PaceStatus {
  if (proratedAchievement == null) return 'no_target';
  if (proratedAchievement >= thresholds.onTrack) return 'on_track';
  if (proratedAchievement >= thresholds.atRisk) return 'at_risk';
  return 'behind';
}

export type ProjectionMethod =
  | 'linear' // cumulative ÷ elapsed months × 12
  | 'seasonal'; // cumulative × (last year's total ÷ last year's same months)

export interface RunningYear {
  fiscalYear: number;
  asOf: YearMonth;
  elapsedMonths: number;
  cumulative: number;
  annualTarget: number | null;
  /** Cumulative ÷ annual target (e.g. 日空衛: 52% at the end of January). */
  annualAchievement: number | null;
  /** The target for the months elapsed: Σ monthly targets, or the annual target × elapsed ÷ 12. */
  proratedTarget: number | null;
  proratedAchievement: number | null;
  latestMonth: { month: YearMonth; actual: number | null; target: number | null; achievement: number | null };
  projection: { method: ProjectionMethod; value: number; achievement: number | null };
  status: PaceStatus;
  thresholds: typeof STATUS_THRESHOLDS;
}

/**
 * Where a flow metric stands in a running fiscal year, in the two ways seeds/000 reports it
 * (cumulative against the annual target; the month against its target) plus pace and a
 * projection to year end. The projection is seasonal when last year is complete, else linear;
 * the result says which.
 */
export function runningYear(input: {
  fiscalYear: number;
  asOf: YearMonth;
  monthly: Readonly<Record<YearMonth, number>>;
  annualTarget?: number | null;
  monthlyTargets?: Readonly<Record<YearMonth, number>>;
  previousYearMonthly?: Readonly<Record<YearMonth, number>>;
}): RunningYear {
  const { fiscalYear, asOf, monthly } = input;
  const months = monthsOfFiscalYear(fiscalYear);
  const elapsed = elapsedMonths(fiscalYear, asOf);
  const done = months.slice(0, elapsed);
  const cumulative = done.reduce((s, m) => s + (monthly[m] ?? 0), 0);
  const annualTarget = input.annualTarget ?? null;

  const monthlyTargets = input.monthlyTargets;
  const hasMonthlyTargets = monthlyTargets !== undefined && done.every((m) => monthlyTargets[m] !== undefined);
  const proratedTarget = hasMonthlyTargets
    ? done.reduce((s, m) => s + (monthlyTargets[m] ?? 0), 0)
    : annualTarget != null
      ? (annualTarget * elapsed) / 12
      : null;
  const proratedAchievement = achievement(cumulative, proratedTarget);

  const latest = done.at(-1) ?? months[0]!;
  const latestTarget = monthlyTargets?.[latest] ?? (annualTarget != null ? annualTarget / 12 : null);
  const latestActual = monthly[latest] ?? null;

  const previous = input.previousYearMonthly;
  const previousMonths = monthsOfFiscalYear(fiscalYear - 1);
  const previousComplete = previous !== undefined && previousMonths.every((m) => previous[m] !== undefined);
  const previousSame = previousComplete ? previousMonths.slice(0, elapsed).reduce((s, m) => s + (previous[m] ?? 0), 0) : 0;
  const previousTotal = previousComplete ? previousMonths.reduce((s, m) => s + (previous[m] ?? 0), 0) : 0;
  const seasonal = previousComplete && previousSame > 0 && elapsed > 0;
  const projectionValue = seasonal
    ? (cumulative * previousTotal) / previousSame
    : elapsed > 0
      ? (cumulative / elapsed) * 12
      : 0;

  return {
    fiscalYear,
    asOf,
    elapsedMonths: elapsed,
    cumulative,
    annualTarget,
    annualAchievement: achievement(cumulative, annualTarget),
    proratedTarget,
    proratedAchievement,
    latestMonth: {
      month: latest,
      actual: latestActual,
      target: latestTarget,
      achievement: latestActual == null ? null : achievement(latestActual, latestTarget),
    },
    projection: {
      method: seasonal ? 'seasonal' : 'linear',
      value: projectionValue,
      achievement: achievement(projectionValue, annualTarget),
    },
    status: paceStatus(proratedAchievement),
    thresholds: STATUS_THRESHOLDS,
  };
}

export type YearOnYear =
  | { kind: 'points'; change: number } // rates: difference in percentage points (as a fraction)
  | { kind: 'relative'; change: number }; // counts: current ÷ previous − 1

export function yearOnYear(kind: MetricKind, current: number, previous: number): YearOnYear | null {
  if (kind === 'ratio') return { kind: 'points', change: current - previous };
  return previous > 0 ? { kind: 'relative', change: current / previous - 1 } : null;
}

/** "189%", "45.9%": at most one decimal, as the associations write them. */
export function formatRate(value: number, locale: 'ja' | 'en' = 'ja'): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * Where a figure stands: alone it is written as short as it is ("+10 pt"); in a column every
 * figure carries its one decimal ("+10.0 pt" under "+5.7 pt"), so the column lines up at the point.
 */
export type FigurePlacement = 'alone' | 'column';

/**
 * "63.0%", "66.4%": one decimal always, for a column of rates, which then lines up at the point
 * ("63%" above "66.4%" reads as a different kind of figure). Single figures keep formatRate.
 */
export function formatRateInColumn(value: number, locale: 'ja' | 'en' = 'ja'): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A relative change with its sign ("+18.6%", "−3.2%"): beside 前年同期比 an unsigned 18.6% would
 * read as 18.6% of last year.
 */
export function formatRateChange(change: number, locale: 'ja' | 'en' = 'ja', placement: FigurePlacement = 'alone'): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'percent',
    minimumFractionDigits: placement === 'column' ? 1 : 0,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change);
}

/** "−7.7 pt". */
export function formatPoints(change: number, locale: 'ja' | 'en' = 'ja', placement: FigurePlacement = 'alone'): string {
  const n = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    minimumFractionDigits: placement === 'column' ? 1 : 0,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change * 100);
  return `${n} pt`;
}
