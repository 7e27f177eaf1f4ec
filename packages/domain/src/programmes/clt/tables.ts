import { z } from 'zod';
import { ZText } from '../shared/definition';

/**
 * 003 参考資料2 「実証事業費として計上可能な工事費等の考え方」, transcribed as data.
 *
 * ○ = may be claimed, △ = may be claimed when an explanation is accepted (説明が認められれば),
 * × = may not be claimed. The tables are a guide (目安): the office may still judge by the facts
 * and trim by budget (ただし、実態に応じて別途判断する…査定することがある), which every
 * result says.
 */

export const MARKS = ['○', '△', '×'] as const;
export type TMark = (typeof MARKS)[number];

/** The four ways of using CLT, the columns of 表1. */
export const CLT_USES = [
  'panel_only',
  'panel_with_other',
  'surface_structural',
  'surface_non_structural',
] as const;
export type TCltUse = (typeof CLT_USES)[number];
export const CLT_USE_NAMES: Record<TCltUse, { ja: string; en: string }> = {
  panel_only: { ja: 'CLTパネル工法のみ', en: 'CLT panel method only' },
  panel_with_other: {
    ja: 'CLTパネル工法と他の構造を併用する場合',
    en: 'CLT panel method combined with another structure',
  },
  surface_structural: {
    ja: 'CLTを面材等として利用する場合（構造材利用）',
    en: 'CLT as surface material, structural',
  },
  surface_non_structural: {
    ja: 'CLTを面材等として利用する場合（非構造材利用）',
    en: 'CLT as surface material, non-structural',
  },
};
/** Columns to which footnote 1) (apportion by floor area when separable) and 2) apply. */
export const APPORTIONABLE_USES: readonly TCltUse[] = ['panel_with_other', 'surface_structural'];
export const isStructuralUse = (use: TCltUse) => use !== 'surface_non_structural';

/**
 * Cell qualifiers written in brackets in 表1:
 * - attached_to_clt_only: ○ only for fittings attached to CLT (金属製建具, CLTに取り付く場合に限る);
 * - interior_excluded: △, but interior fittings are never claimable (木製建具, 内部建具は計上不可);
 * - with_metal_fittings_allowed: △, but ○ when it comes with metal fittings (ガラス, 金属製建具に付随する場合は計上可);
 * - overheads_prorated: ○ up to the overheads prorated by the share of claimable works (諸経費).
 */
export const CELL_RULES = [
  'attached_to_clt_only',
  'interior_excluded',
  'with_metal_fittings_allowed',
  'overheads_prorated',
] as const;
export type TCellRule = (typeof CELL_RULES)[number];

export const ZMatrixCell = z.strictObject({
  mark: z.enum(MARKS),
  rule: z.enum(CELL_RULES).optional(),
  note: z.string().optional(),
});
export type TMatrixCell = z.infer<typeof ZMatrixCell>;

export const WORK_GROUPS = ['main', 'equipment', 'overheads', 'separate'] as const;
export const ZWorkRow = z.strictObject({
  code: z.string().regex(/^[a-z_]+$/),
  group: z.enum(WORK_GROUPS),
  name: ZText,
  cells: z.strictObject({
    panel_only: ZMatrixCell,
    panel_with_other: ZMatrixCell,
    surface_structural: ZMatrixCell,
    surface_non_structural: ZMatrixCell,
  }),
});
export type TWorkRow = z.infer<typeof ZWorkRow>;

const c = (mark: TMark, rule?: TCellRule, note?: string): TMatrixCell => ({
  mark,
  ...(rule ? { rule } : {}),
  ...(note ? { note } : {}),
});
const row = (
  code: string,
  group: (typeof WORK_GROUPS)[number],
  ja: string,
  en: string,
  cells: [TMatrixCell, TMatrixCell, TMatrixCell, TMatrixCell],
): TWorkRow => ({
  code,
  group,
  name: { ja, en },
  cells: {
    panel_only: cells[0],
    panel_with_other: cells[1],
    surface_structural: cells[2],
    surface_non_structural: cells[3],
  },
});
const all = (mark: TMark): [TMatrixCell, TMatrixCell, TMatrixCell, TMatrixCell] => [
  c(mark),
  c(mark),
  c(mark),
  c(mark),
];

/**
 * 表1 CLTの利用方法による計上可能な工事費の目安.
 *
 * The first five rows (仮設, 土工, コンクリート, 型枠, 鉄筋) show only three marks in the source
 * text ("○ ○ ×"): one cell spans two columns in the original. They are read as ○ ○ ○ ×, because
 * 参考資料2 §1 says that when CLT is used structurally the structural frame in general, foundations
 * included, may be claimed (構造躯体全般(基礎、構造部材)…は計上可能) — that covers both
 * structural columns — and the non-structural column is × in every other foundation-like row.
 */
export const CONSTRUCTION_WORKS: readonly TWorkRow[] = z
  .array(ZWorkRow)
  .parse([
    row('temporary', 'main', '仮設工事', 'Temporary works', [
      c('○'),
      c('○'),
      c('○', undefined, 'merged cell in the source; see the note on the table'),
      c('×'),
    ]),
    row('earthwork', 'main', '土工事', 'Earthwork', [
      c('○'),
      c('○'),
      c('○', undefined, 'merged cell in the source; see the note on the table'),
      c('×'),
    ]),
    row('concrete', 'main', 'コンクリート工事', 'Concrete works', [
      c('○'),
      c('○'),
      c('○', undefined, 'merged cell in the source; see the note on the table'),
      c('×'),
    ]),
    row('formwork', 'main', '型枠工事', 'Formwork', [
      c('○'),
      c('○'),
      c('○', undefined, 'merged cell in the source; see the note on the table'),
      c('×'),
    ]),
    row('reinforcement', 'main', '鉄筋工事', 'Reinforcement works', [
      c('○'),
      c('○'),
      c('○', undefined, 'merged cell in the source; see the note on the table'),
      c('×'),
    ]),
    row('steel', 'main', '鉄骨工事', 'Steel works', [c('△'), c('△'), c('△'), c('×')]),
    row('masonry', 'main', '組積工事', 'Masonry', all('×')),
    row('waterproofing', 'main', '防水工事', 'Waterproofing', [c('△'), c('△'), c('△'), c('×')]),
    row('tiling', 'main', 'タイル工事', 'Tiling', all('×')),
    row('carpentry', 'main', '木工事', 'Carpentry (wood works)', [c('○'), c('○'), c('○'), c('△')]),
    row('clt', 'main', 'CLT工事', 'CLT works', all('○')),
    row('roofing', 'main', '屋根及び樋工事', 'Roofing and gutters', [c('○'), c('○'), c('△'), c('×')]),
    row('metal', 'main', '金属工事', 'Metal works', [c('△'), c('△'), c('△'), c('×')]),
    row('plastering', 'main', '左官工事', 'Plastering', [c('△'), c('△'), c('△'), c('×')]),
    row('metal_fittings', 'main', '金属製建具工事', 'Metal doors and windows', [
      c('○', 'attached_to_clt_only', 'CLTに取り付く場合に限る'),
      c('△'),
      c('×'),
      c('×'),
    ]),
    row('wood_fittings', 'main', '木製建具工事', 'Wooden doors and windows', [
      c('△', 'interior_excluded', '内部建具は計上不可'),
      c('△'),
      c('×'),
      c('×'),
    ]),
    row('glazing', 'main', 'ガラス工事', 'Glazing', [
      c('△', 'with_metal_fittings_allowed', '金属製建具に付随する場合は計上可'),
      c('△'),
      c('×'),
      c('×'),
    ]),
    row('painting', 'main', '塗装工事', 'Painting', [c('△'), c('△'), c('△'), c('×')]),
    row('finishes', 'main', '内外装工事', 'Interior and exterior finishes', [c('△'), c('△'), c('△'), c('×')]),
    row(
      'miscellaneous',
      'main',
      '雑工事（家具工事、内装建具工事を含む）',
      'Miscellaneous (incl. furniture, interior fittings)',
      all('×'),
    ),
    row('electrical', 'equipment', '電気設備工事', 'Electrical installations', all('×')),
    row('mechanical', 'equipment', '機械設備工事', 'Mechanical installations', all('×')),
    row('overheads', 'overheads', '諸経費', 'Overheads', [
      c('○', 'overheads_prorated', '該当工事費割合で案分した金額以下'),
      c('○', 'overheads_prorated', '該当工事費割合で案分した金額以下'),
      c('○', 'overheads_prorated', '該当工事費割合で案分した金額以下'),
      c('○', 'overheads_prorated', '該当工事費割合で案分した金額以下'),
    ]),
    row('external', 'separate', '外構工事', 'External works', all('×')),
    row('demolition', 'separate', '解体撤去工事', 'Demolition and removal', all('×')),
    row(
      'ground_improvement',
      'separate',
      '地盤改良（杭工事を含む）',
      'Ground improvement (incl. piling)',
      all('×'),
    ),
  ]);

export const WORK_TYPES = CONSTRUCTION_WORKS.map((r) => r.code) as [string, ...string[]];
export const workRow = (code: string): TWorkRow | undefined =>
  CONSTRUCTION_WORKS.find((r) => r.code === code);

/** 表1 footnotes and 参考資料2 §1 principles, shown with every construction line. */
export const CONSTRUCTION_NOTES = {
  apportion: {
    ja: '構造的に切り離せない場合は全体を計上し、切り離せる場合は延べ面積の割合などで案分する。',
    en: 'If the structures cannot be separated the whole is claimed; if they can, it is apportioned by floor area.',
  },
  smallUse: {
    ja: 'CLTの利用部分が極端に少ない場合、関係する工事費についても査定することがある。',
    en: 'If CLT is used very little, the related works may also be assessed down.',
  },
  furnitureEquipment: {
    ja: '家具工事、設備工事は基本的に計上できない。',
    en: 'Furniture and building services are in principle not claimable.',
  },
  guide: {
    ja: '表は目安であり、実態に応じて別途判断する。また、予算の配分状況により査定することがある。',
    en: 'The table is a guide; the office judges each case and may trim by budget.',
  },
} as const;

export const ZDesignRow = z.strictObject({
  code: z.string().regex(/^[a-z_]+$/),
  group: z.enum(['design', 'other']),
  name: ZText,
  cell: ZMatrixCell.extend({ structuralOnly: z.boolean().default(false) }),
});
export type TDesignRow = z.infer<typeof ZDesignRow>;

/** 表2 計上可能な設計費等の目安. */
export const DESIGN_COSTS: readonly TDesignRow[] = z.array(ZDesignRow).parse([
  {
    code: 'basic_design',
    group: 'design',
    name: { ja: '基本設計', en: 'Basic design' },
    cell: { mark: '○' },
  },
  {
    code: 'detailed_design',
    group: 'design',
    name: { ja: '実施設計', en: 'Detailed design' },
    cell: { mark: '○' },
  },
  {
    code: 'structural_design',
    group: 'design',
    name: { ja: '構造設計', en: 'Structural design' },
    cell: { mark: '○', structuralOnly: true, note: 'CLTを構造利用する場合に限る' },
  },
  {
    code: 'equipment_design',
    group: 'design',
    name: { ja: '設備設計', en: 'Building services design' },
    cell: { mark: '△' },
  },
  {
    code: 'ground_survey',
    group: 'other',
    name: { ja: '地盤調査', en: 'Ground survey' },
    cell: { mark: '○' },
  },
  {
    code: 'performance_evaluation',
    group: 'other',
    name: { ja: '性能評価', en: 'Performance evaluation' },
    cell: { mark: '○' },
  },
  {
    code: 'ministerial_certification',
    group: 'other',
    name: { ja: '大臣認定', en: 'Ministerial certification' },
    cell: { mark: '×' },
  },
  {
    code: 'building_confirmation',
    group: 'other',
    name: { ja: '確認申請', en: 'Building confirmation application' },
    cell: { mark: '×' },
  },
  {
    code: 'completion_inspection',
    group: 'other',
    name: { ja: '完了検査', en: 'Completion inspection' },
    cell: { mark: '×' },
  },
]);
export const DESIGN_ITEMS = DESIGN_COSTS.map((r) => r.code) as [string, ...string[]];
export const designRow = (code: string): TDesignRow | undefined => DESIGN_COSTS.find((r) => r.code === code);

export interface CellJudgement {
  /** The mark after the cell's bracketed qualifier has been applied to this line. */
  mark: TMark;
  cell: TMatrixCell;
  /** Why the qualifier changed the mark, if it did. */
  qualifier?: TCellRule;
}

/** The 表1 mark for one work line, with the bracketed qualifiers applied. */
export function judgeWork(
  row: TWorkRow,
  use: TCltUse,
  condition: {
    attachedToClt?: boolean | undefined;
    interiorFitting?: boolean | undefined;
    withMetalFittings?: boolean | undefined;
  } = {},
): CellJudgement {
  const cell = row.cells[use];
  switch (cell.rule) {
    case 'attached_to_clt_only':
      return condition.attachedToClt === true
        ? { mark: cell.mark, cell }
        : { mark: '×', cell, qualifier: cell.rule };
    case 'interior_excluded':
      return condition.interiorFitting === true
        ? { mark: '×', cell, qualifier: cell.rule }
        : { mark: cell.mark, cell };
    case 'with_metal_fittings_allowed':
      return condition.withMetalFittings === true
        ? { mark: '○', cell, qualifier: cell.rule }
        : { mark: cell.mark, cell };
    default:
      return { mark: cell.mark, cell };
  }
}

/** The 表2 mark for one design line: structural design only counts when CLT is structural. */
export function judgeDesign(row: TDesignRow, use: TCltUse | undefined): CellJudgement {
  const { structuralOnly, ...cell } = row.cell;
  if (structuralOnly && use !== undefined && !isStructuralUse(use)) return { mark: '×', cell };
  return { mark: cell.mark, cell };
}
