import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthGate } from './auth-gate';
import { fakeApi, renderWithTsumiki, sessionOf } from './testing';

const Home = () => <p data-testid="home">home</p>;
const PENDING = 'p'.repeat(43);

async function signInWithPassword(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText(/メールアドレス/), 'reviewer@demo.tsumiki.jp');
  await user.type(screen.getByLabelText(/パスワード/), 'tsumiki-demo-2026');
  await user.click(screen.getByRole('button', { name: 'ログイン' }));
}

describe('second factor in sign-in', () => {
  it('asks enrolled staff for the code after the password, names a malformed code, and signs in with a good one', async () => {
    let signedIn = false;
    const api = fakeApi({
      'auth.me': () => ({ data: signedIn ? sessionOf('reviewer') : null }),
      'auth.signIn': { data: { status: 'second_factor', pendingToken: PENDING, expiresAt: new Date() } },
      'auth.verifySecondFactor': () => {
        signedIn = true;
        return { data: { status: 'signed_in', recoveryCodesLeft: 10 } };
      },
    });
    const user = userEvent.setup();
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api, app: 'console' });
    await signInWithPassword(user);

    const code = await screen.findByLabelText(/確認コード/);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    await user.type(code, '12');
    // Named once the field is left, before any submit, and the typed text stays.
    await user.tab();
    expect(await screen.findByText(/6桁の数字か、回復コード/)).toBeTruthy();
    expect((code as HTMLInputElement).value).toBe('12');
    await user.click(screen.getByRole('button', { name: '確認してログイン' }));
    expect(api.calls.some((c) => c.path === 'auth.verifySecondFactor')).toBe(false);

    await user.clear(code);
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: '確認してログイン' }));
    expect(await screen.findByTestId('home')).toBeTruthy();
    expect(api.calls.find((c) => c.path === 'auth.verifySecondFactor')?.input).toEqual({ pendingToken: PENDING, code: '123456' });
  });

  it('offers a way back to the password when the pending sign-in has expired', async () => {
    const api = fakeApi({
      'auth.me': { data: null },
      'auth.signIn': { data: { status: 'second_factor', pendingToken: PENDING, expiresAt: new Date() } },
      'auth.verifySecondFactor': { error: { appCode: 'auth.second_factor_expired', httpStatus: 401 } },
    });
    const user = userEvent.setup();
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api, app: 'console' });
    await signInWithPassword(user);
    await user.type(await screen.findByLabelText(/確認コード/), '123456');
    await user.click(screen.getByRole('button', { name: '確認してログイン' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/有効期限が切れました/);
    await user.click(screen.getByRole('button', { name: '最初からログインし直す' }));
    expect(await screen.findByLabelText(/パスワード/)).toBeTruthy();
  });

  it('enrols: QR code with alt text and the key, confirm with a code, then the recovery codes stay until kept', async () => {
    let signedIn = false;
    const codes = ['ABCDE-12345', 'FGHJK-67890'];
    const api = fakeApi({
      'auth.me': () => ({ data: signedIn ? sessionOf('reviewer') : null }),
      'auth.signIn': {
        data: {
          status: 'enrolment',
          pendingToken: PENDING,
          expiresAt: new Date(),
          enrolment: { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrDataUrl: 'data:image/png;base64,AAAA' },
        },
      },
      'auth.confirmSecondFactorEnrolment': () => {
        signedIn = true;
        return { data: { status: 'signed_in', recoveryCodes: codes } };
      },
    });
    const user = userEvent.setup();
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api, app: 'console' });
    await signInWithPassword(user);

    expect((await screen.findByRole('img', { name: /QRコード/ })).getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(screen.getByTestId('second-factor-secret').textContent).toBe('JBSWY3DPEHPK3PXP');
    await user.type(screen.getByLabelText(/6桁のコード/), '654321');
    await user.click(screen.getByRole('button', { name: '確認して設定を完了' }));

    const list = await screen.findByRole('list', { name: '回復コード' });
    expect(list.textContent).toContain('ABCDE-12345');
    expect(screen.getByRole('button', { name: 'テキストファイルで保存' })).toBeTruthy();
    // Signed in by now, but the codes stay on screen until the user says they kept them.
    await waitFor(() => expect(api.calls.filter((c) => c.path === 'auth.me').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('home')).toBeNull();
    await user.click(screen.getByRole('button', { name: '保管したので続ける' }));
    expect(await screen.findByTestId('home')).toBeTruthy();
  });
});
