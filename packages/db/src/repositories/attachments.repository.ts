import { sql, type Selectable } from 'kysely';
import type { AttachmentTable } from '../schema';
import { auditRowOf, withAudit, type AuditEntryInput, type AuditRowInput } from './audit.repository';
import { boundStatement, statementBuilder } from './bound-statement';
import { newestPublishedVersionOfRound } from './programme-definitions.repository';
import type { Executor } from './executor';

export interface NewAttachment {
  applicationId: string;
  uploadedBy: string;
  fileName: string;
  declaredType: string;
  detectedType: string;
  sha256: string;
  /** The bytes, when the database is the store; null when `storageKey` names them in another store. */
  content: Uint8Array | null;
  storageKey?: string | null;
  /** Required when the bytes are elsewhere (content null). */
  sizeBytes?: number;
  documentCode?: string | null;
  pageCount?: number | null;
}

const ATTACHMENT_VIEW = ['id', 'file_name', 'declared_type', 'size_bytes', 'sha256', 'document_code', 'page_count', 'created_at'] as const;
type AttachmentView = Pick<Selectable<AttachmentTable>, (typeof ATTACHMENT_VIEW)[number]>;

/** A new file's row: its size is its bytes' where the database holds them. */
function attachmentColumns(a: NewAttachment) {
  return {
    application_id: a.applicationId,
    uploaded_by: a.uploadedBy,
    file_name: a.fileName,
    declared_type: a.declaredType,
    detected_type: a.detectedType,
    size_bytes: a.content?.byteLength ?? a.sizeBytes ?? 0,
    sha256: a.sha256,
    content: a.content,
    storage_key: a.storageKey ?? null,
    document_code: a.documentCode ?? null,
    page_count: a.pageCount ?? null,
  };
}

export function insertAttachment(db: Executor, attachment: NewAttachment) {
  return db.insertInto('attachments').values(attachmentColumns(attachment)).returning(ATTACHMENT_VIEW).executeTakeFirstOrThrow();
}

/**
 * The file's row and its audit row in one statement, written only while the application is in
 * one of `statuses`. The statement share-locks the application row: a submission (which locks it
 * for update before counting the files) either sees this file or is seen by it.
 * Undefined when the application had left those statuses.
 */
export async function insertAttachmentAudited(
  db: Executor,
  attachment: NewAttachment & {
    id: string;
    statuses: readonly string[];
    /**
     * Also only while the application is one of these organisations' and its rules are still this
     * version (pinned, or its round's newest published): for an upload checked without reading the
     * application first, against what an earlier upload read of it.
     */
    unchanged?: { organisationIds: readonly string[]; rulesVersionId: string } | undefined;
  },
  audit: AuditEntryInput,
): Promise<AttachmentView | undefined> {
  const a = attachment;
  const [row] = await auditedAttachmentInsert.execute(db, null, {
    id: a.id,
    row: attachmentColumns(a),
    statuses: [...a.statuses],
    unchanged: a.unchanged ? { organisationIds: [...a.unchanged.organisationIds], rulesVersionId: a.unchanged.rulesVersionId } : null,
    audit: auditRowOf(audit),
  });
  return row;
}

/** The busiest write of an application's documents step (one per file): built once (boundStatement). */
const auditedAttachmentInsert = boundStatement(
  (
    _: null,
    a: {
      id: string;
      row: ReturnType<typeof attachmentColumns>;
      statuses: string[];
      unchanged: { organisationIds: string[]; rulesVersionId: string } | null;
      audit: AuditRowInput;
    },
  ) => {
    const unchanged = a.unchanged
      ? sql`and applications.applicant_organisation_id = any(${a.unchanged.organisationIds}::uuid[])
          and coalesce(applications.definition_version_id, (${newestPublishedVersionOfRound(statementBuilder, sql.ref<string>('applications.programme_id'))})) = ${a.unchanged.rulesVersionId}::uuid`
      : sql``;
    const r = a.row;
    const change = sql<AttachmentView>`
    insert into attachments (id, application_id, uploaded_by, file_name, declared_type, detected_type, size_bytes, sha256, content, storage_key, document_code, page_count)
    select ${a.id}::uuid, applications.id, ${r.uploaded_by}::uuid, ${r.file_name}, ${r.declared_type}, ${r.detected_type},
           ${r.size_bytes}::integer, ${r.sha256}, ${r.content}::bytea, ${r.storage_key},
           ${r.document_code}, ${r.page_count}::integer
    from applications
    where applications.id = ${r.application_id}::uuid and applications.status = any(${a.statuses}::text[]) ${unchanged}
    for share of applications
    returning ${sql.join(ATTACHMENT_VIEW.map((c) => sql.ref(c)))}`;
    return withAudit(change, a.audit);
  },
);

/** Metadata only: contents are read one at a time, on download. */
export function listAttachmentsOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'file_name', 'declared_type', 'size_bytes', 'sha256', 'document_code', 'page_count', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
}

export function countAttachments(db: Executor) {
  return db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.count));
}

/** Where one attachment's bytes are: inline in the row, or under a key in the configured store. */
export function findAttachmentBytes(db: Executor, id: string) {
  return db
    .selectFrom('attachments')
    .select(['id', 'application_id', 'size_bytes', 'sha256', 'content', 'storage_key'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every key a row points to, to compare with what the store holds (orphans either way). */
export function listAttachmentStorageKeys(db: Executor) {
  return db
    .selectFrom('attachments')
    .select('storage_key')
    .where('storage_key', 'is not', null)
    .execute()
    .then((rows) => rows.map((r) => r.storage_key!));
}
