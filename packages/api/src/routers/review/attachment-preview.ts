import { TRPCError } from '@trpc/server';
import { findAttachmentForPreview } from '@tsumiki/db';
import { errorMessage, isErrorCode, type ErrorCode } from '@tsumiki/domain';
import { z } from 'zod';
import { createContext, type ApiDependencies, type CookieJar, type RequestInfo } from '../../context';
import { applicationForCaller, officeIdsOf } from './review.access';

/** What the browser can show inline: PDF in a frame, PNG and JPEG as images. Judged by the sniffed type, never the declared one. */
export const PREVIEW_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/**
 * The preview's own policy: nothing runs, nothing loads, and only pages of the same origin (the
 * console that serves it) may frame it.
 */
export const PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export interface PreviewResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 does not allow them unencoded.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const refusal = (status: number, code: ErrorCode, locale: 'ja' | 'en', params: Record<string, string | number> = {}): PreviewResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: errorMessage(code, locale, params),
});

/**
 * An attachment for the console's preview. The same access as review.open: staff of the
 * programme's office, or an assigned, declared, unconflicted committee member; a conflicted
 * member, an applicant or a stranger gets nothing but the refusal.
 */
export async function attachmentPreview(deps: ApiDependencies, request: RequestInfo, cookies: CookieJar, attachmentId: string): Promise<PreviewResponse> {
  const ctx = await createContext(deps, request, cookies);
  if (ctx.auth.state !== 'signed-in') return refusal(401, 'auth.unauthenticated', ctx.locale);
  if (officeIdsOf(ctx.auth).length === 0) return refusal(403, 'auth.forbidden_role', ctx.locale, { roles: 'reviewer, committee, programme_admin' });
  const id = z.uuid().safeParse(attachmentId);
  const attachment = id.success ? await findAttachmentForPreview(ctx.db, id.data) : undefined;
  if (!attachment) return refusal(404, 'review.application_not_found', ctx.locale);
  try {
    await applicationForCaller(ctx.db, ctx.auth, attachment.application_id);
  } catch (error) {
    const cause = error instanceof TRPCError ? (error.cause as { code?: string; params?: Record<string, string | number> } | undefined) : undefined;
    if (!cause?.code || !isErrorCode(cause.code)) throw error;
    return refusal(error instanceof TRPCError && error.code === 'NOT_FOUND' ? 404 : 403, cause.code, ctx.locale, cause.params ?? {});
  }
  const type = (PREVIEW_TYPES as readonly string[]).includes(attachment.detected_type) ? attachment.detected_type : null;
  if (!type) return refusal(415, 'attachment.preview_not_supported', ctx.locale, { type: attachment.detected_type });
  let bytes: Uint8Array;
  try {
    bytes = await ctx.attachments.get(attachment);
  } catch (error) {
    deps.log.error({ err: error, attachmentId: attachment.id }, 'attachment bytes unreadable');
    return refusal(503, 'attachment.storage_unavailable', ctx.locale);
  }
  return {
    status: 200,
    headers: {
      'content-type': type,
      'content-disposition': inlineDisposition(attachment.file_name),
      'content-length': String(bytes.byteLength),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': PREVIEW_CSP,
      'x-frame-options': 'SAMEORIGIN',
    },
    body: Buffer.from(bytes),
  };
}
