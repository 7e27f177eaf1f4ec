import { z } from 'zod';
import { yen, type Yen } from '../../money';
import { sumYen, ZAmount } from './amounts';
import type { Facts } from './conditions';
import { ZTaxTreatment, type TProgrammeDefinition, type TQuestion } from './definition';
import { categoryNotInSectionParams, sectionUnknownParams } from './line-names';
import { reason, type InputIssue, type Reason } from './reasons';
import {
  breakdownAmount,
  ZDescription,
  ZFacts,
  ZLineId,
  ZQuantity,
  ZRemarks,
  ZUnit,
  ZUnitPrice,
  type GrantResult,
  type GrantSummary,
  type LineResult,
} from './result';
import {
  applyProjectCap,
  computeSection,
  evaluateCriteria,
  questionLabeller,
  type FactLabeller,
  type EligibilityResult,
  type SectionResult,
} from './rules';

/**
 * The generic engine: sections × rates × caps, all from the definition. The LCA implementation
 * support uses it as is, and so can the ZEB subsidy and the timber-building support of SPEC §4.
 */

export const ZGenericLine = z.strictObject({
  id: ZLineId,
  section: z.string({ error: 'grant.section_unknown' }),
  category: z.string({ error: 'grant.category_unknown' }),
  description: ZDescription.optional(),
  amount: ZAmount,
  unitPrice: ZUnitPrice.optional(),
  quantity: ZQuantity.optional(),
  unit: ZUnit.optional(),
  remarks: ZRemarks.optional(),
  /** Overrides the category's usual tax treatment (e.g. an overseas service without Japanese tax). */
  taxTreatment: ZTaxTreatment.optional(),
});
export type TGenericLine = z.output<typeof ZGenericLine>;

export const ZGenericGrantInput = z.strictObject({
  programme: z.string(),
  facts: ZFacts.default({}),
  lines: z.array(ZGenericLine).max(2000, { message: 'grant.too_many_lines' }),
});
export type TGenericGrantInput = z.output<typeof ZGenericGrantInput>;

export interface GenericBreakdown {
  engine: 'generic';
  lines: LineResult[];
  sections: Omit<SectionResult, 'reasons'>[];
  capBeforeProjectCap: Yen;
}

/** Checks that need the definition: known sections and categories, unique ids, unit × quantity. */
export function checkLinesAgainstDefinition(
  def: TProgrammeDefinition,
  lines: readonly {
    id: string;
    section: string;
    category: string;
    amount: number;
    unitPrice?: number | undefined;
    quantity?: number | undefined;
  }[],
  pathPrefix: (string | number)[] = ['lines'],
): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const at = [...pathPrefix, i];
    if (seen.has(line.id))
      issues.push({ code: 'grant.line_id_duplicate', path: [...at, 'id'], params: { line: line.id } });
    seen.add(line.id);
    const section = def.sections.find((s) => s.code === line.section);
    if (!section)
      issues.push({ code: 'grant.section_unknown', path: [...at, 'section'], params: sectionUnknownParams(def, line.id) });
    else if (!def.costCategories.some((c) => c.code === line.category))
      issues.push({ code: 'grant.category_unknown', path: [...at, 'category'], params: { line: line.id, field: [...at, 'category'].join('.') } });
    else if (!section.categories.includes(line.category))
      issues.push({
        code: 'grant.category_not_in_section',
        path: [...at, 'category'],
        params: categoryNotInSectionParams(def, line.id, section.code, line.category, section.categories),
      });
    issues.push(...breakdownIssues(line, at));
  });
  return issues;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ANSWER_FITS: Readonly<Record<TQuestion['answer'], (v: unknown) => boolean>> = {
  yes_no: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  date: (v) => typeof v === 'string' && ISO_DATE.test(v),
  text: (v) => typeof v === 'string',
};
const ANSWER_EXPECTED: Readonly<Record<TQuestion['answer'], string>> = { yes_no: 'true / false', number: 'number', date: 'YYYY-MM-DD', text: 'text' };

/**
 * The answers of a definition that asks its own questions: only facts it asks, each of its
 * answer type (null or absent: not answered yet). The questions are the version's, so an office
 * changes what is asked by publishing; an answer to a question a newer version dropped is refused.
 */
export function checkFactsAgainstQuestions(def: Pick<TProgrammeDefinition, 'questions'>, facts: Readonly<Record<string, unknown>>): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const [fact, value] of Object.entries(facts)) {
    const question = def.questions.find((q) => q.fact === fact);
    const field = `facts.${fact}`;
    if (!question) issues.push({ code: 'grant.field_unknown', path: ['facts'], params: { field: 'facts', keys: fact } });
    else if (value !== null && value !== undefined && !ANSWER_FITS[question.answer](value))
      issues.push(
        question.answer === 'yes_no'
          ? { code: 'grant.fact_boolean', path: ['facts', fact], params: { field } }
          : { code: 'grant.field_type', path: ['facts', fact], params: { field, expected: ANSWER_EXPECTED[question.answer] } },
      );
  }
  return issues;
}

export function breakdownIssues(
  line: { id: string; amount: number; unitPrice?: number | undefined; quantity?: number | undefined },
  at: (string | number)[],
): InputIssue[] {
  if ((line.unitPrice === undefined) !== (line.quantity === undefined))
    return [
      {
        code: 'grant.breakdown_incomplete',
        path: [...at, line.unitPrice === undefined ? 'unitPrice' : 'quantity'],
        params: { line: line.id },
      },
    ];
  if (line.unitPrice !== undefined && line.quantity !== undefined) {
    const expected = breakdownAmount(line.unitPrice, line.quantity);
    if (expected !== line.amount)
      return [
        {
          code: 'grant.breakdown_mismatch',
          path: [...at, 'amount'],
          params: {
            line: line.id,
            unitPrice: line.unitPrice,
            quantity: line.quantity,
            expected,
            amount: line.amount,
          },
        },
      ];
  }
  return [];
}

/** Facts the engine adds: cost.<category> = Σ of that category's lines (so criteria can look at budgets). */
export function costFacts(
  def: TProgrammeDefinition,
  lines: readonly { category: string; amount: number }[],
): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(
    def.costCategories.map((c) => [`cost.${c.code}`, 0]),
  );
  for (const l of lines) out[`cost.${l.category}`] = (out[`cost.${l.category}`] ?? 0) + l.amount;
  return out;
}

export function computeGeneric(
  def: TProgrammeDefinition,
  input: TGenericGrantInput,
  labelOf: FactLabeller = questionLabeller(def),
): GrantResult<GenericBreakdown> {
  const facts: Facts = { ...costFacts(def, input.lines), ...input.facts };
  const eligibility = evaluateCriteria(def.eligibility, facts, undefined, labelOf);
  const lines: LineResult[] = input.lines.map((l) => {
    const section = def.sections.find((s) => s.code === l.section);
    const category = def.costCategories.find((c) => c.code === l.category);
    const taxTreatment = l.taxTreatment ?? category?.taxTreatment ?? 'taxable';
    const base = {
      id: l.id,
      section: l.section,
      category: l.category,
      ...(l.description ? { description: l.description } : {}),
      amount: l.amount,
      taxTreatment,
    };
    if (!section || !category || !section.categories.includes(l.category)) {
      const r = reason(
        'grant.category_not_in_section',
        section?.source ?? def.sections[0]!.source,
        categoryNotInSectionParams(def, l.id, l.section, l.category, section?.categories ?? []),
        'error',
        { kind: 'line', id: l.id },
      );
      return { ...base, counted: yen(0), status: 'excluded', reasons: [r] };
    }
    return { ...base, counted: l.amount, status: 'counted', reasons: [] };
  });
  const assembled = assemble(def, facts, eligibility, lines, labelOf);
  return {
    programme: def.code,
    eligibility,
    grant: assembled.grant,
    breakdown: {
      engine: 'generic',
      lines,
      sections: stripReasons(assembled.sections),
      capBeforeProjectCap: assembled.capBeforeProjectCap,
    },
    reasons: assembled.reasons,
  };
}

export interface Assembled {
  grant: GrantSummary;
  sections: SectionResult[];
  capBeforeProjectCap: Yen;
  reasons: Reason[];
}

/** Sections, the per-project cap, and the summary, from counted lines. Shared with the CLT engine. */
export function assemble(
  def: TProgrammeDefinition,
  facts: Facts,
  eligibility: EligibilityResult,
  lines: readonly LineResult[],
  labelOf: FactLabeller,
): Assembled {
  const sections = def.sections
    .filter((s) => lines.some((l) => l.section === s.code))
    .map((s) =>
      computeSection(
        def,
        s,
        lines
          .filter((l) => l.section === s.code && l.counted > 0)
          .map((l) => ({ amount: l.counted, taxTreatment: l.taxTreatment })),
        facts,
        labelOf,
      ),
    );
  const project = applyProjectCap(def, sections, facts, labelOf);
  const requested = sumYen(lines.map((l) => l.amount));
  const amount = eligibility.status === 'ineligible' ? yen(0) : project.total;
  const reasons: Reason[] = [
    ...eligibility.reasons,
    ...lines.flatMap((l) => l.reasons),
    ...sections.flatMap((s) => s.reasons),
    ...project.reasons,
    ...eligibilityEffect(eligibility, project.total),
  ];
  return {
    grant: {
      requested,
      eligibleCost: sumYen(lines.map((l) => l.counted)),
      base: sumYen(sections.map((s) => s.base)),
      computed: project.total,
      amount,
      ownShare: yen(Math.max(0, requested - amount)),
      capHit: project.capHit?.id ?? sections.find((s) => s.capHit)?.capHit?.id ?? null,
      cap: project.cap,
    },
    sections,
    capBeforeProjectCap: project.beforeCap,
    reasons,
  };
}

/** Says that an ineligible proposal gets nothing, and that an undetermined one is provisional. */
export function eligibilityEffect(eligibility: EligibilityResult, computed: Yen): Reason[] {
  const required = eligibility.criteria.filter((c) => c.level === 'required');
  if (eligibility.status === 'ineligible') {
    const first = required.find((c) => c.status === 'not_met')!;
    return [reason('grant.ineligible_no_grant', first.source, { computed }, 'error')];
  }
  if (eligibility.status === 'undetermined') {
    const first = required.find((c) => c.status === 'unknown')!;
    return [reason('grant.provisional', first.source, { computed }, 'warning')];
  }
  return [];
}

export const stripReasons = (sections: readonly SectionResult[]): Omit<SectionResult, 'reasons'>[] =>
  sections.map(({ reasons: _r, ...s }) => s);
