import { CO2_FACTOR_FACT_LABELS } from './co2/fact-labels';
import type { TProgrammeDefinition, TText } from './shared/definition';

/**
 * Names for the parts of a grant input that are neither a form field nor a budget table's column:
 * the inputs the engines read beside the form (the committee's decision on the special rate, a
 * mixed structure's areas), and the cells of a budget row that the editor shows elsewhere or not
 * at all (a factor's answers, a line's licence or outsourcing). With them a message about any
 * field — from the wizard, the console's "try it" or `tsumiki grant compute` — names it in words,
 * never by its path in the JSON (fieldLabelAt).
 */

const t = (ja: string, en: string): TText => ({ ja, en });

/** A path with its list positions left out ("factors.0.stages.1" → "factors.stages"), as the tables below key them. */
export const withoutIndices = (path: string): string =>
  path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .join('.');

/** Engine inputs outside the form, by their path in the content (indices left out). */
const ENGINE_INPUT_LABELS: Readonly<Partial<Record<TProgrammeDefinition['engine'], Readonly<Record<string, TText>>>>> = {
  clt: {
    'grant.rate': t('補助率', 'Rate'),
    'grant.rate.committeeDecision': t('特例の補助率に対する検討委員会の判断', 'The committee’s decision on the special rate'),
    'grant.mixedStructure': t('混構造', 'Mixed structure'),
    'grant.mixedStructure.separable': t('混構造のCLT部分を切り分けられる', 'The CLT part of the mixed structure can be separated'),
    'grant.mixedStructure.cltFloorAreaM2': t('混構造のうちCLT部分の床面積（m²）', 'Floor area of the CLT part (m²)'),
    'grant.mixedStructure.totalFloorAreaM2': t('混構造の延べ床面積（m²）', 'Total floor area of the mixed structure (m²)'),
    'grant.works': t('工事費（諸経費の算定）', 'Works (for the overheads)'),
    'grant.works.totalExcludingOverheads': t('諸経費を除く工事費の総額', 'Works total excluding overheads'),
    'grant.works.overheadsTotal': t('工事契約の諸経費の総額', 'Overheads of the works contract'),
    'grant.facts': t('申請内容の回答', 'Answers of the application'),
    'grant.facts.cltStructural': t('CLTを構造部材として使用する', 'CLT is used as a structural member'),
  },
  co2_factor: {
    'grant.applicant': t('申請者', 'Applicant'),
    'grant.applicant.name': t('申請者名', 'Applicant name'),
    'grant.period': t('事業期間', 'Project period'),
  },
  generic: {
    'grant.facts': t('申請内容の回答', 'Answers of the application'),
  },
};

/** A budget row's cells that are not columns of its table, by their key in the row (indices left out). */
const ROW_FIELD_LABELS: Readonly<Record<string, TText>> = {
  id: t('行番号（ID）', 'Row ID'),
  workType: t('工事種目（表1）', 'Work type (表1)'),
  designItem: t('設計費等の項目（表2）', 'Design item (表2)'),
  excludedNature: t('計上できない経費の種類', 'Kind of ineligible cost'),
  taxTreatment: t('消費税の扱い', 'Consumption-tax treatment'),
  attachedToClt: t('CLTに取り付ける金物である', 'Fittings attached to CLT'),
  interiorFitting: t('内部の木製建具である', 'Interior wooden fitting'),
  withMetalFittings: t('金物と一体のガラスである', 'Glazing with its metal fittings'),
  directlyAttributable: t('CLT部分のみの金額である（按分しない）', 'Only the CLT part (not apportioned)'),
  measuringInstrument: t('計測機械', 'Measuring instrument'),
  'measuringInstrument.usefulLifeYears': t('計測機械の耐用年数（年）', 'Useful life of the instrument (years)'),
  explanation: t('△の説明', 'Explanation for △'),
  incurredOn: t('経費の発生日', 'Date the cost arises'),
  shares: t('原単位ごとの配分', 'Split between factors'),
  'shares.factorId': t('配分先の原単位', 'Factor of the split'),
  'shares.amount': t('配分額（円）', 'Amount of the split (yen)'),
  evidenceRef: t('見積書・契約書の番号', 'Quote or contract reference'),
  outsourcing: t('外注（委託）', 'Outsourcing'),
  'outsourcing.personnelShare': t('委託費のうち人件費相当額（円）', 'Personnel share of the contract (yen)'),
  'outsourcing.personDays': t('委託の人日', 'Person-days of the contract'),
  'outsourcing.hours': t('委託の時間数', 'Hours of the contract'),
  licence: t('ライセンス（利用契約・購入）', 'Licence (contract or purchase)'),
  'licence.usableAfterProject': t('事業終了後も使用できる', 'Usable after the project'),
  nextFiscalYearWork: t('翌年度に行う作業である', 'Work of the next fiscal year'),
};

/** An engine input outside the form ("grant.rate.committeeDecision"), or null. */
export const engineInputLabel = (def: Pick<TProgrammeDefinition, 'engine'>, path: string): TText | null =>
  ENGINE_INPUT_LABELS[def.engine]?.[withoutIndices(path)] ?? null;

/**
 * A cell of a budget row that is not one of the table's columns ("stages.0" of a CO2 factor, "licence"
 * of a line), the nearest named part of it: a factor's cells are the questions its requirements ask.
 */
export function rowFieldLabel(table: { readonly code: string }, key: string): TText | null {
  const parts = withoutIndices(key).split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const at = parts.slice(0, n).join('.');
    const label = (table.code === 'factors' ? CO2_FACTOR_FACT_LABELS[at] : undefined) ?? ROW_FIELD_LABELS[at];
    if (label) return label;
  }
  return null;
}
