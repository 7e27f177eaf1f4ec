import { yen, type Yen } from '../../money';
import { CONSUMPTION_TAX, sumYen } from '../shared/amounts';
import type { TProgrammeDefinition, TSection } from '../shared/definition';
import type { GrantResult } from '../shared/result';
import type { SectionResult } from '../shared/rules';
import { bilingual, citeSources, text, yenText, yenValue, type FormBlock, type FormExplanation, type FormRow, type FormText } from './model';

/**
 * The computed figures of a form and how each came about. Every number here is one the grant
 * computation returned (section bases, rates, section grants, caps); this file only words them.
 */

export type ComputedSection = Omit<SectionResult, 'reasons'>;

const join = (parts: readonly FormText[], ja: string, en: string): FormText => ({ ja: parts.map((p) => p.ja).join(ja), en: parts.map((p) => p.en).join(en) });
const say = (ja: (y: (n: Yen) => string) => string, en: (y: (n: Yen) => string) => string): FormText => ({
  ja: ja((n) => yenText(n).ja),
  en: en((n) => yenText(n).en),
});

const definitionOf = (def: TProgrammeDefinition, section: ComputedSection): TSection | undefined => def.sections.find((s) => s.code === section.section);
const nameOf = (def: TProgrammeDefinition, section: ComputedSection): FormText => definitionOf(def, section)?.name ?? text(section.section);
/** Where each section's applied rate is written (the section's own source when no rate applied). */
export const rateSources = (def: TProgrammeDefinition, sections: readonly ComputedSection[]): string[] =>
  sections.flatMap((s) => {
    const d = definitionOf(def, s);
    return d?.rates.find((r) => r.id === s.rate?.id)?.source ?? d?.source ?? [];
  });

/** The tax-exclusive factor as the documents write it (100/110). */
const TAX_FRACTION = `${CONSUMPTION_TAX.denominator}/${CONSUMPTION_TAX.denominator + CONSUMPTION_TAX.numerator}`;

const ROUNDING: Readonly<Record<number, FormText>> = {
  1: text('円未満切り捨て', 'rounded down to the yen'),
  1000: text('千円未満切り捨て', 'rounded down to the thousand yen'),
};
export const roundingText = (def: TProgrammeDefinition): FormText => ROUNDING[def.money.grantRoundingUnit] ?? ROUNDING[1]!;

/** Σ of the sections' bases: what the rates were applied to. */
export const baseOf = (sections: readonly ComputedSection[]): Yen => sumYen(sections.map((s) => s.base));

/** Section by section, how the tax was taken out of the eligible cost (or why it was not). */
export function taxSteps(def: TProgrammeDefinition, sections: readonly ComputedSection[]): FormText[] {
  const steps = sections
    .filter((s) => s.eligibleTaxInclusive > 0)
    .map((s) => {
      const name = nameOf(def, s);
      if (def.money.taxBasis !== 'tax_exclusive')
        return say((y) => `${name.ja}: 税込 ${y(s.eligibleTaxInclusive)}（消費税を含めて対象）`, (y) => `${name.en}: ${y(s.eligibleTaxInclusive)} incl. tax (tax counted)`);
      const taxExcluded = yen(s.base - s.nonTaxable);
      const nonTaxable = s.nonTaxable > 0 ? say((y) => ` ＋ 非課税 ${y(s.nonTaxable)} ＝ ${y(s.base)}`, (y) => ` + non-taxable ${y(s.nonTaxable)} = ${y(s.base)}`) : text('');
      return say(
        (y) => `${name.ja}: 課税対象 ${y(s.taxableTaxInclusive)}（税込）× ${TAX_FRACTION} ＝ ${y(taxExcluded)}（円未満切り捨て）${nonTaxable.ja}`,
        (y) => `${name.en}: taxable ${y(s.taxableTaxInclusive)} incl. tax × ${TAX_FRACTION} = ${y(taxExcluded)} (rounded down)${nonTaxable.en}`,
      );
    });
  if (sections.length > 1) steps.push(say((y) => `計 ${y(baseOf(sections))}`, (y) => `Total ${y(baseOf(sections))}`));
  return steps;
}

/** Section by section: base × rate, and any cap that cut it. */
export function grantSteps(def: TProgrammeDefinition, sections: readonly ComputedSection[]): FormText[] {
  const steps: FormText[] = [];
  for (const s of sections.filter((x) => x.eligibleTaxInclusive > 0)) {
    const name = nameOf(def, s);
    if (!s.rate) steps.push({ ja: `${name.ja}: 助成率が定まらないため 0円`, en: `${name.en}: no rate applies yet, ¥0` });
    else if (s.rate.basis === 'fixed_amount')
      steps.push(say((y) => `${name.ja}: ${y(s.base)} を定額で助成 ＝ ${y(s.beforeCaps)}`, (y) => `${name.en}: ${y(s.base)} granted as a fixed amount = ${y(s.beforeCaps)}`));
    else {
      const r = `${s.rate.numerator}/${s.rate.denominator}`;
      steps.push(say((y) => `${name.ja}: ${y(s.base)} × ${r} ＝ ${y(s.beforeCaps)}（円未満切り捨て）`, (y) => `${name.en}: ${y(s.base)} × ${r} = ${y(s.beforeCaps)} (rounded down)`));
    }
    if (s.capHit) steps.push(say((y) => `上限「${s.capHit!.name.ja}」により ${y(s.grant)}`, (y) => `Cap “${s.capHit!.name.en}” applied: ${y(s.grant)}`));
    else if (s.grant !== s.beforeCaps)
      steps.push(say((y) => `提案全体の上限・端数処理により ${y(s.grant)}`, (y) => `After the proposal’s cap and rounding: ${y(s.grant)}`));
  }
  return steps;
}

/** The proposal-wide cap (per project, or per applicant): applied, or not reached. */
export function capSteps(result: GrantResult<unknown>, def: TProgrammeDefinition): { steps: FormText[]; sources: string[] } {
  const { cap, capHit } = result.grant;
  if (cap === null) return { steps: [], sources: [] };
  const wide = def.caps.filter((c) => (c.scope === 'per_project' || c.scope === 'per_applicant') && c.enforcement === 'hard');
  const applied = wide.find((c) => c.id === capHit);
  const sources = wide.filter((c) => c.amount === cap).map((c) => c.source).slice(0, 1);
  if (applied)
    return {
      steps: [say((y) => `上限「${applied.name.ja}」${y(cap)} を適用`, (y) => `Cap “${applied.name.en}” of ${y(cap)} applied`)],
      sources: [applied.source],
    };
  return { steps: [say((y) => `上限 ${y(cap)} 以内（上限の適用なし）`, (y) => `Within the cap of ${y(cap)} (no cap applied)`)], sources };
}

/** Why a computed grant is not granted: the proposal does not (yet) meet the requirements. */
export function eligibilitySteps(result: GrantResult<unknown>): FormText[] {
  if (result.eligibility.status === 'ineligible')
    return [say((y) => `要件を満たさないため助成額は 0円（計算上の額 ${y(result.grant.computed)}）`, (y) => `Requirements not met, so the grant is ¥0 (computed: ${y(result.grant.computed)})`)];
  if (result.eligibility.status === 'undetermined')
    return [text('要件の一部が未確認のため、額は暫定です', 'Some requirements are still to be confirmed, so the amount is provisional')];
  return [];
}

export const explained = (steps: readonly FormText[], sources: readonly string[]): FormExplanation => ({ steps, source: citeSources(sources) });

/** requested − grant, as the forms define 自己負担額. */
export function ownShareRow(key: string, total: Yen, grant: Yen, ownShare: Yen, source: string): FormRow {
  return {
    key,
    label: text('自己負担額', 'Own share'),
    value: yenValue(ownShare),
    explanation: explained([say((y) => `${y(total)} − ${y(grant)} ＝ ${y(ownShare)}`, (y) => `${y(total)} − ${y(grant)} = ${y(ownShare)}`)], [source]),
  };
}

/** Σ per cost category, in the form's order, with the total. */
export function categorySumSteps(def: TProgrammeDefinition, byCategory: Readonly<Record<string, Yen>>, total: Yen): FormText[] {
  const parts = Object.entries(byCategory).map(([code, amount]) => {
    const name = def.costCategories.find((c) => c.code === code)?.name ?? text(code);
    return say((y) => `${name.ja} ${y(amount)}`, (y) => `${name.en} ${y(amount)}`);
  });
  if (parts.length === 0) return [];
  const sum = join(parts, ' ＋ ', ' + ');
  return [say((y) => `${sum.ja} ＝ ${y(total)}（税込）`, (y) => `${sum.en} = ${y(total)} incl. tax`)];
}

/** "様式4-1 10,800,000円 ＋ 様式4-2 1,010,000円 ＝ 11,810,000円". */
export function sumStep(parts: readonly (readonly [string, Yen])[], total: Yen): FormText {
  return say(
    (y) => `${parts.map(([name, amount]) => `${name} ${y(amount)}`).join(' ＋ ')} ＝ ${y(total)}`,
    (y) => `${parts.map(([name, amount]) => `${name} ${y(amount)}`).join(' + ')} = ${y(total)}`,
  );
}

/** Σ per cost category (需用費, 役務費, … or the CO2 five), every category of the form shown, 0 included. */
export function categoryTable(def: TProgrammeDefinition, key: string, sums: Readonly<Record<string, Yen>>, total: Yen): FormBlock {
  return {
    kind: 'table',
    key,
    title: text('経費区分別の内訳', 'By cost category'),
    columns: [
      { label: text('経費区分', 'Category'), align: 'left' },
      { label: text('金額（税込）', 'Amount (incl. tax)'), align: 'right' },
    ],
    rows: Object.entries(sums).map(([code, amount]) => [{ kind: 'text', text: def.costCategories.find((c) => c.code === code)?.name ?? text(code) }, yenValue(amount)]),
    footer: [bilingual('合計', 'Total'), yenValue(total)],
  };
}
