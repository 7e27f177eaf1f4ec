import { createHash, randomUUID } from 'node:crypto';
import { definitionForApplication, findApplicationForUpload, findDefinitionVersion, insertAttachmentAudited, type Executor } from '@tsumiki/db';
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

/**
 * What an earlier upload in this process read of an application: which rules check its documents
 * (its pinned version, or its round's newest published). The next upload to it is checked against
 * those rules and written in one statement, which holds only while the application is still the
 * caller's, still takes files and still has those rules; otherwise it is read again. Bounded,
 * oldest out.
 */
const uploadTargets = new Map<string, string>();
const UPLOAD_TARGETS_KEPT = 10_000;

function rememberUploadTarget(applicationId: string, rulesVersionId: string | null) {
  uploadTargets.delete(applicationId);
  if (rulesVersionId === null) return;
  if (uploadTargets.size >= UPLOAD_TARGETS_KEPT) uploadTargets.delete(uploadTargets.keys().next().value!);
  uploadTargets.set(applicationId, rulesVersionId);
}

/** Whether the rules of this version ask for the document (no document named: nothing to check). */
async function asksFor(db: Executor, rulesVersionId: string, documentCode: string | undefined) {
  if (documentCode === undefined) return true;
  const rules = await findDefinitionVersion(db, rulesVersionId);
  return rules?.definition.requiredDocuments.some((d) => d.code === documentCode) ?? false;
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
  const rulesVersionId = application.definition_version_id ?? application.published_version_id;
  if (input.documentCode !== undefined) {
    // The document must be one the call asks for (its code in the programme definition).
    const rules = await definitionForApplication(db, application, application);
    if (!rules?.definition.requiredDocuments.some((d) => d.code === input.documentCode))
      throw appError('attachment.document_unknown', { document: input.documentCode });
  }
  rememberUploadTarget(application.id, rulesVersionId);
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
 * bytes are left without a row. After the first upload to an application in this process, the
 * check is against what that one read (uploadTargets) and the row is written in one statement.
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
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = randomUUID();
  const statuses = APPLICATION_STATUSES.filter(mayUpload);
  // One connection for the checks and the write: under a busy pool each acquisition is a wait.
  return ctx.db.connection().execute(async (db) => {
    // Checked against what an earlier upload read, written in one statement while that still holds.
    // Only where the bytes go into the row: refused uploads never reach a store.
    const known = ctx.attachments.kind === 'database' ? uploadTargets.get(input.applicationId) : undefined;
    if (known !== undefined && (await asksFor(db, known, input.documentCode))) {
      const organisationIds = ctx.auth.memberships.map((m) => m.organisationId);
      const row = await writeAttachment(db, ctx, input, { id, sha256, bytes, statuses, stored: await storeBytes(ctx, bytes), unchanged: { organisationIds, rulesVersionId: known } });
      if (row) return attachmentView(row);
    }
    // Refused uploads never reach a store.
    const application = await uploadTarget(db, ctx, input, mayUpload);
    const stored = await storeBytes(ctx, bytes);
    try {
      const row = await writeAttachment(db, ctx, { ...input, applicationId: application.id }, { id, sha256, bytes, statuses, stored });
      if (!row) {
        // The application left the statuses that take files between the check and the write.
        const now = await applicationOfCaller(db, ctx.auth, application.id);
        throw appError('application.not_editable', { status: now.status });
      }
      return attachmentView(row);
    } catch (error) {
      if (stored.storageKey) {
        const key = stored.storageKey;
        await ctx.attachments.remove(key).catch((cleanup: unknown) => ctx.log.error({ err: cleanup, storageKey: key }, 'orphan attachment bytes left in the store'));
      }
      throw error;
    }
  });
}

/** The file's row and its audit row, in one statement (insertAttachmentAudited). */
function writeAttachment(
  db: Executor,
  ctx: Context & { auth: SignedInAuth },
  input: { applicationId: string; fileName: string; declaredType: TAttachmentType; documentCode?: string | undefined },
  file: { id: string; sha256: string; bytes: Uint8Array; statuses: TApplicationStatus[]; stored: StoredBytes; unchanged?: { organisationIds: string[]; rulesVersionId: string } },
) {
  const { id, sha256, bytes, stored } = file;
  return insertAttachmentAudited(
    db,
    {
      id,
      statuses: file.statuses,
      unchanged: file.unchanged,
      applicationId: input.applicationId,
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
      entityId: input.applicationId,
      after: { attachmentId: id, fileName: input.fileName, size: bytes.byteLength, sha256, documentCode: input.documentCode ?? null },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    },
  );
}

function attachmentView(row: NonNullable<Awaited<ReturnType<typeof insertAttachmentAudited>>>) {
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
}
