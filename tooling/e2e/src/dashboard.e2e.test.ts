import { DEMO_PASSWORD } from '@tsumiki/api-server/seed';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { startStack, type Stack } from './stack';

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

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(stack.urls.dashboard);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  return page;
}

describe('association dashboard', () => {
  it('shows the ministry all eight associations, then one association in detail', async () => {
    const page = await signIn('ministry@demo.tsumiki.jp');
    const table = page.locator('[data-testid=association-table]');
    await table.waitFor({ timeout: 20_000 });
    expect(await table.locator('tbody tr').count()).toBe(8);
    for (const name of ['日建連', '全建', '全中建', '建専連', '日空衛', '日本電設工業協会', '住団連', '全建総連']) {
      expect(await table.locator('tbody').textContent()).toContain(name);
    }
    // Every association has a status in words, from the seeded targets.
    expect(await table.locator('[data-status]').count()).toBe(8);
    // The chart is drawn (one bar per association).
    await page.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.recharts-bar-rectangle').count()).toBe(8);
    await page.screenshot({ path: '.vitest/dashboard-overview.png', fullPage: true });

    await table.getByRole('link', { name: '日空衛' }).click();
    await page.locator('[data-testid=records-cumulative-value]').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('一般社団法人日本空調衛生工事業協会');
    expect(await page.locator('[data-testid=rates-table] tbody tr').count()).toBeGreaterThanOrEqual(8);
    await page.locator('[data-testid=member-table] tbody tr').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=member-table] tbody tr').count()).toBe(30);
    await page.locator('.recharts-line').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: '.vitest/dashboard-association.png', fullPage: true });
    await page.context().close();
  });

  it('keeps an association viewer to their own association', async () => {
    const page = await signIn('viewer@demo.tsumiki.jp');
    await page.locator('[data-testid=records-cumulative-value]').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('一般社団法人全国建設業協会');
    expect(await page.locator('[data-testid=association-table]').count()).toBe(0);
    await page.context().close();
  });
});
