import type { TApplicationStatus } from '@tsumiki/domain';
import type { TApplicationContent } from '@tsumiki/domain/programmes';
import { sql, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { contentJson, withApplicationContent } from './content';
import { writeWithAudit, type AuditEntryInput } from './audit.repository';
import { newestPublishedVersionOfRound } from './programme-definitions.repository';
import { roundFromJson, roundOfApplication } from './programmes.repository';
import type { ApplicationTable } from '../schema';
import { boundStatement, statementBuilder } from './bound-statement';
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
export async function findApplicationForUpload(db: Executor, id: string) {
  const [row] = await applicationForUpload.execute(db, null, { id });
  return row;
}

const applicationForUpload = boundStatement((_: null, v: { id: string }) =>
  statementBuilder
    .selectFrom('applications')
    .select(['applications.id', 'applications.status', 'applications.applicant_organisation_id', 'applications.programme_id', 'applications.definition_version_id'])
    .select(newestPublishedVersionOfRound(statementBuilder, sql.ref<string>('applications.programme_id')).as('published_version_id'))
    .where('applications.id', '=', v.id),
);

/**
 * An application with its documents (oldest first), its submitted versions (newest first) and its
 * round with the ledger and newest published rules' id (as findProgrammeWithLedger), in one
 * statement: the applicant's page reads them on every visit, and as four queries each took a
 * connection of the pool. Times inside the JSON arrive as ISO text and are made Dates here.
 */
export async function findApplicationWithDocuments(db: Executor, id: string) {
  const [row] = await applicationWithDocuments.execute(db, null, { id });
  if (!row) return undefined;
  const { attachments, submissions, round, ...application } = row;
  return {
    application: withApplicationContent(application),
    round: round && roundFromJson(round),
    attachments: attachments.map((a) => ({ ...a, created_at: new Date(a.created_at) })),
    submissions: submissions.map((s) => ({ ...s, submitted_at: new Date(s.submitted_at) })),
  };
}

const applicationWithDocuments = boundStatement((_: null, v: { id: string }) =>
  statementBuilder
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
      roundOfApplication(statementBuilder, eb).as('round'),
    ])
    .where('applications.id', '=', v.id),
);

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

/**
 * An applicant's save of a draft in one statement, with its audit row: written only while the
 * application is at `expectedVersion`, in one of `statuses`, one of `organisationIds`' and (when
 * content is given) of the same programme as that content. The audit row holds the title, content
 * and version before and after, as stored. Undefined when nothing was written; the caller reads
 * the application to say why.
 */
export async function saveDraftAudited(
  db: Executor,
  input: { id: string; expectedVersion: number; statuses: readonly TApplicationStatus[]; organisationIds: readonly string[]; title?: string; content?: TApplicationContent },
  audit: Pick<AuditEntryInput, 'actorUserId' | 'action' | 'requestId' | 'ip'>,
) {
  const [row] = await draftSaved.execute(db, null, {
    id: input.id,
    expectedVersion: input.expectedVersion,
    statuses: [...input.statuses],
    organisationIds: [...input.organisationIds],
    title: input.title ?? null,
    contentJson: input.content === undefined ? null : contentJson(input.content),
    programme: input.content?.programme ?? null,
    updatedAt: new Date(),
    actorUserId: audit.actorUserId,
    action: audit.action,
    requestId: audit.requestId ?? null,
    ip: audit.ip ?? null,
  });
  return row && withApplicationContent(row);
}

/** A draft's save with its audit row (saveDraftAudited), built once per shape (boundStatement). */
const draftSaved = boundStatement(
  (
    _: null,
    v: {
      id: string;
      expectedVersion: number;
      statuses: string[];
      organisationIds: string[];
      title: string | null;
      contentJson: string | null;
      programme: string | null;
      updatedAt: Date;
      actorUserId: string | null;
      action: string;
      requestId: string | null;
      ip: string | null;
    },
  ) => {
    const guard = sql`applications.id = ${v.id}::uuid and applications.version = ${v.expectedVersion}::integer
      and applications.status = any(${v.statuses}::text[])`;
    const sameProgramme = v.programme === null ? sql`` : sql`and applications.content->>'programme' = ${v.programme}`;
    const sets = [
      sql`version = applications.version + 1`,
      sql`updated_at = ${v.updatedAt}`,
      ...(v.title !== null ? [sql`title = ${v.title}`] : []),
      ...(v.contentJson !== null ? [sql`content = ${v.contentJson}::jsonb`] : []),
    ];
    return sql<Selectable<ApplicationTable>>`
      with current as (
        select applications.id, applications.title, applications.content, applications.version from applications
        where ${guard} and applications.applicant_organisation_id = any(${v.organisationIds}::uuid[]) ${sameProgramme}
      ),
      changed as (
        update applications set ${sql.join(sets)} from current
        where applications.id = current.id and ${guard}
        returning applications.*
      ),
      audited as (
        insert into audit_log (actor_user_id, action, entity_type, entity_id, before, after, request_id, ip)
        select ${v.actorUserId}::uuid, ${v.action}, 'application', changed.id,
               jsonb_build_object('title', current.title, 'content', current.content, 'version', current.version),
               jsonb_build_object('title', changed.title, 'content', changed.content, 'version', changed.version),
               ${v.requestId}, ${v.ip}
        from changed join current on current.id = changed.id
      )
      select * from changed`;
  },
);

export async function updateApplicationIfVersion(db: Executor, input: ApplicationChange) {
  const row = await versionedUpdate(db, input).executeTakeFirst();
  return row && withApplicationContent(row);
}

