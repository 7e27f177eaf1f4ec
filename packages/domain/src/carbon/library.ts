import { ZEmissionFactor, type TEmissionFactor, type TEmissionFactorInput } from './factors';
import { DOCUMENTED_GAPS, REFERENCE_FACTORS } from './reference-factors';

/**
 * The starter library. Values appear only where they can be cited; every other first- and
 * second-category material (seeds/002 l.2223–2233, 主要建材等の原単位データの優先的な整備方針) is in
 * the library as a gap, so an assessment that uses it reports a missing factor instead of
 * silently using a made-up number. Programme offices add EPDs, CFPs and the national defaults
 * (once published) as further entries with the same material keys.
 */

const WOOD_TABLE = '第四次答申 参考資料「木材製品の排出原単位と炭素貯蔵量の例（製品製造時、日本平均）」';
const STORAGE =
  '炭素貯蔵量: 林野庁「建築物に利用した木材に係る炭素貯蔵量の表示に関するガイドライン」(令和3年10月1日 3林政産第85号)';

/**
 * Oven-dry density implied by a storage value through the guideline's formula (storage =
 * volume × density × carbon content 0.5 × 44/12). Used only to estimate mass for C1–C4; the
 * factor's own numbers do not depend on it.
 */
export const densityFromStorage = (storagePerM3: number): number =>
  (Math.abs(storagePerM3) * 12) / (44 * 0.5);

interface WoodRow {
  key: string;
  ja: string;
  en: string;
  a1a3: number;
  storage: number;
  citation: string;
  published: string;
  note?: string;
}

// The table's source column uses merged cells: glulam (medium) shares the glulam (small) paper,
// formwork plywood the structural-plywood paper, and PB, HB, MDF and IB share Nakano et al. 2018
// (printed on the HB row). Storage values per row as printed (l.2629–2639).
const NAKANO_2024 =
  'Nakano K, Koide M, Yamada Y, Ogawa T, Hattori N (2024) Environmental impacts of structural lumber production in Japan. J Wood Sci 70:4';
const NAKANO_2025_GLULAM =
  'Nakano K, Hattori N, Koide M, Imago M, Yamada Y, Ogawa T (2025) Life Cycle Assessment of Structural Glued Laminated Timber Production with Different Dimensions and Exposure Conditions. J Wood Sci 71:36';
const NAKANO_2025_PLYWOOD =
  'Nakano K, Hattori N, Koide M, Imago M, Yamada Y, Ogawa T, Toyoshima Y (2025) Environmental impacts of structural and concrete formwork plywood in Japan. J Wood Sci 71:25';
const NAKANO_2020_CLT =
  'Nakano K, Koike W, Yamagishi K, Hattori N (2020) Environmental impacts of cross-laminated timber production in Japan. Clean Technologies and Environmental Policy 22, 2193–2205';
const TAKEUCHI_2022 =
  '竹内直輝・平井康宏 (2022) 工場へのアンケート調査に基づく合板及びLVLの製造段階におけるCO2排出量推定. 第17回日本LCA学会研究発表会講演要旨集, 3-C1-04';
const NAKANO_2018_BOARDS =
  'Nakano K, Ando K, Takigawa M, Hattori N (2018) Life cycle assessment of wood-based boards produced in Japan and impact of formaldehyde emissions during the use stage. Int J Life Cycle Assess 23, 957–969';

export const WOOD_ROWS: readonly WoodRow[] = [
  {
    key: 'wood.sawn_jas',
    ja: 'JAS構造用製材（人工乾燥材）',
    en: 'JAS structural sawn timber (kiln-dried)',
    a1a3: 80,
    storage: -606,
    citation: NAKANO_2024,
    published: '2024',
  },
  {
    key: 'wood.glulam_small',
    ja: 'JAS構造用集成材（小断面）',
    en: 'JAS structural glulam (small section)',
    a1a3: 108,
    storage: -606,
    citation: NAKANO_2025_GLULAM,
    published: '2025',
    note: '使用環境B。',
  },
  {
    key: 'wood.glulam_medium',
    ja: 'JAS構造用集成材（中断面）',
    en: 'JAS structural glulam (medium section)',
    a1a3: 161,
    storage: -606,
    citation: NAKANO_2025_GLULAM,
    published: '2025',
    note: '使用環境C。',
  },
  {
    key: 'wood.plywood_structural',
    ja: 'JAS構造用合板',
    en: 'JAS structural plywood',
    a1a3: 166,
    storage: -980,
    citation: NAKANO_2025_PLYWOOD,
    published: '2025',
  },
  {
    key: 'wood.plywood_formwork',
    ja: 'JASコンクリート型枠用合板',
    en: 'JAS concrete formwork plywood',
    a1a3: 205,
    storage: -980,
    citation: NAKANO_2025_PLYWOOD,
    published: '2025',
  },
  {
    key: 'wood.clt',
    ja: '直交集成板（CLT）',
    en: 'Cross-laminated timber (CLT)',
    a1a3: 252,
    storage: -606,
    citation: NAKANO_2020_CLT,
    published: '2020',
  },
  {
    key: 'wood.lvl',
    ja: '単板積層材（LVL）',
    en: 'Laminated veneer lumber (LVL)',
    a1a3: 329,
    storage: -980,
    citation: TAKEUCHI_2022,
    published: '2022',
  },
  {
    key: 'wood.particleboard',
    ja: 'パーティクルボード（PB）',
    en: 'Particleboard (PB)',
    a1a3: 444,
    storage: -986,
    citation: NAKANO_2018_BOARDS,
    published: '2018',
  },
  {
    key: 'wood.hardboard',
    ja: '硬質繊維板（HB）',
    en: 'Hardboard (HB)',
    a1a3: 331,
    storage: -1228,
    citation: NAKANO_2018_BOARDS,
    published: '2018',
  },
  {
    key: 'wood.mdf',
    ja: '中質繊維板（MDF）',
    en: 'Medium-density fibreboard (MDF)',
    a1a3: 850,
    storage: -1082,
    citation: NAKANO_2018_BOARDS,
    published: '2018',
  },
  {
    key: 'wood.insulation_board',
    ja: '軟質繊維板（IB）',
    en: 'Insulation board (IB)',
    a1a3: 235,
    storage: -276,
    citation: NAKANO_2018_BOARDS,
    published: '2018',
  },
];

const woodFactor = (row: WoodRow): TEmissionFactorInput => ({
  id: `jp.rinya.${row.key.slice('wood.'.length)}`,
  materialKey: row.key,
  nameJa: row.ja,
  nameEn: row.en,
  productCategory: 'wood',
  declaredUnit: 'm3',
  a1a3: row.a1a3,
  // Industry averages computed to ISO 14040/14067 under 林野庁 projects with the industry bodies
  // (l.2625–2626) and published as papers. Journal peer review is not the third-party review of a
  // CFP, so they are filed as unreviewed CFPs: the result then warns, as the 方針 asks (l.1621 ※5).
  dataType: 'cfp_unreviewed',
  owner: '林野庁・各業界団体（日本平均）',
  source: `${WOOD_TABLE}; ${row.citation}`,
  // Only the year is known; 1 January keeps the five-year flag on the safe side.
  publishedOn: `${row.published}-01-01`,
  biogenicStorage: row.storage,
  density: densityFromStorage(row.storage),
  densityNote: `炭素貯蔵量から逆算した全乾密度（${STORAGE}、炭素含有率0.5、44/12）。製材・集成材・CLTはスギ。`,
  notes: [
    row.note,
    '製品間では条件や機能単位が異なるため、値を直接比較できません。',
  ]
    .filter(Boolean)
    .join(' '),
});

/** A library entry for a material that has no citable value yet. */
const gap = (
  materialKey: string,
  nameJa: string,
  nameEn: string,
  productCategory: string,
  declaredUnit: TEmissionFactorInput['declaredUnit'],
  category: 1 | 2,
): TEmissionFactorInput => ({
  id: `gap.${materialKey}`,
  materialKey,
  nameJa,
  nameEn,
  productCategory,
  declaredUnit,
  a1a3: null,
  dataType: 'national_default',
  owner: '—',
  source: `第四次答申 参考資料「主要建材等の原単位データの優先的な整備方針」（第${category}カテゴリー）`,
  gap: true,
  gapReason: [
    category === 1
      ? '第1カテゴリーの主要建材。業界代表データ・国のデフォルト値は2027年度までに整備予定で、まだ引用できる値がありません。'
      : '第2カテゴリーの建材。国のデフォルト値は未公表で、引用できる値がありません。',
    DOCUMENTED_GAPS[materialKey]?.ja,
    GAP_WAY_FORWARD,
  ]
    .filter(Boolean)
    .join(''),
});

/** What a user can do about a gap, on every gap. */
export const GAP_WAY_FORWARD =
  '出典を添えてこのプロジェクト用の原単位を入力するか、事務局がライセンスを持つ原単位表を取り込んでください。';

const GAPS: TEmissionFactorInput[] = [
  // First category: the structure (鉄鋼材料、コンクリート、木材). Concrete, rebar and EAF steel have
  // generic factors (reference-factors.ts); sections and deck plate have nothing citable.
  gap('steel.section', '鉄骨（形鋼・鋼板）', 'Structural steel sections', 'steel', 't', 1),
  gap('steel.deck_plate', 'デッキプレート', 'Steel deck plate', 'steel', 't', 1),
  // Second category: envelope and interior of large offices.
  gap('roof.metal_sheet', '長尺金属板（屋根）', 'Long metal roofing sheet', 'roofing', 'm2', 2),
  gap('wall.metal_curtain_wall', 'メタルカーテンウォール', 'Metal curtain wall', 'facade', 'm2', 2),
  gap('wall.pc_curtain_wall', 'PCカーテンウォール', 'Precast concrete curtain wall', 'facade', 'm2', 2),
  gap('wall.siding', 'サイディング', 'Siding', 'facade', 'm2', 2),
  gap('finish.ceramic_tile', 'セラミックタイル', 'Ceramic tile', 'finish', 'm2', 2),
  gap('insulation.glass_wool', 'グラスウール断熱材', 'Glass wool insulation', 'insulation', 'm3', 2),
  gap(
    'insulation.xps',
    '押出法ポリスチレンフォーム断熱材',
    'Extruded polystyrene insulation',
    'insulation',
    'm3',
    2,
  ),
  gap(
    'insulation.pur_spray',
    '現場発泡ウレタン断熱材',
    'Spray polyurethane foam insulation',
    'insulation',
    'm3',
    2,
  ),
  gap('glass.float', 'ガラス（フロート板ガラス）', 'Float glass', 'glass', 'm2', 2),
  gap('window.aluminium', 'アルミニウム製建具', 'Aluminium window/door', 'window', 'm2', 2),
  gap('window.resin', '樹脂製建具', 'PVC window', 'window', 'm2', 2),
  gap('window.aluminium_resin', 'アルミ樹脂複合建具', 'Aluminium–PVC composite window', 'window', 'm2', 2),
  gap('aluminium.extrusion', 'アルミニウム形材', 'Aluminium extrusion', 'aluminium', 'kg', 2),
  gap('floor.oa_floor', 'OAフロア', 'Raised access floor', 'floor', 'm2', 2),
  gap('floor.tile_carpet', 'タイルカーペット', 'Carpet tile', 'floor', 'm2', 2),
  gap('floor.vinyl', 'ビニル床シート・タイル', 'Vinyl floor sheet/tile', 'floor', 'm2', 2),
  gap('board.gypsum', 'せっこうボード', 'Gypsum board', 'board', 'm2', 2),
  gap('frame.light_gauge_steel', '軽量鉄骨下地（壁・天井）', 'Light-gauge steel framing', 'steel', 'kg', 2),
  gap(
    'ceiling.rock_wool_board',
    'ロックウール化粧吸音板',
    'Rock wool acoustic ceiling board',
    'ceiling',
    'm2',
    2,
  ),
  gap(
    'fireproofing.sprayed_rock_wool',
    '吹付けロックウール（耐火被覆）',
    'Sprayed rock wool fireproofing',
    'fireproofing',
    'm2',
    2,
  ),
];

/** Parsed once: the library is data, but it goes through the same schema as any import. */
export const STARTER_LIBRARY: readonly TEmissionFactor[] = [...WOOD_ROWS.map(woodFactor), ...REFERENCE_FACTORS, ...GAPS].map((f) =>
  ZEmissionFactor.parse(f),
);
