import {
  answerOpenRequests,
  appendAudit,
  enqueueApplicationNotice,
  ensureLedger,
  findApplicationForUpdate,
  findDecision,
  findLedgerForUpdate,
  findProgrammeById,
  insertDecision,
  insertLedgerEntry,
  insertReviewRequest,
  insertStatusTransition,
  listCommitments,
  listReportLines,
  replaceReportLines,
  setApplicationStatusIfVersion,
  setFixedAmount,
  updateLedgerIfVersion,
  type Application,
  type Executor,
  type Programme,
} from '@tsumiki/db';
import { yen, type TProgrammeKind, type TRole } from '@tsumiki/domain';
import { assessApplication, budgetLinesOf, contentOnAcceptedCosts, type TApplicationContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import {
  applicantNotice,
  auditEntry,
  cancelGrant,
  committed,
  decideGrant,
  fixAmount,
  REQUEST_EVENT,
  REQUEST_KINDS,
  transition,
  transitionSpec,
  type GrantFormula,
  type Outcome,
  type TBudgetLedger,
  type TLineReview,
  type TransitionContext,
  type TransitionResult,
  type TReportedLine,
  type TRequestKind,
  type TWorkflowEvent,
  type WorkflowActor,
} from '@tsumiki/domain/review';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationForCaller, assertStaff, assertVersion, committeeReviewOf, frozenOf } from './review.access';

type Ctx = Context & { auth: SignedInAuth };

export interface TransitionRequest {
  applicationId: string;
  version: number;
  event: TWorkflowEvent;
  reason?: string | undefined;
  dueAt?: Date | undefined;
  amount?: number | undefined;
}

const unwrapOr = <T>(outcome: Outcome<T>): T => {
  if (!outcome.ok) throw appError(outcome.code, outcome.params);
  return outcome.value;
};

/** The role the caller acts in: the first held role the event's row allows, else the first held (the domain then refuses). */
function actingRole(roles: readonly TRole[], event: TWorkflowEvent): TRole {
  const allowed = transitionSpec(event)?.roles ?? [];
  return roles.find((r) => (allowed as readonly TRole[]).includes(r)) ?? roles[0] ?? 'reviewer';
}

/** The ledger as the domain sees it, read under the row lock: concurrent decisions on one programme queue here. */
export async function lockedLedger(trx: Executor, programme: Programme, actorUserId: string): Promise<TBudgetLedger> {
  await ensureLedger(trx, programme.id, programme.budget_yen, actorUserId);
  const row = await findLedgerForUpdate(trx, programme.id);
  if (!row) throw appError('review.ledger_version_conflict');
  const commitments = await listCommitments(trx, programme.id);
  return {
    programmeId: programme.id,
    budget: yen(row.budget_yen),
    commitments: commitments.map((c) => ({ applicationId: c.applicationId, amount: yen(c.amount) })),
    version: row.version,
  };
}

/** Writes the new ledger state on the version read, with an entry for the change. */
export async function writeLedger(
  trx: Executor,
  before: TBudgetLedger,
  after: TBudgetLedger,
  // A budget change by the office concerns no application.
  change:
    | { applicationId: string; kind: 'commit' | 'release' | 'settle' | 'adjust'; amount: number; actorUserId: string; at: Date }
    | { applicationId: null; kind: 'budget'; amount: number; actorUserId: string; at: Date },
) {
  const total = committed(after);
  const updated = await updateLedgerIfVersion(trx, {
    programmeId: before.programmeId,
    expectedVersion: before.version,
    budgetYen: after.budget,
    committedYen: total,
    at: change.at,
  });
  if (!updated) throw appError('review.ledger_version_conflict');
  await insertLedgerEntry(trx, {
    programme_id: before.programmeId,
    application_id: change.applicationId,
    kind: change.kind,
    amount_yen: change.amount,
    committed_after_yen: total,
    budget_after_yen: after.budget,
    version_after: updated.version,
    actor_user_id: change.actorUserId,
  });
}

/**
 * The programme's grant on the accepted costs: the submitted budget computed again by the
 * programme rules with each line at its accepted amount (rates, caps and tables stay the rules').
 */
function grantOnAccepted(kind: TProgrammeKind, content: TApplicationContent, rules: TProgrammeDefinition): GrantFormula {
  return (reviewed) =>
    yen(assessApplication(kind, contentOnAcceptedCosts(content, new Map(reviewed.map((l) => [l.id, l.accepted]))), undefined, rules).result?.grant.amount ?? 0);
}

interface Applied {
  result: TransitionResult;
  ledger?: { before: TBudgetLedger; after: TBudgetLedger; kind: 'commit' | 'release' | 'settle'; amount: number };
  decision?: { maximum: number; granted: number };
  fixed?: { fixedYen: number; ownShareYen: number; settlement: Record<string, unknown> };
}

/** The domain's decision for one event, money included; nothing written yet. */
async function decide(trx: Executor, ctx: Ctx, application: Application, programme: Programme, actor: WorkflowActor, request: TransitionRequest): Promise<Applied> {
  const now = ctx.now();
  const status = application.status;
  const context: TransitionContext = { committeeReview: committeeReviewOf(programme), applicantOrganisationId: application.applicant_organisation_id, now };
  const money = request.event === 'decide_grant' || request.event === 'approve' || request.event === 'fix_amount' || request.event === 'cancel';
  if (!money) {
    const input = { ...(request.reason !== undefined ? { reason: request.reason } : {}), ...(request.dueAt ? { dueAt: request.dueAt } : {}), ...(request.amount !== undefined ? { amount: request.amount } : {}) };
    return { result: unwrapOr(transition(status, request.event, actor, input, context)) };
  }
  // Role and status first, so a caller who may not act learns nothing of the money.
  const probe = transition(status, request.event, actor, { reason: request.reason ?? 'x', amount: request.amount ?? 1 }, context);
  if (!probe.ok) throw appError(probe.code, probe.params);
  const ledger = await lockedLedger(trx, programme, ctx.auth.user.id);
  if (request.event === 'cancel') {
    const step = unwrapOr(cancelGrant({ status, actor, context, ledger, applicationId: application.id, reason: request.reason ?? '' }));
    return { result: step.transition, ...(step.released !== null ? { ledger: { before: ledger, after: step.ledger, kind: 'release' as const, amount: 0 - step.released } } : {}) };
  }
  const frozen = await frozenOf(trx, application, programme);
  if (request.event === 'fix_amount') {
    const rows = await listReportLines(trx, application.id);
    if (rows.length === 0) throw appError('review.report_missing');
    const lines: TReportedLine[] = rows.map((r) => ({ id: r.line_id, category: r.category, ...(r.description ? { description: r.description } : {}), amount: yen(r.amount_yen) }));
    const reviews: TLineReview[] = rows.flatMap((r) =>
      r.decision ? [{ lineId: r.line_id, decision: r.decision, ...(r.accepted_yen !== null ? { acceptedAmount: yen(r.accepted_yen) } : {}), ...(r.reason ? { reason: r.reason } : {}) }] : [],
    );
    const step = unwrapOr(fixAmount({ status, actor, context, ledger, applicationId: application.id, lines, reviews, formula: grantOnAccepted(frozen.kind, frozen.content, frozen.rules) }));
    return {
      result: step.transition,
      ledger: { before: ledger, after: step.ledger, kind: 'settle', amount: 0 - step.settlement.released },
      fixed: { fixedYen: step.settlement.fixedAmount, ownShareYen: step.settlement.ownShare, settlement: { ...step.settlement } },
    };
  }
  if (frozen.maximum === null) throw appError('review.grant_not_computable');
  const step = unwrapOr(decideGrant({ status, actor, context, ledger, applicationId: application.id, amount: request.amount ?? 0, maximum: frozen.maximum }));
  return {
    result: step.transition,
    ledger: { before: ledger, after: step.ledger, kind: 'commit', amount: request.amount ?? 0 },
    decision: { maximum: frozen.maximum, granted: request.amount ?? 0 },
  };
}

const ANSWERS: Partial<Record<TWorkflowEvent, TRequestKind[]>> = {
  answer_request: ['information'],
  resubmit: ['correction'],
  report_results: ['report_correction'],
  confirm_repayment: ['repayment'],
};

/** Writes a decided transition: status on the version read, history, audit, request, ledger, notice. */
async function record(trx: Executor, ctx: Ctx, application: Application, actor: WorkflowActor, applied: Applied) {
  const at = ctx.now();
  const { result } = applied;
  const updated = await setApplicationStatusIfVersion(trx, { id: application.id, expectedVersion: application.version, status: result.to, at });
  if (!updated) throw appError('review.version_conflict', { currentVersion: application.version });
  const history = await insertStatusTransition(trx, {
    applicationId: application.id,
    event: result.event,
    from: result.from,
    to: result.to,
    actorUserId: ctx.auth.user.id,
    actorRole: actor.role,
    reason: result.reason ?? null,
    dueAt: result.dueAt ?? null,
    amountYen: result.amount ?? null,
    notifiedApplicant: result.notifiesApplicant,
    at,
  });
  if (applied.ledger) {
    await writeLedger(trx, applied.ledger.before, applied.ledger.after, { applicationId: application.id, kind: applied.ledger.kind, amount: applied.ledger.amount, actorUserId: ctx.auth.user.id, at });
  }
  if (applied.decision) {
    await insertDecision(trx, { applicationId: application.id, maximumYen: applied.decision.maximum, grantedYen: applied.decision.granted, decidedBy: ctx.auth.user.id, decidedAt: at });
  }
  if (applied.fixed) await setFixedAmount(trx, { applicationId: application.id, ...applied.fixed, fixedBy: ctx.auth.user.id, at });
  const requestKind = REQUEST_KINDS.find((k) => REQUEST_EVENT[k] === result.event);
  if (requestKind && result.dueAt) {
    await insertReviewRequest(trx, { applicationId: application.id, kind: requestKind, message: result.reason ?? '', issuedBy: ctx.auth.user.id, issuedAt: at, dueAt: result.dueAt });
  }
  await answerOpenRequests(trx, application.id, ANSWERS[result.event] ?? [], at);
  await appendAudit(trx, {
    actorUserId: ctx.auth.user.id,
    action: `review.${result.event}`,
    entityType: 'application',
    entityId: application.id,
    before: { status: result.from, version: application.version },
    after: { ...auditEntry(result, actor, at), version: updated.version, transitionId: history.id },
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });
  const notice = applicantNotice(result);
  if (notice) {
    // The bell and the e-mail from one write.
    await enqueueApplicationNotice(trx, {
      topic: 'application.status_changed',
      applicationId: application.id,
      payload: { applicationId: application.id, title: application.title, trackingNumber: application.tracking_number, ...notice, dueAt: notice.dueAt?.toISOString() },
    });
  }
  return { id: updated.id, status: updated.status, version: updated.version, event: result.event, amount: result.amount ?? null };
}

/** A transition by the console's staff (secretariat, office): one database transaction, or nothing. */
export async function applyStaffTransition(ctx: Ctx, request: TransitionRequest) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, request.applicationId, { forUpdate: true });
    assertStaff(access);
    assertVersion(access.application, request.version);
    const actor: WorkflowActor = { role: actingRole(access.roles, request.event), userId: ctx.auth.user.id };
    const applied = await decide(trx, ctx, access.application, access.programme, actor, request);
    return record(trx, ctx, access.application, actor, applied);
  });
}

/** The applicant's side of the review: withdraw, answer a request, report results (with the actual cost lines). */
export async function applyApplicantTransition(
  ctx: Ctx,
  request: TransitionRequest & { lines?: { id: string; category: string; description?: string | undefined; amount: number }[] | undefined },
) {
  return ctx.db.transaction().execute((trx) => applicantStep(trx, ctx, request));
}

/**
 * The applicant's step inside the caller's transaction, so an answer's text or the results
 * report is written with the transition or not at all.
 */
export async function applicantStep(
  trx: Executor,
  ctx: Ctx,
  request: TransitionRequest & { lines?: { id: string; category: string; description?: string | undefined; amount: number }[] | undefined },
) {
  const application = await findApplicationForUpdate(trx, request.applicationId);
  const own = ctx.auth.memberships.find((m) => m.organisationId === application?.applicant_organisation_id);
  if (!application || !own) throw appError('application.not_found');
  const programme = await findProgrammeById(trx, application.programme_id);
  if (!programme) throw appError('application.not_found');
  assertVersion(application, request.version);
  const actor: WorkflowActor = { role: 'applicant', userId: ctx.auth.user.id, organisationId: own.organisationId };
  const applied = await decide(trx, ctx, application, programme, actor, request);
  if (applied.result.event === 'report_results') {
    const frozen = await frozenOf(trx, application, programme);
    await replaceReportLines(trx, application.id, request.lines ?? budgetLinesOf(frozen.content));
  }
  return record(trx, ctx, application, actor, applied);
}

export async function decisionOf(db: Executor, applicationId: string) {
  const d = await findDecision(db, applicationId);
  return d
    ? { maximumYen: d.maximum_yen, grantedYen: d.granted_yen, decidedAt: d.decided_at, fixedYen: d.fixed_yen, ownShareYen: d.own_share_yen, fixedAt: d.fixed_at, settlement: d.settlement }
    : null;
}
