import { z } from 'zod';
import type { TApplicationStatus } from '../application';
import type { TProgrammeKind } from '../programme';
import type { TProgrammeDefinition } from '../programmes/shared/definition';
import { assessApplication, type FormIssue } from '../programmes/application-form';
import { ZAddedCompany, ZApplicationContent, type TApplicationContent } from '../programmes/content/schema';

export { ZAddedCompany, type TAddedCompany } from '../programmes/content/schema';
import { accept, refuse, type Outcome } from '../review/result';

/**
 * Change requests after selection (003 §4.1: the plan and the budget may change only with the
 * approval of 木構振; 001 §2.6/§3: adding a participating company or changing costs needs a change
 * procedure (変更契約)). Three kinds, each allowed to touch only its part of the content:
 * - plan (計画変更): the descriptive parts and the project facts, not the budget or the parties;
 * - budget (予算変更): the cost lines of the budget only;
 * - add_company (事業者追加): a company added to the parties, nothing else.
 * The documents define no "minor change" that could skip approval, so every kind needs it.
 * The grant after a change is the programme's rules applied to the changed content, never above
 * the amount already granted (an increase would need a new decision, and so never exceeds the
 * ledger's budget); a decrease gives the difference back to the ledger.
 */

export const CHANGE_KINDS = ['plan', 'budget', 'add_company'] as const;
export const ZChangeKind = z.enum(CHANGE_KINDS, { error: 'change.kind_unknown' });
export type TChangeKind = z.infer<typeof ZChangeKind>;

export const CHANGE_KIND_LABELS: Readonly<Record<TChangeKind, { ja: string; en: string }>> = {
  plan: { ja: '計画変更', en: 'Plan change' },
  budget: { ja: '予算変更', en: 'Budget change' },
  add_company: { ja: '事業者の追加', en: 'Adding a company' },
};

export const CHANGE_SOURCES: Readonly<Record<TChangeKind, string>> = {
  plan: '003 §4.1',
  budget: '003 §4.1; 001 §2.6',
  add_company: '001 §2.6',
};

/** Every kind needs the office's approval (003 §4.1; 001 §2.6): the documents name no exemption. */
export const needsApproval = (_kind: TChangeKind): boolean => true;

/** From selection until the results report: before that the application itself is edited, after it the amount is being fixed. */
export const CHANGEABLE_STATUSES: readonly TApplicationStatus[] = ['selected', 'grant_decided', 'in_progress'];


export const ZChangeRequestInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('plan'), content: ZApplicationContent }),
    z.strictObject({ kind: z.literal('budget'), content: ZApplicationContent }),
    z.strictObject({ kind: z.literal('add_company'), company: ZAddedCompany }),
  ],
  { error: 'change.kind_unknown' },
);
export type TChangeRequestInput = z.input<typeof ZChangeRequestInput>;

export const ZChangeReason = z
  .string({ error: 'change.reason_required' })
  .trim()
  .min(1, { message: 'change.reason_required' })
  .max(2000, { message: 'change.reason_too_long' });

/** A change request as the API takes it: the application, the change and why. */
export const ZChangeRequestSubmission = z.object({ applicationId: z.uuid(), reason: ZChangeReason, change: ZChangeRequestInput });
export type TChangeRequestSubmission = z.input<typeof ZChangeRequestSubmission>;

/**
 * The portal's change form: the submission as typed. A company's corporate number left blank is
 * one not given (the API's field is optional, never empty); everything else is read as the API
 * reads it, so the reason and the company are named at their fields as typed.
 */
export const ZChangeRequestForm = z
  .object({
    applicationId: z.string(),
    reason: z.string(),
    change: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('plan'), content: ZApplicationContent }),
      z.object({ kind: z.literal('budget'), content: ZApplicationContent }),
      z.object({ kind: z.literal('add_company'), company: z.object({ name: z.string(), role: z.string(), corporateNumber: z.string() }) }),
    ]),
  })
  .transform(({ change, ...rest }): TChangeRequestSubmission => {
    if (change.kind !== 'add_company') return { ...rest, change };
    const { corporateNumber, ...company } = change.company;
    return { ...rest, change: { kind: change.kind, company: corporateNumber.trim() === '' ? company : { ...company, corporateNumber } } };
  })
  .pipe(ZChangeRequestSubmission);
export type TChangeRequestFormValues = z.input<typeof ZChangeRequestForm>;

/** Leaf paths whose values differ between two contents ("a.b.0.c"). */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(before) || !isObj(after) || Array.isArray(before) !== Array.isArray(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].sort().flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k));
}

// CO2: the quote's lines (001 §3.2(2)④); CLT: the sections of 様式4-1/4-2 and the works of 表1.
const BUDGET_PREFIXES = ['grant.lines', 'grant.building', 'grant.design', 'grant.performance', 'grant.council', 'grant.works', 'grant.mixedStructure'];
const PARTY_PREFIXES = ['outline.parties', 'parties'];
// Who applied, what they pledged and the rate asked for are not changed by a change request.
const FIXED_PREFIXES = ['applicant', 'pledge', 'checklist', 'grant.programme', 'grant.rate', 'grant.applicant'];

const under = (path: string, prefixes: readonly string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}.`));

/** Which part of the content a path belongs to, for the kind check. */
export function pathArea(path: string): 'budget' | 'parties' | 'fixed' | 'plan' {
  if (under(path, FIXED_PREFIXES)) return 'fixed';
  if (under(path, BUDGET_PREFIXES)) return 'budget';
  if (under(path, PARTY_PREFIXES)) return 'parties';
  return 'plan';
}

export interface ChangeEffect {
  /** The content as it would be frozen after approval. */
  readonly content: TApplicationContent;
  readonly changedPaths: readonly string[];
  /** The grant the rules give the changed content (before the current-grant ceiling). */
  readonly maximumYen: number;
  /** The grant before the change: the decided amount, else the amount requested. */
  readonly currentGrantYen: number;
  /** The grant after approval: min(maximum, current). */
  readonly grantAfterYen: number;
}

export type ChangeCheck = { ok: true; effect: ChangeEffect } | { ok: false; code: 'change.issues'; issues: FormIssue[] } | { ok: false; code: Exclude<Parameters<typeof refuse>[0], 'change.issues'>; params: Record<string, string | number> };

/**
 * Checks a change against the frozen content and computes its effect. Refusals: the status does
 * not allow changes; nothing changed; a path outside the kind's part (named); the changed
 * application no longer passes the programme's own checks (every issue, with its path).
 */
export function checkChange(input: {
  kind: TProgrammeKind;
  status: TApplicationStatus;
  frozen: TApplicationContent;
  request: TChangeRequestInput;
  currentGrantYen: number;
  /** The rules the application was submitted under: a change is checked as the application was. */
  definition: TProgrammeDefinition;
}): ChangeCheck {
  if (!CHANGEABLE_STATUSES.includes(input.status)) return { ok: false, code: 'change.not_allowed_in_status', params: { status: input.status } };
  const content: TApplicationContent =
    input.request.kind === 'add_company'
      ? { ...input.frozen, parties: { ...input.frozen.parties, added: [...(input.frozen.parties?.added ?? []), input.request.company] } }
      : input.request.content;
  if (content.programme !== input.frozen.programme) return { ok: false, code: 'change.path_not_allowed', params: { path: 'programme', area: 'fixed' } };
  const paths = changedPaths(input.frozen, content);
  if (paths.length === 0) return { ok: false, code: 'change.nothing_changed', params: {} };
  const allowed = input.request.kind === 'plan' ? 'plan' : input.request.kind === 'budget' ? 'budget' : 'parties';
  const outside = paths.find((p) => pathArea(p) !== allowed);
  if (outside !== undefined) return { ok: false, code: 'change.path_not_allowed', params: { path: outside, area: pathArea(outside) } };
  const assessment = assessApplication(input.kind, content, undefined, input.definition);
  if (assessment.issues.length > 0) return { ok: false, code: 'change.issues', issues: assessment.issues };
  const maximumYen = assessment.result?.grant.amount ?? 0;
  return { ok: true, effect: { content, changedPaths: paths, maximumYen, currentGrantYen: input.currentGrantYen, grantAfterYen: Math.min(maximumYen, input.currentGrantYen) } };
}

export const CHANGE_DECISIONS = ['approved', 'rejected'] as const;
export const ZChangeDecision = z.enum(CHANGE_DECISIONS, { error: 'change.decision_unknown' });
export type TChangeDecision = z.output<typeof ZChangeDecision>;

/** A rejection needs its reason, which the applicant is told; an approval may have one. */
const lacksReason = (decision: TChangeDecision, reason: string | undefined) => decision === 'rejected' && (reason?.trim() ?? '') === '';

/** The office's decision on a change request, as the API takes it. */
export const ZChangeDecisionInput = z.object({
  changeRequestId: z.uuid(),
  decision: ZChangeDecision,
  reason: z.string().max(2000, { message: 'change.reason_too_long' }).optional(),
});

/** The console's decision form: the same input, with a rejection's missing reason named at the reason as typed. */
export const ZChangeDecisionForm = ZChangeDecisionInput.refine((v) => !lacksReason(v.decision, v.reason), { path: ['reason'], message: 'change.decision_reason_required' });

/** A decision on a pending request; a rejection needs its reason, which the applicant is told. */
export function checkDecision(input: { status: string; decision: 'approved' | 'rejected'; reason: string | undefined }): Outcome<{ reason: string | null }> {
  if (input.status !== 'pending') return refuse('change.already_decided', { status: input.status });
  const reason = input.reason?.trim() ?? '';
  if (lacksReason(input.decision, input.reason)) return refuse('change.decision_reason_required');
  if (reason.length > 2000) return refuse('change.reason_too_long');
  return accept({ reason: reason === '' ? null : reason });
}
