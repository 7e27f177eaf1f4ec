import { formatJst, formatJstTime, formatYen, japaneseEra, yen } from '@tsumiki/domain';

/** Presentation helpers over the domain's formatting, so every screen shows money and time alike. */
export const displayYen = (amount: number, locale: string) => formatYen(yen(amount), locale === 'en' ? 'en' : 'ja');

export const displayJst = (instant: Date) => formatJst(instant);

export const displayJstTime = (instant: Date) => formatJstTime(instant);

/** 令和7年度 in Japanese, FY2025 in English. */
export function displayFiscalYear(fiscalYear: number, locale: string): string {
  if (locale === 'en') return `FY${fiscalYear}`;
  const { era, year } = japaneseEra(new Date(Date.UTC(fiscalYear, 5, 1)));
  return `${era}${year === 1 ? '元' : year}年度`;
}
