import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { DomainError, type ErrorCode } from '@tsumiki/domain';

const REVIEW_FORBIDDEN: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'workflow.role_not_allowed',
  'workflow.not_own_application',
  'conflict.conflicted',
  'conflict.member_applied_to_programme',
  'conflict.declaration_required',
]);

/** How each kind of refusal travels over HTTP. */
function trpcCodeFor(code: ErrorCode): TRPC_ERROR_CODE_KEY {
  if (
    code === 'auth.invalid_credentials' ||
    code === 'auth.unauthenticated' ||
    code === 'auth.session_expired' ||
    code === 'auth.invalid_code' ||
    code === 'auth.second_factor_expired'
  ) {
    return 'UNAUTHORIZED';
  }
  if (code === 'auth.forbidden_role' || code === 'auth.cross_site' || code === 'round.not_owning_office' || code === 'programmes.not_owner') return 'FORBIDDEN';
  // Review: a role or a conflict of interest that keeps the caller out.
  if (REVIEW_FORBIDDEN.has(code)) return 'FORBIDDEN';
  if (code === 'auth.rate_limited' || code === 'organisation.sign_up_rate_limited' || code === 'sheet.busy') return 'TOO_MANY_REQUESTS';
  if (code.endsWith('not_found')) return 'NOT_FOUND';
  if (code.endsWith('version_conflict') || code.endsWith('_taken')) return 'CONFLICT';
  if (code === 'attachment.too_large' || code === 'request.too_large') return 'PAYLOAD_TOO_LARGE';
  if (code === 'service.unavailable' || code === 'attachment.storage_full' || code === 'attachment.storage_unavailable') return 'SERVICE_UNAVAILABLE';
  if (code === 'internal.error') return 'INTERNAL_SERVER_ERROR';
  if (code === 'application.not_editable' || code === 'programme.window_closed' || code === 'round.not_accepting') return 'PRECONDITION_FAILED';
  return 'BAD_REQUEST';
}

/** A refusal the user can act on: a coded, translated message, never a stack trace. */
export function appError(code: ErrorCode, params: Record<string, string | number> = {}): TRPCError {
  const cause = new DomainError(code, params);
  return new TRPCError({ code: trpcCodeFor(code), message: cause.message, cause });
}

export function toAppError(error: DomainError): TRPCError {
  return appError(error.code, error.params);
}
