import { citeSource } from '../programmes/forms/model';

type Lang = 'ja' | 'en';

/** The product categories of the starter library and the imports' usual ones, as a reader names them. */
export const PRODUCT_CATEGORY_NAMES: Readonly<Record<string, { ja: string; en: string }>> = {
  wood: { ja: '木材・木質材料', en: 'Wood' },
  concrete: { ja: 'コンクリート', en: 'Concrete' },
  cement: { ja: 'セメント', en: 'Cement' },
  steel: { ja: '鉄鋼', en: 'Steel' },
  aluminium: { ja: 'アルミニウム', en: 'Aluminium' },
  roofing: { ja: '屋根材', en: 'Roofing' },
  facade: { ja: '外装材', en: 'Facade' },
  finish: { ja: '仕上げ材', en: 'Finishes' },
  insulation: { ja: '断熱材', en: 'Insulation' },
  glass: { ja: 'ガラス', en: 'Glass' },
  window: { ja: '建具', en: 'Windows and doors' },
  floor: { ja: '床材', en: 'Flooring' },
  board: { ja: 'ボード類', en: 'Boards' },
  ceiling: { ja: '天井材', en: 'Ceilings' },
  fireproofing: { ja: '耐火被覆', en: 'Fireproofing' },
  frame: { ja: '下地材', en: 'Framing' },
  wall: { ja: '外壁材', en: 'Walls' },
  roof: { ja: '屋根材', en: 'Roofing' },
  epd: { ja: 'EPD（区分なし）', en: 'EPD (no category)' },
};

/**
 * A product category as the library page shows it. Imported lists may carry their own words
 * (「断熱材」 or a code the office uses): a known code gets its name, anything else stays as written.
 */
export function productCategoryName(code: string, lang: Lang = 'ja'): string {
  return Object.hasOwn(PRODUCT_CATEGORY_NAMES, code) ? PRODUCT_CATEGORY_NAMES[code]![lang] : code;
}

/**
 * References to the seed documents as the platform files them ("seeds/002 l.2161–2166",
 * "seeds/002（l.2429）") name a file and its lines, which mean nothing to a reader.
 */
const SEED_REFERENCE = /seeds\/(\d{3})(?:\s*[（(]?\s*l\.\s*[\d,–\-\s]+[)）]?)?/g;

/**
 * A factor's source as its readers cite it: each document of a "; "-separated source on its own,
 * a reference to a seed document replaced by the document's title (no file, no line numbers).
 */
export function factorSourceTitles(source: string, lang: Lang = 'ja'): string[] {
  const titles = source
    .split(/\s*;\s*/)
    .map((part) => part.replace(SEED_REFERENCE, (_, doc: string) => citeSource(doc)[lang]).trim())
    .filter((part) => part !== '');
  return [...new Set(titles)];
}
