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
    content: Uint8Array;
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
      size_bytes: attachment.content.byteLength,
      sha256: attachment.sha256,
      content: attachment.content,
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
