import { z } from 'zod';

/** A calendar month, "2026-01". CCUS figures are monthly (就業履歴) or half-yearly snapshots. */
export const ZYearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'ccus.invalid_month' });
export type YearMonth = z.infer<typeof ZYearMonth>;

export const yearMonth = (year: number, month: number): YearMonth => `${year}-${String(month).padStart(2, '0')}`;

export function parseYearMonth(ym: YearMonth): { year: number; month: number } {
  const [year, month] = ym.split('-').map(Number) as [number, number];
  return { year, month };
}

/** 年度 of a month: April starts the fiscal year. */
export function fiscalYearOfMonth(ym: YearMonth): number {
  // Read in place (a summary asks for every row's year): "YYYY-MM" is what the type promises.
  const year = Number(ym.slice(0, 4));
  const month = Number(ym.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

/** April = 1 … March = 12. */
export function fiscalMonthIndex(ym: YearMonth): number {
  const { month } = parseYearMonth(ym);
  return month >= 4 ? month - 3 : month + 9;
}

const fiscalYearMonths = new Map<number, readonly YearMonth[]>();

/** The twelve months of a fiscal year, April first (a new array each call: callers may change it). */
export function monthsOfFiscalYear(fiscalYear: number): YearMonth[] {
  // A dashboard summary asks for the same two years' months dozens of times per request.
  let months = fiscalYearMonths.get(fiscalYear);
  if (!months) {
    months = Array.from({ length: 12 }, (_, i) => (i < 9 ? yearMonth(fiscalYear, i + 4) : yearMonth(fiscalYear + 1, i - 8)));
    if (fiscalYearMonths.size < 1_000) fiscalYearMonths.set(fiscalYear, months);
  }
  return months.slice();
}

/**
 * Months of `fiscalYear` reported by the end of `asOf` (inclusive), 0–12: the end of January is 10
 * months into the year.
 */
export function elapsedMonths(fiscalYear: number, asOf: YearMonth): number {
  const fy = fiscalYearOfMonth(asOf);
  if (fy < fiscalYear) return 0;
  if (fy > fiscalYear) return 12;
  return fiscalMonthIndex(asOf);
}

/** The follow-up survey's two snapshots of a fiscal year (上半期 30 Sep, 下半期 31 Mar). */
export const SNAPSHOTS = ['H1', 'H2'] as const;
export type Snapshot = (typeof SNAPSHOTS)[number];
export const ZSnapshot = z.enum(SNAPSHOTS);

export function snapshotMonth(fiscalYear: number, snapshot: Snapshot): YearMonth {
  return snapshot === 'H1' ? yearMonth(fiscalYear, 9) : yearMonth(fiscalYear + 1, 3);
}

/** Whether a month is one of the follow-up snapshots (September or March of some fiscal year). */
export function isSnapshotMonth(month: YearMonth): boolean {
  const fiscalYear = fiscalYearOfMonth(month);
  return SNAPSHOTS.some((s) => snapshotMonth(fiscalYear, s) === month);
}
