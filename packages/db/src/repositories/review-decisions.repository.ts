import type { TApplicationStatus, TRole } from '@tsumiki/domain';
import type { ReviewRequestTable } from '../schema';
import type { Executor } from './executor';

/* ─────────────────────── status and history ─────────────────────── */

/** Moves the status on the version that was read; undefined when someone moved it first. */
export function setApplicationStatusIfVersion(
  db: Executor,
  input: { id: string; expectedVersion: number; status: TApplicationStatus; at: Date },
) {
  return db
    .updateTable('applications')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: input.at, status: input.status }))
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function insertStatusTransition(
  db: Executor,
  t: {
    applicationId: string;
    event: string;
    from: TApplicationStatus;
    to: TApplicationStatus;
    actorUserId: string;
    actorRole: TRole;
    reason: string | null;
    dueAt: Date | null;
    amountYen: number | null;
    notifiedApplicant: boolean;
    at: Date;
  },
) {
  return db
    .insertInto('review_status_transitions')
    .values({
      application_id: t.applicationId,
      event: t.event,
      from_status: t.from,
      to_status: t.to,
      actor_user_id: t.actorUserId,
      actor_role: t.actorRole,
      reason: t.reason,
      due_at: t.dueAt,
      amount_yen: t.amountYen,
      notified_applicant: t.notifiedApplicant,
      occurred_at: t.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTransitionsOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('review_status_transitions')
    .leftJoin('users', 'users.id', 'review_status_transitions.actor_user_id')
    .selectAll('review_status_transitions')
    .select('users.display_name as actorName')
    .where('application_id', '=', applicationId)
    .orderBy('review_status_transitions.id')
    .execute();
}

/* ───────────────────────── requests ───────────────────────── */

export function insertReviewRequest(
  db: Executor,
  r: { applicationId: string; kind: ReviewRequestTable['kind']; message: string; issuedBy: string; issuedAt: Date; dueAt: Date },
) {
  return db
    .insertInto('review_requests')
    .values({ application_id: r.applicationId, kind: r.kind, message: r.message, issued_by: r.issuedBy, issued_at: r.issuedAt, due_at: r.dueAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An answer (resubmission, report, repayment) closes the open requests of that kind. */
export function answerOpenRequests(db: Executor, applicationId: string, kinds: readonly ReviewRequestTable['kind'][], at: Date) {
  if (kinds.length === 0) return Promise.resolve([]);
  return db
    .updateTable('review_requests')
    .set({ answered_at: at })
    .where('application_id', '=', applicationId)
    .where('kind', 'in', [...kinds])
    .where('answered_at', 'is', null)
    .returning(['id'])
    .execute();
}

export function listRequestsOfApplication(db: Executor, applicationId: string) {
  return db.selectFrom('review_requests').selectAll().where('application_id', '=', applicationId).orderBy('issued_at').execute();
}

/* ─────────────────────── decisions and reports ─────────────────────── */

export function insertDecision(
  db: Executor,
  d: { applicationId: string; maximumYen: number; grantedYen: number; decidedBy: string; decidedAt: Date },
) {
  return db
    .insertInto('review_decisions')
    .values({ application_id: d.applicationId, maximum_yen: d.maximumYen, granted_yen: d.grantedYen, decided_by: d.decidedBy, decided_at: d.decidedAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findDecision(db: Executor, applicationId: string) {
  return db.selectFrom('review_decisions').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export function setFixedAmount(
  db: Executor,
  f: { applicationId: string; fixedYen: number; ownShareYen: number; settlement: Record<string, unknown>; fixedBy: string; at: Date },
) {
  return db
    .updateTable('review_decisions')
    .set({ fixed_yen: f.fixedYen, own_share_yen: f.ownShareYen, settlement: JSON.stringify(f.settlement), fixed_by: f.fixedBy, fixed_at: f.at })
    .where('application_id', '=', f.applicationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces the reported lines (a new results report); their reviews start over. */
export async function replaceReportLines(
  db: Executor,
  applicationId: string,
  lines: readonly { id: string; category: string; description?: string | undefined; amount: number }[],
) {
  await db.deleteFrom('review_report_lines').where('application_id', '=', applicationId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('review_report_lines')
    .values(lines.map((l) => ({ application_id: applicationId, line_id: l.id, category: l.category, description: l.description ?? null, amount_yen: l.amount })))
    .execute();
}

export async function saveLineReviews(
  db: Executor,
  applicationId: string,
  reviews: readonly { lineId: string; decision: 'accepted' | 'reduced' | 'rejected'; acceptedAmount: number | null; reason: string | null }[],
  reviewerId: string,
  at: Date,
) {
  let updated = 0;
  for (const r of reviews) {
    const row = await db
      .updateTable('review_report_lines')
      .set({ decision: r.decision, accepted_yen: r.acceptedAmount, reason: r.reason, reviewed_by: reviewerId, reviewed_at: at })
      .where('application_id', '=', applicationId)
      .where('line_id', '=', r.lineId)
      .returning('id')
      .executeTakeFirst();
    if (row) updated += 1;
  }
  return updated;
}

export function listReportLines(db: Executor, applicationId: string) {
  return db.selectFrom('review_report_lines').selectAll().where('application_id', '=', applicationId).orderBy('line_id').execute();
}
