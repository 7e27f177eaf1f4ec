import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();

/** A factor list as an office might send it: the template's headers, one number typed as words. */
const BAD_ROWS = ['原単位ID,資材キー,名称,宣言単位,A1-A3,データ種別,出典', 'office.clt,wood.clt,事務局のCLT,m3,二百三十,EPD（個社製品データ）,事務局資料'].join('\n');
const NO_HEADERS = ['名前,値', 'CLT,230'].join('\n');

describe('the console’s factor library', () => {
  it('names sources by title and categories in Japanese, one compact line per factor, and says which cell of a bad file is wrong', async () => {
    const page = await browser.signIn('console', 'admin@demo.tsumiki.jp');
    // The menu's link once signed in (a page load before the session cookie lands would sign out).
    await page.getByRole('link', { name: 'CO₂原単位ライブラリ' }).first().click(WAIT);
    const table = page.locator('[data-testid=factor-table]');
    // The factors' own rows (a folded derivation holds a table of its own).
    const rows = table.locator('tr[data-testid^="factor-"]');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(30);

    // What a reader sees (innerText: visible text only): no file references, no English codes.
    const visible = await table.innerText();
    expect(visible).not.toContain('seeds/');
    const categories = await table.locator('[data-testid=factor-category]').allInnerTexts();
    expect(categories).toContain('コンクリート');
    expect(categories.filter((c) => /^[a-z_]+$/.test(c.trim()))).toEqual([]);
    // The derivation stays folded: a row is a line or two, not a table.
    const heights = await rows.evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(120);

    const input = page.locator('[data-testid=factor-import] input[type=file]');
    await input.setInputFiles({ name: 'factors.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_ROWS) });
    const summary = page.locator('[data-testid=factor-preview-summary]');
    await expect.poll(() => summary.textContent(), WAIT).toContain('2行目の「A1-A3」: 数値を入れてください（入力: 「二百三十」）。');
    expect(await page.locator('[data-testid=factor-import-commit]').isDisabled()).toBe(true);

    await input.setInputFiles({ name: 'other.csv', mimeType: 'text/csv', buffer: Buffer.from(NO_HEADERS) });
    await expect.poll(() => page.locator('[data-testid=factor-file-issue]').first().textContent(), WAIT).toContain('見出し「原単位ID」の列がありません');
  });
});
