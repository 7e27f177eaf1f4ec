import {
  answerOpenRequests,
  insertStatusTransition,
  listRequestsOfApplication,
  definitionForApplication,
  findReceiptByIdempotencyKey,
  isUniqueViolation,
  readApplicationForSubmission,
  setApplicationSubmitted,
  type ApplicationSubmission,
  type Executor,
  type Programme,
} from '@tsumiki/db';
import { formatJst, isEditableByApplicant, type TApplicationStatus, trackingCounterKey, trackingNumberFormat, ZProgrammeKind, type TProgrammeKind } from '@tsumiki/domain';
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
 *
 * A first submission is two statements on one connection and no transaction: one reads what the
 * checks need, one records it if the application is still at the version read (under a busy pool,
 * a second acquisition would wait at the back of its queue again). The receipt number's counter is
 * locked by every submission of the programme's year; recorded alone, the statement holds it for
 * its own time, where a transaction would hold it until the API had answered the COMMIT's round
 * trip (on a busy server, tens of milliseconds that every other submitter waited). A resubmission
 * writes its history and answers the correction too, in one transaction under the row lock.
 */
export async function submitApplication(
  ctx: Context & { auth: SignedInAuth },
  input: { id: string; version: number; idempotencyKey: string },
): Promise<SubmitResult> {
  // The resubmission's transaction takes its own connection after this one is given back: a
  // request holding one connection while it waits for a second could wait for ever on a full pool.
  try {
    const first = await ctx.db.connection().execute((db) => submitFirst(ctx, db, input));
    return first === 'resubmit' ? await resubmit(ctx, input) : first;
  } catch (error) {
    // Two retries racing with one key: the loser finds the winner's submission.
    if (isUniqueViolation(error)) {
      const again = await replayed(ctx, ctx.db, input);
      if (again) return again;
    }
    throw error;
  }
}

async function submitFirst(
  ctx: Context & { auth: SignedInAuth },
  db: Executor,
  input: { id: string; version: number; idempotencyKey: string },
): Promise<SubmitResult | 'resubmit'> {
  const read = ownRead(ctx, await readApplicationForSubmission(db, { applicationId: input.id, idempotencyKey: input.idempotencyKey }));
  const answered = answerFromRead(read, input);
  if (answered === 'moved') refuseMoved(read.application);
  if (answered) return answered;
  if (submissionEventFor(read.application.status) === 'resubmit') return 'resubmit';
  // One instant for the window's check and the time recorded.
  const now = ctx.now();
  const checked = await checkSubmission(db, read, now, false);
  if (!checked.ok) return checked;
  const recorded = await record(ctx, db, read, checked, { now, idempotencyKey: input.idempotencyKey, transitionId: null });
  return recorded ?? (await answerMoved(ctx, db, input));
}

type SubmissionRead = NonNullable<Awaited<ReturnType<typeof readApplicationForSubmission>>>;

/** The caller's application as read, or not found; a key is the caller's own: one used for another application reveals nothing. */
function ownRead(ctx: Context & { auth: SignedInAuth }, read: SubmissionRead | undefined): SubmissionRead {
  if (!read || !isOwnApplication(ctx.auth, read.application)) throw appError('application.not_found');
  if (read.receipt && read.receipt.application_id !== read.application.id) throw appError('application.not_found');
  return read;
}

/**
 * The answer the read alone gives: the receipt this key already got (a retry), or 'moved' when the
 * application's status or version is no longer the one submitted. Undefined when the checks are next.
 */
function answerFromRead(read: SubmissionRead, input: { version: number }): SubmitResult | 'moved' | undefined {
  const { application, receipt } = read;
  if (receipt) return { ok: true, receipt: receiptOf(receipt, application.tracking_number ?? '') };
  if (!isEditableByApplicant(application.status) || application.version !== input.version) return 'moved';
  return undefined;
}

function refuseMoved(application: { status: TApplicationStatus; version: number }): never {
  if (!isEditableByApplicant(application.status)) throw appError('application.not_editable', { status: application.status });
  throw appError('application.version_conflict', { currentVersion: application.version });
}

/**
 * The application moved after a statement's snapshot was taken, read again: by a retry with this
 * key that committed first (its receipt is the answer), or by another change (refused as it is now).
 */
async function answerMoved(ctx: Context & { auth: SignedInAuth }, db: Executor, input: { id: string; version: number; idempotencyKey: string }): Promise<SubmitResult> {
  const now = ownRead(ctx, await readApplicationForSubmission(db, { applicationId: input.id, idempotencyKey: input.idempotencyKey }));
  const answered = answerFromRead(now, input);
  if (answered && answered !== 'moved') return answered;
  refuseMoved(now.application);
}

/** 再提出 (returned → resubmitted): its history row, the correction answered and the record, under the row lock. */
async function resubmit(ctx: Context & { auth: SignedInAuth }, input: { id: string; version: number; idempotencyKey: string }): Promise<SubmitResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const read = ownRead(ctx, await readApplicationForSubmission(trx, { applicationId: input.id, idempotencyKey: input.idempotencyKey, lock: true }));
    const answered = answerFromRead(read, input);
    // A retry that waited on the lock for the first one: its receipt committed after this
    // statement's snapshot was taken, and only the row shows it. Asked for again, it is the answer.
    if (answered === 'moved') return answerMoved(ctx, trx, input);
    if (answered) return answered;
    const { application } = read;
    const now = ctx.now();
    const checked = await checkSubmission(trx, read, now, true);
    if (!checked.ok) return checked;
    const history = await insertStatusTransition(trx, {
      applicationId: application.id,
      event: 'resubmit',
      from: application.status,
      to: 'resubmitted',
      actorUserId: ctx.auth.user.id,
      actorRole: 'applicant',
      reason: null,
      dueAt: null,
      amountYen: null,
      notifiedApplicant: true,
      at: now,
    });
    await answerOpenRequests(trx, application.id, ['correction'], now);
    const recorded = await record(ctx, trx, read, checked, { now, idempotencyKey: input.idempotencyKey, transitionId: history.id });
    // Under the lock the version cannot have moved; were it to, the transaction is undone.
    if (!recorded) throw appError('application.version_conflict', { currentVersion: application.version });
    return recorded;
  });
}

interface CheckedSubmission {
  ok: true;
  kind: TProgrammeKind;
  /** The round's fiscal year: the receipt number's counter. */
  fiscalYear: number;
  rules: NonNullable<Awaited<ReturnType<typeof definitionForApplication>>>;
  assessment: ReturnType<typeof assessApplication>;
}

/** The round's window, budget and correction due date, the rules, and the form and its documents assessed. */
async function checkSubmission(
  db: Executor,
  read: SubmissionRead,
  now: Date,
  resubmission: boolean,
): Promise<CheckedSubmission | { ok: false; issues: FormIssue[] }> {
  const { application, round: programme } = read;
  if (!programme) throw appError('programme.not_found');
  const window = { opensAt: programme.window_opens_at, closesAt: programme.window_closes_at };
  if (resubmission) {
    // A correction answers the office's return: due by its date (003 §6.4), not by the call's window.
    const requests = await listRequestsOfApplication(db, application.id);
    const open = openCorrection(requests.map((r) => ({ ...r, issuedAt: r.issued_at, dueAt: r.due_at, answeredAt: r.answered_at })));
    if (!open) throw appError('lifecycle.correction_missing');
    const answerable = checkAnswerable(open, now, ['correction']);
    if (!answerable.ok) throw appError(answerable.code, answerable.params);
  }
  const kind = programmeKindOf(programme);
  // The version it was submitted under (a resubmission keeps it), else the latest published: pinned below.
  const rules = await definitionForApplication(db, application, programme);
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
  if (assessment.issues.length > 0) return { ok: false, issues: assessment.issues };
  return { ok: true, kind, fiscalYear: programme.fiscal_year, rules, assessment };
}

/**
 * The one statement that records the submission, the frozen version, its audit row and notice, and
 * (a first submission) takes the receipt number. Undefined when the version had moved.
 */
async function record(
  ctx: Context & { auth: SignedInAuth },
  db: Executor,
  read: SubmissionRead,
  { kind, fiscalYear, rules, assessment }: CheckedSubmission,
  { now, idempotencyKey, transitionId }: { now: Date; idempotencyKey: string; transitionId: number | null },
): Promise<SubmitResult | undefined> {
  const { application } = read;
  const resubmission = transitionId !== null;
  const requestedGrantYen = assessment.result?.grant.amount ?? null;
  const submission = {
    versionNo: read.lastVersionNo + 1,
    title: application.title,
    content: application.content,
    assessment: assessment.result ? { ...assessment.result } : {},
    submittedBy: ctx.auth.user.id,
    idempotencyKey,
  };
  const status = resubmission ? 'resubmitted' : 'submitted';
  const tracking = application.tracking_number ?? {
    counterKey: trackingCounterKey(kind, fiscalYear),
    ...trackingNumberFormat(kind, fiscalYear),
  };
  const updated = await setApplicationSubmitted(
    db,
    { id: application.id, expectedVersion: application.version, submittedAt: now, trackingNumber: tracking, requestedGrantYen, status, definitionVersionId: rules.id, submission },
    {
      audit: {
        actorUserId: ctx.auth.user.id,
        action: resubmission ? 'application.resubmit' : 'application.submit',
        entityType: 'application',
        entityId: application.id,
        before: { status: application.status, version: application.version },
        // trackingNumber is added by the statement that takes it.
        after: { status, version: application.version + 1, versionNo: submission.versionNo, requestedGrantYen, definitionVersion: rules.version, ...(transitionId !== null ? { transitionId } : {}) },
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
  if (!updated?.tracking_number) return undefined;
  const receipt = { application_id: application.id, version_no: submission.versionNo, submitted_at: now, requested_grant_yen: requestedGrantYen };
  return { ok: true, receipt: receiptOf(receipt, updated.tracking_number) };
}

async function replayed(ctx: Context & { auth: SignedInAuth }, db: Executor, input: { id: string; idempotencyKey: string }): Promise<SubmitResult | null> {
  const previous = await findReceiptByIdempotencyKey(db, input.idempotencyKey);
  if (!previous) return null;
  // A key is the caller's own: someone else's key, or one used for another application, reveals nothing.
  if (!isOwnApplication(ctx.auth, previous) || previous.application_id !== input.id) throw appError('application.not_found');
  return { ok: true, receipt: receiptOf(previous, previous.tracking_number ?? '') };
}
