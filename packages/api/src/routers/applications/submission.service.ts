import {
  answerOpenRequests,
  insertStatusTransition,
  listRequestsOfApplication,
  definitionForApplication,
  findReceiptByIdempotencyKey,
  isUniqueViolation,
  lockApplicationForSubmission,
  setApplicationSubmitted,
  type ApplicationSubmission,
  type Programme,
} from '@tsumiki/db';
import { formatJst, isEditableByApplicant, trackingCounterKey, trackingNumberFormat, ZProgrammeKind, type TProgrammeKind } from '@tsumiki/domain';
import { checkAnswerable, openCorrection, submissionEventFor } from '@tsumiki/domain/lifecycle';
import { assessApplication, submissionAcceptance, type FormIssue } from '@tsumiki/domain/programmes';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { isOwnApplication } from './applications.service';

export function programmeKindOf(programme: Programme): TProgrammeKind {
  const kind = ZProgrammeKind.safeParse(programme.kind);
  if (!kind.success) throw appError('programme.not_found');
  return kind.data;
}

export interface Receipt {
  applicationId: string;
  trackingNumber: string;
  versionNo: number;
  submittedAt: Date;
  requestedGrantYen: number | null;
}

export type SubmitResult = { ok: true; receipt: Receipt } | { ok: false; issues: FormIssue[] };

const receiptOf = (s: Pick<ApplicationSubmission, 'application_id' | 'version_no' | 'submitted_at' | 'requested_grant_yen'>, trackingNumber: string): Receipt => ({
  applicationId: s.application_id,
  trackingNumber,
  versionNo: s.version_no,
  submittedAt: s.submitted_at,
  requestedGrantYen: s.requested_grant_yen,
});

/**
 * 提出: refused after the window closes (to the minute, JST) and, for programmes that close when
 * the approved total reaches the budget (001 §2.6), once it has; refused with every issue named
 * while the form is incomplete. What is submitted is frozen as a numbered version, and a retry
 * with the same idempotency key returns the first receipt instead of submitting twice.
 */
export async function submitApplication(
  ctx: Context & { auth: SignedInAuth },
  input: { id: string; version: number; idempotencyKey: string },
): Promise<SubmitResult> {
  const replay = await replayed(ctx, input);
  if (replay) return replay;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // One statement takes the row lock and reads what the checks need: the round with its ledger
      // and newest published rules' id, the receipt already given for this key, the documents.
      const read = await lockApplicationForSubmission(trx, { applicationId: input.id, idempotencyKey: input.idempotencyKey });
      if (!read || !isOwnApplication(ctx.auth, read.application)) throw appError('application.not_found');
      const { application, round: programme } = read;
      if (read.receipt?.application_id === application.id) return { ok: true as const, receipt: receiptOf(read.receipt, application.tracking_number ?? '') };
      if (!isEditableByApplicant(application.status) || application.version !== input.version) {
        // A retry that waited on the lock for the first one: its receipt committed after this
        // statement's snapshot was taken, and only the row shows it. Asked for again, it is the answer.
        const first = await findReceiptByIdempotencyKey(trx, input.idempotencyKey);
        if (first?.application_id === application.id) return { ok: true as const, receipt: receiptOf(first, first.tracking_number ?? '') };
        if (!isEditableByApplicant(application.status)) throw appError('application.not_editable', { status: application.status });
        throw appError('application.version_conflict', { currentVersion: application.version });
      }
      if (!programme) throw appError('programme.not_found');
      const now = ctx.now();
      const resubmission = submissionEventFor(application.status) === 'resubmit';
      const window = { opensAt: programme.window_opens_at, closesAt: programme.window_closes_at };
      if (resubmission) {
        // A correction answers the office's return: due by its date (003 §6.4), not by the call's window.
        const requests = await listRequestsOfApplication(trx, application.id);
        const open = openCorrection(requests.map((r) => ({ ...r, issuedAt: r.issued_at, dueAt: r.due_at, answeredAt: r.answered_at })));
        if (!open) throw appError('lifecycle.correction_missing');
        const answerable = checkAnswerable(open, now, ['correction']);
        if (!answerable.ok) throw appError(answerable.code, answerable.params);
      }
      const kind = programmeKindOf(programme);
      // The version it was submitted under (a resubmission keeps it), else the latest published: pinned below.
      const rules = await definitionForApplication(trx, application, programme);
      if (!rules) throw appError('programmes.no_published_version');
      if (!resubmission) {
        // Approved money is what the grant decisions committed in the programme's ledger.
        const round = { ...window, status: programme.status };
        const budget = { amount: programme.ledger_budget_yen ?? programme.budget_yen, approvedTotal: programme.ledger_committed_yen ?? 0 };
        const accepted = submissionAcceptance(rules.definition, round, now, budget);
        if (!accepted.accepting && accepted.why === 'round_not_published') throw appError('round.not_accepting');
        if (!accepted.accepting && accepted.why === 'window_closed') {
          throw appError('programme.window_closed', { window: `${formatJst(window.opensAt)} – ${formatJst(window.closesAt)}` });
        }
        if (!accepted.accepting) throw appError('application.budget_exhausted');
      }
      // Required documents are checked at the first submission (a resubmission keeps its files: they cannot be removed).
      const attachments = resubmission ? undefined : read.attachments.map((a) => ({ documentCode: a.document_code, pageCount: a.page_count }));
      const assessment = assessApplication(kind, application.content, attachments, rules.definition);
      if (assessment.issues.length > 0) return { ok: false as const, issues: assessment.issues };

      const requestedGrantYen = assessment.result?.grant.amount ?? null;
      // Frozen by the statement that records the submission: one after the last, under the lock.
      const submission = {
        versionNo: read.lastVersionNo + 1,
        title: application.title,
        content: application.content,
        assessment: assessment.result ? { ...assessment.result } : {},
        submittedBy: ctx.auth.user.id,
        idempotencyKey: input.idempotencyKey,
      };
      const status = resubmission ? 'resubmitted' : 'submitted';
      // A resubmission is a step of the review (returned → resubmitted): its history row, and the correction answered.
      const history = resubmission
        ? await insertStatusTransition(trx, {
            applicationId: application.id,
            event: 'resubmit',
            from: application.status,
            to: status,
            actorUserId: ctx.auth.user.id,
            actorRole: 'applicant',
            reason: null,
            dueAt: null,
            amountYen: null,
            notifiedApplicant: true,
            at: now,
          })
        : null;
      if (resubmission) await answerOpenRequests(trx, application.id, ['correction'], now);
      // The receipt number as late as it can be: its counter row stays locked until this commits,
      // and every other submitter of the programme's year waits for it. It is taken in the one
      // statement that records it (the frozen version, the application, its audit row and the
      // notice), then COMMIT.
      const tracking = application.tracking_number ?? {
        counterKey: trackingCounterKey(kind, programme.fiscal_year),
        ...trackingNumberFormat(kind, programme.fiscal_year),
      };
      const updated = await setApplicationSubmitted(
        trx,
        { id: application.id, expectedVersion: application.version, submittedAt: now, trackingNumber: tracking, requestedGrantYen, status, definitionVersionId: rules.id, submission },
        {
          audit: {
            actorUserId: ctx.auth.user.id,
            action: resubmission ? 'application.resubmit' : 'application.submit',
            entityType: 'application',
            entityId: application.id,
            before: { status: application.status, version: application.version },
            // trackingNumber is added by the statement that takes it.
            after: { status, version: application.version + 1, versionNo: submission.versionNo, requestedGrantYen, definitionVersion: rules.version, ...(history ? { transitionId: history.id } : {}) },
            requestId: ctx.request.requestId,
            ip: ctx.request.ip,
          },
          notice: {
            topic: 'application.submitted',
            applicationId: application.id,
            payload: { applicationId: application.id, title: application.title, versionNo: submission.versionNo, submittedAt: now.toISOString() },
          },
        },
      );
      if (!updated?.tracking_number) throw appError('application.version_conflict', { currentVersion: application.version });
      const receipt = { application_id: application.id, version_no: submission.versionNo, submitted_at: now, requested_grant_yen: requestedGrantYen };
      return { ok: true as const, receipt: receiptOf(receipt, updated.tracking_number) };
    });
  } catch (error) {
    // Two retries racing with one key: the loser finds the winner's submission.
    if (isUniqueViolation(error)) {
      const again = await replayed(ctx, input);
      if (again) return again;
    }
    throw error;
  }
}

async function replayed(ctx: Context & { auth: SignedInAuth }, input: { id: string; idempotencyKey: string }): Promise<SubmitResult | null> {
  const previous = await findReceiptByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (!previous) return null;
  // A key is the caller's own: someone else's key, or one used for another application, reveals nothing.
  if (!isOwnApplication(ctx.auth, previous) || previous.application_id !== input.id) throw appError('application.not_found');
  return { ok: true, receipt: receiptOf(previous, previous.tracking_number ?? '') };
}
