import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { rendered } from './routes';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };

async function associationId(short: string): Promise<string> {
  const row = await browser.stack.database.db.selectFrom('organisations').select('id').where('short_name_ja', '=', short).executeTakeFirstOrThrow();
  return row.id;
}

/** The page's own controls a user could type into or pick from (the header's language switch is not the page's). */
const liveInputs = (page: Page) => page.locator('main input:not([type=hidden]), main textarea, main select, main [contenteditable=true]').count();

/**
 * The numbers drawn on the charts in `scope`: the value axes' ticks (Recharts draws tick labels in
 * a layer of their own, so they are read as the charts' text that is a bare number).
 */
async function numbersDrawn(page: Page, scope: string): Promise<string[]> {
  const texts = await page.locator(scope).locator('svg.recharts-surface text').allTextContents();
  return texts.map((t) => t.trim()).filter((t) => /^-?[\d,]+(?:\.\d+)?$/.test(t));
}

describe('dashboard: what each role may change, and how figures read', () => {
  it('gives a viewer read-only pages for the import and the figures, naming no role code', async () => {
    const zenken = await associationId('全建');
    const page = await browser.signIn('dashboard', 'viewer@demo.tsumiki.jp', { viewport: VIEWPORT });
    await page.locator('[data-testid=records-cumulative-value]').waitFor(WAIT);
    // Their own association's page has no targets form to fill in.
    await page.locator('[data-testid=records-monthly-chart]').waitFor(WAIT);
    expect(await page.locator('[data-testid=save-targets]').count()).toBe(0);

    for (const path of ['import', 'figures']) {
      await page.goto(new URL(`/associations/${zenken}/${path}`, browser.stack.urls.dashboard).toString());
      await rendered(page, `dashboard /${path} (viewer)`);
      const notice = page.locator('[data-testid=reporter-only]');
      await notice.waitFor(WAIT);
      await expect.poll(() => notice.textContent(), WAIT).toContain('報告担当者だけです');
      expect(await liveInputs(page), path).toBe(0);
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('association_reporter');
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    }
    await page.context().close();
  });

  it('refuses a rate target of 120% with a message, keeps 120% as typed and saves nothing', async () => {
    const nikkenren = await associationId('日建連');
    const targets = async () =>
      browser.stack.database.db.selectFrom('ccus_targets').select(['metric_code', 'fiscal_year', 'annual_target']).where('association_id', '=', nikkenren).orderBy(['fiscal_year', 'metric_code']).execute();
    const before = await targets();
    const page = await browser.signIn('dashboard', 'reporter@demo.tsumiki.jp', { viewport: VIEWPORT });
    const renewal = page.getByRole('textbox', { name: '事業者登録更新率' });
    await renewal.waitFor(WAIT);
    await renewal.fill('120');
    await renewal.blur();
    const row = page.locator('[data-testid=targets-table] tr', { has: renewal });
    await expect.poll(() => row.textContent(), WAIT).toContain('率の目標は0%より大きく100%以下で入力してください。');
    expect(await renewal.inputValue()).toBe('120%');
    await expect.poll(() => page.locator('[data-testid=save-targets]').isDisabled(), WAIT).toBe(true);
    // Enter on the field does not send it either, and nothing reads 保存しました.
    await renewal.press('Enter');
    await page.waitForTimeout(500);
    expect(await page.locator('main').innerText()).not.toContain('保存しました');
    expect(await targets()).toEqual(before);
    await page.context().close();
  });

  it('signs the year-on-year change (前年同期比 +x% or −x%) and counts in whole numbers on the record charts', async () => {
    const page = await browser.signIn('dashboard', 'ministry@demo.tsumiki.jp', { viewport: VIEWPORT });
    const table = page.locator('[data-testid=association-table]');
    await table.waitFor(WAIT);
    await table.getByRole('link', { name: '日建連' }).click();
    const cumulative = page.locator('[data-testid=records-cumulative]');
    await cumulative.waitFor(WAIT);
    await expect.poll(() => cumulative.textContent(), WAIT).toMatch(/前年同期比 [+−-]\d/);
    // The rates table's own year-on-year column: a signed change or points, never a bare figure.
    const changes = page.locator('[data-testid=rates-table] tbody tr td:last-child');
    await expect.poll(() => changes.count(), WAIT).toBeGreaterThan(0);

    await expect.poll(async () => (await numbersDrawn(page, '[data-testid=records-monthly-chart]')).length, WAIT).toBeGreaterThan(1);
    for (const tick of await numbersDrawn(page, '[data-testid=records-monthly-chart]')) expect(tick).toMatch(/^-?[\d,]+$/);
    await page.context().close();
  });
});

describe('console statistics', () => {
  it('draws count axes in whole numbers on every programme’s charts, with that programme’s own breakdowns', async () => {
    const page = await browser.signIn('console', 'reviewer@demo.tsumiki.jp', { viewport: VIEWPORT });
    // Signed in (the form has gone) before the address changes, so the session cookie is set.
    await page.waitForFunction(() => !document.querySelector('input[name=password]'), null, WAIT);
    await page.goto(new URL('/statistics', browser.stack.urls.console).toString());
    const picker = page.locator('[data-testid=statistics-page] input.mantine-Select-input');
    await picker.waitFor(WAIT);
    await picker.click();
    const names = (await page.getByRole('option').allTextContents()).filter((n) => n.trim() !== '');
    await page.keyboard.press('Escape');
    expect(names.length).toBeGreaterThan(0);
    const charts = '[data-testid=statistics-page]';
    const fractional: string[] = [];
    let drawn = 0;
    for (const name of names) {
      await picker.click();
      await page.getByRole('option', { name, exact: true }).click();
      await expect.poll(() => picker.inputValue(), WAIT).toBe(name);
      await page.locator('[data-testid=stat-received]').waitFor(WAIT);
      // A programme with applications has charts; Recharts draws their axes once the data is in.
      const received = (await page.locator('[data-testid=stat-received]').innerText()).replace(/\D/g, '');
      if (received !== '' && received !== '0') {
        await expect.poll(async () => (await numbersDrawn(page, charts)).length, WAIT).toBeGreaterThan(1);
        // The amounts are two bars in one row: the legend says which is which, in the bars' (and the figures') order.
        const legend = page.locator('[data-testid=amounts-chart] .recharts-legend-wrapper');
        await expect.poll(async () => (await legend.innerText()).split(/\n+/), WAIT).toEqual(['申請助成額の合計', '交付決定額の合計']);
      }
      await page.waitForTimeout(600);
      const ticks = await numbersDrawn(page, charts);
      drawn += ticks.length;
      // Each programme's own breakdowns: no CLT structure or use on the CO2 programme, no factor kind on CLT.
      const shown = await page.locator('[data-testid^=by-]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-testid')));
      if (name.includes('CO2')) expect(shown.filter((b) => ['by-use', 'by-structure', 'by-site'].includes(b ?? '')), name).toEqual([]);
      if (name.includes('CLT')) expect(shown.filter((b) => ['by-applicantKind', 'by-factorKind'].includes(b ?? '')), name).toEqual([]);
      if (name.includes('CO2') && received !== '0' && received !== '') expect(shown, name).toContain('by-factorKind');
      fractional.push(...ticks.filter((t) => /\d\.\d/.test(t)).map((t) => `${name}: ${t}`));
      await page.screenshot({ path: `.vitest/statistics-${names.indexOf(name)}.png`, fullPage: true });
    }
    expect(drawn).toBeGreaterThan(1);
    expect(fractional).toEqual([]);
    await page.context().close();
  });
});
