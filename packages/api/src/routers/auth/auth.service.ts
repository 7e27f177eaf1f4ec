import {
  appendAudit,
  countRecentSignInFailures,
  findSecondFactor,
  findUserByEmail,
  insertSession,
  listMembershipsOfUser,
  insertMembership,
  insertUser,
  lockSignInAccounting,
  recordSignInAttempt,
  settleSignInAttempt,
  type Executor,
} from '@tsumiki/db';
import {
  SESSION_TTL_MS,
  SIGN_IN_FAILURE_WINDOW_MS,
  SIGN_IN_MAX_FAILURES_PER_CLIENT,
  SIGN_IN_MAX_FAILURES_PER_EMAIL,
  secondFactorStep,
  type TSignInInput,
} from '@tsumiki/domain';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../auth/password';
import { newSessionToken } from '../../auth/session-token';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { beginSecondFactor } from './second-factor.service';

/** The user fields a sign-in answers with. */
export interface SignInUser {
  id: string;
  email: string;
  display_name: string;
  locale: 'ja' | 'en';
}

export function minutesUntil(oldest: Date | null, now: Date): number {
  if (!oldest) return Math.ceil(SIGN_IN_FAILURE_WINDOW_MS / 60_000);
  return Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_FAILURE_WINDOW_MS - now.getTime()) / 60_000));
}

/**
 * Spends one attempt of the address's and the client's allowance, or refuses when it is spent. The
 * attempt is written as a failure before any secret is checked, under a lock, so parallel requests
 * each see the ones before them: at most the allowance is ever checked, however they arrive.
 */
export async function reserveSignInAttempt(ctx: Context, email: string): Promise<number> {
  const now = ctx.now();
  const clientKey = ctx.request.ip ?? 'unknown';
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    await lockSignInAccounting(trx, { email, clientKey });
    const failures = await countRecentSignInFailures(trx, { email, clientKey, since: new Date(now.getTime() - SIGN_IN_FAILURE_WINDOW_MS) });
    if (failures.byEmail >= SIGN_IN_MAX_FAILURES_PER_EMAIL) return { refusedFor: minutesUntil(failures.oldestByEmail, now) };
    if (failures.byClient >= SIGN_IN_MAX_FAILURES_PER_CLIENT) return { refusedFor: minutesUntil(failures.oldestByClient, now) };
    return { attemptId: await recordSignInAttempt(trx, { email, clientKey, succeeded: false }) };
  });
  if (outcome.refusedFor !== undefined) throw appError('auth.rate_limited', { minutes: outcome.refusedFor });
  return outcome.attemptId;
}

export async function signIn(ctx: Context, input: TSignInInput) {
  const attemptId = await reserveSignInAttempt(ctx, input.email);
  const user = await findUserByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !passwordOk || user.disabled_at) throw appError('auth.invalid_credentials');

  const roles = (await listMembershipsOfUser(ctx.db, user.id)).map((m) => m.role);
  const enrolled = (await findSecondFactor(ctx.db, user.id)) !== undefined;
  const step = secondFactorStep({ mode: ctx.secondFactor.mode, roles, enrolled });
  if (step !== 'none') return beginSecondFactor(ctx, { attemptId, user, step });

  const session = await ctx.db.transaction().execute(async (trx) => {
    await settleSignInAttempt(trx, attemptId, input.email);
    return startSession(ctx, trx, user.id, 'auth.sign_in');
  });
  return signedInView(ctx, user, session);
}

export interface StartedSession {
  token: string;
  expiresAt: Date;
}

/**
 * A new session for `userId`, audited as `action`, in the caller's transaction; the cookie is
 * written by `signedInView` once the transaction has committed.
 */
export async function startSession(ctx: Context, trx: Executor, userId: string, action: string): Promise<StartedSession> {
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(ctx.now().getTime() + SESSION_TTL_MS);
  await insertSession(trx, { tokenHash, userId, expiresAt, userAgent: ctx.request.userAgent, ip: ctx.request.ip });
  await appendAudit(trx, {
    actorUserId: userId,
    action,
    entityType: 'user',
    entityId: userId,
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });
  return { token, expiresAt };
}

/** Writes the cookie of the session just started and returns what `auth.me` returns. */
export async function signedInView(ctx: Context, user: SignInUser, session: StartedSession) {  // A fresh token on every sign-in: a token planted before sign-in is never promoted (fixation).
  ctx.cookies.write(session.token, session.expiresAt);
  const memberships = await listMembershipsOfUser(ctx.db, user.id);
  return {
    status: 'signed_in' as const,
    user: { id: user.id, email: user.email, displayName: user.display_name, locale: user.locale },
    memberships,
    expiresAt: session.expiresAt,
  };
}

/**
 * A new applicant account in an organisation (sign-up, accepted invitation): the user, the
 * membership, the audit entry `action` with `after`, and the first session, in the caller's
 * transaction.
 */
export async function enrolApplicant(
  ctx: Context,
  trx: Executor,
  input: { organisationId: string; email: string; displayName: string; passwordHash: string; action: string; after: Record<string, unknown> },
) {
  const user = await insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash: input.passwordHash, locale: ctx.locale });
  await insertMembership(trx, { userId: user.id, organisationId: input.organisationId, role: 'applicant' });
  await appendAudit(trx, {
    actorUserId: user.id,
    action: input.action,
    entityType: 'organisation',
    entityId: input.organisationId,
    after: { ...input.after, userId: user.id, email: user.email },
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });
  return { user, session: await startSession(ctx, trx, user.id, 'auth.sign_in') };
}
