import type { TApplicationStatus } from '@tsumiki/domain';
import type { TApplicationContent } from '@tsumiki/domain/programmes';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { contentJson, withApplicationContent } from './content';
import { writeWithAudit, type AuditEntryInput } from './audit.repository';
import { newestPublishedVersionOfRound } from './programme-definitions.repository';
import type { Executor } from './executor';

interface NewApplication {
  programmeId: string;
  organisationId: string;
  createdBy: string;
  title: string;
  content: TApplicationContent;
}

function applicationInsert(db: Executor, application: NewApplication & { id?: string }) {
  return db
    .insertInto('applications')
    .values({
      ...(application.id !== undefined ? { id: application.id } : {}),
      programme_id: application.programmeId,
      applicant_organisation_id: application.organisationId,
      created_by: application.createdBy,
      title: application.title,
      content: contentJson(application.content),
      status: 'draft',
    })
    .returningAll();
}

export async function insertApplication(db: Executor, application: NewApplication) {
  return withApplicationContent(await applicationInsert(db, application).executeTakeFirstOrThrow());
}

/** A new draft and its audit row in one statement (the id is the caller's, so the audit row can name it). */
export async function insertApplicationAudited(db: Executor, application: NewApplication & { id: string }, audit: AuditEntryInput) {
  const row = await writeWithAudit(db, applicationInsert(db, application), audit);
  if (!row) throw new Error(`application ${application.id} was not inserted`);
  return withApplicationContent(row);
}

export async function findApplicationById(db: Executor, id: string) {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row && withApplicationContent(row);
}

/**
 * What an upload checks of its application, with the id of its round's newest published rules
 * (`published_version_id`, for definitionForApplication), in one statement: whose it is, its
 * status, the rules its document is checked against. Not its content: an upload does not look at
 * it, and read whole it was the larger part of the upload's time (seven uploads per application).
 */
export function findApplicationForUpload(db: Executor, id: string) {
  return db
    .selectFrom('applications')
    .select(['applications.id', 'applications.status', 'applications.applicant_organisation_id', 'applications.programme_id', 'applications.definition_version_id'])
    .select(newestPublishedVersionOfRound(db, sql.ref<string>('applications.programme_id')).as('published_version_id'))
    .where('applications.id', '=', id)
    .executeTakeFirst();
}

/**
 * An application with its documents (oldest first) and its submitted versions (newest first), in
 * one statement: the applicant's page reads them on every visit, and as three queries each took a
 * connection of the pool. Times inside the JSON arrive as ISO text and are made Dates here.
 */
export async function findApplicationWithDocuments(db: Executor, id: string) {
  const row = await db
    .selectFrom('applications')
    .selectAll('applications')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('attachments')
          .select(['id', 'file_name', 'declared_type', 'size_bytes', 'sha256', 'document_code', 'page_count'])
          .select(sql<string>`attachments.created_at`.as('created_at'))
          .whereRef('attachments.application_id', '=', 'applications.id')
          .orderBy('attachments.created_at'),
      ).as('attachments'),
      jsonArrayFrom(
        eb
          .selectFrom('application_submissions')
          .select(['version_no', 'requested_grant_yen'])
          .select(sql<string>`application_submissions.submitted_at`.as('submitted_at'))
          .whereRef('application_submissions.application_id', '=', 'applications.id')
          .orderBy('application_submissions.version_no', 'desc'),
      ).as('submissions'),
    ])
    .where('applications.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { attachments, submissions, ...application } = row;
  return {
    application: withApplicationContent(application),
    attachments: attachments.map((a) => ({ ...a, created_at: new Date(a.created_at) })),
    submissions: submissions.map((s) => ({ ...s, submitted_at: new Date(s.submitted_at) })),
  };
}

/** For updates: locks the row so a concurrent writer waits instead of interleaving. */
export async function findApplicationForUpdate(db: Executor, id: string) {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  return row && withApplicationContent(row);
}

export function listApplicationsOfOrganisations(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('applications')
    .innerJoin('programmes', 'programmes.id', 'applications.programme_id')
    .select([
      'applications.id',
      'applications.title',
      'applications.status',
      'applications.version',
      'applications.updated_at as updatedAt',
      'applications.submitted_at as submittedAt',
      'applications.tracking_number as trackingNumber',
      'applications.requested_grant_yen as requestedGrantYen',
      'applications.applicant_organisation_id as organisationId',
      'programmes.id as programmeId',
      'programmes.name_ja as programmeNameJa',
      'programmes.name_en as programmeNameEn',
    ])
    .where('applications.applicant_organisation_id', 'in', organisationIds)
    .orderBy('applications.updated_at', 'desc')
    .execute();
}

/**
 * Compare-and-set on `version`: the update happens only if nobody wrote since `expectedVersion` was
 * read. Returns the new row, or undefined when the version was stale (the caller reports a conflict).
 */
interface ApplicationChange {
  id: string;
  expectedVersion: number;
  title?: string;
  content?: TApplicationContent;
  status?: TApplicationStatus;
  submittedAt?: Date;
}

/** The versioned update, built but not run: the version moves by one, or nothing is written. */
function versionedUpdate(db: Executor, input: ApplicationChange) {
  return db
    .updateTable('applications')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: new Date(),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.content !== undefined ? { content: contentJson(input.content) } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.submittedAt !== undefined ? { submitted_at: input.submittedAt } : {}),
    }))
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll();
}

export async function updateApplicationIfVersion(db: Executor, input: ApplicationChange) {
  const row = await versionedUpdate(db, input).executeTakeFirst();
  return row && withApplicationContent(row);
}

/**
 * The versioned update and its audit row in one statement, without a transaction: the version
 * check stands in for the row lock, and `statuses` for the status read before it (a status moved
 * by someone else since is a miss like a version moved). Undefined when nothing was written.
 */
export async function updateApplicationAudited(db: Executor, input: ApplicationChange & { statuses: readonly TApplicationStatus[] }, audit: AuditEntryInput) {
  const row = await writeWithAudit(db, versionedUpdate(db, input).where('status', 'in', [...input.statuses]), audit);
  return row && withApplicationContent(row);
}
