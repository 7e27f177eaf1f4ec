import { z } from 'zod';

/** Upper bound for one evidence file; drawings in A3 PDF fit comfortably. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** What applicants attach: documents, drawings, spreadsheets, photos. */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'text/csv': ['csv'],
} as const satisfies Record<string, readonly string[]>;
export type TAttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ZAttachmentType = z.enum(Object.keys(ATTACHMENT_TYPES) as [TAttachmentType, ...TAttachmentType[]], {
  message: 'attachment.type_not_allowed',
});

export const ZAttachmentFileName = z
  .string()
  .trim()
  .min(1, { message: 'attachment.name_required' })
  .max(200, { message: 'attachment.name_too_long' })
  // No path separators or control characters: the name is shown and used for downloads, never as a
  // path. Nor bidirectional overrides (U+202A–202E, U+2066–2069, U+200E/200F), which let
  // "invoice" + U+202E + "fdp.exe" display as "invoiceexe.pdf" (found by the hostile-input fuzz).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((s) => !/[\\/\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s) && s !== '.' && s !== '..', {
    message: 'attachment.name_invalid',
  });

export const ZUploadAttachmentInput = z.object({
  applicationId: z.uuid(),
  fileName: ZAttachmentFileName,
  declaredType: ZAttachmentType,
  /** Which of the call's required documents this file is (requiredDocuments[].code); checked against the programme. */
  documentCode: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, { message: 'attachment.document_unknown' })
    .optional(),
  /** Base64 of the file. The decoded size is checked against ATTACHMENT_MAX_BYTES. */
  contentBase64: z
    .string()
    .max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4, { message: 'attachment.too_large' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'attachment.not_base64' }),
});

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export type AttachmentCheck =
  | { ok: true }
  | { ok: false; code: 'attachment.too_large' | 'attachment.empty' | 'attachment.type_mismatch' | 'attachment.extension_mismatch' };

/**
 * A file is stored only when its bytes are what it claims to be: the detected type (from the
 * content, not the name) must equal the declared type, and the extension must fit that type.
 */
export function checkAttachment(input: {
  size: number;
  declaredType: TAttachmentType;
  detectedType: string | undefined;
  fileName: string;
}): AttachmentCheck {
  if (input.size === 0) return { ok: false, code: 'attachment.empty' };
  if (input.size > ATTACHMENT_MAX_BYTES) return { ok: false, code: 'attachment.too_large' };
  if (input.detectedType !== input.declaredType) return { ok: false, code: 'attachment.type_mismatch' };
  const extensions: readonly string[] = ATTACHMENT_TYPES[input.declaredType];
  if (!extensions.includes(extensionOf(input.fileName))) return { ok: false, code: 'attachment.extension_mismatch' };
  return { ok: true };
}

/**
 * Pages of a PDF, for the page limits (003 §6.4): the page objects counted in the file, or the
 * page tree's /Count when the pages sit in compressed object streams. Null when neither can be
 * read, so no warning is made up.
 */
export function countPdfPages(bytes: Uint8Array): number | null {
  const text = new TextDecoder('latin1').decode(bytes);
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pages > 0) return pages;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return counts.length > 0 ? Math.max(...counts) : null;
}
