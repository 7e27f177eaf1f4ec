import { appendAudit, findLatestSubmission, insertSpecialRateFinding, listSpecialRateFindings, type Executor } from '@tsumiki/db';
import {
  IN_REVIEW_STATUSES,
  hasSpecialRate,
  recordFinding,
  specialRateCriteriaOf,
  specialRateRecommendation,
  storedFinding,
  type TCommitteeFinding,
} from '@tsumiki/domain/review';
import { emptyContent } from '@tsumiki/domain/programmes';
import { appError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationForCaller, assertStaff, programmeKindOf, reviewFactsOf, type Access } from './review.access';

type Ctx = Context & { auth: SignedInAuth };

type FindingRow = Awaited<ReturnType<typeof listSpecialRateFindings>>[number];

/**
 * The rules the application was submitted under and its facts. The special rate exists where
 * those rules have special-rate conditions (for CLT 003 §2.4).
 */
async function specialRateRules(db: Executor, access: Access) {
  const rules = await rulesOfApplication(db, access.application);
  if (!hasSpecialRate(rules)) throw appError('scoring.special_not_applicable');
  const submission = await findLatestSubmission(db, access.application.id);
  return { rules, facts: reviewFactsOf(submission?.content ?? emptyContent(programmeKindOf(access.programme))) };
}

/**
 * The special-rate (1/2) screen: each criterion of the CLT definition read against the
 * application's facts, the committee's latest finding and the recommendation it leads to. Staff
 * see who recorded each finding; a committee member sees the criteria and the current finding.
 */
export async function specialRateOf(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  const staff = access.kind === 'staff';
  const [{ rules, facts }, rows] = await Promise.all([specialRateRules(ctx.db, access), listSpecialRateFindings(ctx.db, applicationId)]);
  const findingOf = (row: FindingRow): TCommitteeFinding => storedFinding(rules, row);
  const latest = rows[0];
  const recommendation = specialRateRecommendation(rules, facts, latest ? findingOf(latest) : undefined);
  const { application } = access;
  return {
    application: { id: application.id, title: application.title, status: application.status, trackingNumber: application.tracking_number },
    status: recommendation.status,
    criteria: specialRateCriteriaOf(rules).map((c) => {
      const state = recommendation.criteria.find((s) => s.code === c.code)!;
      return { code: c.code, text: c.text, source: c.source, fromFacts: state.fromFacts, confirmedByCommittee: state.confirmedByCommittee, met: state.met };
    }),
    citedButNotMet: recommendation.citedButNotMet,
    finding: latest ? { ...findingOf(latest), recordedAt: latest.recorded_at, recordedByName: staff ? latest.recordedByName : null } : null,
    history: staff ? rows.map((r) => ({ id: r.id, ...findingOf(r), status: r.status, recordedAt: r.recorded_at, recordedByName: r.recordedByName })) : [],
    canRecord: staff && IN_REVIEW_STATUSES.includes(application.status),
  };
}

/** Records the committee's finding (by the secretariat or the office), audited with the recommendation it leads to. */
export async function recordSpecialRate(ctx: Ctx, input: { applicationId: string } & TCommitteeFinding) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true });
    assertStaff(access);
    const { rules, facts } = await specialRateRules(trx, access);
    const findingOf = (row: FindingRow): TCommitteeFinding => storedFinding(rules, row);
    const finding: TCommitteeFinding = { excellent: input.excellent, criteria: [...new Set(input.criteria)], reason: input.reason };
    const outcome = recordFinding(rules, access.application.status, facts, finding);
    if (!outcome.ok) throw appError(outcome.code, outcome.params);
    const [previous] = await listSpecialRateFindings(trx, input.applicationId);
    const at = ctx.now();
    const row = await insertSpecialRateFinding(trx, { applicationId: input.applicationId, ...finding, status: outcome.value.status, recordedBy: ctx.auth.user.id, at });
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'review.special_rate_finding',
      entityType: 'application',
      entityId: input.applicationId,
      ...(previous ? { before: { ...findingOf(previous), status: previous.status } } : {}),
      after: { ...finding, status: outcome.value.status, criteriaMet: outcome.value.criteria.filter((c) => c.met).map((c) => c.code), findingId: row.id },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { id: row.id, status: outcome.value.status, recordedAt: row.recorded_at };
  });
}
