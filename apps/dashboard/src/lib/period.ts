import { fiscalYearOf, jstParts } from '@tsumiki/domain';
import { monthsOfFiscalYear, yearMonth, type YearMonth } from '@tsumiki/domain/ccus';

/** The running fiscal year, as of the last complete month (the current month is not reported yet). */
export function defaultPeriod(now: Date): { fiscalYear: number; asOf: YearMonth } {
  const { year, month } = jstParts(now);
  const asOf = month === 1 ? yearMonth(year - 1, 12) : yearMonth(year, month - 1);
  const fiscalYear = fiscalYearOf(now);
  // In April nothing of the new year is reported: show the year that just ended.
  return monthsOfFiscalYear(fiscalYear).includes(asOf) ? { fiscalYear, asOf } : { fiscalYear: fiscalYear - 1, asOf };
}

/** "2026年1月" / "Jan 2026". */
export function displayMonth(month: YearMonth, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ja-JP', { year: 'numeric', month: locale === 'en' ? 'short' : 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

export const displayNumber = (n: number, locale: string) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 0 }).format(n);
