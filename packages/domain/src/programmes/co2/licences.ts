import { yen, type Yen } from '../../money';
import { fractionOf } from '../shared/amounts';
import { addDays, addYears, daysInclusive, minDate, type IsoDate } from '../shared/dates';
import type { TLicence } from './input';

/** Database and tool licences (001 §4.2(2)(5)): their term, and the share of the fee that counts. */

/** The last day of the licence: the contract's end, or the day before the useful life runs out. */
export function licenceEnd(l: TLicence): IsoDate {
  if (l.acquisition === 'subscription') return l.end ?? l.start;
  return addDays(addYears(l.start, l.usefulLifeYears ?? 1), -1);
}

/**
 * "1年以下": a subscription ending before the first anniversary of its start (2025-06-01 →
 * 2026-05-31 is one year; → 2026-06-01 is more), or a purchase with a useful life of 1 year.
 */
export function isOneYearOrLess(l: TLicence): boolean {
  if (l.acquisition === 'purchase') return (l.usefulLifeYears ?? 1) <= 1;
  return l.end !== undefined && l.end < addYears(l.start, 1);
}

export interface LicenceJudgement {
  counted: Yen;
  full: boolean;
  /** Days of the whole term and days up to the results report, both counted inclusively. */
  termDays: number;
  usedDays: number;
  /** Still usable after the project (decides the ¥20,000 residual-value rule); null when unknown. */
  usableAfter: boolean | null;
}

/**
 * 001 §4.2(2)(5): the fee up to the results report counts, but a licence of a year or less counts
 * in full. Proration is by days: fee × (days from the start to the report, or to the end if
 * earlier) ÷ (days of the whole term), both inclusive, rounded down to the yen.
 */
export function judgeLicence(
  l: TLicence,
  amount: Yen,
  resultsReportDate: IsoDate | undefined,
): LicenceJudgement {
  const end = licenceEnd(l);
  const termDays = daysInclusive(l.start, end);
  const usableAfter = l.usableAfterProject ?? (resultsReportDate ? end > resultsReportDate : null);
  if (isOneYearOrLess(l)) return { counted: amount, full: true, termDays, usedDays: termDays, usableAfter };
  if (!resultsReportDate) return { counted: yen(0), full: false, termDays, usedDays: 0, usableAfter };
  const usedDays = daysInclusive(l.start, minDate(end, resultsReportDate));
  return {
    counted: fractionOf(amount, usedDays, termDays),
    full: usedDays >= termDays,
    termDays,
    usedDays,
    usableAfter,
  };
}
