import { listedNamesParams } from '../../display-params';
import { yen, type Yen } from '../../money';
import catalogue from '../../messages/errors.programmes.ja.json';
import { fractionOf, roundDownTo, sumYen, taxExclusive } from './amounts';
import { evaluate, type Facts } from './conditions';
import type {
  TCap,
  TCriterion,
  TProgrammeDefinition,
  TRateRule,
  TSection,
  TTaxTreatment,
  TText,
} from './definition';
import { reason, type ProgrammeCode, type Reason, type ReasonSubject } from './reasons';

/** The building blocks every engine shares: criteria, rates, caps. */

export const isProgrammeCode = (code: string): code is ProgrammeCode => Object.hasOwn(catalogue, code);

// ————— eligibility criteria —————

export type CriterionStatus = 'met' | 'not_met' | 'unknown' | 'not_applicable';
export interface CriterionResult {
  code: string;
  status: CriterionStatus;
  level: TCriterion['level'];
  /** Facts that still need an answer before this criterion can be decided. */
  missing: string[];
  source: string;
  subject?: ReasonSubject;
}
export type EligibilityStatus = 'eligible' | 'ineligible' | 'undetermined';
export interface EligibilityResult {
  status: EligibilityStatus;
  criteria: CriterionResult[];
  reasons: Reason[];
}

const LEVEL_OF = { required: 'error', recommended: 'warning', notice: 'info' } as const;

/** A fact as the application form asks it (its question's or field's label), or null when no form names it. */
export type FactLabeller = (fact: string) => TText | null;

/** The labels a definition itself gives its facts: its own questions. */
export const questionLabeller =
  (def: Pick<TProgrammeDefinition, 'questions'>): FactLabeller =>
  (fact) =>
    def.questions.find((q) => q.fact === fact)?.text ?? null;

export function evaluateCriteria(
  criteria: readonly TCriterion[],
  facts: Facts,
  subject?: ReasonSubject,
  labelOf: FactLabeller = () => null,
): EligibilityResult {
  const results: CriterionResult[] = [];
  const reasons: Reason[] = [];
  for (const c of criteria) {
    const base = { code: c.code, level: c.level, source: c.source, ...(subject ? { subject } : {}) };
    if (c.appliesWhen) {
      const applies = evaluate(c.appliesWhen, facts);
      if (applies.truth === 'false') {
        results.push({ ...base, status: 'not_applicable', missing: [] });
        continue;
      }
      if (applies.truth === 'unknown') {
        results.push({ ...base, status: 'unknown', missing: applies.missing });
        if (c.level === 'required') reasons.push(missingReason(c, applies.missing, labelOf, subject));
        continue;
      }
    }
    const r = evaluate(c.requires, facts);
    const status: CriterionStatus = r.truth === 'true' ? 'met' : r.truth === 'false' ? 'not_met' : 'unknown';
    results.push({ ...base, status, missing: r.missing });
    if (status === 'not_met') {
      const code = isProgrammeCode(c.code) ? c.code : 'eligibility.criterion_not_met';
      reasons.push(
        reason(code, c.source, { criterion: c.text.ja, criterionEn: c.text.en }, LEVEL_OF[c.level], subject),
      );
    } else if (status === 'unknown' && c.level === 'required') {
      reasons.push(missingReason(c, r.missing, labelOf, subject));
    }
  }
  return { status: overallStatus(results), criteria: results, reasons };
}

/**
 * The facts still to answer, named as the form asks them (「主要用途は戸建住宅である」); a fact no
 * form names keeps its key, which the definition's checks and the domain tests keep from happening.
 */
export function namedFacts(missing: readonly string[], labelOf: FactLabeller): { facts: string; factsEn: string } {
  const labels = missing.map((fact) => labelOf(fact) ?? { ja: fact, en: fact });
  return listedNamesParams('facts', labels.map((l) => ({ ja: `「${l.ja}」`, en: `“${l.en}”` })));
}

function missingReason(c: TCriterion, missing: string[], labelOf: FactLabeller, subject?: ReasonSubject): Reason {
  const params = { criterion: c.text.ja, criterionEn: c.text.en, ...namedFacts(missing, labelOf) };
  return reason('eligibility.facts_missing', c.source, params, 'warning', subject);
}

export function overallStatus(results: readonly CriterionResult[]): EligibilityStatus {
  const required = results.filter((r) => r.level === 'required');
  if (required.some((r) => r.status === 'not_met')) return 'ineligible';
  if (required.some((r) => r.status === 'unknown')) return 'undetermined';
  return 'eligible';
}

export function combineEligibility(...parts: EligibilityResult[]): EligibilityResult {
  const criteria = parts.flatMap((p) => p.criteria);
  return { status: overallStatus(criteria), criteria, reasons: parts.flatMap((p) => p.reasons) };
}

// ————— rates —————

export function pickRate(
  section: TSection,
  facts: Facts,
): { rule: TRateRule | undefined; missing: string[] } {
  const missing: string[] = [];
  for (const rule of section.rates) {
    if (!rule.when) return { rule, missing };
    const e = evaluate(rule.when, facts);
    if (e.truth === 'true') return { rule, missing };
    missing.push(...e.missing);
  }
  return { rule: undefined, missing: [...new Set(missing)] };
}

// ————— caps —————

export interface CapChoice {
  /** The binding hard cap (base + additions), or null when no hard cap of that scope applies. */
  amount: Yen | null;
  /** The caps that make up `amount` (the base first, then additions). */
  caps: TCap[];
  guidelines: TCap[];
  /**
   * Facts still unanswered that decide which cap applies. Until they are answered the smallest
   * cap that could apply is used, so a draft never shows more than it could get.
   */
  missing: string[];
}

export function capsFor(
  def: TProgrammeDefinition,
  scope: TCap['scope'],
  facts: Facts,
  filter: { section?: string; itemKind?: string } = {},
): CapChoice {
  const inScope = def.caps.filter(
    (c) =>
      c.scope === scope &&
      (filter.section === undefined || c.section === filter.section) &&
      (filter.itemKind === undefined || c.itemKind === filter.itemKind),
  );
  const judged = inScope.map((c) => ({
    cap: c,
    e: c.when === undefined ? { truth: 'true' as const, missing: [] } : evaluate(c.when, facts),
  }));
  const matching = judged.filter((j) => j.e.truth === 'true').map((j) => j.cap);
  const undecided = judged.filter((j) => j.e.truth === 'unknown');
  const hard = matching.filter((c) => c.enforcement === 'hard');
  // An undecided base cap competes with the decided ones: the smallest wins until the facts are in.
  const bases = [...hard, ...undecided.map((j) => j.cap).filter((c) => c.enforcement === 'hard')].filter(
    (c) => !c.additive,
  );
  const missing = [...new Set(undecided.flatMap((j) => j.e.missing))];
  bases.sort((a, b) => a.amount - b.amount);
  const base = bases[0];
  const additions = hard.filter((c) => c.additive);
  const guidelines = matching.filter((c) => c.enforcement === 'guideline');
  if (!base) return { amount: null, caps: [], guidelines, missing };
  return {
    amount: yen(base.amount + additions.reduce((s, c) => s + c.amount, 0)),
    caps: [base, ...additions],
    guidelines,
    missing,
  };
}

// ————— one section: tax basis, rate, section caps —————

export interface CountedLine {
  amount: Yen;
  taxTreatment: TTaxTreatment;
}

export interface SectionResult {
  section: string;
  /** Eligible costs as entered (tax-inclusive where taxable). */
  eligibleTaxInclusive: Yen;
  taxableTaxInclusive: Yen;
  nonTaxable: Yen;
  /** What the rate is applied to (tax removed when the programme's basis is tax-exclusive). */
  base: Yen;
  rate: { numerator: number; denominator: number; basis: TRateRule['basis']; id: string } | null;
  /** rate × base, rounded down, before section caps. */
  beforeCaps: Yen;
  grant: Yen;
  capHit: TCap | null;
  reasons: Reason[];
}

export function computeSection(
  def: TProgrammeDefinition,
  section: TSection,
  lines: readonly CountedLine[],
  facts: Facts,
  labelOf: FactLabeller = questionLabeller(def),
): SectionResult {
  const subject: ReasonSubject = { kind: 'section', id: section.code };
  const names = { section: section.name.ja, sectionEn: section.name.en };
  const { taxable, nonTaxable, eligible, base, reasons } = sectionBase(def, section, lines);
  const amounts = {
    section: section.code,
    eligibleTaxInclusive: eligible,
    taxableTaxInclusive: taxable,
    nonTaxable,
    base,
  };
  const { rule, missing } = pickRate(section, facts);
  if (!rule) {
    if (eligible > 0)
      reasons.push(
        missing.length
          ? reason(
              'grant.rate_undetermined',
              section.source,
              { ...names, ...namedFacts(missing, labelOf) },
              'warning',
              subject,
            )
          : reason('grant.no_rate_applies', section.source, names, 'error', subject),
      );
    return { ...amounts, rate: null, beforeCaps: yen(0), grant: yen(0), capHit: null, reasons };
  }
  const beforeCaps = fractionOf(base, rule.rate.numerator, rule.rate.denominator);
  if (eligible > 0)
    reasons.push(
      reason(
        rule.basis === 'fixed_amount' ? 'grant.fixed_amount_applied' : 'grant.rate_applied',
        rule.source,
        { ...names, rate: `${rule.rate.numerator}/${rule.rate.denominator}`, base, amount: beforeCaps },
        'info',
        subject,
      ),
    );
  const capped = sectionCaps(def, section, facts, beforeCaps);
  return {
    ...amounts,
    rate: {
      numerator: rule.rate.numerator,
      denominator: rule.rate.denominator,
      basis: rule.basis,
      id: rule.id,
    },
    beforeCaps,
    grant: capped.grant,
    capHit: capped.capHit,
    reasons: [...reasons, ...capped.reasons],
  };
}

/** The section's eligible costs, and the base the rate applies to (tax removed when the programme says so). */
function sectionBase(
  def: TProgrammeDefinition,
  section: TSection,
  lines: readonly CountedLine[],
): { taxable: Yen; nonTaxable: Yen; eligible: Yen; base: Yen; reasons: Reason[] } {
  const taxable = sumYen(lines.filter((l) => l.taxTreatment === 'taxable').map((l) => l.amount));
  const nonTaxable = sumYen(lines.filter((l) => l.taxTreatment === 'non_taxable').map((l) => l.amount));
  const eligible = yen(taxable + nonTaxable);
  if (def.money.taxBasis !== 'tax_exclusive')
    return { taxable, nonTaxable, eligible, base: eligible, reasons: [] };
  // Tax is removed from the section total rather than line by line, so splitting a line into
  // two never loses a yen to rounding.
  const base = yen(taxExclusive(taxable) + nonTaxable);
  const reasons =
    eligible > 0
      ? [
          reason(
            'grant.tax_excluded',
            def.money.source,
            {
              section: section.name.ja,
              sectionEn: section.name.en,
              taxable,
              taxExcluded: taxExclusive(taxable),
              nonTaxable,
              base,
            },
            'info',
            { kind: 'section', id: section.code },
          ),
        ]
      : [];
  return { taxable, nonTaxable, eligible, base, reasons };
}

/** The section's caps cut the grant; guideline amounts only warn. */
function sectionCaps(
  def: TProgrammeDefinition,
  section: TSection,
  facts: Facts,
  beforeCaps: Yen,
): { grant: Yen; capHit: TCap | null; reasons: Reason[] } {
  const subject: ReasonSubject = { kind: 'section', id: section.code };
  const reasons: Reason[] = [];
  let grant = beforeCaps;
  let capHit: TCap | null = null;
  const caps = capsFor(def, 'per_section', facts, { section: section.code });
  if (caps.amount !== null && grant > caps.amount) {
    grant = caps.amount;
    capHit = caps.caps[0] ?? null;
    reasons.push(
      reason(
        'grant.cap_applied',
        caps.caps[0]!.source,
        { cap: caps.caps[0]!.name.ja, capEn: caps.caps[0]!.name.en, amount: caps.amount, before: beforeCaps },
        'info',
        subject,
      ),
    );
  }
  for (const g of caps.guidelines)
    if (grant > g.amount)
      reasons.push(
        reason(
          'grant.guideline_cap_exceeded',
          g.source,
          { cap: g.name.ja, capEn: g.name.en, guideline: g.amount, amount: grant },
          'info',
          subject,
        ),
      );
  return { grant, capHit, reasons };
}

/**
 * Applies the per-project cap to the sum of the sections. When it cuts, sections give way in
 * the definition's capReductionOrder (CLT: the demonstration before the council's fixed amount),
 * so the breakdown still shows which part was cut. Rounding to the programme's unit comes last.
 */
export function applyProjectCap(
  def: TProgrammeDefinition,
  sections: SectionResult[],
  facts: Facts,
  labelOf: FactLabeller = questionLabeller(def),
): { total: Yen; beforeCap: Yen; capHit: TCap | null; cap: Yen | null; reasons: Reason[] } {
  const reasons: Reason[] = [];
  const beforeCap = sumYen(sections.map((s) => s.grant));
  const choice = capsFor(def, 'per_project', facts);
  if (choice.missing.length && choice.amount !== null)
    reasons.push(
      reason(
        'grant.cap_undetermined',
        choice.caps[0]!.source,
        { ...namedFacts(choice.missing, labelOf), amount: choice.amount },
        'warning',
      ),
    );
  let total = beforeCap;
  let capHit: TCap | null = null;
  if (choice.amount !== null && beforeCap > choice.amount) {
    capHit = choice.caps[0] ?? null;
    let excess = beforeCap - choice.amount;
    const order = [
      ...def.capReductionOrder,
      ...sections.map((s) => s.section).filter((s) => !def.capReductionOrder.includes(s)),
    ];
    for (const code of order) {
      const s = sections.find((x) => x.section === code);
      if (!s || excess <= 0) continue;
      const cut = Math.min(excess, s.grant);
      s.grant = yen(s.grant - cut);
      excess -= cut;
    }
    total = choice.amount;
    reasons.push(
      reason(
        'grant.cap_applied',
        choice.caps[0]!.source,
        {
          cap: choice.caps.map((c) => c.name.ja).join(' + '),
          capEn: choice.caps.map((c) => c.name.en).join(' + '),
          amount: choice.amount,
          before: beforeCap,
        },
        'info',
      ),
    );
  }
  for (const g of choice.guidelines)
    if (total > g.amount)
      reasons.push(
        reason(
          'grant.guideline_cap_exceeded',
          g.source,
          { cap: g.name.ja, capEn: g.name.en, guideline: g.amount, amount: total },
          'info',
        ),
      );
  const unit = def.money.grantRoundingUnit;
  if (unit > 1 && total % unit !== 0) {
    const rounded = roundDownTo(total, unit);
    reasons.push(
      reason('grant.rounded_down', def.money.source, { unit, before: total, amount: rounded }, 'info'),
    );
    // The rounding loss is taken from the first section that can bear it, to keep Σ sections = total.
    let loss = total - rounded;
    for (const s of sections) {
      const cut = Math.min(loss, s.grant);
      s.grant = yen(s.grant - cut);
      loss -= cut;
    }
    total = rounded;
  }
  return { total, beforeCap, capHit, cap: choice.amount, reasons };
}

/** Bonus items (加点) met by the facts; cumulative (003 §3.3.2). */
export function bonusPoints(
  def: TProgrammeDefinition,
  facts: Facts,
): { items: { code: string; points: number; source: string }[]; total: number; reasons: Reason[] } {
  const items = def.bonusItems
    .filter((b) => evaluate(b.when, facts).truth === 'true')
    .map((b) => ({ code: b.code, points: b.points ?? 1, source: b.source }));
  const reasons = items.map((i) => {
    const text = def.bonusItems.find((b) => b.code === i.code)!.text;
    return reason('eligibility.bonus_item_met', i.source, { item: text.ja, itemEn: text.en }, 'info', {
      kind: 'item',
      id: i.code,
    });
  });
  return { items, total: items.reduce((s, i) => s + i.points, 0), reasons };
}
