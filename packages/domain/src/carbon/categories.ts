import { z } from 'zod';

/**
 * J-CAT's work categories (工事科目) and sub-items (工事細目), and which of them each of its three
 * methods takes quantities for. Transcribed from the table 「(参考) J-CATにおける3つの算定法について」
 * in seeds/002 (l.966–993). The PDF conversion reads 躯体 as 「転体」 there; the table's codes
 * (3.1–3.9) and the SPEC (§5) make clear it is 躯体.
 */
export const CATEGORY_CODES = ['1', '2', '3', '4', '5', '6'] as const;
export type TCategoryCode = (typeof CATEGORY_CODES)[number];
export const ZCategoryCode = z.enum(CATEGORY_CODES, { error: 'carbon.category_unknown' });

export const METHODS = ['simple', 'standard', 'detailed'] as const;
export type TMethod = (typeof METHODS)[number];
export const ZMethod = z.enum(METHODS, { error: 'carbon.method_unknown' });
export const METHOD_NAMES: Record<TMethod, { ja: string; en: string }> = {
  simple: { ja: '簡易算定法', en: 'simple method' },
  standard: { ja: '標準算定法', en: 'standard method' },
  detailed: { ja: '詳細算定法', en: 'detailed method' },
};

/**
 * ○ full: quantities are entered; △ partial: only some products (the table's note says which);
 * ※ optional_rc: in principle not entered, but recommended for RC buildings; × none: not entered.
 */
export type TCoverage = 'full' | 'partial' | 'optional_rc' | 'none';

export interface TSubItem {
  code: string;
  category: TCategoryCode;
  ja: string;
  en: string;
  coverage: Record<TMethod, TCoverage>;
  /** The table's own remark on a △. */
  partialNote?: { ja: string; en: string };
}

export const CATEGORY_NAMES: Record<TCategoryCode, { ja: string; en: string }> = {
  '1': { ja: '直接仮設', en: 'Direct temporary works' },
  '2': { ja: '土工・地業', en: 'Earthworks and foundations' },
  '3': { ja: '躯体', en: 'Structure' },
  '4': { ja: '外部仕上げ', en: 'External finishes' },
  '5': { ja: '内部仕上げ', en: 'Internal finishes' },
  '6': { ja: 'その他', en: 'Other' },
};

const c = (simple: TCoverage, standard: TCoverage, detailed: TCoverage) => ({ simple, standard, detailed });

/** Category 1 has no sub-items in the table; it is its own single item "1". */
export const SUB_ITEMS: readonly TSubItem[] = [
  {
    code: '1',
    category: '1',
    ja: '直接仮設',
    en: 'Direct temporary works',
    coverage: c('none', 'none', 'full'),
  },
  { code: '2.1', category: '2', ja: '土工事', en: 'Earthworks', coverage: c('full', 'full', 'full') },
  {
    code: '2.2',
    category: '2',
    ja: '杭・基礎',
    en: 'Piles and foundations',
    coverage: c('full', 'full', 'full'),
  },
  { code: '3.1', category: '3', ja: 'コンクリート', en: 'Concrete', coverage: c('full', 'full', 'full') },
  {
    code: '3.2',
    category: '3',
    ja: '型枠',
    en: 'Formwork',
    coverage: c('optional_rc', 'optional_rc', 'full'),
  },
  { code: '3.3', category: '3', ja: '鉄骨', en: 'Structural steel', coverage: c('full', 'full', 'full') },
  { code: '3.4', category: '3', ja: '鉄筋', en: 'Reinforcing bar', coverage: c('full', 'full', 'full') },
  { code: '3.5', category: '3', ja: '木材', en: 'Timber', coverage: c('full', 'full', 'full') },
  {
    code: '3.9',
    category: '3',
    ja: 'その他',
    en: 'Other structure',
    coverage: c('partial', 'partial', 'full'),
    partialNote: { ja: 'デッキプレート等', en: 'deck plates etc.' },
  },
  { code: '4.1', category: '4', ja: '屋根', en: 'Roof', coverage: c('none', 'full', 'full') },
  { code: '4.2', category: '4', ja: '外壁', en: 'External walls', coverage: c('none', 'full', 'full') },
  {
    code: '4.3',
    category: '4',
    ja: '外部開口部',
    en: 'External openings',
    coverage: c('none', 'full', 'full'),
  },
  { code: '4.4', category: '4', ja: '断熱', en: 'Insulation', coverage: c('none', 'none', 'full') },
  { code: '4.9', category: '4', ja: '外部雑', en: 'External sundries', coverage: c('none', 'none', 'full') },
  { code: '5.1', category: '5', ja: '内部床', en: 'Internal floors', coverage: c('none', 'full', 'full') },
  { code: '5.2', category: '5', ja: '内壁', en: 'Internal walls', coverage: c('none', 'full', 'full') },
  {
    code: '5.3',
    category: '5',
    ja: '内部開口部',
    en: 'Internal openings',
    coverage: c('none', 'full', 'full'),
  },
  { code: '5.4', category: '5', ja: '天井', en: 'Ceilings', coverage: c('none', 'full', 'full') },
  {
    code: '5.5',
    category: '5',
    ja: '断熱・吸音',
    en: 'Insulation and acoustic',
    coverage: c('none', 'none', 'full'),
  },
  {
    code: '5.9',
    category: '5',
    ja: '内部雑',
    en: 'Internal sundries',
    coverage: c('none', 'partial', 'full'),
    partialNote: { ja: 'ユニットバス、キッチン等', en: 'unit baths, kitchens etc.' },
  },
  { code: '6.1', category: '6', ja: 'その他', en: 'Other', coverage: c('none', 'none', 'full') },
];

export const SUB_ITEM_CODES = SUB_ITEMS.map((s) => s.code);
const SUB_ITEM_BY_CODE = new Map(SUB_ITEMS.map((s) => [s.code, s]));
export const subItem = (code: string): TSubItem | undefined => SUB_ITEM_BY_CODE.get(code);
export const CATEGORY_INDEX: Record<TCategoryCode, number> = {
  '1': 0,
  '2': 1,
  '3': 2,
  '4': 3,
  '5': 4,
  '6': 5,
};

/** Categories whose only sub-item is themselves, so a line may leave the sub-item out. */
export const DEFAULT_SUB_ITEM: Partial<Record<TCategoryCode, string>> = { '1': '1', '6': '6.1' };

export interface TMethodCoverage {
  method: TMethod;
  /** Sub-items the method takes no quantities for (×): their carbon is not in the result. */
  notCovered: TSubItem[];
  /** Sub-items the method takes only some products for (△). */
  partial: TSubItem[];
  /** Sub-items normally left out but recommended for RC (※). */
  optionalForRc: TSubItem[];
}

/** What a method covers, for the UI to show before anything is entered. */
export function methodCoverage(method: TMethod): TMethodCoverage {
  return {
    method,
    notCovered: SUB_ITEMS.filter((s) => s.coverage[method] === 'none'),
    partial: SUB_ITEMS.filter((s) => s.coverage[method] === 'partial'),
    optionalForRc: SUB_ITEMS.filter((s) => s.coverage[method] === 'optional_rc'),
  };
}
