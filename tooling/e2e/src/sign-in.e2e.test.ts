import { DEMO_ACCOUNTS } from '@tsumiki/api-server/seed';
import { ROLE_APP } from '@tsumiki/domain';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();
const { consoleErrors } = browser;
const signIn = (app: Parameters<typeof browser.signIn>[0], email: string) => browser.signIn(app, email);

/** Where each role lands after signing in. */
const LANDING: Record<string, string> = {
  ministry: 'overview',
  association_reporter: 'association-page',
  association_viewer: 'association-page',
  // The console opens on the review queue.
  reviewer: 'queue-page',
  committee: 'queue-page',
  programme_admin: 'queue-page',
};

describe.each(DEMO_ACCOUNTS.map((account) => ({ ...account, app: ROLE_APP[account.role] })))('$role in the $app', ({ app, role, email, displayName: name }) => {
  it(`signs in as ${email} and lands on their start page`, async () => {
    consoleErrors.length = 0;
    const page = await signIn(app, email);
    const landing = page.locator(`[data-testid=${LANDING[role] ?? 'home'}]`);
    await landing.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=signed-in-user]').textContent(), WAIT).toContain(name);
    await expect.poll(() => page.locator('html').getAttribute('lang'), WAIT).toBe('ja');
    // The session survives a reload (HttpOnly cookie, not client state).
    await page.reload();
    await landing.waitFor({ timeout: 20_000 });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('refusals in the browser', () => {
  it('shows a clear Japanese error for a wrong password and stays on sign-in', async () => {
    const page = await browser.signIn('portal', 'applicant@demo.tsumiki.jp', { password: 'wrong password' });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    await expect.poll(() => alert.textContent(), WAIT).toContain('メールアドレスまたはパスワードが正しくありません');
    await expect.poll(() => page.locator('[data-testid=home]').count(), WAIT).toBe(0);
    await page.context().close();
  });

  it('tells an applicant that the console is not their app', async () => {
    const page = await signIn('console', 'applicant@demo.tsumiki.jp');
    // Wait for the rendered refusal itself: the password field is also absent from the no-JavaScript shell.
    const wrongApp = page.locator('[data-testid=wrong-app]');
    await wrongApp.waitFor({ timeout: 20_000 });
    await expect.poll(() => wrongApp.textContent(), WAIT).toMatch(/ポータル|portal/i);
    await expect.poll(() => page.locator('[data-testid=home]').count(), WAIT).toBe(0);
    await page.context().close();
  });

  it('switches the language to English', async () => {
    const page = await signIn('dashboard', 'ministry@demo.tsumiki.jp');
    await page.locator('[data-testid=overview]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=locale-switch]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
    await page.context().close();
  });
});
