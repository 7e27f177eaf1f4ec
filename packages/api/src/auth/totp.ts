import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import {
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_RANDOM_BYTES,
  TOTP_ISSUER,
  TOTP_PERIOD_SECONDS,
  TOTP_TOLERANCE_SECONDS,
  recoveryCodeFromBytes,
  ZRecoveryCode,
  type TSecondFactorMode,
} from '@tsumiki/domain';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** How this deployment treats staff second factors, and the key their secrets are sealed with. */
export interface SecondFactorSettings {
  mode: TSecondFactorMode;
  /** 32 bytes (AES-256-GCM); from TSUMIKI_TOTP_KEY, never stored in the database. */
  key: Buffer;
}

/**
 * The key used when none is configured (development, tests, the demo). Public, so it protects
 * nothing: production refuses to start without TSUMIKI_TOTP_KEY (apps/api env.ts).
 */
export const DEVELOPMENT_TOTP_KEY = createHash('sha256').update('tsumiki development second-factor key; never for production').digest();

const SEALED_VERSION = 'v1';

/** Encrypts a TOTP secret for storage: a database dump without the key cannot compute codes. */
export function sealSecret(secret: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [SEALED_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The secret back, or an error when the key is not the one it was sealed with (or it was altered). */
export function openSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== SEALED_VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export const newTotpSecret = () => generateSecret();

/**
 * The 30-second step the code belongs to when it is right for `secret` at `now` (a step either
 * side allowed for clock drift) and later than `afterTimeStep`; null otherwise.
 */
export async function totpTimeStep(secret: string, code: string, now: Date, afterTimeStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // The functional API answers for HOTP too; a TOTP result carries its step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** What the enrolment page shows once: the QR code of the otpauth URI, and the secret for typing in. */
export async function enrolmentMaterial(secret: string, accountLabel: string) {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret, period: TOTP_PERIOD_SECONDS });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, uri, qrDataUrl };
}

/** Recovery codes are 50 random bits each: a plain SHA-256 suffices (a slow hash is for guessable passwords). */
export function hashRecoveryCode(canonical: string): string {
  return createHash('sha256').update(`tsumiki-recovery:${canonical}`).digest('hex');
}

/** Fresh recovery codes: what the user is shown once, and the hashes that are stored. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_RANDOM_BYTES)));
  return { codes, hashes: codes.map((code) => hashRecoveryCode(ZRecoveryCode.parse(code))) };
}
