import { createHash, randomUUID } from 'node:crypto';
import { definitionForApplication, findApplicationForUpload, insertAttachmentAudited, type Executor } from '@tsumiki/db';
import { APPLICATION_STATUSES, checkAttachment, countPdfPages, isEditableByApplicant, type TApplicationStatus, type TAttachmentType } from '@tsumiki/domain';
import { fileTypeFromBuffer } from 'file-type';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { StorageFullError, StorageUnavailableError, type StoredBytes } from '../../storage/attachment-store';
import { applicationOfCaller, isOwnApplication } from '../applications/applications.service';

/** Detects the type from the bytes. CSV has no magic number: it must be valid UTF-8 text without NULs. */
export async function detectType(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (!text.includes('\u0000')) return 'text/csv';
  } catch {
    return undefined;
  }
  return undefined;
}

/** The application a file may be attached to now: the caller's, in a status that takes uploads, for a document the call asks for. */
async function uploadTarget(
  db: Executor,
  ctx: Context & { auth: SignedInAuth },
  input: { applicationId: string; documentCode?: string | undefined },
  mayUpload: (status: TApplicationStatus) => boolean,
) {
  // With its round's newest published rules' id: one statement where the document check took two.
  const application = await findApplicationForUpload(db, input.applicationId);
  if (!application || !isOwnApplication(ctx.auth, application)) throw appError('application.not_found');
  if (!mayUpload(application.status)) {
    throw appError('application.not_editable', { status: application.status });
  }
  if (input.documentCode !== undefined) {
    // The document must be one the call asks for (its code in the programme definition).
    const rules = await definitionForApplication(db, application, application);
    if (!rules?.definition.requiredDocuments.some((d) => d.code === input.documentCode))
      throw appError('attachment.document_unknown', { document: input.documentCode });
  }
  return application;
}

/** The bytes into the configured store; a full or unwritable store is a coded 503 with nothing stored. */
async function storeBytes(ctx: Context, bytes: Uint8Array): Promise<StoredBytes> {
  try {
    return await ctx.attachments.put(bytes);
  } catch (error) {
    if (error instanceof StorageFullError || error instanceof StorageUnavailableError) {
      ctx.log.error({ err: error, store: ctx.attachments.kind, requestId: ctx.request.requestId }, 'attachment store refused a write');
      throw appError(error instanceof StorageFullError ? 'attachment.storage_full' : 'attachment.storage_unavailable');
    }
    throw error;
  }
}

/**
 * Checked first, then the bytes, then the row (with its audit row, in one statement that holds
 * only while the application still takes uploads); when the row is not written the bytes are
 * removed again, so no row points at missing bytes and (short of a crash between the two) no
 * bytes are left without a row.
 */
export async function uploadAttachment(
  ctx: Context & { auth: SignedInAuth },
  input: { applicationId: string; fileName: string; declaredType: TAttachmentType; contentBase64: string; documentCode?: string | undefined },
  /** While the applicant may upload: drafts (the wizard); after submission, evidence and answers. */
  mayUpload: (status: TApplicationStatus) => boolean = isEditableByApplicant,
) {
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
  const check = checkAttachment({
    size: bytes.byteLength,
    declaredType: input.declaredType,
    detectedType: await detectType(bytes),
    fileName: input.fileName,
  });
  if (!check.ok) throw appError(check.code);
  // One connection for the checks and the write: under a busy pool each acquisition is a wait.
  return ctx.db.connection().execute(async (db) => {
    // Refused uploads never reach a store.
    const application = await uploadTarget(db, ctx, input, mayUpload);
    const stored = await storeBytes(ctx, bytes);
    try {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const id = randomUUID();
      const row = await insertAttachmentAudited(
        db,
        {
          id,
          statuses: APPLICATION_STATUSES.filter(mayUpload),
          applicationId: application.id,
          uploadedBy: ctx.auth.user.id,
          fileName: input.fileName,
          declaredType: input.declaredType,
          detectedType: input.declaredType,
          sha256,
          content: stored.inline,
          storageKey: stored.storageKey,
          sizeBytes: bytes.byteLength,
          documentCode: input.documentCode ?? null,
          pageCount: input.declaredType === 'application/pdf' ? countPdfPages(bytes) : null,
        },
        {
          actorUserId: ctx.auth.user.id,
          action: 'attachment.upload',
          entityType: 'application',
          entityId: application.id,
          after: { attachmentId: id, fileName: input.fileName, size: bytes.byteLength, sha256, documentCode: input.documentCode ?? null },
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        },
      );
      if (!row) {
        // The application left the statuses that take files between the check and the write.
        const now = await applicationOfCaller(db, ctx.auth, application.id);
        throw appError('application.not_editable', { status: now.status });
      }
      return {
        id: row.id,
        fileName: row.file_name,
        type: row.declared_type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        documentCode: row.document_code,
        pageCount: row.page_count,
        createdAt: row.created_at,
      };
    } catch (error) {
      if (stored.storageKey) {
        const key = stored.storageKey;
        await ctx.attachments.remove(key).catch((cleanup: unknown) => ctx.log.error({ err: cleanup, storageKey: key }, 'orphan attachment bytes left in the store'));
      }
      throw error;
    }
  });
}
