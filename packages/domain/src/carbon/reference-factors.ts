import type { TDerivationStep, TEmissionFactorInput } from './factors';

/**
 * Generic factors for the main non-wood materials, built from figures that industry bodies,
 * standards and makers state publicly. The big Japanese databases (J-CAT's 参考値, IDEA, JLCA-DB,
 * 3EID) and ICE may not be copied, so none of their numbers appear here; an office that holds a
 * licence imports its table into the library instead, and those entries rank above these.
 *
 * Every value is the lowest rung of the data hierarchy: secondary quotations, one maker's figure
 * or a foreign average. Following the German practice the 第四次答申 参考資料 describes for generic
 * data, each is uplifted ×1.1 to ×1.3 by completeness and representativeness, with the reason given.
 */

// Sources, by the title of the document that states the figure (and who quotes it, if secondary).
const JIS_Q_13315_4 =
  'JIS Q 13315-4 附属書C（材料別のCO2排出量原単位の例）— 阿部道彦研究室 ウェブサイト（a-netzero）による引用';
const JCI_2025 =
  '日本コンクリート工学会 2025年度年次大会 論文1230「生コンクリート工場における二酸化炭素排出量の実態について」';
const CEMENT_ASSOC_SLG = 'セメント協会ウェブサイト（2015年）— 鐵鋼スラグ協会「セメント1トン当たりのCO2排出量」による引用';
const CEMENT_LCI = 'セメント協会「セメントLCIデータの概要」— 光洋セメント 環境ページによる引用';
const NILIM_LCA = '国土技術政策総合研究所「社会資本LCA用環境負荷原単位一覧表」— 阿部道彦研究室 ウェブサイトによる引用';
const TOKYO_STEEL = '東京製鐵ウェブサイト「ほぼゼロ」（ISO 14067 に基づくCFP）';
const IAI = 'International Aluminium Institute 2022 — 日刊産業新聞（Japan Metal Daily）による引用';
const JFS_ALUMINIUM = 'Japan for Sustainability Q&A（日本アルミニウム協会の資料による）';
const TAISEI_2022 = '大成建設 ニュースリリース 2022年9月14日';
const MIX_ASSUMPTION =
  'Tsumikiの仮定：呼び強度24の普通コンクリートの一般的な配合（単位水量175 kg/m³、水セメント比0.55）';

const UPLIFT_COMPLETENESS_TRANSPORT =
  '完全性：原材料の生コン工場までの輸送が含まれない（全国生コンクリート工業組合連合会の調査では排出の2割未満）ため ×1.3';
const UPLIFT_SECONDARY = '代表性：業界団体の全国値だが二次引用のため最小の ×1.1';
const UPLIFT_ONE_MAKER = '代表性：1社の製品の値で、電炉材の平均との差が1〜2割ありうるため ×1.3';
const UPLIFT_FOREIGN_AVERAGE = '代表性：世界平均の二次引用（日本の輸入平均10.8 kg/kgより大きい）のため ×1.1';
const UPLIFT_SCOPE_UNSTATED = '完全性：範囲の説明がない（カットオフ法）二次引用のため ×1.3';

/** A standard Fc 24 mix per m³ (stated as an assumption, not taken from any table). */
export const STANDARD_MIX = {
  waterKg: 175,
  cementKg: Math.round(175 / 0.55),
  fineAggregateKg: 830,
  coarseAggregateKg: 960,
  /** AE water-reducing admixture at 1 % of the cement. */
  admixtureKg: Math.round(175 / 0.55) / 100,
} as const;

/** kg-CO2 per kg of each component (JIS Q 13315-4 附属書C, t-CO2/t). */
const COMPONENT = { cement: 0.78, fine: 0.0037, coarse: 0.0029, admixture: 0.15 } as const;
/** Plant and delivery per m³, raw materials excluded (JCI 2025, 36 plants). */
const PLANT_AND_DELIVERY = 10;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function concreteSteps(cementLabel: { ja: string; en: string }, cementPerKg: number, cementSource: string): TDerivationStep[] {
  const m = STANDARD_MIX;
  return [
    {
      ja: `${cementLabel.ja} ${m.cementKg} kg × ${cementPerKg} kg-CO2/kg`,
      en: `${cementLabel.en} ${m.cementKg} kg × ${cementPerKg} kg-CO2/kg`,
      kgCo2e: round3(m.cementKg * cementPerKg),
      source: `${MIX_ASSUMPTION}; ${cementSource}`,
    },
    {
      ja: `細骨材 ${m.fineAggregateKg} kg × ${COMPONENT.fine} kg-CO2/kg`,
      en: `Fine aggregate ${m.fineAggregateKg} kg × ${COMPONENT.fine} kg-CO2/kg`,
      kgCo2e: round3(m.fineAggregateKg * COMPONENT.fine),
      source: `${MIX_ASSUMPTION}; ${JIS_Q_13315_4}`,
    },
    {
      ja: `粗骨材 ${m.coarseAggregateKg} kg × ${COMPONENT.coarse} kg-CO2/kg`,
      en: `Coarse aggregate ${m.coarseAggregateKg} kg × ${COMPONENT.coarse} kg-CO2/kg`,
      kgCo2e: round3(m.coarseAggregateKg * COMPONENT.coarse),
      source: `${MIX_ASSUMPTION}; ${JIS_Q_13315_4}`,
    },
    {
      ja: `混和剤 ${m.admixtureKg} kg × ${COMPONENT.admixture} kg-CO2/kg`,
      en: `Admixture ${m.admixtureKg} kg × ${COMPONENT.admixture} kg-CO2/kg`,
      kgCo2e: round3(m.admixtureKg * COMPONENT.admixture),
      source: `${MIX_ASSUMPTION}; ${JIS_Q_13315_4}`,
    },
    {
      ja: `生コン工場の製造と運搬 約${PLANT_AND_DELIVERY} kg-CO2/m³（原材料を除く）`,
      en: `Plant and delivery, about ${PLANT_AND_DELIVERY} kg-CO2/m³ (raw materials excluded)`,
      kgCo2e: PLANT_AND_DELIVERY,
      source: JCI_2025,
    },
  ];
}

const sum = (steps: readonly TDerivationStep[]) => round3(steps.reduce((t, s) => t + s.kgCo2e, 0));

const single = (ja: string, en: string, kgCo2e: number, source: string): TDerivationStep[] => [
  { ja, en, kgCo2e, source },
];

interface Reference {
  id: string;
  materialKey: string;
  nameJa: string;
  nameEn: string;
  productCategory: string;
  declaredUnit: TEmissionFactorInput['declaredUnit'];
  steps: TDerivationStep[];
  uplift: { factor: number; basis: string };
  publishedOn: string;
  density?: number;
  notes: string;
}

const mixDensity =
  STANDARD_MIX.waterKg +
  STANDARD_MIX.cementKg +
  STANDARD_MIX.fineAggregateKg +
  STANDARD_MIX.coarseAggregateKg +
  STANDARD_MIX.admixtureKg;

const REFERENCES: Reference[] = [
  {
    id: 'generic.concrete.ready_mixed_fc24',
    materialKey: 'concrete.ready_mixed',
    nameJa: '生コンクリート（普通、呼び強度24、標準配合からの推計）',
    nameEn: 'Ready-mixed concrete, ordinary, Fc 24 (estimated from a standard mix)',
    productCategory: 'concrete',
    declaredUnit: 'm3',
    steps: concreteSteps({ ja: '普通ポルトランドセメント', en: 'Ordinary Portland cement' }, COMPONENT.cement, JIS_Q_13315_4),
    uplift: { factor: 1.3, basis: UPLIFT_COMPLETENESS_TRANSPORT },
    publishedOn: '2026-12-04',
    density: mixDensity,
    notes: `照合：${TAISEI_2022}は従来のコンクリート（Fc24）を274 kg-CO2/m³としています（算定の前提は非公表）。照合値であり、代わりには使いません。`,
  },
  {
    id: 'generic.concrete.blast_furnace_b_fc24',
    materialKey: 'concrete.blast_furnace_b',
    nameJa: '高炉セメントB種コンクリート（呼び強度24、標準配合からの推計）',
    nameEn: 'Concrete with blast-furnace cement type B, Fc 24 (estimated from a standard mix)',
    productCategory: 'concrete',
    declaredUnit: 'm3',
    steps: concreteSteps({ ja: '高炉セメントB種', en: 'Blast-furnace cement type B' }, 0.46, CEMENT_ASSOC_SLG),
    uplift: { factor: 1.3, basis: UPLIFT_COMPLETENESS_TRANSPORT },
    publishedOn: '2026-12-04',
    density: mixDensity,
    notes: `高炉セメントB種は2015年の460 kg-CO2/t を使用（${CEMENT_LCI}の437 kg-CO2/t より大きい方）。`,
  },
  {
    id: 'generic.cement.opc',
    materialKey: 'cement.opc',
    nameJa: '普通ポルトランドセメント',
    nameEn: 'Ordinary Portland cement',
    productCategory: 'cement',
    declaredUnit: 't',
    steps: single(
      '石灰石の脱炭酸 469 + エネルギー 300 kg-CO2/t',
      'Limestone decarbonation 469 + energy 300 kg-CO2/t',
      769,
      CEMENT_ASSOC_SLG,
    ),
    uplift: { factor: 1.1, basis: UPLIFT_SECONDARY },
    publishedOn: '2015-01-01',
    notes: `照合：${CEMENT_LCI}は768 kg-CO2/t。`,
  },
  {
    id: 'generic.cement.blast_furnace_b',
    materialKey: 'cement.blast_furnace_b',
    nameJa: '高炉セメントB種',
    nameEn: 'Blast-furnace cement type B',
    productCategory: 'cement',
    declaredUnit: 't',
    steps: single('高炉セメントB種 460 kg-CO2/t（2015年）', 'Blast-furnace cement B, 460 kg-CO2/t (2015)', 460, CEMENT_ASSOC_SLG),
    uplift: { factor: 1.1, basis: UPLIFT_SECONDARY },
    publishedOn: '2015-01-01',
    notes: `照合：${CEMENT_LCI}は437 kg-CO2/t。`,
  },
  {
    id: 'generic.steel.rebar',
    materialKey: 'steel.rebar',
    nameJa: '鉄筋（異形棒鋼）',
    nameEn: 'Reinforcing bar',
    productCategory: 'steel',
    declaredUnit: 't',
    steps: single('鉄筋 1.21 t-CO2/t', 'Reinforcing bar, 1.21 t-CO2/t', 1210, NILIM_LCA),
    uplift: { factor: 1.1, basis: UPLIFT_SECONDARY },
    publishedOn: '2026-12-04',
    notes:
      '照合：米国の1社（CMC）の鉄筋EPD（ASTM EPD-012）は A1–A3 で 0.850 t-CO2e/t。日本の電炉鉄筋の業界値が公表されれば置き換えます。',
  },
  {
    id: 'generic.steel.eaf_tokyo_steel',
    materialKey: 'steel.section_eaf',
    nameJa: '電炉鋼材（1社の公表値からの推計）',
    nameEn: 'Electric-arc-furnace steel (estimated from one maker’s figure)',
    productCategory: 'steel',
    declaredUnit: 't',
    steps: single(
      '電炉鋼材 約0.4 t-CO2/t（うち電力 約0.3）',
      'EAF steel, about 0.4 t-CO2/t (about 0.3 of it electricity)',
      400,
      TOKYO_STEEL,
    ),
    uplift: { factor: 1.3, basis: UPLIFT_ONE_MAKER },
    publishedOn: '2026-12-04',
    notes: '1社の製品の値です。使用する鋼材のメーカーが決まれば、その製品のEPD・CFPに置き換えてください。',
  },
  {
    id: 'generic.aluminium.primary',
    materialKey: 'aluminium.primary',
    nameJa: 'アルミニウム新地金',
    nameEn: 'Primary aluminium',
    productCategory: 'aluminium',
    declaredUnit: 'kg',
    steps: single('新地金 世界平均 15.1 t-CO2e/t（2022年）', 'Primary aluminium, global average 15.1 t-CO2e/t (2022)', 15.1, IAI),
    uplift: { factor: 1.1, basis: UPLIFT_FOREIGN_AVERAGE },
    publishedOn: '2022-01-01',
    notes: `照合：${JFS_ALUMINIUM}は日本の輸入平均 10.8、水力由来 約4 kg-CO2/kg。`,
  },
  {
    id: 'generic.aluminium.recycled',
    materialKey: 'aluminium.recycled',
    nameJa: 'アルミニウム再生地金',
    nameEn: 'Recycled aluminium ingot',
    productCategory: 'aluminium',
    declaredUnit: 'kg',
    steps: single('再生地金 0.3 kg-CO2/kg（カットオフ）', 'Recycled ingot, 0.3 kg-CO2/kg (cut-off)', 0.3, JFS_ALUMINIUM),
    uplift: { factor: 1.3, basis: UPLIFT_SCOPE_UNSTATED },
    publishedOn: '2026-12-04',
    notes: 'スクラップの負荷を含まないカットオフ法の値です。',
  },
];

const GENERIC_OWNER = 'Tsumiki（公表値からの推計・ジェネリックデータ）';

/** The generic factors, as library entries (the library parses them with the same schema as any import). */
export const REFERENCE_FACTORS: readonly TEmissionFactorInput[] = REFERENCES.map((r) => ({
  id: r.id,
  materialKey: r.materialKey,
  nameJa: r.nameJa,
  nameEn: r.nameEn,
  productCategory: r.productCategory,
  declaredUnit: r.declaredUnit,
  a1a3: sum(r.steps),
  dataType: 'generic',
  owner: GENERIC_OWNER,
  source: [...new Set(r.steps.flatMap((s) => s.source.split('; ')))].join('; '),
  publishedOn: r.publishedOn,
  uplift: r.uplift,
  derivation: r.steps,
  ...(r.density === undefined ? {} : { density: r.density }),
  notes: r.notes,
}));

/**
 * Materials nothing citable covers yet, and why: these stay gaps in the library. The way forward
 * is the same for each: the user enters a factor with its source for the project, or the office
 * imports a licensed table.
 */
export const DOCUMENTED_GAPS: Record<string, { ja: string; en: string }> = {
  'steel.section': {
    ja: '形鋼・鋼板の公表値が見つかっていません（日本鉄鋼連盟の日本平均LCIは請求者にのみ提供）。',
    en: 'No published figure for steel sections or plate (the Japan Iron and Steel Federation gives its Japan-average LCI only on request).',
  },
  'glass.float': {
    ja: '引用できる板ガラスの値は海外1工場の低炭素品（4 mm で 7 kg-CO2/m² 以下）だけで、一般品には当てはまりません。',
    en: 'The only citable glass figure is one Belgian plant’s low-carbon float (≤ 7 kg-CO2/m² at 4 mm), which does not fit ordinary glass.',
  },
  'board.gypsum': { ja: 'せっこうボードの公表値が見つかっていません。', en: 'No published figure for gypsum board.' },
  'insulation.glass_wool': { ja: 'グラスウールの公表値が見つかっていません。', en: 'No published figure for glass wool.' },
  'insulation.xps': { ja: '押出法ポリスチレンフォームの公表値が見つかっていません。', en: 'No published figure for XPS.' },
};
