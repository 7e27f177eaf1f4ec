import type { Executor } from './executor';

export function insertAttachment(
  db: Executor,
  attachment: {
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
  },
) {
  return db
    .insertInto('attachments')
    .values({
      application_id: attachment.applicationId,
      uploaded_by: attachment.uploadedBy,
      file_name: attachment.fileName,
      declared_type: attachment.declaredType,
      detected_type: attachment.detectedType,
      size_bytes: attachment.content?.byteLength ?? attachment.sizeBytes ?? 0,
      sha256: attachment.sha256,
      content: attachment.content,
      storage_key: attachment.storageKey ?? null,
      document_code: attachment.documentCode ?? null,
      page_count: attachment.pageCount ?? null,
    })
    .returning(['id', 'file_name', 'declared_type', 'size_bytes', 'sha256', 'document_code', 'page_count', 'created_at'])
    .executeTakeFirstOrThrow();
}

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
