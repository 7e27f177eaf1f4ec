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

/**
 * Whether a table's text is short enough to be one word (評価平均, 経費区分, ○ 対象) and so kept on
 * one line: in a narrow column Japanese may break between any two characters, and 評価平 / 均 or
 * 対 / 象 reads as two words. Longer text is a phrase and may wrap.
 */
export const keptWhole = (text: string) => text.length <= 6;

/** The style of a table cell or header holding `text`: one line when it is kept whole. */
export const wholeIfShort = (text: string) => (keptWhole(text) ? { whiteSpace: 'nowrap' as const } : undefined);
