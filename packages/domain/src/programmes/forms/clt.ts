import type { Yen } from '../../money';
import { budgetTables } from '../budget-tables';
import type { CltBreakdown, CltForm } from '../clt/compute';
import type { TCltContent } from '../content/schema';
import type { TProgrammeDefinition } from '../shared/definition';
import type { GrantResult } from '../shared/result';
import { budgetTable, checklistTable, sectionFields } from './entered';
import {
  baseOf,
  capSteps,
  categorySumSteps,
  categoryTable,
  eligibilitySteps,
  explained,
  grantSteps,
  ownShareRow,
  rateSources,
  roundingText,
  sumStep,
  taxSteps,
  type ComputedSection,
} from './figures';
import { bilingual, same, text, yenValue, type FormBlock, type FormPart, type FormRow, type FormText } from './model';

/**
 * The CLT demonstration's forms (令和7年度 CLT建築実証事業 募集要領 §6.4): 様式1 提案申請書,
 * 様式2 建築物の概要, 様式3 実証内容及び実証計画, 様式4-1/4-2 事業予算書, then the whole
 * proposal, 添付様式6 and the pledge.
 */

const KIND = 'clt_demonstration';
const FORMS_SOURCE = '003 様式4-1・様式4-2';
const FORM_4_1_SECTIONS = ['building_demo', 'design_demo', 'performance_demo'];

type CltResult = GrantResult<CltBreakdown>;

export interface CltFormInput {
  content: TCltContent;
  result: CltResult | null;
  /** The rules the application computes with: names, rates, caps and sources come from them. */
  def: TProgrammeDefinition;
  /** 事業名 (the application's title). */
  title?: string;
}

export function cltFormDocument({ content, result, def, title }: CltFormInput): FormPart[] {
  const applicant = sectionFields(KIND, def, 'applicant', content);
  const form1: FormBlock[] = [{ kind: 'note', text: text('CLT活用建築物等実証事業に係る提案について、下記のとおり申請します。', 'We propose the following for the CLT building demonstration project.') }, applicant];
  if (title !== undefined) form1.push({ kind: 'fields', rows: [{ key: 'title', label: text('事業名', 'Project name'), value: title ? same(title) : { kind: 'blank' } }] });
  return [
    { key: 'form1', title: text('様式1 提案申請書', '様式1 Proposal'), blocks: form1 },
    { key: 'form2', title: text('様式2 建築物の概要', '様式2 Building outline'), blocks: [sectionFields(KIND, def, 'building', content)] },
    {
      key: 'form3',
      title: text('様式3 実証内容及び実証計画', '様式3 Demonstration content and plan'),
      blocks: [
        sectionFields(KIND, def, 'plan', content),
        sectionFields(KIND, def, 'bonus', content, text('加点・特例の該当', 'Bonus points and special rate')),
        sectionFields(KIND, def, 'councilOperator', content, text('協議会運営者', 'Council operator')),
      ],
    },
    budgetPart(def, 'form4_1', text('様式4-1 事業予算書（実証事業用）', '様式4-1 Budget (demonstration)'), content, result, (b) => b.form4_1),
    budgetPart(def, 'form4_2', text('様式4-2 事業予算書（協議会運営用）', '様式4-2 Budget (council)'), content, result, (b) => b.form4_2),
    ...(result ? [proposalPart(def, result)] : []),
    { key: 'checklist', title: text('添付様式6 環境負荷低減の取組に関するチェックシート', '添付様式6 Environmental checklist'), blocks: [checklistTable(content)] },
    { key: 'pledge', title: text('誓約', 'Pledge'), blocks: [sectionFields(KIND, def, 'pledge', content)] },
  ];
}

const NOT_COMPUTED: FormBlock = {
  kind: 'note',
  text: text('予算の入力に誤りがあるため、金額は計算されていません。', 'The budget has errors, so the amounts are not computed.'),
};

function budgetPart(def: TProgrammeDefinition, key: 'form4_1' | 'form4_2', title: FormText, content: TCltContent, result: CltResult | null, formOf: (b: CltBreakdown) => CltForm): FormPart {
  const form = key === 'form4_1' ? '様式4-1' : '様式4-2';
  const tables = budgetTables(def).filter((t) => t.form === form);
  const blocks: FormBlock[] = tables.map((t) => budgetTable(t, content, result?.breakdown.lines));
  if (!result) return { key, title, blocks: [...blocks, NOT_COMPUTED] };
  const f = formOf(result.breakdown);
  const codes = f.sections.map((s) => s.section as string);
  const sections = result.breakdown.sections.filter((s) => codes.includes(s.section));
  blocks.push(sectionTable(def, key, sections, f), categoryTable(def, `${key}.categories`, f.byCategory, f.total), { kind: 'fields', rows: figures(def, key, form, result, f, sections) });
  return { key, title, blocks };
}

/** Per demonstration kind: cost, base, rate and grant, as the form's 内訳. */
function sectionTable(def: TProgrammeDefinition, key: string, sections: readonly ComputedSection[], f: CltForm): FormBlock {
  return {
    kind: 'table',
    key: `${key}.sections`,
    title: text('区分別の内訳', 'By section'),
    columns: [
      { label: text('区分', 'Section'), align: 'left' },
      { label: text('事業費（税込）', 'Cost (incl. tax)'), align: 'right' },
      { label: text('消費税抜き', 'Excl. tax'), align: 'right' },
      { label: text('助成率', 'Rate'), align: 'left' },
      { label: text('助成額', 'Grant'), align: 'right' },
    ],
    rows: f.sections.map((fs) => {
      const s = sections.find((x) => x.section === fs.section);
      const name = def.sections.find((d) => d.code === fs.section)?.name ?? text(fs.section);
      return [{ kind: 'text', text: name }, yenValue(fs.total), s ? yenValue(s.base) : { kind: 'blank' }, rateValue(s), yenValue(fs.grant)];
    }),
    footer: [bilingual('合計', 'Total'), yenValue(f.total), yenValue(baseOf(sections)), { kind: 'blank' }, yenValue(f.grant)],
  };
}

function rateValue(s: ComputedSection | undefined) {
  if (!s?.rate) return { kind: 'blank' } as const;
  if (s.rate.basis === 'fixed_amount') return bilingual('定額', 'Fixed amount');
  return same(`${s.rate.numerator}/${s.rate.denominator}`);
}

/** 申請する事業費, its tax-excluded base, the rate, 助成額 and 自己負担額, each explained. */
function figures(def: TProgrammeDefinition, key: string, form: string, result: CltResult, f: CltForm, sections: readonly ComputedSection[]): FormRow[] {
  const sources = rateSources(def, sections);
  const cap = key === 'form4_1' ? capSteps(result, def) : { steps: [], sources: [] };
  const rows: FormRow[] = [
    {
      key: `${key}.total`,
      label: text('申請する事業費（消費税込み）', 'Project cost (incl. consumption tax)'),
      value: yenValue(f.total),
      explanation: explained(categorySumSteps(def, f.byCategory, f.total), [`003 ${form}`]),
    },
    {
      key: `${key}.taxExcluded`,
      label: text('補助対象経費（消費税抜き）', 'Eligible cost (excl. consumption tax)'),
      value: yenValue(baseOf(sections)),
      explanation: explained(taxSteps(def, sections), [def.money.source]),
    },
  ];
  if (key === 'form4_1') rows.push(rateRow(def, result));
  rows.push(
    {
      key: `${key}.grant`,
      label: text('助成額（補助金）', 'Grant (subsidy)'),
      value: yenValue(f.grant),
      explanation: explained([...grantSteps(def, sections), ...cap.steps, roundingText(def)], [...sources, ...cap.sources]),
    },
    ownShareRow(`${key}.ownShare`, f.total, f.grant, f.ownShare, FORMS_SOURCE),
  );
  return rows;
}

/** 助成率: 3/10, or 1/2 for a special project (§2.4), with why the requested one was or was not applied. */
function rateRow(def: TProgrammeDefinition, result: CltResult): FormRow {
  const { rate } = result.breakdown;
  const rule = def.sections.find((s) => s.code === FORM_4_1_SECTIONS[0])?.rates.find((r) => r.id === rate.applied);
  const name = rule?.name ?? text(rate.applied);
  const steps: FormText[] = [name];
  if (rate.requested === 'special' && rate.applied === 'standard')
    steps.push(
      rate.committeeDecision === 'rejected'
        ? text('特例（1/2）を希望したが、検討委員会で認められなかったため通常の助成率', 'The special rate was asked for but the committee refused it, so the standard rate applies')
        : text('特例（1/2）を希望したが、特例の条件を満たさないため通常の助成率', 'The special rate was asked for but its conditions are not met, so the standard rate applies'),
    );
  if (rate.applied === 'special' && rate.committeeDecision === 'pending') steps.push(text('特例の適用は検討委員会の判断待ち', 'The special rate awaits the committee’s decision'));
  return {
    key: 'form4_1.rate',
    label: text('助成率', 'Rate'),
    value: rule ? same(`${rule.rate.numerator}/${rule.rate.denominator}`) : { kind: 'blank' },
    explanation: explained(steps, [rule?.source ?? '003 §2.4', ...(rate.requested === 'special' ? ['003 §2.4'] : [])]),
  };
}

/** The whole proposal (様式4-1 + 様式4-2): what is asked, the grant after the cap and eligibility, the own share. */
function proposalPart(def: TProgrammeDefinition, result: CltResult): FormPart {
  const g = result.grant;
  const cap = capSteps(result, def);
  const forms = [result.breakdown.form4_1, result.breakdown.form4_2];
  const sum = (pick: (f: CltForm) => Yen) => forms.map((f) => yenValue(pick(f)));
  return {
    key: 'proposal',
    title: text('提案全体（様式4-1・様式4-2の合計）', 'Whole proposal (様式4-1 and 様式4-2)'),
    blocks: [
      {
        kind: 'table',
        key: 'proposal.forms',
        columns: [
          { label: text('', ''), align: 'left' },
          { label: text('様式4-1', '様式4-1'), align: 'right' },
          { label: text('様式4-2', '様式4-2'), align: 'right' },
        ],
        rows: [
          [bilingual('申請する事業費（税込）', 'Project cost (incl. tax)'), ...sum((f) => f.total)],
          [bilingual('助成額', 'Grant'), ...sum((f) => f.grant)],
          [bilingual('自己負担額', 'Own share'), ...sum((f) => f.ownShare)],
        ],
      },
      {
        kind: 'fields',
        rows: [
          { key: 'proposal.requested', label: text('申請する事業費（税込）', 'Project cost (incl. tax)'), value: yenValue(g.requested) },
          {
            key: 'proposal.grant',
            label: text('助成額（申請額）', 'Grant requested'),
            value: yenValue(g.amount),
            explanation: explained(
              [sumStep([['様式4-1', forms[0]!.grant], ['様式4-2', forms[1]!.grant]], g.computed), ...cap.steps, ...eligibilitySteps(result), roundingText(def)],
              ['003 §2.7', ...cap.sources],
            ),
          },
          ownShareRow('proposal.ownShare', g.requested, g.amount, g.ownShare, FORMS_SOURCE),
        ],
      },
    ],
  };
}
