import { z } from 'zod';
import { ZEmail } from './auth';
import { INVITATION_TOPIC, invitationMail } from './organisation';
import { formatJst } from './time';

/**
 * Mail to an address rather than to a user's in-app inbox: an invitation, the link that completes
 * a sign-up, and the note to an address that already has an account. Japanese first, English
 * below: the recipient may have no language setting yet (and sign-up must not reveal whether it has).
 */
export interface AddressedMail {
  to: string;
  subject: string;
  body: string;
}

/** A new organisation's first user chooses their name and password from this link. */
export const SIGN_UP_TOPIC = 'organisation.sign_up';
/** Someone tried to sign up with an address that has an account: the owner is told, nothing is made. */
export const SIGN_UP_EXISTING_ADDRESS_TOPIC = 'auth.sign_up_existing_address';

const ZSignUpPayload = z.object({ to: ZEmail, organisationName: z.string(), link: z.url(), expiresAt: z.iso.datetime() });
const ZExistingAddressPayload = z.object({ to: ZEmail, organisationName: z.string(), signInLink: z.url() });

export function signUpMail(payload: unknown): AddressedMail | null {
  const parsed = ZSignUpPayload.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const expires = formatJst(new Date(p.expiresAt));
  return {
    to: p.to,
    subject: `【Tsumiki】${p.organisationName}の登録を完了してください / Complete the registration of ${p.organisationName}`,
    body: [
      `Tsumiki（積み木）に「${p.organisationName}」の登録申込みを受け付けました。`,
      `次のリンクから氏名とパスワードを設定すると登録が完了し、ログインできます（1回限り、有効期限 ${expires}）。`,
      p.link,
      '心当たりがない場合は、このメールを破棄してください。登録は完了しません。',
      '',
      `We received a request to register ${p.organisationName} on Tsumiki. Open the link above to choose your name and password; that completes the registration and signs you in (single use, valid until ${expires}). If this was not you, ignore this e-mail.`,
    ].join('\n'),
  };
}

export function existingAddressMail(payload: unknown): AddressedMail | null {
  const parsed = ZExistingAddressPayload.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  return {
    to: p.to,
    subject: '【Tsumiki】このメールアドレスで新規登録が試みられました / Someone tried to sign up with this address',
    body: [
      `このメールアドレスで「${p.organisationName}」の新規登録が申し込まれましたが、このアドレスには既にアカウントがあります。新しいアカウントは作成していません。`,
      `ご本人の場合は、次のページから今のアカウントでログインしてください。パスワードが分からない場合は、所属組織の管理者または事務局にパスワードの再設定を依頼してください。`,
      p.signInLink,
      '心当たりがない場合は、このメールを破棄してください。アカウントは変更されていません。',
      '',
      `Someone asked to register ${p.organisationName} on Tsumiki with this address, which already has an account; no new account was made. If it was you, sign in at the page above; if you do not know your password, ask your organisation's administrator or the programme office to reset it. If it was not you, ignore this e-mail: your account has not changed.`,
    ].join('\n'),
  };
}

/** The mail for an addressed topic, or null when the topic is not one (or the payload is not its shape). */
export function addressedMail(topic: string, payload: unknown): AddressedMail | null {
  if (topic === INVITATION_TOPIC) return invitationMail(payload);
  if (topic === SIGN_UP_TOPIC) return signUpMail(payload);
  if (topic === SIGN_UP_EXISTING_ADDRESS_TOPIC) return existingAddressMail(payload);
  return null;
}
