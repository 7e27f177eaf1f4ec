/**
 * EN 15978 / ISO 21930 modules as seeds/002 lists them (l.2179–2180), in the order every total
 * is added up. Sums are always taken in this order, so a total equals the sum of its parts as
 * displayed, to the last bit.
 */
export const MODULES = [
  'A1-A3',
  'A4',
  'A5',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'B6',
  'B7',
  'C1',
  'C2',
  'C3',
  'C4',
  'D',
] as const;
export type TModule = (typeof MODULES)[number];
export const MODULE_COUNT = MODULES.length;

export const MODULE_NAMES: Record<TModule, { ja: string; en: string }> = {
  'A1-A3': { ja: '資材製造', en: 'Product stage' },
  A4: { ja: '現場への輸送', en: 'Transport to site' },
  A5: { ja: '施工', en: 'Construction' },
  B1: { ja: '使用（冷媒・発泡剤の漏洩）', en: 'Use (refrigerant and blowing-agent leakage)' },
  B2: { ja: '維持保全', en: 'Maintenance' },
  B3: { ja: '修繕', en: 'Repair' },
  B4: { ja: '更新', en: 'Replacement' },
  B5: { ja: '改修', en: 'Refurbishment' },
  B6: { ja: 'エネルギー消費', en: 'Operational energy' },
  B7: { ja: '水使用', en: 'Operational water' },
  C1: { ja: '解体・撤去', en: 'Demolition' },
  C2: { ja: '廃棄物の輸送', en: 'Waste transport' },
  C3: { ja: '中間処理', en: 'Waste processing' },
  C4: { ja: '廃棄物の処理', en: 'Disposal' },
  D: { ja: '境界外（再利用・リサイクル・輸出エネルギー）', en: 'Beyond the system boundary' },
};

/**
 * A module as the screens name it: its name in the reader's language, the EN 15978 code after it
 * for the expert reader (「資材製造（A1-A3）」, "Product stage (A1-A3)").
 */
export const moduleLabel = (m: TModule, lang: 'ja' | 'en'): string => (lang === 'ja' ? `${MODULE_NAMES[m].ja}（${m}）` : `${MODULE_NAMES[m].en} (${m})`);

/** Module indices, for the typed arrays of the engine. */
export const MODULE_INDEX = {
  A1A3: 0,
  A4: 1,
  A5: 2,
  B1: 3,
  B2: 4,
  B3: 5,
  B4: 6,
  B5: 7,
  B6: 8,
  B7: 9,
  C1: 10,
  C2: 11,
  C3: 12,
  C4: 13,
  D: 14,
} as const;

export type TModuleValues = Record<TModule, number>;

export function moduleValues(values: ArrayLike<number>, offset = 0): TModuleValues {
  const out = {} as TModuleValues;
  for (let m = 0; m < MODULE_COUNT; m++) out[MODULES[m]!] = values[offset + m]!;
  return out;
}

/** Stage groups of SPEC §5; each is a sum of modules in module order. D and storage stay apart. */
export const STAGE_GROUPS = {
  upfront: ['A1-A3', 'A4', 'A5'],
  embodied: ['A1-A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4'],
  operational: ['B6', 'B7'],
  wholeLife: ['A1-A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'C1', 'C2', 'C3', 'C4'],
} as const satisfies Record<string, readonly TModule[]>;
export type TStageGroup = keyof typeof STAGE_GROUPS;

export const STAGE_GROUP_NAMES: Record<TStageGroup, { ja: string; en: string }> = {
  upfront: { ja: 'アップフロントカーボン（A1–A5）', en: 'Upfront carbon (A1–A5)' },
  embodied: { ja: 'エンボディドカーボン（A–C、B6・B7を除く）', en: 'Embodied carbon (A–C without B6–B7)' },
  operational: { ja: 'オペレーショナルカーボン（B6・B7）', en: 'Operational carbon (B6–B7)' },
  wholeLife: { ja: 'ホールライフカーボン（A–C）', en: 'Whole-life carbon (A–C)' },
};

export function sumModules(values: TModuleValues, modules: readonly TModule[]): number {
  let total = 0;
  for (const m of modules) total += values[m];
  return total;
}

/**
 * The EU disclosure rows (seeds/002 l.1937–1945, the EPC table of the EU's draft life-cycle GWP
 * method). B5 and B7 are optional there and shown as optional rows.
 */
export const EU_ROWS = [
  {
    key: 'A1-A3',
    ja: '製品段階（A1～A3）',
    en: 'Product stage (A1–A3)',
    modules: ['A1-A3'],
    optional: false,
  },
  {
    key: 'A4-A5',
    ja: '建設プロセス段階（A4～A5）',
    en: 'Construction process stage (A4–A5)',
    modules: ['A4', 'A5'],
    optional: false,
  },
  {
    key: 'B1-B4',
    ja: '使用・保守・交換段階（B1～B4）',
    en: 'Use, maintenance and replacement (B1–B4)',
    modules: ['B1', 'B2', 'B3', 'B4'],
    optional: false,
  },
  { key: 'B5', ja: '改修（B5、任意）', en: 'Refurbishment (B5, optional)', modules: ['B5'], optional: true },
  {
    key: 'B6',
    ja: '運用時のエネルギー使用段階（B6）',
    en: 'Operational energy use (B6)',
    modules: ['B6'],
    optional: false,
  },
  {
    key: 'B7',
    ja: '運用時の水使用（B7、任意）',
    en: 'Operational water use (B7, optional)',
    modules: ['B7'],
    optional: true,
  },
  {
    key: 'C1-C4',
    ja: '廃棄段階（C1～C4）',
    en: 'End-of-life stage (C1–C4)',
    modules: ['C1', 'C2', 'C3', 'C4'],
    optional: false,
  },
] as const;

/**
 * J-CAT's display rows, as in the Sendai comparison (seeds/002 l.2475–2485): B4 and B5 together,
 * C1–C4 together, and no D.
 */
export const JCAT_ROWS = [
  { key: 'A1-A3', ja: '資材製造 (A1-A3)', modules: ['A1-A3'] },
  { key: 'A4', ja: '資材輸送 (A4)', modules: ['A4'] },
  { key: 'A5', ja: '施工 (A5)', modules: ['A5'] },
  { key: 'B1', ja: '使用 (B1)', modules: ['B1'] },
  { key: 'B2', ja: '維持 (B2)', modules: ['B2'] },
  { key: 'B3', ja: '修繕 (B3)', modules: ['B3'] },
  { key: 'B4-B5', ja: '更新・改修 (B4-B5)', modules: ['B4', 'B5'] },
  { key: 'B6', ja: 'エネルギー消費 (B6)', modules: ['B6'] },
  { key: 'B7', ja: '水消費 (B7)', modules: ['B7'] },
  { key: 'C1-C4', ja: '廃棄・リサイクル (C1-C4)', modules: ['C1', 'C2', 'C3', 'C4'] },
] as const satisfies readonly { key: string; ja: string; modules: readonly TModule[] }[];
