import { errorMessage, listedNames, type Locale } from '@tsumiki/domain';
import {
  BUILDING_USE_NAMES,
  DATA_TYPE_NAMES,
  DATA_TYPES,
  formatCarbon,
  METHOD_NAMES,
  moduleLabel,
  MODULES,
  STAGE_GROUP_NAMES,
  STAGE_GROUPS,
  STRUCTURE_NAMES,
  type TCarbonResult,
  type TComparison,
  type TStageGroup,
} from '@tsumiki/domain/carbon';
import type { PdfBlock, PdfDocumentModel } from '@tsumiki/pdf';

const WORDS = {
  ja: {
    title: 'ライフサイクルCO₂（LCCO₂）算定報告書',
    project: 'プロジェクト名',
    scenario: 'シナリオ',
    use: '建物用途',
    structure: '構造',
    area: '延床面積',
    date: '算定日',
    method: '算定法',
    period: '評価期間',
    years: '年',
    gwp: 'GWP',
    status: '結果',
    complete: '完全（すべての明細に原単位あり）',
    incomplete: '不完全：原単位のない明細があります。この結果を完全な算定として扱わないでください。',
    modules: 'モジュール別',
    module: 'モジュール',
    total: '合計',
    perM2: 'm²あたり',
    perM2Year: 'm²・年あたり',
    wholeLife: 'ライフサイクル全体（A1–C4）',
    stages: '段階別',
    apart: '別掲（合計に含めない）',
    d: 'D（リユース・リサイクル・売電による便益）',
    storage: '炭素貯蔵量（木材、差し引かない）',
    eu: 'EU開示項目',
    categories: '工事科目別',
    category: '工事科目',
    materials: '資材別',
    material: '資材',
    dataType: 'データ種別',
    quantity: '数量',
    quality: 'データの質',
    share: 'A1–A3に占める割合',
    factors: '使用した原単位と出典',
    factor: '原単位',
    source: '出典',
    published: '公表日',
    defaults: '使用した既定値',
    value: '値',
    noSource: '出典なし（仮定）',
    warnings: '注意事項',
    comparison: 'シナリオ比較（m²あたり、基本案との差）',
    baseline: '基本案',
    difference: '差',
    change: '増減率',
    footer: 'Tsumiki LCCO₂算定（国の算定方法 J-CAT に準拠）',
    coverage: '算定の範囲',
    notCovered: 'この算定法で数量を入力しない工事細目',
    noInput: '入力がなく0としたモジュール（測定値の0ではありません）',
    none: 'なし',
  },
  en: {
    title: 'Whole-life carbon (LCCO₂) assessment report',
    project: 'Project',
    scenario: 'Scenario',
    use: 'Building use',
    structure: 'Structure',
    area: 'Gross floor area',
    date: 'Assessment date',
    method: 'Method',
    period: 'Evaluation period',
    years: 'years',
    gwp: 'GWP',
    status: 'Result',
    complete: 'Complete (every line has a factor)',
    incomplete: 'Incomplete: some lines have no factor. Do not use this result as a complete assessment.',
    modules: 'By module',
    module: 'Module',
    total: 'Total',
    perM2: 'per m²',
    perM2Year: 'per m²·year',
    wholeLife: 'Whole life (A1–C4)',
    stages: 'By stage',
    apart: 'Reported apart (not in the totals)',
    d: 'D (benefits of reuse, recycling and exported energy)',
    storage: 'Biogenic carbon storage (timber, never netted)',
    eu: 'EU disclosure rows',
    categories: 'By work category',
    category: 'Work category',
    materials: 'By material',
    material: 'Material',
    dataType: 'Data type',
    quantity: 'Quantity',
    quality: 'Data quality',
    share: 'Share of A1–A3',
    factors: 'Factors used and their sources',
    factor: 'Factor',
    source: 'Source',
    published: 'Published',
    defaults: 'Defaults used',
    value: 'Value',
    noSource: 'No source (assumption)',
    warnings: 'Warnings',
    comparison: 'Scenario comparison (per m², against the baseline)',
    baseline: 'Baseline',
    difference: 'Difference',
    change: 'Change',
    footer: 'Tsumiki LCCO₂ (the national J-CAT method)',
    coverage: 'Coverage',
    notCovered: 'Sub-items this method takes no quantities for',
    noInput: 'Modules with no input, shown as 0 (not a measured zero)',
    none: 'none',
  },
} as const;

const valueText = (v: unknown): string => (typeof v === 'object' && v !== null ? Object.entries(v).map(([k, x]) => `${k}: ${x === null ? '—' : String(x)}`).join(', ') : String(v));

/** What every part of the report reads: the result, its language, and how it writes figures. */
function reportContext(result: TCarbonResult, locale: Locale) {
  return {
    result,
    locale,
    w: WORDS[locale],
    kg: (v: number, per: '' | 'm2' | 'm2year' = '') => formatCarbon(v, { per, locale, digits: per === '' ? 0 : per === 'm2' ? 1 : 2 }),
    name: (x: { ja: string; en: string }) => x[locale],
    pct: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`),
  };
}
type ReportContext = ReturnType<typeof reportContext>;

/** What was assessed, by which method over which period, and what the method does not cover. */
function summaryBlocks({ result, locale, w, name }: ReportContext, scenarioName: string): PdfBlock[] {
  const b = result.building;
  return [
  {
    kind: 'fields',
    rows: [
      { label: w.project, value: result.project.name },
      { label: w.scenario, value: scenarioName },
      { label: w.use, value: name(BUILDING_USE_NAMES[b.use]) },
      { label: w.structure, value: name(STRUCTURE_NAMES[b.structure]) },
      { label: w.area, value: `${result.grossFloorAreaM2.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP')} m²` },
      { label: w.date, value: result.assessmentDate },
      { label: w.method, value: name(METHOD_NAMES[result.method]) },
      {
        label: w.period,
        value: locale === 'en' ? `${result.evaluationPeriod.years} ${w.years} (${result.evaluationPeriod.ruleEn})` : `${result.evaluationPeriod.years}${w.years}（${result.evaluationPeriod.rule}）`,
      },
      { label: w.gwp, value: result.gwpSet },
      { label: w.status, value: result.complete ? w.complete : w.incomplete },
    ],
  },
  { kind: 'heading', text: w.coverage, level: 2 },
  {
    kind: 'fields',
    rows: [
      { label: w.notCovered, value: listedNames(result.coverage.notCovered.map((x) => `${x.code} ${x[locale]}`), locale) || w.none },
      { label: w.noInput, value: result.coverage.modulesWithoutInput.map((m) => moduleLabel(m, locale)).join(locale === 'en' ? ', ' : '、') || w.none },
    ],
  },
  ];
}

/** Totals by module and by stage, D and storage apart, and the EU rows. */
function totalsBlocks({ result, locale, w, kg, name }: ReportContext): PdfBlock[] {
  return [
  { kind: 'heading', text: w.modules, level: 2 },
  {
    kind: 'table',
    columns: [{ header: w.module, width: 3 }, { header: w.total, align: 'right', width: 2 }, { header: w.perM2, align: 'right', width: 2 }, { header: w.perM2Year, align: 'right', width: 2 }],
    rows: MODULES.filter((m) => m !== 'D').map((m) => [moduleLabel(m, locale), kg(result.modules[m]), kg(result.perM2.modules[m], 'm2'), kg(result.perM2Year.modules[m], 'm2year')]),
    footer: [w.wholeLife, kg(result.stages.wholeLife), kg(result.perM2.stages.wholeLife, 'm2'), kg(result.perM2Year.stages.wholeLife, 'm2year')],
  },
  { kind: 'heading', text: w.stages, level: 2 },
  {
    kind: 'table',
    columns: [{ header: w.module, width: 3 }, { header: w.total, align: 'right', width: 2 }, { header: w.perM2, align: 'right', width: 2 }],
    rows: (Object.keys(STAGE_GROUPS) as TStageGroup[]).map((g) => [name(STAGE_GROUP_NAMES[g]), kg(result.stages[g]), kg(result.perM2.stages[g], 'm2')]),
  },
  { kind: 'heading', text: w.apart, level: 3 },
  {
    kind: 'fields',
    rows: [
      { label: w.d, value: `${kg(result.stages.d)}（D1 ${kg(result.d.d1)} / D2 ${kg(result.d.d2)}）` },
      { label: w.storage, value: kg(result.stages.biogenicStorage) },
    ],
  },
  { kind: 'heading', text: w.eu, level: 2 },
  {
    kind: 'table',
    columns: [{ header: w.module, width: 3 }, { header: w.total, align: 'right', width: 2 }, { header: w.perM2, align: 'right', width: 2 }],
    rows: result.eu.map((r) => [`${r.key} ${locale === 'en' ? r.en : r.ja}`, kg(r.kgCo2e), kg(r.perM2, 'm2')]),
  },
  ];
}

/** Emissions by work category and by material. */
function breakdownBlocks({ result, locale, w, kg, name }: ReportContext): PdfBlock[] {
  return [
  { kind: 'heading', text: w.categories, level: 2 },
  {
    kind: 'table',
    columns: [{ header: w.category, width: 3 }, { header: 'A1–A3', align: 'right', width: 2 }, { header: w.wholeLife, align: 'right', width: 2 }, { header: w.storage, align: 'right', width: 2 }],
    rows: result.byCategory.map((c) => [`${c.category} ${locale === 'en' ? c.en : c.ja}`, kg(c.modules['A1-A3']), kg(c.wholeLife), kg(c.biogenicStorage)]),
  },
  { kind: 'heading', text: w.materials, level: 2 },
  {
    kind: 'table',
    columns: [{ header: w.material, width: 3 }, { header: w.dataType, width: 2 }, { header: w.quantity, align: 'right', width: 1.5 }, { header: 'A1–A3', align: 'right', width: 1.5 }, { header: w.wholeLife, align: 'right', width: 1.5 }],
    rows: result.byMaterial.map((m) => [
      locale === 'en' ? m.nameEn : m.nameJa,
      m.dataType ? name(DATA_TYPE_NAMES[m.dataType]) : '—',
      m.declaredUnit ? `${m.quantity.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 2 })} ${m.declaredUnit}` : '—',
      kg(m.modules['A1-A3']),
      kg(m.wholeLife),
    ]),
  },
  ];
}

/** The data behind the figures: A1–A3 by data type, the factors with their sources, the defaults. */
function qualityBlocks({ result, locale, w, kg, name, pct }: ReportContext): PdfBlock[] {
  return [
  { kind: 'heading', text: w.quality, level: 2 },
  {
    kind: 'table',
    columns: [{ header: w.dataType, width: 3 }, { header: 'A1–A3', align: 'right', width: 2 }, { header: w.share, align: 'right', width: 2 }],
    rows: DATA_TYPES.filter((d) => result.dataQuality.a1a3ByDataType[d].kgCo2e !== 0).map((d) => [name(DATA_TYPE_NAMES[d]), kg(result.dataQuality.a1a3ByDataType[d].kgCo2e), pct(result.dataQuality.a1a3ByDataType[d].share)]),
  },
  { kind: 'heading', text: w.factors, level: 3 },
  {
    kind: 'table',
    columns: [{ header: w.factor, width: 2 }, { header: w.dataType, width: 1.5 }, { header: 'A1–A3', align: 'right', width: 1.2 }, { header: w.published, width: 1 }, { header: w.source, width: 4 }],
    rows: result.dataQuality.factorsUsed.map((f) => [
      locale === 'en' ? f.nameEn : f.nameJa,
      name(DATA_TYPE_NAMES[f.dataType]),
      `${f.a1a3Used.toLocaleString(locale === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 3 })}/${f.declaredUnit}`,
      f.publishedOn ?? '—',
      `${f.owner}; ${f.source}`,
    ]),
  },
  { kind: 'heading', text: w.defaults, level: 3 },
  {
    kind: 'table',
    columns: [{ header: w.value, width: 2 }, { header: '', width: 2 }, { header: w.source, width: 4 }],
    // Defaults by their names and sources by document title; the reasoning in the report's language.
    rows: result.dataQuality.defaultsUsed.map((d) => [
      d.name ? name(d.name) : d.id,
      valueText(d.value),
      d.sourceStatus === 'cited' ? d.source : `${w.noSource} ${(locale === 'ja' ? d.basisJa : undefined) ?? d.basis ?? ''}`,
    ]),
  },
  ];
}

/** The warnings, one paragraph each; nothing when there are none. */
function warningBlocks({ result, locale, w }: ReportContext): PdfBlock[] {
  if (result.warnings.length === 0) return [];
  return [
    { kind: 'heading', text: w.warnings, level: 2 },
    ...result.warnings.map((warning): PdfBlock => ({ kind: 'paragraph', text: `・${errorMessage(warning.code, locale, warning.params)}`, small: true })),
  ];
}

/** The scenario against the baseline, per m², module by module and by stage. */
function comparisonBlocks({ locale, w, kg, pct }: ReportContext, { comparison, baselineName, name }: ReportComparison): PdfBlock[] {
  return [
    { kind: 'heading', text: w.comparison, level: 2 },
    {
      kind: 'table',
      columns: [{ header: w.module, width: 3 }, { header: baselineName, align: 'right', width: 2 }, { header: name, align: 'right', width: 2 }, { header: w.difference, align: 'right', width: 2 }, { header: w.change, align: 'right', width: 1.5 }],
      rows: [...comparison.jcatRows, ...comparison.stages].map((r) => [locale === 'en' ? r.en : r.ja, kg(r.baseline, 'm2'), kg(r.proposal, 'm2'), kg(r.difference, 'm2'), pct(r.change)]),
    },
  ];
}

type ReportComparison = { name: string; baselineName: string; comparison: TComparison };

/**
 * The printable report of one scenario's assessment: what was assessed, the totals by module,
 * stage, EU row, work category and material, D and storage apart, the factors with their sources,
 * the defaults (those without a source said so) and the warnings; and, when given, the comparison
 * with the baseline. Pure, so what the PDF says is tested on the model.
 */
export function carbonReportModel(result: TCarbonResult, options: { scenarioName: string; locale: Locale; comparison?: ReportComparison }): PdfDocumentModel {
  const ctx = reportContext(result, options.locale);
  return {
    title: ctx.w.title,
    subtitle: `${result.project.name} — ${options.scenarioName}`,
    author: 'Tsumiki',
    footer: `${ctx.w.footer} ${result.assessmentDate}`,
    blocks: [
      ...summaryBlocks(ctx, options.scenarioName),
      ...totalsBlocks(ctx),
      ...breakdownBlocks(ctx),
      ...qualityBlocks(ctx),
      ...warningBlocks(ctx),
      ...(options.comparison ? comparisonBlocks(ctx, options.comparison) : []),
    ],
  };
}
