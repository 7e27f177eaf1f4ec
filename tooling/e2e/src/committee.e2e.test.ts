import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };
const COMMITTEE = 'committee@demo.tsumiki.jp';
/** A demo proposal assigned to the demo committee member (apps/api/src/seed/review-demo.ts). */
const ASSIGNED_ONE = 'CLTパネル工法 4階建て事務所の建築実証（杉山木材）';

async function openAssigned(page: Page, first: 'conflict-form' | 'score-sheet') {
  await page.locator('[data-testid=queue-page]').waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: ASSIGNED_ONE }).click();
  await page.locator(`[data-testid=${first}]`).waitFor({ timeout: 20_000 });
}

const scoreInputs = (page: Page) => page.locator('[data-testid=score-sheet] input[data-testid^=score-]');
const sheetTotal = (page: Page) => page.locator('[data-testid=sheet-total]').textContent();

describe('committee member: declaring, scoring and submitting on purpose', () => {
  it('asks for 該当なし explicitly, shows the scale, refuses a 9 as typed, adds the bonus in points, guards unsaved scores and confirms the submission', async () => {
    const before = await browser.signIn('console', COMMITTEE, { viewport: VIEWPORT });
    await openAssigned(before, 'conflict-form');

    // 「申告する」 with nothing chosen is no answer: the reason is shown and the proposal stays closed.
    await before.locator('[data-testid=conflict-declare]').click();
    const unanswered = before.locator('[data-testid=conflict-unanswered]');
    await unanswered.waitFor(WAIT);
    expect(await unanswered.textContent()).toContain('「該当なし」を選ぶか');
    expect(await before.locator('[data-testid=score-sheet]').count()).toBe(0);
    await before.locator('[data-testid=conflict-none]').check();
    await before.locator('[data-testid=conflict-declare]').click();
    await before.locator('[data-testid=score-sheet]').waitFor(WAIT);

    // Closing the tab with a score typed and not saved gets the browser's own question.
    await scoreInputs(before).first().fill('3');
    await before.locator('[data-testid=sheet-unsaved]').waitFor(WAIT);
    const dialog = before.waitForEvent('dialog');
    await before.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.accept();
    await before.context().close();

    // The declaration stands: the proposal now opens on the sheet.
    const member = await browser.signIn('console', COMMITTEE, { viewport: VIEWPORT });
    await openAssigned(member, 'score-sheet');
    const sheet = member.locator('[data-testid=score-sheet]');

    // The scale beside every item, and what each level means.
    const count = await scoreInputs(member).count();
    expect(count).toBe(6);
    await expect.poll(() => sheet.getByText('1〜5点の整数', { exact: true }).count(), WAIT).toBe(count);
    await expect.poll(() => member.locator('[data-testid=sheet-levels]').textContent(), WAIT).toContain('5 — 特に優れている');

    // A 9 stays a 9, with the reason beside it, after leaving the field; nothing can be saved.
    const first = scoreInputs(member).first();
    await first.fill('9');
    await first.press('Tab');
    await expect.poll(() => first.inputValue(), WAIT).toBe('9');
    await expect.poll(() => sheet.textContent(), WAIT).toContain('の点数は1〜5の整数で入力してください');
    expect(await member.locator('[data-testid=sheet-draft]').isDisabled()).toBe(true);
    expect(await member.locator('[data-testid=sheet-submit]').isDisabled()).toBe(true);

    // Whole scores: the total is the evaluation plus the proposal's cumulative bonus, in points.
    for (let i = 0; i < count; i += 1) await scoreInputs(member).nth(i).fill('4');
    await expect.poll(() => sheetTotal(member), WAIT).toMatch(/^評価点 24 \/ 30 ＋ 加点 \+(\d+)点 ＝ 合計 (\d+)点$/);
    const [, bonus = '', total] = /\+(\d+)点 ＝ 合計 (\d+)点/.exec((await sheetTotal(member)) ?? '')!;
    expect(Number(bonus)).toBeGreaterThan(0);
    expect(Number(total)).toBe(24 + Number(bonus));
    await expect.poll(() => member.locator('[data-testid=sheet-bonus]').textContent(), WAIT).toMatch(new RegExp(`^加点 \\+${bonus}点（加点項目\\d+件・累積。事務局が未確認の項目があるため暫定）$`));
    // The demo's office has checked none of the items yet: the bonus and its total are provisional.
    await expect.poll(() => member.locator('[data-testid=bonus]').textContent(), WAIT).toContain(`加点項目（暫定合計 +${bonus}点）`);

    // Leaving with unsaved scores asks first; staying keeps them.
    await member.getByRole('link', { name: '審査一覧', exact: true }).click();
    // (The dialog's root holds only fixed-position children, so its buttons are what can be seen.)
    await member.locator('[data-testid=unsaved-stay]').click();
    await member.locator('[data-testid=unsaved-stay]').waitFor({ state: 'hidden', ...WAIT });
    expect(new URL(member.url()).pathname).toMatch(/^\/applications\//);
    expect(await scoreInputs(member).first().inputValue()).toBe('4');

    // Submitting asks for confirmation; cancelling leaves the sheet a draft.
    await member.locator('[data-testid=sheet-submit]').click();
    await member.locator('[data-testid=confirm-cancel]').click();
    await member.locator('[data-testid=confirm-cancel]').waitFor({ state: 'hidden', ...WAIT });
    expect(await sheet.getByText('下書き', { exact: true }).count()).toBe(1);

    // Saved as a draft, nothing is left to lose: the way out no longer asks.
    await member.locator('[data-testid=sheet-draft]').click();
    await member.locator('[data-testid=sheet-unsaved]').waitFor({ state: 'detached', ...WAIT });
    await member.locator('[data-testid=sheet-submit]').click();
    await member.locator('[data-testid=confirm-yes]').click();
    await sheet.getByText(/提出済み（/).waitFor(WAIT);
    expect(await scoreInputs(member).first().isDisabled()).toBe(true);

    // Declaring a conflict later is confirmed too; cancelling it keeps the proposal open.
    await member.locator('[data-testid=conflict-later]').click();
    await member.locator('[data-testid=conflict-related_company]').check();
    await member.locator('[data-testid=conflict-declare]').click();
    await member.locator('[data-testid=confirm-cancel]').click();
    await member.locator('[data-testid=confirm-cancel]').waitFor({ state: 'hidden', ...WAIT });
    expect(await member.locator('[data-testid=score-sheet]').count()).toBe(1);
    expect(await member.locator('[data-testid=conflict-declared]').count()).toBe(0);

    await member.getByRole('link', { name: '審査一覧', exact: true }).click();
    await member.locator('[data-testid=queue-page]').waitFor(WAIT);
    await member.context().close();
  });
});
