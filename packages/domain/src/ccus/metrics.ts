import { z } from 'zod';

/**
 * How figures combine across months, members and associations. A rate is never stored as a
 * percentage: it is kept as numerator and denominator (and, where 事業費 weighting applies, the
 * member's project cost), so every roll-up recomputes it instead of averaging percentages.
 */
export const METRIC_KINDS = [
  'flow', // summed over months (就業履歴数)
  'stock', // a count at a snapshot (登録現場数)
  'ratio', // numerator ÷ denominator at a snapshot (登録率)
] as const;
export const ZMetricKind = z.enum(METRIC_KINDS);
export type MetricKind = z.infer<typeof ZMetricKind>;

export const ROLLUP_VIEWS = [
  'count', // 件数・人数ベース: Σ numerator ÷ Σ denominator
  'cost_weighted', // 事業費割合: each member's rate weighted by its project cost
] as const;
export type RollupView = (typeof ROLLUP_VIEWS)[number];

export const ZMetricDefinition = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,62}$/, { message: 'ccus.metric_code_invalid' }),
  nameJa: z.string().trim().min(1, { message: 'ccus.metric_name_required' }).max(100, { message: 'ccus.metric_name_too_long' }),
  nameEn: z.string().trim().min(1, { message: 'ccus.metric_name_required' }).max(100, { message: 'ccus.metric_name_too_long' }),
  kind: ZMetricKind,
  unit: z.enum(['records', 'firms', 'workers', 'sites', 'rate']),
  period: z.enum(['monthly', 'half_yearly', 'annual']),
  /** Which views a ratio offers; 事業費 weighting needs each member's project cost. */
  views: z.array(z.enum(ROLLUP_VIEWS)).min(1),
  formulaJa: z.string().max(300, { message: 'ccus.metric_formula_too_long' }),
  formulaEn: z.string().max(300, { message: 'ccus.metric_formula_too_long' }),
  /** Where the metric comes from: seeds/000 or a public CCUS definition. */
  source: z.string().max(200),
  /** An association may add its own metric; built-in ones have no owner. */
  ownerAssociationId: z.uuid().nullable().default(null),
});
export type MetricDefinition = z.infer<typeof ZMetricDefinition>;

type Builtin = Omit<MetricDefinition, 'ownerAssociationId'>;
const ratio = (m: Omit<Builtin, 'kind' | 'unit' | 'period' | 'views'> & Partial<Builtin>): Builtin => ({
  kind: 'ratio',
  unit: 'rate',
  period: 'half_yearly',
  views: ['count'],
  ...m,
});

/** The metrics of seeds/000 and SPEC §6, each with its formula and where it comes from. */
export const BUILTIN_METRICS: readonly Builtin[] = [
  {
    code: 'work_history_records',
    nameJa: '就業履歴数',
    nameEn: 'Work-history records',
    kind: 'flow',
    unit: 'records',
    period: 'monthly',
    views: ['count'],
    formulaJa: '当月にカードタッチ等で蓄積された就業履歴の件数',
    formulaEn: 'Work-history records accumulated in the month (card touches and equivalents)',
    source: 'seeds/000 日建連 (monthly achievement 189%), 日空衛 (1.1 million a year)',
  },
  ratio({
    code: 'business_registration_rate',
    nameJa: '事業者登録率',
    nameEn: 'Business registration rate',
    views: ['count', 'cost_weighted'],
    formulaJa: '現場に入場するCCUS登録事業者数 ÷ 入場する全事業者数（工期中2回以上計測の平均）',
    formulaEn: 'CCUS-registered firms entering the site ÷ all firms entering (measured twice or more, averaged)',
    source: 'SPEC §6; seeds/000 日建連 (achievement in project-cost share)',
  }),
  ratio({
    code: 'worker_registration_rate',
    nameJa: '技能者登録率',
    nameEn: 'Worker registration rate',
    views: ['count', 'cost_weighted'],
    formulaJa: '現場に入場するCCUS登録技能者数 ÷ 入場する全技能者数',
    formulaEn: 'CCUS-registered workers entering the site ÷ all workers entering',
    source: 'SPEC §6; seeds/000 日建連',
  }),
  ratio({
    code: 'site_registration_rate',
    nameJa: '現場登録率',
    nameEn: 'Site registration rate',
    views: ['count', 'cost_weighted'],
    formulaJa: 'CCUSに登録した現場数 ÷ 施工中の現場数',
    formulaEn: 'Sites registered in CCUS ÷ sites under construction',
    source: 'SPEC §6; seeds/000 日建連 (targets on a low estimate, 低位推計)',
  }),
  ratio({
    code: 'prime_site_100m_registration_rate',
    nameJa: '1億円以上元請現場の現場登録率',
    nameEn: 'Registration of prime-contract sites ≥ ¥100M',
    formulaJa: '契約金額1億円以上の元請現場のうち現場登録した数 ÷ 契約金額1億円以上の元請現場数',
    formulaEn: 'Prime-contract sites of ¥100M or more registered ÷ all such sites',
    source: 'seeds/000 日空衛 (原則として契約金額1億円以上の元請現場は現場登録)',
  }),
  {
    code: 'prime_sites_registered',
    nameJa: '元請工事のCCUS登録現場数',
    nameEn: 'Prime-contract sites registered',
    kind: 'stock',
    unit: 'sites',
    period: 'annual',
    views: ['count'],
    formulaJa: '年度中に元請として現場登録した現場の数',
    formulaEn: 'Sites registered as prime contractor during the fiscal year',
    source: 'seeds/000 日本電設工業協会 (約350件)',
  },
  {
    code: 'card_reader_sites',
    nameJa: 'カードリーダー設置現場数',
    nameEn: 'Sites with card readers',
    kind: 'stock',
    unit: 'sites',
    period: 'half_yearly',
    views: ['count'],
    formulaJa: 'カードリーダー（顔認証・アプリ等を含む）を設置した現場の数',
    formulaEn: 'Sites with a card reader (including face or app check-in)',
    source: 'seeds/000 日建連 (現場登録・カードリーダー設置を徹底)',
  },
  ratio({
    code: 'touch_rate',
    nameJa: 'タッチ率（就業履歴蓄積率）',
    nameEn: 'Touch rate',
    period: 'monthly',
    formulaJa: '入場が記録された技能者数 ÷ 入場した技能者数',
    formulaEn: 'Workers whose entry was recorded ÷ workers entering',
    source: 'SPEC §6',
  }),
  ratio({
    code: 'registration_renewal_rate',
    nameJa: '事業者登録更新率',
    nameEn: 'Business registration renewal rate',
    period: 'annual',
    formulaJa: '更新した事業者数 ÷ 更新期限を迎えた事業者数',
    formulaEn: 'Firms that renewed ÷ firms whose registration came due',
    source: 'seeds/000 日本電設工業協会 (2024年度 80%)',
  }),
  ratio({
    code: 'company_id_rate',
    nameJa: '企業ID取得率',
    nameEn: 'Company-ID acquisition rate',
    period: 'annual',
    formulaJa: '事業者IDを取得した会員企業数 ÷ 会員企業数',
    formulaEn: 'Member firms with a business ID ÷ member firms',
    source: 'seeds/000 建専連 (R5 正会員 40.7%)',
  }),
  ratio({
    code: 'individual_id_rate',
    nameJa: '個人ID取得率',
    nameEn: 'Individual-ID acquisition rate',
    period: 'annual',
    formulaJa: '技能者IDを取得した技能者数 ÷ 会員企業の技能者数',
    formulaEn: 'Workers with a worker ID ÷ workers of member firms',
    source: 'seeds/000 建専連 (R5 正会員 58.1%)',
  }),
  ratio({
    code: 'kentaikyo_electronic_rate',
    nameJa: '建退共電子申請方式の導入率',
    nameEn: 'Kentaikyo electronic adoption rate',
    period: 'annual',
    formulaJa: '建退共の電子申請方式を導入した会員企業数 ÷ 会員企業数',
    formulaEn: 'Member firms on Kentaikyo electronic points ÷ member firms',
    source: 'seeds/000 日建連 (建退共の電子申請を推進)',
  }),
  ...([['white', '白'], ['blue', '青'], ['silver', '銀'], ['gold', '金']] as const).map(
    ([colour, colourJa], i): Builtin => ({
      code: `skill_level_${i + 1}_workers`,
      nameJa: `レベル${i + 1}（${colourJa}カード）技能者数`,
      nameEn: `Level ${i + 1} (${colour} card) workers`,
      kind: 'stock',
      unit: 'workers',
      period: 'half_yearly',
      views: ['count'],
      formulaJa: `能力評価でレベル${i + 1}と判定された技能者の数`,
      formulaEn: `Workers evaluated at skill level ${i + 1}`,
      source: 'SPEC §6 (skill levels 1–4, white/blue/silver/gold)',
    }),
  ),
];

export const BUILTIN_METRIC_CODES = BUILTIN_METRICS.map((m) => m.code);
export const builtinMetric = (code: string) => BUILTIN_METRICS.find((m) => m.code === code);

/**
 * National CCUS magnitudes for context beside the associations' own figures (SPEC §6, from the
 * CCUS operator's published statistics). They are not computed here: shown with their date and
 * source, and updated by hand when new statistics are published.
 */
export const NATIONAL_CONTEXT = {
  asOf: '2025-10',
  registeredWorkers: 1_750_000,
  registeredBusinesses: 300_000,
  workHistoryRecords: { fiscalYear: 2024, total: 60_000_000 },
  sourceJa: '建設キャリアアップシステムの公表統計（概数、2025年10月時点。就業履歴は2024年度）',
  sourceEn: 'Published CCUS statistics (approximate, October 2025; work-history records for FY2024)',
} as const;
