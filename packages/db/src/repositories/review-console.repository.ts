import type { ReviewRequestTable } from '../schema';
import type { Executor } from './executor';

/* ─────────────────────── special-rate findings ─────────────────────── */

export function insertSpecialRateFinding(
  db: Executor,
  f: { applicationId: string; excellent: boolean; criteria: string[]; reason: string; status: string; recordedBy: string; at: Date },
) {
  return db
    .insertInto('review_special_rate_findings')
    .values({
      application_id: f.applicationId,
      excellent: f.excellent,
      criteria: JSON.stringify(f.criteria),
      reason: f.reason,
      status: f.status,
      recorded_by: f.recordedBy,
      recorded_at: f.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every finding of a proposal with who recorded it, the latest first. */
export function listSpecialRateFindings(db: Executor, applicationId: string) {
  return db
    .selectFrom('review_special_rate_findings as f')
    .innerJoin('users', 'users.id', 'f.recorded_by')
    .selectAll('f')
    .select('users.display_name as recordedByName')
    .where('f.application_id', '=', applicationId)
    .orderBy('f.recorded_at', 'desc')
    .orderBy('f.seq', 'desc')
    .execute();
}

/** The latest finding of each of the given proposals (for the committee summary). */
export async function listLatestSpecialRateFindings(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .selectFrom('review_special_rate_findings')
    .select(['application_id', 'excellent', 'criteria', 'reason', 'recorded_at', 'seq'])
    .where('application_id', 'in', [...applicationIds])
    .orderBy('recorded_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.application_id)) latest.set(r.application_id, r);
  return [...latest.values()];
}

/* ─────────────────────────── saved views ─────────────────────────── */

export function listSavedViews(db: Executor, userId: string) {
  return db.selectFrom('review_saved_views').selectAll().where('user_id', '=', userId).orderBy('name').execute();
}

export function insertSavedView(db: Executor, v: { userId: string; name: string; filters: Record<string, unknown>; at: Date }) {
  return db
    .insertInto('review_saved_views')
    .values({ user_id: v.userId, name: v.name, filters: JSON.stringify(v.filters), created_at: v.at, updated_at: v.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates the caller's own view on the version read; undefined when it is gone or changed. */
export function updateSavedViewIfVersion(
  db: Executor,
  v: { id: string; userId: string; expectedVersion: number; name: string; filters: Record<string, unknown>; at: Date },
) {
  return db
    .updateTable('review_saved_views')
    .set((eb) => ({ name: v.name, filters: JSON.stringify(v.filters), updated_at: v.at, version: eb('version', '+', 1) }))
    .where('id', '=', v.id)
    .where('user_id', '=', v.userId)
    .where('version', '=', v.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function deleteSavedView(db: Executor, v: { id: string; userId: string }) {
  return db.deleteFrom('review_saved_views').where('id', '=', v.id).where('user_id', '=', v.userId).returning('id').executeTakeFirst();
}

/* ──────────────────────────── reminders ──────────────────────────── */

/** Unanswered requests with their application (status, title), for the reminder job. */
export function listOpenRequestsForReminders(db: Executor) {
  return db
    .selectFrom('review_requests as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .select([
      'r.id',
      'r.application_id as applicationId',
      'r.kind',
      'r.message',
      'r.issued_at as issuedAt',
      'r.due_at as dueAt',
      'a.status',
      'a.title',
      'a.tracking_number as trackingNumber',
    ])
    .where('r.answered_at', 'is', null)
    .orderBy('r.due_at')
    .execute();
}

export function listRemindersOfRequests(db: Executor, requestIds: readonly string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('review_reminders').select(['request_id', 'kind']).where('request_id', 'in', [...requestIds]).execute();
}

/** Claims one reminder: undefined when it was already sent (the unique key makes the job idempotent). */
export function claimReminder(db: Executor, r: { requestId: string; kind: string; at: Date }) {
  return db
    .insertInto('review_reminders')
    .values({ request_id: r.requestId, kind: r.kind, sent_at: r.at })
    .onConflict((oc) => oc.columns(['request_id', 'kind']).doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

export type ReminderRequestKind = ReviewRequestTable['kind'];

/* ──────────────────────── reports: decisions ──────────────────────── */

/** Granted and fixed amounts of the given applications (for the statistics). */
export function listDecisionsOfApplications(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_decisions')
    .select(['application_id', 'granted_yen', 'fixed_yen'])
    .where('application_id', 'in', [...applicationIds])
    .execute();
}

/* ──────────────────────── attachment preview ──────────────────────── */

/** One attachment with its content, for the console's preview (access is checked by the caller). */
export function findAttachmentForPreview(db: Executor, attachmentId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'application_id', 'file_name', 'detected_type', 'size_bytes', 'content', 'storage_key'])
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
