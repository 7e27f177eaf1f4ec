import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type TAttachmentType } from '@tsumiki/domain';

/** A file produced by the API (exports): base64 inside the tRPC response. */
export interface DownloadableFile {
  filename: string;
  mimeType: string;
  base64: string;
}

/**
 * The quick check of a chosen file before it is sent (the API checks the bytes again): the
 * catalogue code of the problem, or null. Shared by every upload control.
 */
export function chosenFileProblem(file: Pick<File, 'size' | 'type'>): 'attachment.too_large' | 'attachment.type_not_allowed' | null {
  if (file.size > ATTACHMENT_MAX_BYTES) return 'attachment.too_large';
  return isAttachmentType(file.type) ? null : 'attachment.type_not_allowed';
}

export const isAttachmentType = (type: string): type is TAttachmentType => Object.hasOwn(ATTACHMENT_TYPES, type);

/** Reads a chosen file as base64 without a data-URL prefix, for JSON transport. */
export async function readFileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode under the engines' argument limits for multi-megabyte files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Saves a file the API produced, as the browser's own download. */
export function saveFile(file: DownloadableFile) {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
