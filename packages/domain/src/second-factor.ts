import { z } from 'zod';
import type { TRole } from './roles';

/**
 * Staff see other organisations' proposals, scores and statistics: their accounts are worth more to
 * an attacker than an applicant's, so they prove a second factor (an authenticator app's TOTP code)
 * on top of the password. Applicants and associations see only their own organisation's work.
 */
export const SECOND_FACTOR_ROLES = ['reviewer', 'committee', 'programme_admin', 'ministry'] as const satisfies readonly TRole[];

export function requiresSecondFactor(roles: readonly TRole[]): boolean {
  return roles.some((role) => (SECOND_FACTOR_ROLES as readonly TRole[]).includes(role));
}

/**
 * How the deployment treats staff second factors: `required` (production's default: staff without
 * one enrol at their next sign-in), `optional` (staff who enrolled give their code; the others sign
 * in with the password alone) or `off` (passwords only, for a deployment behind its own SSO).
 */
export const SECOND_FACTOR_MODES = ['required', 'optional', 'off'] as const;
export const ZSecondFactorMode = z.enum(SECOND_FACTOR_MODES);
export type TSecondFactorMode = z.infer<typeof ZSecondFactorMode>;

/** What a correct password leads to: a session now, a code first, or enrolment first. */
export type TSecondFactorStep = 'none' | 'verify' | 'enrol';

export function secondFactorStep(input: { mode: TSecondFactorMode; roles: readonly TRole[]; enrolled: boolean }): TSecondFactorStep {
  if (input.mode === 'off' || !requiresSecondFactor(input.roles)) return 'none';
  if (input.enrolled) return 'verify';
  return input.mode === 'required' ? 'enrol' : 'none';
}

/** Between the password and the code: long enough to open an app (or install one and enrol), short enough to be useless if stolen. */
export const SECOND_FACTOR_PENDING_TTL_MS = 10 * 60 * 1000;
/** Codes of the previous and next 30-second step are accepted too: phones' clocks drift. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_TOLERANCE_SECONDS = 30;
export const TOTP_ISSUER = 'Tsumiki';

/** A six-digit TOTP code; spaces people copy along ("123 456") are dropped. */
export const ZTotpCode = z
  .string()
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, { message: 'auth.code_format' }));

/**
 * Recovery codes: ten per enrolment, each usable once, for a lost phone. Ten characters of
 * Crockford's base32 (no I, L, O, U: nothing to misread) make 50 bits, far beyond what the sign-in
 * limit lets anyone guess, and short enough to type from paper. Shown as XXXXX-XXXXX.
 */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_CODE_CHARACTERS = 10;
/** Bytes of randomness one code is made from (one byte per character, 5 bits of each used). */
export const RECOVERY_CODE_RANDOM_BYTES = RECOVERY_CODE_CHARACTERS;

/** A code from random bytes (the caller draws them from a secure source), formatted for reading. */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_CODE_RANDOM_BYTES) throw new RangeError(`a recovery code takes ${RECOVERY_CODE_RANDOM_BYTES} bytes`);
  const characters = Array.from(bytes, (byte) => RECOVERY_CODE_ALPHABET[byte & 31]);
  return `${characters.slice(0, 5).join('')}-${characters.slice(5).join('')}`;
}

/**
 * A typed recovery code in its one canonical form (what is hashed): upper case, without the hyphen
 * and spaces, with the letters people confuse with digits read as those digits (Crockford).
 */
export const ZRecoveryCode = z
  .string()
  .transform((value) =>
    value
      .toUpperCase()
      .replace(/[\s-]+/g, '')
      .replace(/[IL]/g, '1')
      .replace(/O/g, '0'),
  )
  .pipe(z.string().regex(new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_CHARACTERS}}$`), { message: 'auth.code_format' }));

/** What the code step accepts: the app's six digits, or one of the recovery codes. */
export const ZSecondFactorCode = z
  .string()
  .trim()
  .min(1, { message: 'auth.code_required' })
  .max(40, { message: 'auth.code_format' })
  .transform((value, ctx): { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } => {
    const totp = ZTotpCode.safeParse(value);
    if (totp.success) return { kind: 'totp', code: totp.data };
    const recovery = ZRecoveryCode.safeParse(value);
    if (recovery.success) return { kind: 'recovery', code: recovery.data };
    ctx.addIssue({ code: 'custom', message: 'auth.code_format' });
    return z.NEVER;
  });
export type TSecondFactorCode = z.output<typeof ZSecondFactorCode>;

/** The pending sign-in's token: what the password step handed back, as it handed it. */
const ZPendingToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'auth.second_factor_expired' });

export const ZSecondFactorVerifyInput = z.object({ pendingToken: ZPendingToken, code: ZSecondFactorCode });
export type TSecondFactorVerifyInput = z.input<typeof ZSecondFactorVerifyInput>;
/** As the API reads it: the code told apart as TOTP or recovery. */
export type TSecondFactorVerifyRequest = z.output<typeof ZSecondFactorVerifyInput>;

/** Enrolment is confirmed with the app's first code (never a recovery code: there are none yet). */
export const ZSecondFactorEnrolInput = z.object({
  pendingToken: ZPendingToken,
  code: z.string().trim().min(1, { message: 'auth.code_required' }).pipe(ZTotpCode),
});
export type TSecondFactorEnrolInput = z.input<typeof ZSecondFactorEnrolInput>;
export type TSecondFactorEnrolRequest = z.output<typeof ZSecondFactorEnrolInput>;
