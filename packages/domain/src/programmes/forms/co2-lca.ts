import { yen, type Yen } from '../../money';
import { budgetRows, budgetTables } from '../budget-tables';
import type { Co2Breakdown } from '../co2/compute';
import type { TCo2Content, TGenericContent, TLcaContent } from '../content/schema';
import type { TProgrammeDefinition } from '../shared/definition';
import type { GenericBreakdown } from '../shared/generic';
import type { GrantResult } from '../shared/result';
import { budgetTable, sectionFields } from './entered';
import { baseOf, capSteps, categorySumSteps, categoryTable, eligibilitySteps, explained, grantSteps, ownShareRow, rateSources, roundingText, sumStep, taxSteps } from './figures';
import { same, text, yenText, yenValue, type FormBlock, type FormPart, type FormRow, type FormText } from './model';

/**
 * The CO2 emission-factor support form (令和7年度 CO2原単位等の策定に係る支援 募集要領 §3.2(2)):
 * ① product outline, ② parties, ③ schedule, the factors, ④ the quote by the five cost categories;
 * and the generic-engine forms (LCA implementation support, cost-share template: outline and costs).
 */

const NOT_COMPUTED: FormBlock = {
  kind: 'note',
  text: text('予算の入力に誤りがあるため、金額は計算されていません。', 'The budget has errors, so the amounts are not computed.'),
};

const amountTable = (def: TProgrammeDefinition) => budgetTables(def).find((t) => t.hasAmount)!;

const enteredTotal = (content: TCo2Content | TLcaContent | TGenericContent, def: TProgrammeDefinition, table = amountTable(def)) =>
  yen(budgetRows(content, table).reduce((sum, r) => sum + (typeof r.amount === 'number' ? r.amount : 0), 0));

/** Σ of the entered amounts per category, every category of the programme shown. */
function byCategory(content: TCo2Content | TLcaContent | TGenericContent, def: TProgrammeDefinition, codes: readonly string[]): Record<string, Yen> {
  const table = amountTable(def);
  const rows = budgetRows(content, table);
  return Object.fromEntries(codes.map((c) => [c, yen(rows.filter((r) => r.category === c).reduce((sum, r) => sum + (typeof r.amount === 'number' ? r.amount : 0), 0))]));
}

export function co2FormDocument({ content, result, def }: { content: TCo2Content; result: GrantResult<Co2Breakdown> | null; def: TProgrammeDefinition }): FormPart[] {
  const [factorsTable, linesTable] = budgetTables(def);
  const sums = byCategory(content, def, def.sections[0]?.categories ?? def.costCategories.map((c) => c.code));
  const total = enteredTotal(content, def);
  const quote: FormBlock[] = [budgetTable(linesTable!, content, result?.breakdown.lines), categoryTable(def, 'categories', sums, total)];
  if (!result) quote.push(NOT_COMPUTED);
  else quote.push({ kind: 'fields', rows: co2Figures(def, result, sums, total) });
  return [
    { key: 'applicant', title: text('申請者', 'Applicant'), blocks: [sectionFields('co2_factor_support', def, 'applicant', content)] },
    { key: 'outline', title: text('① 製品の概要・② 実施体制・③ スケジュール', '① Products, ② parties, ③ schedule'), blocks: [sectionFields('co2_factor_support', def, 'outline', content)] },
    { key: 'factors', title: text('策定する原単位', 'Factors to develop'), blocks: [budgetTable(factorsTable!, content), ...(result ? [factorTable(result.breakdown)] : [])] },
    { key: 'quote', title: text('④ 申請額の見積（5区分）', '④ Quote by the five categories'), blocks: quote },
    { key: 'pledge', title: text('誓約', 'Pledge'), blocks: [sectionFields('co2_factor_support', def, 'pledge', content)] },
  ];
}

/** Each factor's eligible cost and support, with the per-factor cap. */
function factorTable(b: Co2Breakdown): FormBlock {
  return {
    kind: 'table',
    key: 'factors.grant',
    title: text('原単位ごとの支援額', 'Support per factor'),
    columns: [
      { label: text('原単位', 'Factor'), align: 'left' },
      { label: text('製品', 'Product'), align: 'left' },
      { label: text('対象経費（税込）', 'Eligible cost (incl. tax)'), align: 'right' },
      { label: text('支援額', 'Support'), align: 'right' },
      { label: text('上限', 'Cap'), align: 'left' },
    ],
    rows: b.factors.map((f) => [
      same(`${f.id}（${f.kindNo}）`),
      same(f.product),
      yenValue(f.claimed),
      yenValue(f.grant),
      f.cap === null ? { kind: 'blank' } : { kind: 'text', text: f.capHit ? { ja: `${yenText(f.cap).ja}（適用）`, en: `${yenText(f.cap).en} (applied)` } : yenText(f.cap) },
    ]),
  };
}

function co2Figures(def: TProgrammeDefinition, result: GrantResult<Co2Breakdown>, sums: Record<string, Yen>, total: Yen): FormRow[] {
  const b = result.breakdown;
  const g = result.grant;
  const perFactor: FormText[] = b.factors.map((f) => ({
    ja: `${f.id} ${f.product}: 対象経費 ${yenText(f.claimed).ja} → ${yenText(f.grant).ja}${f.capHit && f.cap !== null ? `（1原単位あたりの上限 ${yenText(f.cap).ja} を適用）` : '（全額）'}`,
    en: `${f.id} ${f.product}: eligible ${yenText(f.claimed).en} → ${yenText(f.grant).en}${f.capHit && f.cap !== null ? ` (per-factor cap of ${yenText(f.cap).en} applied)` : ' (in full)'}`,
  }));
  const cap = capSteps(result, def);
  return [
    { key: 'requested', label: text('申請額の見積（税込）', 'Quote (incl. tax)'), value: yenValue(total), explanation: explained(categorySumSteps(def, sums, total), ['001 §3.2(2)']) },
    {
      key: 'grant',
      label: text('支援額', 'Support'),
      value: yenValue(g.amount),
      explanation: explained(
        [
          text('消費税を含む経費をそのまま対象とし、限度額と比べる', 'Tax-inclusive costs are counted as they are and compared with the caps'),
          ...perFactor,
          sumStep(b.factors.map((f) => [f.id, f.grant] as const), b.beforeApplicantCap),
          ...cap.steps,
          ...eligibilitySteps(result),
          roundingText(def),
        ],
        [def.money.source, ...cap.sources],
      ),
    },
    ownShareRow('ownShare', g.requested, g.amount, g.ownShare, def.money.source),
  ];
}

/** The form of a generic-engine programme (LCA implementation support, a programme made from the cost-share template): outline and costs. */
export function genericFormDocument({
  content,
  result,
  def,
}: {
  content: TLcaContent | TGenericContent;
  result: GrantResult<GenericBreakdown> | null;
  def: TProgrammeDefinition;
}): FormPart[] {
  const kind = content.programme;
  const [linesTable] = budgetTables(def);
  const codes = def.costCategories.map((c) => c.code);
  const sums = byCategory(content, def, codes);
  const total = enteredTotal(content, def);
  const costs: FormBlock[] = [budgetTable(linesTable!, content, result?.breakdown.lines), categoryTable(def, 'categories', sums, total)];
  if (!result) costs.push(NOT_COMPUTED);
  else {
    const g = result.grant;
    const sections = result.breakdown.sections;
    const cap = capSteps(result, def);
    costs.push({
      kind: 'fields',
      rows: [
        { key: 'requested', label: text('事業費（税込）', 'Project cost (incl. tax)'), value: yenValue(g.requested), explanation: explained(categorySumSteps(def, sums, total), [def.money.source]) },
        { key: 'base', label: text('補助対象経費', 'Eligible cost'), value: yenValue(baseOf(sections)), explanation: explained(taxSteps(def, sections), [def.money.source]) },
        {
          key: 'grant',
          label: text('補助額', 'Grant'),
          value: yenValue(g.amount),
          explanation: explained([...grantSteps(def, sections), ...cap.steps, ...eligibilitySteps(result), roundingText(def)], [...rateSources(def, sections), ...cap.sources]),
        },
        ownShareRow('ownShare', g.requested, g.amount, g.ownShare, def.money.source),
      ],
    });
  }
  return [
    { key: 'applicant', title: text('申請者', 'Applicant'), blocks: [sectionFields(kind, def, 'applicant', content)] },
    { key: 'outline', title: text('事業概要', 'Project outline'), blocks: [sectionFields(kind, def, 'outline', content)] },
    { key: 'costs', title: text('補助対象経費', 'Eligible costs'), blocks: costs },
    { key: 'pledge', title: text('誓約', 'Pledge'), blocks: [sectionFields(kind, def, 'pledge', content)] },
  ];
}
