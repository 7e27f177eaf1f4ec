import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppLayout, visibleNavItems, type NavItem } from './app-layout';
import { AuthGate } from './auth-gate';
import { displayFiscalYear } from './format';
import { fakeApi, renderWithTsumiki, sessionOf } from './testing';

const NAV: NavItem[] = [
  { to: '/', labelKey: 'home.nav', end: true },
  { to: '/scores', labelKey: 'scores', roles: ['committee'] },
  { to: '/budget', labelKey: 'budget', roles: ['programme_admin', 'reviewer'] },
];

describe('role-aware navigation', () => {
  it('shows each role only its items', () => {
    expect(visibleNavItems(NAV, ['committee']).map((i) => i.to)).toEqual(['/', '/scores']);
    expect(visibleNavItems(NAV, ['reviewer']).map((i) => i.to)).toEqual(['/', '/budget']);
    expect(visibleNavItems(NAV, ['committee', 'programme_admin']).map((i) => i.to)).toEqual(['/', '/scores', '/budget']);
  });
});

describe('AppLayout', () => {
  it('offers a skip link, names the user, switches language and remembers it on the account', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('committee', '中村 由紀子') },
      'auth.setLocale': { data: { ok: true } },
    });
    const user = userEvent.setup();
    renderWithTsumiki(
      <AuthGate>
        <AppLayout nav={NAV}>
          <p>content</p>
        </AppLayout>
      </AuthGate>,
      { api, app: 'console' },
    );
    expect((await screen.findByText('本文へ移動')).getAttribute('href')).toBe('#main');
    expect(screen.getByTestId('signed-in-user').textContent).toBe('中村 由紀子（評価委員）');
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toContain('/scores');
    expect(links).not.toContain('/budget');

    expect(document.documentElement.lang).toBe('ja');
    await user.click(screen.getByTestId('locale-switch'));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    await waitFor(() => expect(api.calls.find((c) => c.path === 'auth.setLocale')?.input).toEqual({ locale: 'en' }));
    expect(localStorage.getItem('tsumiki.locale')).toBe('en');
  });

  it('signs out and returns to the sign-in screen', async () => {
    let signedIn = true;
    const api = fakeApi({
      'auth.me': () => ({ data: signedIn ? sessionOf('reviewer', '高橋 健一') : null }),
      'auth.signOut': () => {
        signedIn = false;
        return { data: { ok: true } };
      },
    });
    const user = userEvent.setup();
    renderWithTsumiki(
      <AuthGate>
        <AppLayout nav={NAV}>
          <p>content</p>
        </AppLayout>
      </AuthGate>,
      { api, app: 'console' },
    );
    await user.click(await screen.findByRole('button', { name: 'ログアウト' }));
    expect(await screen.findByRole('heading', { name: 'ログイン' })).toBeTruthy();
  });
});

describe('formatting', () => {
  it('shows fiscal years in the Japanese era, including the first year', () => {
    expect(displayFiscalYear(2025, 'ja')).toBe('令和7年度');
    expect(displayFiscalYear(2019, 'ja')).toBe('令和元年度');
    expect(displayFiscalYear(2018, 'ja')).toBe('平成30年度');
    expect(displayFiscalYear(2025, 'en')).toBe('FY2025');
  });
});
