import { describe, expect, it } from 'vitest';
import {
  corporateNumberCheckDigit,
  invitationMail,
  invitationState,
  isValidCorporateNumber,
  ZAcceptInvitationInput,
  ZCorporateNumber,
  ZOrganisationSignUpInput,
} from './organisation';
import { errorMessage } from './errors';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('法人番号', () => {
  it('accepts published numbers (国税庁 7000012050002, トヨタ自動車 1180301018771)', () => {
    expect(isValidCorporateNumber('7000012050002')).toBe(true);
    expect(isValidCorporateNumber('1180301018771')).toBe(true);
    expect(corporateNumberCheckDigit('000012050002')).toBe(7);
  });

  it('refuses a changed digit or a swapped pair, which the check digit exists to catch', () => {
    expect(isValidCorporateNumber('7000012050003')).toBe(false);
    expect(isValidCorporateNumber('1180301017871')).toBe(false);
    expect(isValidCorporateNumber('118030101877')).toBe(false);
  });

  it('takes full-width digits and hyphens as typed, and says which rule failed', () => {
    expect(ZCorporateNumber.parse('７０００-０１２０-５０００２')).toBe('7000012050002');
    expect(messages(ZCorporateNumber.safeParse('12345'))).toEqual(['organisation.corporate_number_format']);
    expect(messages(ZCorporateNumber.safeParse('7000012050003'))).toEqual(['organisation.corporate_number_check_digit']);
    expect(errorMessage('organisation.corporate_number_check_digit', 'ja')).toContain('チェック用数字');
  });
});

describe('sign-up and invitation input', () => {
  const valid = {
    organisation: { name: '積み木建設株式会社', corporateNumber: '7000012050002', address: '東京都千代田区1-1', representative: '代表取締役 山田太郎' },
    user: { email: 'Hanako@Example.JP' },
  };
  it('accepts a complete form and normalises the e-mail', () => {
    expect(ZOrganisationSignUpInput.parse(valid).user.email).toBe('hanako@example.jp');
  });
  it('names every missing or bad field', () => {
    const r = ZOrganisationSignUpInput.safeParse({
      organisation: { name: ' ', corporateNumber: 'abc', address: '', representative: '' },
      user: { email: 'x' },
    });
    expect(messages(r).sort()).toEqual(
      [
        'organisation.name_required',
        'organisation.corporate_number_format',
        'organisation.address_required',
        'organisation.representative_required',
        'auth.email_invalid',
      ].sort(),
    );
  });
  it('refuses a malformed token as "not found"', () => {
    expect(messages(ZAcceptInvitationInput.safeParse({ token: 'x', displayName: 'a', password: 'correct horse battery' }))).toEqual(['invitation.not_found']);
  });
});

describe('invitationState', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date('2026-12-07T00:00:00Z') };
  it('is pending until it expires, then expired; used or withdrawn links stay so', () => {
    expect(invitationState(base, now)).toBe('pending');
    expect(invitationState(base, new Date('2026-12-07T00:00:00Z'))).toBe('expired');
    expect(invitationState({ ...base, acceptedAt: now }, now)).toBe('accepted');
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe('revoked');
  });
});

describe('invitationMail', () => {
  it('writes the single-use link with its expiry in JST, Japanese first', () => {
    const mail = invitationMail({
      to: 'jiro@example.jp',
      organisationName: '積み木木材株式会社',
      invitedBy: '木村 花子',
      link: 'https://portal.example.jp/invitations/abc',
      expiresAt: '2026-12-07T01:00:00.000Z',
    });
    expect(mail?.to).toBe('jiro@example.jp');
    expect(mail?.subject).toBe('【Tsumiki】積み木木材株式会社への招待 / Invitation to 積み木木材株式会社');
    expect(mail?.body.split('\n').slice(0, 3)).toEqual([
      '木村 花子さんから、Tsumiki（積み木）の「積み木木材株式会社」への招待が届きました。',
      '次のリンクから氏名とパスワードを設定して参加してください（1回限り、有効期限 2026-12-07 10:00 JST）。',
      'https://portal.example.jp/invitations/abc',
    ]);
    expect(invitationMail({ to: 'x' })).toBeNull();
  });
});
