import { sql, type Selectable } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { TApplicationContent } from '@tsumiki/domain/programmes';
import { contentJson, withApplicationContent, withSubmissionContent } from './content';
import { auditRowOf, auditOfChanged, type AuditEntryInput, type AuditRowInput } from './audit.repository';
import { applicationNoticeCtesOf, type ApplicationNotice } from './lifecycle.repository';
import { roundFromJson, roundOfApplication } from './programmes.repository';
import type { ApplicationTable } from '../schema';
import { boundStatement, statementBuilder } from './bound-statement';
import type { Executor } from './executor';

/**
 * The receipt a submission with this idempotency key gave, with whose application it is (to answer
 * a retry only to its owner): one statement, and not the frozen content, which a receipt does not show.
 */
export function findReceiptByIdempotencyKey(db: Executor, idempotencyKey: string) {
  return db
    .selectFrom('application_submissions as s')
    .innerJoin('applications as a', 'a.id', 's.application_id')
    .select(['s.application_id', 's.version_no', 's.submitted_at', 's.requested_grant_yen', 'a.applicant_organisation_id', 'a.tracking_number'])
    .where('s.idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

/**
 * What a submission reads, in one statement: the application, its round with the ledger and the
 * newest published rules' id, the receipt already given for this key (to whichever application),
 * the documents attached (for the check of the required ones) and its last submitted version's
 * number. With `lock`, the statement takes the application's row lock, for a caller that writes
 * in several statements of one transaction. Its snapshot is taken before any wait on the lock: a
 * submission that committed meanwhile shows in the locked row (its version and status, read after
 * the wait) and not in the rest, so a caller that finds the row moved asks for the key's receipt again.
 */
export async function readApplicationForSubmission(db: Executor, q: { applicationId: string; idempotencyKey: string; lock?: boolean }) {
  const [row] = await applicationForSubmission.execute(db, { lock: q.lock === true }, { applicationId: q.applicationId, idempotencyKey: q.idempotencyKey });
  if (!row) return undefined;
  const { round, receipt, attachments, last_version_no, ...application } = row;
  // Times inside JSON arrive as text.
  return {
    application: withApplicationContent(application),
    round: round && roundFromJson(round),
    receipt: receipt && { ...receipt, submitted_at: new Date(receipt.submitted_at) },
    attachments,
    lastVersionNo: last_version_no ?? 0,
  };
}

const applicationForSubmission = boundStatement((shape: { lock: boolean }, q: { applicationId: string; idempotencyKey: string }) => {
  const read = statementBuilder
    .selectFrom('applications')
    .selectAll('applications')
    .select((eb) => [
      roundOfApplication(statementBuilder, eb).as('round'),
      jsonObjectFrom(
        eb
          .selectFrom('application_submissions as s')
          .select(['s.application_id', 's.version_no', 's.requested_grant_yen'])
          .select(sql<string>`s.submitted_at`.as('submitted_at'))
          .where('s.idempotency_key', '=', q.idempotencyKey),
      ).as('receipt'),
      jsonArrayFrom(
        eb.selectFrom('attachments').select(['attachments.document_code', 'attachments.page_count']).whereRef('attachments.application_id', '=', 'applications.id').orderBy('attachments.created_at'),
      ).as('attachments'),
      eb
        .selectFrom('application_submissions as v')
        .select((v) => v.fn.max('v.version_no').as('n'))
        .whereRef('v.application_id', '=', 'applications.id')
        .as('last_version_no'),
    ])
    .where('applications.id', '=', q.applicationId);
  return shape.lock ? read.forUpdate() : read;
});

/** A submitted version as frozen: what the applicant sent, and what was computed from it then. */
export interface FrozenVersion {
  versionNo: number;
  title: string;
  content: TApplicationContent;
  assessment: Record<string, unknown>;
  submittedBy: string;
  idempotencyKey: string;
}

export function insertSubmission(
  db: Executor,
  submission: {
    applicationId: string;
    /**
     * 'next': one after the application's last, counted by the insert itself. The caller holds the
     * application's row lock, so no other version of it is being written meanwhile.
     */
    versionNo: number | 'next';
    title: string;
    content: TApplicationContent;
    assessment: Record<string, unknown>;
    requestedGrantYen: number | null;
    submittedBy: string;
    submittedAt: Date;
    idempotencyKey: string;
  },
) {
  return db
    .insertInto('application_submissions')
    .values({
      application_id: submission.applicationId,
      version_no:
        submission.versionNo === 'next'
          ? sql<number>`(select coalesce(max(version_no), 0) + 1 from application_submissions where application_id = ${submission.applicationId}::uuid)`
          : submission.versionNo,
      title: submission.title,
      content: contentJson(submission.content),
      assessment: JSON.stringify(submission.assessment),
      requested_grant_yen: submission.requestedGrantYen,
      submitted_by: submission.submittedBy,
      submitted_at: submission.submittedAt,
      idempotency_key: submission.idempotencyKey,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(withSubmissionContent);
}

/** Every frozen version of an application, newest first. */
export function listSubmissionsOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_submissions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('version_no', 'desc')
    .execute()
    .then((rows) => rows.map(withSubmissionContent));
}

/** One frozen version of an application, or undefined when it was never submitted. */
export function findSubmissionVersion(db: Executor, applicationId: string, versionNo: number) {
  return db
    .selectFrom('application_submissions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst()
    .then((row) => row && withSubmissionContent(row));
}

/** The content as last submitted: what reviewers read. */
export function findLatestSubmission(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_submissions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((row) => row && withSubmissionContent(row));
}

/**
 * The next number of a counter, taken inside the caller's transaction: the row lock serialises
 * concurrent submitters, and a rolled-back submission gives its number back.
 */
export async function nextTrackingValue(db: Executor, prefix: string): Promise<number> {
  const row = await db
    .insertInto('tracking_counters')
    .values({ prefix, last_value: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ last_value: sql`tracking_counters.last_value + 1` }))
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

/**
 * Records the application as submitted, and answers its id, status, version and receipt number
 * (undefined if the version had moved). With what records it (its audit row, and a notice to the
 * organisation's members), all of it is one statement. A first submission takes its receipt
 * number from the programme's year's counter in this same statement (`trackingNumber` as the
 * counter's key and the number's format, trackingNumberFormat). The statement first locks the
 * application at the version it expects, and takes a number only if it got that lock: a version
 * that moved takes none, so no number is lost even outside a transaction. The counter's row stays
 * locked until the transaction commits, holding up every other submitter of the programme's year:
 * called alone (autocommit), that is the statement's own time, not a round trip to the API and
 * back. The number goes into the audit row's `after` and the notice's payload as `trackingNumber`.
 * With `submission`, the frozen version is inserted by this statement too. Nothing is recorded if
 * the version had moved.
 */
export async function setApplicationSubmitted(
  db: Executor,
  input: {
    id: string;
    expectedVersion: number;
    submittedAt: Date;
    /** The number it already has (a resubmission), or the counter to take the next one from. */
    trackingNumber: string | { counterKey: string; prefix: string; digits: number };
    requestedGrantYen: number | null;
    status: 'submitted' | 'resubmitted';
    /** The rules it was assessed under: pinned at the first submission, kept after. */
    definitionVersionId?: string;
    /**
     * The version frozen by this submission, recorded by the same statement (only if the
     * application is recorded): its number is one after the last the caller read of the version
     * it expects (any submission moves the version).
     */
    submission?: FrozenVersion;
  },
  record?: { audit: AuditEntryInput; notice: ApplicationNotice },
) {
  const t = input.trackingNumber;
  const f = input.submission;
  const [row] = await submittedRecord.execute(db, null, {
    id: input.id,
    expectedVersion: input.expectedVersion,
    submittedAt: input.submittedAt,
    trackingNumber: typeof t === 'string' ? t : null,
    counter: typeof t === 'string' ? null : { key: t.counterKey, prefix: t.prefix, digits: t.digits },
    requestedGrantYen: input.requestedGrantYen,
    status: input.status,
    definitionVersionId: input.definitionVersionId ?? null,
    submission: f
      ? {
          versionNo: f.versionNo,
          title: f.title,
          contentJson: contentJson(f.content),
          assessmentJson: JSON.stringify(f.assessment),
          submittedBy: f.submittedBy,
          idempotencyKey: f.idempotencyKey,
        }
      : null,
    record: record
      ? {
          // `after` gains the receipt number from the statement, so it is an object's text.
          audit: auditRowOf({ ...record.audit, after: record.audit.after ?? {} }),
          notice: { topic: record.notice.topic, applicationId: record.notice.applicationId, payloadJson: JSON.stringify(record.notice.payload) },
        }
      : null,
  });
  return row;
}

/** A submission's one write (setApplicationSubmitted), built once per shape (boundStatement). */
const submittedRecord = boundStatement(
  (
    _: null,
    v: {
      id: string;
      expectedVersion: number;
      submittedAt: Date;
      trackingNumber: string | null;
      counter: { key: string; prefix: string; digits: number } | null;
      requestedGrantYen: number | null;
      status: 'submitted' | 'resubmitted';
      definitionVersionId: string | null;
      submission: { versionNo: number; title: string; contentJson: string; assessmentJson: string; submittedBy: string; idempotencyKey: string } | null;
      record: { audit: AuditRowInput; notice: { topic: string; applicationId: string; payloadJson: string } } | null;
    },
  ) => {
    const c = v.counter;
    // `locked` waits for a writer of the row in flight and then sees its latest version (READ
    // COMMITTED re-checks the condition): the number is taken only when `changed` will write.
    // Zero-padded to at least `digits`, never cut: what the domain's trackingNumber writes.
    const counter = c
      ? sql`locked as (
        select id from applications where id = ${v.id}::uuid and version = ${v.expectedVersion}::integer for update
      ),
      counter as (
        insert into tracking_counters (prefix, last_value) select ${c.key}, 1 from locked
        on conflict (prefix) do update set last_value = tracking_counters.last_value + 1
        returning ${c.prefix} || lpad(last_value::text, greatest(${c.digits}::integer, length(last_value::text)), '0') as tracking_number
      ),`
      : sql``;
    const definitionVersionId = v.definitionVersionId;
    const change = statementBuilder
      .updateTable('applications')
      .set((eb) => ({
        version: eb('version', '+', 1),
        updated_at: v.submittedAt,
        status: v.status,
        submitted_at: v.submittedAt,
        tracking_number: c ? sql<string>`(select tracking_number from counter)` : v.trackingNumber,
        requested_grant_yen: v.requestedGrantYen,
        ...(definitionVersionId !== null && { definition_version_id: eb.fn.coalesce('definition_version_id', eb.val(definitionVersionId)) }),
      }))
      .where('id', '=', v.id)
      .where('version', '=', v.expectedVersion)
      .returningAll();
    const f = v.submission;
    const frozen = f
      ? sql`, frozen as (
        insert into application_submissions (application_id, version_no, title, content, assessment, requested_grant_yen, submitted_by, submitted_at, idempotency_key)
        select changed.id, ${f.versionNo}::integer, ${f.title}::text, ${f.contentJson}::jsonb, ${f.assessmentJson}::jsonb,
               ${v.requestedGrantYen}::bigint, ${f.submittedBy}::uuid, ${v.submittedAt}::timestamptz, ${f.idempotencyKey}::text
        from changed
        returning id
      )`
      : sql``;
    const numbered = sql`jsonb_build_object('trackingNumber', changed.tracking_number)`;
    // What was recorded, not the content: it is what the caller wrote, and read back it would be
    // sent, parsed and checked again on every submission.
    type Recorded = Pick<Selectable<ApplicationTable>, 'id' | 'status' | 'version' | 'tracking_number'>;
    const recorded = sql.raw('changed.id, changed.status, changed.version, changed.tracking_number');
    return v.record
      ? sql<Recorded>`
          with ${counter} changed as (${change}) ${frozen},
          audited as (${auditOfChanged(v.record.audit, numbered)}),
          ${applicationNoticeCtesOf(statementBuilder, v.record.notice, true, numbered)}
          select ${recorded} from changed`
      : sql<Recorded>`with ${counter} changed as (${change}) ${frozen} select ${recorded} from changed`;
  },
);
