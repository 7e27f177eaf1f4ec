import { z } from 'zod';
import type { TProgrammeDefinition } from '../programmes/shared/definition';
import { truthOf, type TReviewFacts, type Truth } from './facts';
import { IN_REVIEW_STATUSES } from './reports';
import { accept, refuse, type Outcome } from './result';
import { STATUS_LABELS, type TReviewStatus } from './workflow';

/**
 * The special rate (for CLT 特例対象事業, up to 1/2 instead of 3/10; 003 §2.4): a proposal meeting
 * one of the definition's criteria that the committee also finds particularly excellent. The
 * criteria come from the facts; the finding is the committee's, and without it nothing is
 * recommended. A definition without special-rate conditions has no special rate.
 */
export const ZSpecialRateCode = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'scoring.special_criterion_unknown' });
export type TSpecialRateCode = z.infer<typeof ZSpecialRateCode>;

export interface SpecialRateCriterion {
  readonly code: TSpecialRateCode;
  readonly text: { readonly ja: string; readonly en: string };
  readonly source: string;
  readonly evaluate: (facts: TReviewFacts) => Truth;
}

type SpecialRateRules = Pick<TProgrammeDefinition, 'specialRateConditions'>;

/** The definition's special-rate conditions, read against the review facts. */
export function specialRateCriteriaOf(def: SpecialRateRules): readonly SpecialRateCriterion[] {
  return def.specialRateConditions.map((item) => ({
    code: item.code,
    text: item.text,
    source: item.source,
    evaluate: (facts: TReviewFacts) => truthOf(item.when, facts),
  }));
}

/** Whether the definition has a special rate at all. */
export const hasSpecialRate = (def: SpecialRateRules) => def.specialRateConditions.length > 0;

/** The committee's finding on one proposal (検討委員会の審査結果を踏まえ…特に優れたもの). */
export const ZCommitteeFinding = z.strictObject({
  excellent: z.boolean(),
  /** Criteria the committee relies on; it may confirm one the facts leave unknown (3. and 4. are judgements). */
  criteria: z.array(ZSpecialRateCode).max(50).default([]),
  reason: z
    .string()
    .trim()
    .min(1, { message: 'scoring.special_reason_required' })
    .max(2000, { message: 'scoring.reason_too_long' }),
});
export type TCommitteeFinding = z.output<typeof ZCommitteeFinding>;

/** The console's finding form: the same finding, with "excellent or not" unanswered (null) until chosen. */
export const ZCommitteeFindingForm = ZCommitteeFinding.extend({
  excellent: z.boolean().nullable().transform((v, ctx) => {
    if (v !== null) return v;
    ctx.addIssue({ code: 'custom', message: 'scoring.special_excellent_required' });
    return z.NEVER;
  }),
});

export type SpecialRateStatus =
  /** No criterion is met: the standard rate (3/10) applies. */
  | 'criteria_not_met'
  /** No criterion is met yet some are unknown: facts are missing, or the committee may confirm one. */
  | 'criteria_unknown'
  /** A criterion is met; the committee has not found on it yet. */
  | 'awaiting_committee'
  /** A criterion is met and the committee found the proposal excellent: recommend 1/2. */
  | 'recommended'
  /** A criterion is met but the committee did not find it excellent. */
  | 'not_recommended';

export interface SpecialRateRecommendation {
  readonly status: SpecialRateStatus;
  readonly criteria: readonly {
    code: TSpecialRateCode;
    fromFacts: Truth;
    confirmedByCommittee: boolean;
    met: boolean;
  }[];
  /** Criteria the committee cited although the facts rule them out: shown, never counted. */
  readonly citedButNotMet: readonly TSpecialRateCode[];
  readonly finding?: TCommitteeFinding;
}

export function specialRateRecommendation(
  def: SpecialRateRules,
  facts: TReviewFacts,
  finding?: TCommitteeFinding,
): SpecialRateRecommendation {
  const cited = new Set(finding?.criteria ?? []);
  const criteria = specialRateCriteriaOf(def).map((c) => {
    const fromFacts = c.evaluate(facts);
    const confirmedByCommittee = cited.has(c.code) && fromFacts !== 'not_met';
    return {
      code: c.code,
      fromFacts,
      confirmedByCommittee,
      met: fromFacts === 'met' || confirmedByCommittee,
    };
  });
  const known = new Set(criteria.map((c) => c.code));
  // A code the definition does not know is cited but never met either.
  const citedButNotMet = [
    ...criteria.filter((c) => cited.has(c.code) && c.fromFacts === 'not_met').map((c) => c.code),
    ...[...cited].filter((c) => !known.has(c)),
  ];
  const anyMet = criteria.some((c) => c.met);
  let status: SpecialRateStatus;
  if (!finding) {
    status = anyMet
      ? 'awaiting_committee'
      : criteria.some((c) => c.fromFacts === 'unknown')
        ? 'criteria_unknown'
        : 'criteria_not_met';
  } else if (!anyMet) {
    status = criteria.some((c) => c.fromFacts === 'unknown') ? 'criteria_unknown' : 'criteria_not_met';
  } else {
    status = finding.excellent ? 'recommended' : 'not_recommended';
  }
  return { status, criteria, citedButNotMet, ...(finding ? { finding } : {}) };
}

/**
 * Recording the committee's finding: while the proposal is still in review (the rate is settled
 * before selection, 003 §3.4), with the finding's own checks (a reason is required). Returns the
 * recommendation the finding leads to, which is what the office records and audits.
 */
export function recordFinding(
  def: SpecialRateRules,
  status: TReviewStatus,
  facts: TReviewFacts,
  finding: TCommitteeFinding,
): Outcome<SpecialRateRecommendation> {
  if (!IN_REVIEW_STATUSES.includes(status)) {
    return refuse('scoring.special_finding_closed', {
      status: STATUS_LABELS[status].ja,
      statusEn: STATUS_LABELS[status].en,
    });
  }
  const known = new Set(def.specialRateConditions.map((c) => c.code));
  const unknown = finding.criteria.find((c) => !known.has(c));
  if (unknown !== undefined) return refuse('scoring.special_criterion_unknown');
  return accept(specialRateRecommendation(def, facts, finding));
}

/** A stored finding read back: criteria codes the definition no longer knows are dropped, never guessed. */
export function storedFinding(
  def: SpecialRateRules,
  row: { readonly excellent: boolean; readonly criteria: readonly string[]; readonly reason: string },
): TCommitteeFinding {
  const known = new Set(def.specialRateConditions.map((c) => c.code));
  const criteria = row.criteria.filter((c) => known.has(c));
  return { excellent: row.excellent, criteria, reason: row.reason };
}
