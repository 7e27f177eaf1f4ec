import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { counted, jstInput } from './console-steps';

const browser = useBrowserStack();
const { consoleErrors } = browser;
const OFFICE = 'admin@demo.tsumiki.jp';
const APPLICANT = 'applicant@demo.tsumiki.jp';
/** The demo's CO2 round (apps/api/src/seed/demo.ts) and the code the office gives its clone (the default would be …-r8). */
const LAST_YEAR = 'co2-factor-support-r7';
const NEXT_YEAR = 'co2-factor-support-2026';
const NEXT_YEAR_NAME = '令和8年度 CO2原単位等の策定に係る支援';

const textOf = async (page: Page, testId: string) => (await page.locator(`[data-testid=${testId}]`).textContent()) ?? '';

describe("a programme office opens next year's round by cloning last year's", () => {
  it('clones, sets the window and budget, publishes behind a confirmation; an applicant sees the call open in the portal', async () => {
    consoleErrors.length = 0;
    const admin = await browser.signIn('console', OFFICE);
    await admin.getByRole('link', { name: '公募回の管理' }).waitFor(WAIT);
    const started = performance.now();
    const ui = counted(admin);

    await ui.click('nav >> text=公募回の管理');
    await admin.locator(`[data-testid=round-${LAST_YEAR}]`).waitFor(WAIT);
    // Last year's CO2 budget is still the placeholder the call did not state.
    expect(await textOf(admin, `round-${LAST_YEAR}`)).toContain('仮の値（公募要領に記載なし）');

    // Cloning gives a FY2026 draft one year on, opened straight in the editor.
    await ui.click(`[data-testid=round-clone-${LAST_YEAR}]`);
    // The new round's code is the office's to give; a malformed one is refused as typed, in Japanese.
    await ui.fill(`[data-testid=round-clone-code-${LAST_YEAR}]`, 'R8 CO2');
    await admin.getByText('公募回コードは半角英小文字').waitFor(WAIT);
    await ui.fill(`[data-testid=round-clone-code-${LAST_YEAR}]`, NEXT_YEAR);
    await ui.click(`[data-testid=round-clone-confirm-${LAST_YEAR}]`);
    await admin.locator(`[data-testid=round-status-${NEXT_YEAR}]`).waitFor(WAIT);
    expect(await textOf(admin, `round-status-${NEXT_YEAR}`)).toBe('下書き');
    expect(await textOf(admin, `round-${NEXT_YEAR}`)).toContain(NEXT_YEAR_NAME);
    const form = admin.locator('[data-testid=round-form]');
    await form.waitFor(WAIT);
    expect(await admin.locator('[data-testid=round-opens-at]').inputValue()).toBe('2026-04-01T00:00');

    // A window that ends before it starts is refused, in Japanese, once the field is left (as every
    // domain form speaks), and from then on as it is typed.
    await ui.fill('[data-testid=round-opens-at]', jstInput(-1, 9, 30));
    await ui.fill('[data-testid=round-closes-at]', jstInput(-2, 17, 0));
    await admin.locator('[data-testid=round-closes-at]').blur();
    await admin.getByText('受付終了日時は受付開始日時より後にしてください。').waitFor(WAIT);
    await ui.fill('[data-testid=round-closes-at]', jstInput(60, 17, 0));
    await admin.getByText('受付終了日時は受付開始日時より後にしてください。').waitFor({ ...WAIT, state: 'detached' });
    await ui.fill('[data-testid=round-budget]', '120000000');
    await ui.click('[data-testid=round-save]');
    await form.waitFor({ ...WAIT, state: 'detached' });
    await admin.waitForFunction(
      (code) => document.querySelector(`[data-testid=round-budget-${code}]`)?.textContent === '120,000,000円',
      NEXT_YEAR,
      WAIT,
    );
    // The office set the budget: no longer a placeholder.
    expect(await textOf(admin, `round-${NEXT_YEAR}`)).not.toContain('仮の値');

    // Publishing asks first.
    await ui.click(`[data-testid=round-publish-${NEXT_YEAR}]`);
    await admin.getByText('公募回を公開しますか').waitFor(WAIT);
    await ui.click('[data-testid=round-confirm]');
    await admin.waitForFunction((code) => document.querySelector(`[data-testid=round-status-${code}]`)?.textContent === '公開中', NEXT_YEAR, WAIT);
    const seconds = (performance.now() - started) / 1000;
    // The figures for the note: what a new admin does to open next year's round.
    console.info(`opening next year's round by cloning: ${ui.tally.clicks} clicks, ${ui.tally.fields} fields typed (two of them deliberate mistakes), ${seconds.toFixed(1)} s in the browser test`);
    // The clone dialog (the new round's code) costs one click over opening the clone straight away.
    expect(ui.tally.clicks).toBeLessThanOrEqual(6);

    // The applicant finds the new call among the open ones, with its budget.
    const applicant = await browser.signIn('portal', APPLICANT);
    const row = applicant.locator('[data-testid=programme-table] tr', { hasText: NEXT_YEAR_NAME });
    await row.waitFor(WAIT);
    await row.getByText('受付中').waitFor(WAIT);
    expect(await row.textContent()).toContain('120,000,000円');
    await row.getByRole('link', { name: `申請する: ${NEXT_YEAR_NAME}` }).waitFor(WAIT);

    // Closing takes it out of the open calls at once.
    await ui.click(`[data-testid=round-close-${NEXT_YEAR}]`);
    await ui.click('[data-testid=round-confirm]');
    await admin.waitForFunction((code) => document.querySelector(`[data-testid=round-status-${code}]`)?.textContent === '締切', NEXT_YEAR, WAIT);
    await applicant.reload();
    await applicant.locator('[data-testid=programme-table] tr', { hasText: NEXT_YEAR_NAME }).getByText('受付外').waitFor(WAIT);
    expect(consoleErrors).toEqual([]);
  });
});
