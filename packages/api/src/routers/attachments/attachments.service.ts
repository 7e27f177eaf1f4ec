import { createHash } from 'node:crypto';
import { appendAudit, findProgrammeById, insertAttachment } from '@tsumiki/db';
import { checkAttachment, countPdfPages, isEditableByApplicant, ZProgrammeKind, type TApplicationStatus, type TAttachmentType } from '@tsumiki/domain';
import { BUILTIN_PROGRAMMES } from '@tsumiki/domain/programmes';
import { fileTypeFromBuffer } from 'file-type';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationOfCaller } from '../applications/applications.service';

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

export async function uploadAttachment(
  ctx: Context & { auth: SignedInAuth },
  input: { applicationId: string; fileName: string; declaredType: TAttachmentType; contentBase64: string; documentCode?: string | undefined },
  /** While the applicant may upload: drafts (the wizard); after submission, evidence and answers (issue 4). */
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
  return ctx.db.transaction().execute(async (trx) => {
    const application = await applicationOfCaller(trx, ctx.auth, input.applicationId, true);
    if (!mayUpload(application.status)) {
      throw appError('application.not_editable', { status: application.status });
    }
    if (input.documentCode !== undefined) {
      // The document must be one the call asks for (its code in the programme definition).
      const programme = await findProgrammeById(trx, application.programme_id);
      const kind = ZProgrammeKind.safeParse(programme?.kind);
      if (!kind.success || !BUILTIN_PROGRAMMES[kind.data].requiredDocuments.some((d) => d.code === input.documentCode))
        throw appError('attachment.document_unknown', { document: input.documentCode });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stored = await insertAttachment(trx, {
      applicationId: application.id,
      uploadedBy: ctx.auth.user.id,
      fileName: input.fileName,
      declaredType: input.declaredType,
      detectedType: input.declaredType,
      sha256,
      content: bytes,
      documentCode: input.documentCode ?? null,
      pageCount: input.declaredType === 'application/pdf' ? countPdfPages(bytes) : null,
    });
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'attachment.upload',
      entityType: 'application',
      entityId: application.id,
      after: { attachmentId: stored.id, fileName: stored.file_name, size: stored.size_bytes, sha256, documentCode: stored.document_code },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return {
      id: stored.id,
      fileName: stored.file_name,
      type: stored.declared_type,
      sizeBytes: stored.size_bytes,
      sha256: stored.sha256,
      documentCode: stored.document_code,
      pageCount: stored.page_count,
      createdAt: stored.created_at,
    };
  });
}
