import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@tsumiki/api-server/seed';
import { ROLE_APP } from '@tsumiki/domain';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { startStack, type AppName, type Stack } from './stack';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  const executablePath = ensureChromium();
  stack = await startStack();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Console errors include CSP violations: the apps must run under the API's strict policy. */
const consoleErrors: string[] = [];
const recordErrors = (message: ConsoleMessage) => {
  if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
};

async function signIn(app: AppName, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  page.on('console', recordErrors);
  await page.goto(stack.urls[app]);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  return page;
}

/** Where each role lands after signing in. */
const LANDING: Record<string, string> = {
  ministry: 'overview',
  association_reporter: 'association-page',
  association_viewer: 'association-page',
};

describe.each(DEMO_ACCOUNTS.map((account) => ({ ...account, app: ROLE_APP[account.role] })))('$role in the $app', ({ app, role, email, displayName: name }) => {
  it(`signs in as ${email} and lands on their start page`, async () => {
    consoleErrors.length = 0;
    const page = await signIn(app, email);
    const landing = page.locator(`[data-testid=${LANDING[role] ?? 'home'}]`);
    await landing.waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=signed-in-user]').textContent()).toContain(name);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    // The session survives a reload (HttpOnly cookie, not client state).
    await page.reload();
    await landing.waitFor({ timeout: 20_000 });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('refusals in the browser', () => {
  it('shows a clear Japanese error for a wrong password and stays on sign-in', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(stack.urls.portal);
    await page.locator('input[name=email]').fill('applicant@demo.tsumiki.jp');
    await page.locator('input[name=password]').fill('wrong password');
    await page.locator('button[type=submit]').click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('メールアドレスまたはパスワードが正しくありません');
    expect(await page.locator('[data-testid=home]').count()).toBe(0);
    await context.close();
  });

  it('tells an applicant that the console is not their app', async () => {
    const page = await signIn('console', 'applicant@demo.tsumiki.jp');
    await page.waitForFunction(() => !document.querySelector('input[name=password]'), null, { timeout: 20_000 });
    expect(await page.locator('[data-testid=home]').count()).toBe(0);
    expect(await page.locator('body').textContent()).toMatch(/ポータル|portal/i);
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
