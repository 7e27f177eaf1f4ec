import {
  appendAudit,
  clearSignInFailures,
  countRecentSignInFailures,
  findUserByEmail,
  insertSession,
  listMembershipsOfUser,
  recordSignInAttempt,
} from '@tsumiki/db';
import {
  SESSION_TTL_MS,
  SIGN_IN_FAILURE_WINDOW_MS,
  SIGN_IN_MAX_FAILURES_PER_CLIENT,
  SIGN_IN_MAX_FAILURES_PER_EMAIL,
  type TSignInInput,
} from '@tsumiki/domain';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../auth/password';
import { newSessionToken } from '../../auth/session-token';
import type { Context } from '../../context';
import { appError } from '../../errors';

function minutesUntil(oldest: Date | null, now: Date): number {
  if (!oldest) return Math.ceil(SIGN_IN_FAILURE_WINDOW_MS / 60_000);
  return Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_FAILURE_WINDOW_MS - now.getTime()) / 60_000));
}

export async function signIn(ctx: Context, input: TSignInInput) {
  const now = ctx.now();
  const clientKey = ctx.request.ip ?? 'unknown';
  const failures = await countRecentSignInFailures(ctx.db, {
    email: input.email,
    clientKey,
    since: new Date(now.getTime() - SIGN_IN_FAILURE_WINDOW_MS),
  });
  if (failures.byEmail >= SIGN_IN_MAX_FAILURES_PER_EMAIL) {
    throw appError('auth.rate_limited', { minutes: minutesUntil(failures.oldestByEmail, now) });
  }
  if (failures.byClient >= SIGN_IN_MAX_FAILURES_PER_CLIENT) {
    throw appError('auth.rate_limited', { minutes: minutesUntil(failures.oldestByClient, now) });
  }

  const user = await findUserByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !passwordOk || user.disabled_at) {
    await recordSignInAttempt(ctx.db, { email: input.email, clientKey, succeeded: false });
    throw appError('auth.invalid_credentials');
  }

  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await ctx.db.transaction().execute(async (trx) => {
    await insertSession(trx, {
      tokenHash,
      userId: user.id,
      expiresAt,
      userAgent: ctx.request.userAgent,
      ip: ctx.request.ip,
    });
    await recordSignInAttempt(trx, { email: input.email, clientKey, succeeded: true });
    await clearSignInFailures(trx, input.email);
    await appendAudit(trx, {
      actorUserId: user.id,
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
  });
  // A fresh token on every sign-in: a token planted before sign-in is never promoted (fixation).
  ctx.cookies.write(token, expiresAt);
  const memberships = await listMembershipsOfUser(ctx.db, user.id);
  return {
    user: { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale },
    memberships,
    expiresAt,
  };
}
