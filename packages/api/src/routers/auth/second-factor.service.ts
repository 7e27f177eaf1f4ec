import {
  acceptTimeStep,
  appendAudit,
  consumePendingSignIn,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  findOpenPendingSignIn,
  findSecondFactor,
  insertPendingSignIn,
  insertSecondFactor,
  isUniqueViolation,
  markSignInAttemptSucceeded,
  settleSignInAttempt,
  type Executor,
} from '@tsumiki/db';
import {
  SECOND_FACTOR_PENDING_TTL_MS,
  type TSecondFactorEnrolRequest,
  type TSecondFactorStep,
  type TSecondFactorVerifyRequest,
} from '@tsumiki/domain';
import { hashSessionToken, newSessionToken } from '../../auth/session-token';
import { enrolmentMaterial, hashRecoveryCode, newRecoveryCodes, newTotpSecret, openSecret, sealSecret, totpTimeStep } from '../../auth/totp';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { reserveSignInAttempt, signedInView, startSession, type SignInUser } from './auth.service';

type PendingPurpose = Exclude<TSecondFactorStep, 'none'>;

function audit(ctx: Context, trx: Executor, userId: string, action: string, after?: Record<string, unknown>) {
  return appendAudit(trx, {
    actorUserId: userId,
    action,
    entityType: 'user',
    entityId: userId,
    ...(after ? { after } : {}),
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });
}

/**
 * The password was right and the account must prove a second factor: a pending sign-in (not a
 * session) that opens only the code or enrolment step, for a few minutes. The password's attempt
 * stops counting, but the address's earlier failures stay until the code is right too: knowing the
 * password must not reset the allowance for guessing codes.
 */
export async function beginSecondFactor(ctx: Context, input: { attemptId: number; user: SignInUser; step: PendingPurpose }) {
  const { user, step } = input;
  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(ctx.now().getTime() + SECOND_FACTOR_PENDING_TTL_MS);
  const secret = step === 'enrol' ? newTotpSecret() : null;
  await ctx.db.transaction().execute(async (trx) => {
    await markSignInAttemptSucceeded(trx, input.attemptId);
    await insertPendingSignIn(trx, {
      tokenHash,
      userId: user.id,
      purpose: step,
      totpSecretEncrypted: secret === null ? null : sealSecret(secret, ctx.secondFactor.key),
      expiresAt,
    });
    await audit(ctx, trx, user.id, 'auth.second_factor_requested', { step });
  });
  if (secret === null) return { status: 'second_factor' as const, pendingToken: token, expiresAt };
  return { status: 'enrolment' as const, pendingToken: token, expiresAt, enrolment: await enrolmentMaterial(secret, user.email) };
}

/** The open pending sign-in for this step, with one attempt of the address's allowance spent on it. */
async function openPending(ctx: Context, pendingToken: string, purpose: PendingPurpose) {
  const pending = await findOpenPendingSignIn(ctx.db, hashSessionToken(pendingToken), ctx.now());
  if (!pending || pending.purpose !== purpose || pending.disabledAt) throw appError('auth.second_factor_expired');
  const attemptId = await reserveSignInAttempt(ctx, pending.email);
  return { pending, attemptId };
}

/** The code step: the app's current code (each accepted once) or an unused recovery code. */
export async function verifySecondFactor(ctx: Context, input: TSecondFactorVerifyRequest) {
  const { pending, attemptId } = await openPending(ctx, input.pendingToken, 'verify');
  const now = ctx.now();
  const factor = await findSecondFactor(ctx.db, pending.userId);
  // Reset by the office while this sign-in waited: start again (and enrol).
  if (!factor) throw appError('auth.second_factor_expired');
  const timeStep =
    input.code.kind === 'totp'
      ? await totpTimeStep(openSecret(factor.totp_secret_encrypted, ctx.secondFactor.key), input.code.code, now, factor.last_time_step)
      : null;

  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const accepted =
      input.code.kind === 'totp'
        ? timeStep !== null && (await acceptTimeStep(trx, pending.userId, timeStep))
        : await consumeRecoveryCode(trx, pending.userId, hashRecoveryCode(input.code.code), now);
    if (!accepted) {
      await audit(ctx, trx, pending.userId, 'auth.second_factor_failed', { kind: input.code.kind });
      return 'invalid' as const;
    }
    if (!(await consumePendingSignIn(trx, pending.id, now))) return 'expired' as const;
    await settleSignInAttempt(trx, attemptId, pending.email);
    if (input.code.kind === 'recovery') {
      await audit(ctx, trx, pending.userId, 'auth.recovery_code_used', { remaining: await countUnusedRecoveryCodes(trx, pending.userId) });
    } else {
      await audit(ctx, trx, pending.userId, 'auth.second_factor_verified');
    }
    return startSession(ctx, trx, pending.userId, 'auth.sign_in');
  });
  if (outcome === 'invalid') throw appError('auth.invalid_code');
  if (outcome === 'expired') throw appError('auth.second_factor_expired');
  const view = await signedInView(ctx, userOf(pending), outcome);
  return { ...view, recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.db, pending.userId) };
}

/**
 * Enrolment confirmed by the app's first code: the factor is stored with fresh recovery codes
 * (returned once, only their hashes kept) and the user is signed in.
 */
export async function confirmEnrolment(ctx: Context, input: TSecondFactorEnrolRequest) {
  const { pending, attemptId } = await openPending(ctx, input.pendingToken, 'enrol');
  const now = ctx.now();
  const sealed = pending.totpSecretEncrypted;
  if (sealed === null) throw appError('auth.second_factor_expired');
  const timeStep = await totpTimeStep(openSecret(sealed, ctx.secondFactor.key), input.code, now, null);
  const recovery = newRecoveryCodes();

  const outcome = await ctx.db.transaction().execute(async (trx) => {
    if (timeStep === null) {
      await audit(ctx, trx, pending.userId, 'auth.second_factor_failed', { kind: 'enrolment' });
      return 'invalid' as const;
    }
    if (!(await consumePendingSignIn(trx, pending.id, now))) return 'expired' as const;
    await insertSecondFactor(trx, { userId: pending.userId, totpSecretEncrypted: sealed, timeStep, recoveryCodeHashes: recovery.hashes });
    await settleSignInAttempt(trx, attemptId, pending.email);
    await audit(ctx, trx, pending.userId, 'auth.second_factor_enrolled', { recoveryCodes: recovery.hashes.length });
    return startSession(ctx, trx, pending.userId, 'auth.sign_in');
  }).catch((error: unknown) => {
    // Enrolled meanwhile in another tab: this offer is void.
    if (isUniqueViolation(error)) return 'expired' as const;
    throw error;
  });
  if (outcome === 'invalid') throw appError('auth.invalid_code');
  if (outcome === 'expired') throw appError('auth.second_factor_expired');
  const view = await signedInView(ctx, userOf(pending), outcome);
  return { ...view, recoveryCodes: recovery.codes };
}

function userOf(pending: { userId: string; email: string; display_name: string; locale: 'ja' | 'en' }): SignInUser {
  return { id: pending.userId, email: pending.email, display_name: pending.display_name, locale: pending.locale };
}
