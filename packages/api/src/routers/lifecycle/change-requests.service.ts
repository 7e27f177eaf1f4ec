import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  decideChangeRequest,
  enqueueApplicationNotice,
  findChangeRequestForUpdate,
  findDecision,
  findLatestSubmission,
  findPendingChangeRequest,
  findProgrammeById,
  insertChangeRequest,
  insertSubmission,
  listChangeRequestsOfApplication,
  updateApplicationIfVersion,
  updateGrantedYen,
  type Executor,
} from '@tsumiki/db';
import { CHANGEABLE_STATUSES, checkChange, checkDecision, type TChangeRequestInput } from '@tsumiki/domain/lifecycle';
import { assessApplication, fieldLabelAt, valueAtPath } from '@tsumiki/domain/programmes';
import { adjustCommitment, commitmentOf } from '@tsumiki/domain/review';
import { appError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationOfCaller } from '../applications/applications.service';
import { programmeKindOf } from '../applications/submission.service';
import { applicationForCaller, assertStaff } from '../review/review.access';
import { lockedLedger, writeLedger } from '../review/review-workflow.service';

type Ctx = Context & { auth: SignedInAuth };

/** The grant the change starts from: the decided amount once decided, else the amount requested. */
async function currentGrantOf(db: Executor, applicationId: string, requestedYen: number | null) {
  const decision = await findDecision(db, applicationId);
  return decision?.granted_yen ?? requestedYen ?? 0;
}

const view = (c: Awaited<ReturnType<typeof listChangeRequestsOfApplication>>[number]) => ({
  id: c.id,
  kind: c.kind,
  status: c.status,
  reason: c.reason,
  changedPaths: c.changed_paths,
  basedOnVersionNo: c.based_on_version_no,
  maximumYen: c.maximum_yen,
  currentGrantYen: c.current_grant_yen,
  grantAfterYen: c.grant_after_yen,
  submittedAt: c.submitted_at,
  submittedByName: c.submittedByName,
  decidedAt: c.decided_at,
  decisionReason: c.decision_reason,
  resultingVersionNo: c.resulting_version_no,
});

export async function changeRequestsOfApplicant(ctx: Ctx, applicationId: string) {
  const application = await applicationOfCaller(ctx.db, ctx.auth, applicationId);
  return (await listChangeRequestsOfApplication(ctx.db, application.id)).map(view);
}

/**
 * 変更申請: checked against the content as last frozen (only the kind's part may change, the
 * changed application must pass the programme's checks) with the grant it would give. Problems
 * with the content come back as issues with their paths; nothing is written then.
 */
export async function requestChange(ctx: Ctx, input: { applicationId: string; reason: string; change: TChangeRequestInput }) {
  return ctx.db.transaction().execute(async (trx) => {
    const application = await applicationOfCaller(trx, ctx.auth, input.applicationId, true);
    const programme = await findProgrammeById(trx, application.programme_id);
    const latest = await findLatestSubmission(trx, application.id);
    if (!programme || !latest) throw appError('change.not_allowed_in_status', { status: application.status });
    if (await findPendingChangeRequest(trx, application.id)) throw appError('change.pending_exists');
    const check = checkChange({
      kind: programmeKindOf(programme),
      status: application.status,
      frozen: latest.content,
      request: input.change,
      currentGrantYen: await currentGrantOf(trx, application.id, latest.requested_grant_yen),
      definition: await rulesOfApplication(trx, application),
    });
    if (!check.ok) {
      if ('issues' in check) return { ok: false as const, issues: check.issues };
      throw appError(check.code, check.params);
    }
    const now = ctx.now();
    const row = await insertChangeRequest(trx, {
      application_id: application.id,
      kind: input.change.kind,
      reason: input.reason,
      based_on_version_no: latest.version_no,
      maximum_yen: check.effect.maximumYen,
      current_grant_yen: check.effect.currentGrantYen,
      grant_after_yen: check.effect.grantAfterYen,
      submitted_by: ctx.auth.user.id,
      submitted_at: now,
      proposedContent: check.effect.content,
      changedPaths: check.effect.changedPaths,
    });
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'change.request',
      entityType: 'application',
      entityId: application.id,
      after: { changeRequestId: row.id, kind: row.kind, changedPaths: check.effect.changedPaths, grantAfterYen: row.grant_after_yen },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { ok: true as const, id: row.id, effect: { maximumYen: row.maximum_yen, currentGrantYen: row.current_grant_yen, grantAfterYen: row.grant_after_yen, changedPaths: check.effect.changedPaths } };
  });
}

/** The console's view: each request with its changes side by side (before → after). */
export async function changeRequestsForStaff(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  assertStaff(access);
  const [rows, latest, definition] = await Promise.all([
    listChangeRequestsOfApplication(ctx.db, applicationId),
    findLatestSubmission(ctx.db, applicationId),
    rulesOfApplication(ctx.db, access.application),
  ]);
  const frozenByVersion = latest?.content ?? {};
  const kind = programmeKindOf(access.programme);
  return rows.map((c) => ({
    ...view(c),
    changes: c.changed_paths.slice(0, 200).map((path) => ({
      path,
      // The item as the application's screens name it (a field's label, a budget row by its number).
      label: fieldLabelAt(kind, definition, c.proposed_content, path),
      before: valueAtPath(frozenByVersion, path) ?? null,
      after: valueAtPath(c.proposed_content, path) ?? null,
    })),
  }));
}

/**
 * 変更承認 / 不承認 by the office: audited and notified. An approval freezes the changed content
 * as a new version, and a lower grant gives the difference back to the ledger (never above the
 * maximum, never above the budget: the domain's adjustCommitment decides).
 */
export async function decideChange(ctx: Ctx, input: { changeRequestId: string; decision: 'approved' | 'rejected'; reason?: string | undefined }) {
  return ctx.db.transaction().execute(async (trx) => {
    const change = await findChangeRequestForUpdate(trx, input.changeRequestId);
    if (!change) throw appError('change.not_found');
    const access = await applicationForCaller(trx, ctx.auth, change.application_id, { forUpdate: true });
    assertStaff(access);
    const decided = checkDecision({ status: change.status, decision: input.decision, reason: input.reason });
    if (!decided.ok) throw appError(decided.code, decided.params);
    const { application, programme } = access;
    // Past the results report the amount is being fixed: a change can no longer be approved.
    if (input.decision === 'approved' && !CHANGEABLE_STATUSES.includes(application.status)) throw appError('change.not_allowed_in_status', { status: application.status });
    const now = ctx.now();
    let resultingVersionNo: number | null = null;
    if (input.decision === 'approved') {
      const latest = await findLatestSubmission(trx, application.id);
      // Another version was frozen since the request was made: it must be made again on that one.
      if (!latest || latest.version_no !== change.based_on_version_no) throw appError('change.version_conflict');
      const decision = await findDecision(trx, application.id);
      if (decision && change.grant_after_yen !== decision.granted_yen) {
        const before = await lockedLedger(trx, programme, ctx.auth.user.id);
        if (commitmentOf(before, application.id) !== null) {
          const after = adjustCommitment(before, { applicationId: application.id, amount: change.grant_after_yen, maximum: change.maximum_yen });
          if (!after.ok) throw appError(after.code, after.params);
          await writeLedger(trx, before, after.value, { applicationId: application.id, kind: 'adjust', amount: change.grant_after_yen - decision.granted_yen, actorUserId: ctx.auth.user.id, at: now });
        }
        await updateGrantedYen(trx, application.id, change.grant_after_yen);
      }
      const rules = await rulesOfApplication(trx, application);
      const assessment = assessApplication(programmeKindOf(programme), change.proposed_content, undefined, rules);
      resultingVersionNo = latest.version_no + 1;
      await insertSubmission(trx, {
        applicationId: application.id,
        versionNo: resultingVersionNo,
        title: application.title,
        content: change.proposed_content,
        assessment: assessment.result ? { ...assessment.result } : {},
        requestedGrantYen: assessment.result?.grant.amount ?? null,
        submittedBy: change.submitted_by,
        submittedAt: now,
        idempotencyKey: `change:${change.id}:${randomUUID()}`,
      });
      const updated = await updateApplicationIfVersion(trx, { id: application.id, expectedVersion: application.version, content: change.proposed_content });
      if (!updated) throw appError('change.version_conflict');
    }
    const row = await decideChangeRequest(trx, { id: change.id, status: input.decision, decidedBy: ctx.auth.user.id, decidedAt: now, reason: decided.value.reason, resultingVersionNo });
    if (!row) throw appError('change.version_conflict');
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: input.decision === 'approved' ? 'change.approve' : 'change.reject',
      entityType: 'application',
      entityId: application.id,
      before: { changeRequestId: change.id, status: change.status, grantedYen: change.current_grant_yen },
      after: { status: row.status, reason: row.decision_reason, resultingVersionNo, grantAfterYen: input.decision === 'approved' ? change.grant_after_yen : change.current_grant_yen },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    await enqueueApplicationNotice(trx, {
      topic: 'change_request.decided',
      applicationId: application.id,
      payload: {
        applicationId: application.id,
        title: application.title,
        trackingNumber: application.tracking_number,
        kind: change.kind,
        decision: input.decision,
        ...(row.decision_reason ? { reason: row.decision_reason } : {}),
        ...(input.decision === 'approved' ? { amount: change.grant_after_yen } : {}),
      },
    });
    return { id: row.id, status: row.status, resultingVersionNo };
  });
}
