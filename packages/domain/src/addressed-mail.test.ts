import { describe, expect, it } from 'vitest';
import { addressedMail, SIGN_UP_EXISTING_ADDRESS_TOPIC, SIGN_UP_TOPIC } from './addressed-mail';

describe('addressedMail', () => {
  it('gives the sign-up link with its expiry in JST, Japanese first', () => {
    const mail = addressedMail(SIGN_UP_TOPIC, {
      to: 'hanako@example.jp',
      organisationName: '積み木木材株式会社',
      link: 'http://localhost:5173/invitations/abc',
      expiresAt: '2026-12-11T03:00:00.000Z',
    });
    expect(mail?.to).toBe('hanako@example.jp');
    expect(mail?.subject).toMatch(/^【Tsumiki】積み木木材株式会社の登録を完了してください/);
    expect(mail?.body).toContain('http://localhost:5173/invitations/abc');
    expect(mail?.body).toContain('2026-12-11 12:00 JST');
  });

  it('tells an address that has an account where to sign in, and that nothing was made', () => {
    const mail = addressedMail(SIGN_UP_EXISTING_ADDRESS_TOPIC, { to: 'owner@example.jp', organisationName: '某社', signInLink: 'http://localhost:5173/' });
    expect(mail?.body).toContain('既にアカウントがあります');
    expect(mail?.body).toContain('http://localhost:5173/');
    expect(mail?.body).toContain('パスワードの再設定');
  });

  it('is null for other topics and for payloads of the wrong shape', () => {
    expect(addressedMail('application.returned', { to: 'a@example.jp' })).toBeNull();
    expect(addressedMail(SIGN_UP_TOPIC, { to: 'not an address' })).toBeNull();
  });
});
