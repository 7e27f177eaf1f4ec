import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthGate } from './auth-gate';
import { fakeApi, renderWithTsumiki, sessionOf } from './testing';

const Home = () => <p data-testid="home">home</p>;

describe('AuthGate and sign-in', () => {
  it('shows sign-in when signed out, validates as you type in Japanese, and signs in', async () => {
    let signedIn = false;
    const api = fakeApi({
      'auth.me': () => ({ data: signedIn ? sessionOf('applicant') : null }),
      'auth.signIn': () => {
        signedIn = true;
        return { data: { status: 'signed_in' } };
      },
    });
    const user = userEvent.setup();
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api });

    const email = await screen.findByLabelText(/メールアドレス/);
    await user.type(email, 'not-an-address');
    await user.tab();
    expect(await screen.findByText(/メールアドレスの形式が正しくありません/)).toBeTruthy();
    // Fixing the field clears the message while typing, before the next blur.
    await user.clear(email);
    await user.type(email, 'applicant@demo.tsumiki.jp');
    await waitFor(() => expect(screen.queryByText(/メールアドレスの形式が正しくありません/)).toBeNull());

    // Submitting without a password is refused here, without calling the API.
    await user.click(screen.getByRole('button', { name: 'ログイン' }));
    expect(await screen.findByText('パスワードを入力してください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'auth.signIn')).toBe(false);

    await user.type(screen.getByLabelText(/パスワード/), 'tsumiki-demo-2026');
    await user.click(screen.getByRole('button', { name: 'ログイン' }));
    expect(await screen.findByTestId('home')).toBeTruthy();
    expect(api.calls.find((c) => c.path === 'auth.signIn')?.input).toEqual({
      email: 'applicant@demo.tsumiki.jp',
      password: 'tsumiki-demo-2026',
    });
  });

  it('shows the API refusal in the user’s language and keeps what was typed', async () => {
    const api = fakeApi({
      'auth.me': { data: null },
      'auth.signIn': { error: { appCode: 'auth.rate_limited', httpStatus: 429, appParams: { minutes: 12 } } },
    });
    const user = userEvent.setup();
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api, locale: 'en' });
    await user.type(await screen.findByLabelText(/E-mail address/), 'applicant@demo.tsumiki.jp');
    await user.type(screen.getByLabelText(/Password/), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/12 minutes/);
    expect(screen.getByLabelText<HTMLInputElement>(/E-mail address/).value).toBe('applicant@demo.tsumiki.jp');
    expect(screen.queryByTestId('home')).toBeNull();
  });

  it('tells a user whose roles belong elsewhere which app to use', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') } });
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api, app: 'console' });
    const page = await screen.findByTestId('wrong-app');
    expect(page.textContent).toContain('審査コンソール');
    expect(page.textContent).toContain('申請者ポータルをご利用ください');
    expect(screen.queryByTestId('home')).toBeNull();
  });

  it('shows a retryable error when the API is down, not a blank page', async () => {
    const api = fakeApi({ 'auth.me': { error: { appCode: 'service.unavailable', httpStatus: 503 } } });
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('しばらくしてから');
    expect(screen.getByRole('button', { name: '再読み込み' })).toBeTruthy();
  });

  it('takes the account’s language once signed in', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant', 'Misaki', { locale: 'en' }) } });
    renderWithTsumiki(<AuthGate><Home /></AuthGate>, { api });
    await screen.findByTestId('home');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });
});
