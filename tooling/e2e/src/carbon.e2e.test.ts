import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser';

const browser = useBrowserStack();

// Cells as Excel puts them on the clipboard: tab between cells, a line per row, a header row.
const BOQ = ['工事科目\t工事細目\t資材\t数量\t単位', '3\t3.5\twood.clt\t100\tm3', '3\t3.5\twood.glulam_small\t20\tm3'].join('\n');

describe('portal carbon calculator', () => {
  it('creates a project, takes a pasted BoQ, shows the result and its chart, exports CSV and saves', async () => {
    const page = await browser.signIn('portal', 'applicant@demo.tsumiki.jp', { viewport: { width: 1400, height: 1000 } });
    await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: 'LCCO2算定' }).first().click();
    const table = page.locator('[data-testid=carbon-table]');
    await table.waitFor({ timeout: 20_000 });
    expect(await table.textContent()).toContain('（デモ）高知CLT事務所棟');

    await page.locator('[data-testid=carbon-new-name]').fill('E2E 木造事務所');
    await page.locator('[data-testid=carbon-create]').click();
    await page.locator('[data-testid=carbon-project]').waitFor({ timeout: 20_000 });
    // Until the building is entered, the assessment says what is missing.
    await page.locator('[data-testid=carbon-issues]').waitFor({ timeout: 10_000 });

    await page.getByLabel('建物用途').selectOption('office');
    await page.getByLabel('構造').selectOption('CLT');
    await page.locator('[data-testid=gross-floor-area]').fill('1200');
    await page.locator('[data-testid=boq-paste]').fill(BOQ);
    await page.locator('[data-testid=boq-paste-add]').click();
    await page.getByText('2行を追加しました。').waitFor();
    expect(await page.locator('[data-testid=boq-grid] tbody tr').count()).toBe(2);

    // 100 m³ CLT × 252 + 20 m³ glulam × 108 = 27,360 kg-CO₂e (seeds/002 wood table).
    const modules = page.locator('[data-testid=carbon-module-table]');
    await modules.waitFor({ timeout: 10_000 });
    expect(await modules.locator('tbody tr').first().textContent()).toContain('27,360 kg-CO₂e');
    expect(await page.locator('[data-testid=modules-chart] svg rect').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid=categories-chart] rect').count()).toBe(7);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=carbon-export-csv]').click()]);
    expect(csv.suggestedFilename()).toBe('LCCO2_E2E_木造事務所_基本案.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF区分,キー,名称')).toBe(true);
    expect(text).toContain('module,A1-A3,資材製造,27360');

    await page.locator('[data-testid=carbon-save]').click();
    await page.getByText('保存しました（版 2）').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('[data-testid=carbon-module-table]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid=boq-grid] tbody tr').count()).toBe(2);

    // The printed report leaves the editors out and keeps the figures.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid=boq-paste]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=carbon-whole-life]').isVisible()).toBe(true);
    await page.context().close();
    expect(browser.consoleErrors).toEqual([]);
  });
});
