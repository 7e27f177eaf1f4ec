import { z } from 'zod';
import { ZEmail, ZNewPassword } from './auth';
import { formatJst } from './time';

/**
 * Organisation sign-up and members. An applicant organisation registers itself with its
 * 法人番号 and its first user; members invite colleagues by e-mail with a single-use link.
 */

/**
 * 法人番号 check digit (国税庁「法人番号の指定等に関する省令」第2条): the first of the 13 digits is
 * 9 − (Σ Pn × Qn mod 9) over the 12-digit base, Pn the n-th digit from the right, Qn = 1 for odd
 * n and 2 for even n.
 */
export function corporateNumberCheckDigit(base12: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Whether a 13-digit string is a well-formed 法人番号 (format and check digit). */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^[1-9]\d{12}$/.test(value)) return false;
  return corporateNumberCheckDigit(value.slice(1)) === Number(value[0]);
}

/** Full-width digits, spaces and hyphens as people type them ("１２３４-…") become plain digits. */
const normaliseDigits = (s: string) =>
  s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\-‐－ー]/g, '');

export const ZCorporateNumber = z
  .string()
  .transform(normaliseDigits)
  .pipe(
    z
      .string()
      .regex(/^\d{13}$/, { message: 'organisation.corporate_number_format' })
      // Only a 13-digit number has a check digit to compare; the format issue above says the rest.
      .refine((v) => !/^\d{13}$/.test(v) || isValidCorporateNumber(v), { message: 'organisation.corporate_number_check_digit' }),
  );

const text = (max: number, required: string, tooLong: string) =>
  z.string().trim().min(1, { message: required }).max(max, { message: tooLong });

export const ZDisplayName = text(100, 'user.display_name_required', 'user.display_name_too_long');

export const ZOrganisationSignUpInput = z.object({
  organisation: z.object({
    name: text(200, 'organisation.name_required', 'organisation.name_too_long'),
    corporateNumber: ZCorporateNumber,
    address: text(300, 'organisation.address_required', 'organisation.address_too_long'),
    representative: text(100, 'organisation.representative_required', 'organisation.representative_too_long'),
  }),
  // Name and password are chosen from the e-mailed link: the answer to sign-up is the same whether
  // or not the address has an account, so nothing here may sign anyone in.
  user: z.object({ email: ZEmail }),
});
export type TOrganisationSignUpInput = z.infer<typeof ZOrganisationSignUpInput>;

export const ZInviteMemberInput = z.object({ organisationId: z.uuid(), email: ZEmail });
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

/** The token in an invitation link: 32 random bytes, base64url. */
export const ZInvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'invitation.not_found' });

export const ZAcceptInvitationInput = z.object({ token: ZInvitationToken, displayName: ZDisplayName, password: ZNewPassword });
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

/** An invitation link is valid for a week and only once. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Sign-ups from one client within the sign-in back-off window before it is told to wait. */
export const SIGN_UP_MAX_PER_CLIENT = 10;

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** The outbox topic of an invitation e-mail (addressed to someone without an account yet). */
export const INVITATION_TOPIC = 'organisation.invitation';

const ZInvitationPayload = z.object({
  to: ZEmail,
  organisationName: z.string(),
  invitedBy: z.string(),
  link: z.url(),
  expiresAt: z.iso.datetime(),
});

/**
 * The invitation e-mail: Japanese first, English below (the invitee has no language setting yet),
 * with the single-use link and its expiry in JST. Null when the payload is not an invitation.
 */
export function invitationMail(payload: unknown): { to: string; subject: string; body: string } | null {
  const parsed = ZInvitationPayload.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const expires = formatJst(new Date(p.expiresAt));
  return {
    to: p.to,
    subject: `【Tsumiki】${p.organisationName}への招待 / Invitation to ${p.organisationName}`,
    body: [
      `${p.invitedBy}さんから、Tsumiki（積み木）の「${p.organisationName}」への招待が届きました。`,
      `次のリンクから氏名とパスワードを設定して参加してください（1回限り、有効期限 ${expires}）。`,
      p.link,
      '心当たりがない場合は、このメールを破棄してください。',
      '',
      `${p.invitedBy} invites you to join ${p.organisationName} on Tsumiki. Open the link above to choose your name and password (single use, valid until ${expires}).`,
    ].join('\n'),
  };
}
