import { parseResultsReportDraft, type TResultsReportDraft } from '@tsumiki/domain/lifecycle';
import type { TApplicationContent } from '@tsumiki/domain/programmes';
import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { ChangeRequestTable, DB } from '../schema';
import { contentJson, withProposedContent } from './content';
import type { Executor } from './executor';

/* ─────────────── answers to the office's requests ─────────────── */

export function findRequestForUpdate(db: Executor, applicationId: string, requestId: string) {
  return db.selectFrom('review_requests').selectAll().where('id', '=', requestId).where('application_id', '=', applicationId).forUpdate().executeTakeFirst();
}

/** Closes one request; undefined when it was answered in the meantime. */
export function markRequestAnswered(db: Executor, requestId: string, at: Date) {
  return db.updateTable('review_requests').set({ answered_at: at }).where('id', '=', requestId).where('answered_at', 'is', null).returning(['id']).executeTakeFirst();
}

export function insertRequestAnswer(db: Executor, a: { requestId: string; applicationId: string; message: string; attachmentIds: string[]; answeredBy: string; answeredAt: Date }) {
  return db
    .insertInto('request_answers')
    .values({ request_id: a.requestId, application_id: a.applicationId, message: a.message, attachment_ids: JSON.stringify(a.attachmentIds), answered_by: a.answeredBy, answered_at: a.answeredAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listAnswersOfApplication(db: Executor, applicationId: string) {
  return db.selectFrom('request_answers').selectAll().where('application_id', '=', applicationId).orderBy('answered_at').execute();
}

/** The ids among `ids` that are attachments of this application. */
export async function attachmentIdsOfApplication(db: Executor, applicationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('attachments').select('id').where('application_id', '=', applicationId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

/* ─────────────────────── results-report draft ─────────────────────── */

/** The draft of the results report, its content read by the domain's draft schema (a row that does not fit is a ReportDraftShapeError). */
export function findResultsReport(db: Executor, applicationId: string) {
  return db.selectFrom('results_reports').selectAll().where('application_id', '=', applicationId).executeTakeFirst().then((row) => row && withDraftContent(row));
}

const withDraftContent = <R extends { application_id: string; content: unknown }>(row: R): Omit<R, 'content'> & { content: TResultsReportDraft } => ({
  ...row,
  content: parseResultsReportDraft(row.application_id, row.content),
});

/**
 * Saves the draft on the version read (null: none yet). Undefined when another window saved
 * first, so neither overwrites the other.
 */
export function saveResultsReport(db: Executor, r: { applicationId: string; expectedVersion: number | null; content: TResultsReportDraft; userId: string; at: Date }) {
  if (r.expectedVersion === null) {
    return db
      .insertInto('results_reports')
      .values({ application_id: r.applicationId, content: JSON.stringify(r.content), updated_by: r.userId, updated_at: r.at })
      .onConflict((oc) => oc.column('application_id').doNothing())
      .returningAll()
      .executeTakeFirst()
      .then((row) => row && withDraftContent(row));
  }
  return db
    .updateTable('results_reports')
    .set((eb) => ({ content: JSON.stringify(r.content), version: eb('version', '+', 1), updated_by: r.userId, updated_at: r.at }))
    .where('application_id', '=', r.applicationId)
    .where('version', '=', r.expectedVersion)
    .returningAll()
    .executeTakeFirst()
    .then((row) => row && withDraftContent(row));
}

export function markResultsReportSubmitted(db: Executor, applicationId: string, at: Date) {
  return db.updateTable('results_reports').set({ submitted_at: at }).where('application_id', '=', applicationId).execute();
}

/* ─────────────────────────── change requests ─────────────────────────── */

export function insertChangeRequest(
  db: Executor,
  c: Pick<ChangeRequestTable, 'application_id' | 'kind' | 'reason' | 'based_on_version_no' | 'maximum_yen' | 'current_grant_yen' | 'grant_after_yen' | 'submitted_by' | 'submitted_at'> & {
    proposedContent: TApplicationContent;
    changedPaths: readonly string[];
  },
) {
  const { proposedContent, changedPaths, ...rest } = c;
  return db
    .insertInto('change_requests')
    .values({ ...rest, proposed_content: contentJson(proposedContent), changed_paths: JSON.stringify(changedPaths) })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(withProposedContent);
}

export function listChangeRequestsOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('change_requests')
    .leftJoin('users', 'users.id', 'change_requests.submitted_by')
    .selectAll('change_requests')
    .select('users.display_name as submittedByName')
    .where('application_id', '=', applicationId)
    .orderBy('submitted_at', 'desc')
    .execute()
    .then((rows) => rows.map(withProposedContent));
}

export function findChangeRequestForUpdate(db: Executor, id: string) {
  return db
    .selectFrom('change_requests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
    .then((row) => row && withProposedContent(row));
}

export function findPendingChangeRequest(db: Executor, applicationId: string) {
  return db.selectFrom('change_requests').select('id').where('application_id', '=', applicationId).where('status', '=', 'pending').executeTakeFirst();
}

/** Decides a pending request; undefined when it was decided in the meantime. */
export function decideChangeRequest(
  db: Executor,
  d: { id: string; status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; reason: string | null; resultingVersionNo: number | null },
) {
  return db
    .updateTable('change_requests')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: d.decidedAt, decision_reason: d.reason, resulting_version_no: d.resultingVersionNo })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
    .then((row) => row && withProposedContent(row));
}

/* ─────────────────────────── notifications ─────────────────────────── */

/**
 * The outbox message and its in-app notification, in the caller's transaction: the bell and the
 * e-mail come from the same write, or neither does.
 */
export async function enqueueNotice(db: Executor, n: { topic: string; recipientUserId: string; applicationId: string | null; payload: Record<string, unknown> }) {
  const outbox = await db
    .insertInto('outbox')
    .values({ topic: n.topic, recipient_user_id: n.recipientUserId, payload: JSON.stringify(n.payload) })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('notifications')
    .values({ user_id: n.recipientUserId, application_id: n.applicationId, outbox_id: outbox.id, topic: n.topic, payload: JSON.stringify(n.payload) })
    .execute();
  return outbox;
}

/**
 * Who hears about an application: the current, enabled members of the organisation it belongs to.
 * Not its creator as such: a creator who left the organisation hears nothing more, and a colleague
 * who joined hears from then on.
 */
function recipientsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('applications')
    .innerJoin('memberships', 'memberships.organisation_id', 'applications.applicant_organisation_id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .distinct()
    .where('applications.id', '=', applicationId)
    .where('users.disabled_at', 'is', null);
}

export async function listApplicationRecipients(db: Executor, applicationId: string) {
  const rows = await recipientsOf(db, applicationId).orderBy('users.id').execute();
  return rows.map((r) => r.id);
}

/**
 * A notice about an application to each of its organisation's current members (as
 * listApplicationRecipients finds them): bell and mail, in the caller's transaction, in one
 * statement whatever the number of members (it was two per member, inside a submission).
 */
export async function enqueueApplicationNotice(db: Executor, n: ApplicationNotice) {
  const { rows } = await sql<{ n: number }>`
    with ${applicationNoticeCtes(db, n)}
    select count(*)::int as n from queued`.execute(db);
  return rows[0]?.n ?? 0;
}

export interface ApplicationNotice {
  topic: string;
  applicationId: string;
  payload: Record<string, unknown>;
}

/** enqueueApplicationNotice's CTEs (recipients, queued, noted), to be written in another statement. */
export function applicationNoticeCtes(db: Executor, n: ApplicationNotice) {
  return applicationNoticeCtesOf(db, { topic: n.topic, applicationId: n.applicationId, payloadJson: JSON.stringify(n.payload) });
}

/**
 * applicationNoticeCtes for a notice whose payload is already JSON text, as a bound statement binds
 * it. With `onlyIfChanged`, nothing is queued unless the statement's CTE named `changed` returned a row.
 */
export function applicationNoticeCtesOf(
  db: Executor,
  n: { topic: string; applicationId: string; payloadJson: string },
  onlyIfChanged = false,
  payloadFromChanged?: RawBuilder<unknown>,
) {
  // What only the statement knows is added from `changed` (one row, or the notice is not sent).
  const payload = payloadFromChanged ? sql`(${n.payloadJson}::jsonb || (select ${payloadFromChanged} from changed))` : sql`${n.payloadJson}::jsonb`;
  return sql`recipients as (${recipientsOf(db, n.applicationId)}),
    queued as (
      insert into outbox (topic, recipient_user_id, payload)
      select ${n.topic}, recipients.id, ${payload} from recipients
      ${onlyIfChanged ? sql`where exists (select from changed)` : sql``}
      order by recipients.id
      returning id, recipient_user_id, payload
    ),
    noted as (
      insert into notifications (user_id, application_id, outbox_id, topic, payload)
      select queued.recipient_user_id, ${n.applicationId}::uuid, queued.id, ${n.topic}, queued.payload from queued
    )`;
}

/**
 * Checked again when read: a notice about an application is the reader's only while they are a
 * member of the application's organisation (one removed from it no longer sees its notices).
 */
const readable = (userId: string) => (eb: ExpressionBuilder<DB, 'notifications'>) =>
  eb.and([
    eb('notifications.user_id', '=', userId),
    eb.or([
      eb('notifications.application_id', 'is', null),
      eb.exists(
        eb
          .selectFrom('applications')
          .innerJoin('memberships', 'memberships.organisation_id', 'applications.applicant_organisation_id')
          .select('memberships.id')
          .whereRef('applications.id', '=', 'notifications.application_id')
          .where('memberships.user_id', '=', userId),
      ),
    ]),
  ]);

export function listNotificationsOfUser(db: Executor, userId: string, limit: number) {
  return db.selectFrom('notifications').selectAll().where(readable(userId)).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function countUnreadNotifications(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where(readable(userId)).where('read_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the user's own readable notifications read (all of them when `ids` is absent); returns how many changed. */
export async function markNotificationsRead(db: Executor, userId: string, at: Date, ids?: readonly string[]): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where(readable(userId)).where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', [...ids]);
  }
  const rows = await q.returning(['id']).execute();
  return rows.length;
}

/* ─────────────────────────── outbox delivery ─────────────────────────── */

/**
 * Claims due messages for one delivery pass until `claimedUntil`, in one statement: rows another
 * pass is claiming at this moment are skipped, and rows it has claimed are not due until their
 * claim runs out. No transaction stays open while the pass sends.
 */
export function claimPendingOutbox(db: Executor, now: Date, limit: number, claimedUntil: Date) {
  return db
    .with('claimed', (qc) =>
      qc
        .updateTable('outbox')
        .set({ claimed_until: claimedUntil })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('outbox as due')
            .select('due.id')
            .where('due.sent_at', 'is', null)
            .where('due.failed_at', 'is', null)
            .where('due.available_at', '<=', now)
            .where((w) => w.or([w('due.claimed_until', 'is', null), w('due.claimed_until', '<=', now)]))
            .orderBy('due.id')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returningAll(),
    )
    .selectFrom('claimed')
    .leftJoin('users', 'users.id', 'claimed.recipient_user_id')
    .selectAll('claimed')
    .select(['users.email as recipientEmail', 'users.locale as recipientLocale'])
    .orderBy('claimed.id')
    .execute();
}

/** The pass's delivered messages (and those that are not mail), in one statement. */
export async function markOutboxSent(db: Executor, ids: readonly number[], at: Date) {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ sent_at: at, claimed_until: null }).where('id', 'in', [...ids]).execute();
}

/** A failed attempt: retried later, backing off by the attempt count. */
export function markOutboxFailed(db: Executor, id: number, error: string, retryAt: Date) {
  return db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000), available_at: retryAt, claimed_until: null }))
    .where('id', '=', id)
    .execute();
}

/** A message the mail server refused for good: kept with the server's answer, never retried. */
export function markOutboxGivenUp(db: Executor, id: number, error: string, at: Date) {
  return db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000), failed_at: at, claimed_until: null }))
    .where('id', '=', id)
    .execute();
}

/** The granted amount after an approved change (the ledger entry is written beside it). */
export function updateGrantedYen(db: Executor, applicationId: string, grantedYen: number) {
  return db.updateTable('review_decisions').set({ granted_yen: grantedYen }).where('application_id', '=', applicationId).execute();
}
