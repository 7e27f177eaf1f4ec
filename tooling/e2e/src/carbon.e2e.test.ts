import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();

// Cells as Excel puts them on the clipboard: tab between cells, a line per row, a header row.
const BOQ = ['工事科目\t工事細目\t資材\t数量\t単位', '3\t3.5\twood.clt\t100\tm3', '3\t3.5\twood.glulam_small\t20\tm3'].join('\n');

/** The applicant on the calculator's project list. */
async function openCalculator() {
  const page = await browser.signIn('portal', 'applicant@demo.tsumiki.jp', { viewport: { width: 1400, height: 1000 } });
  await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: 'LCCO₂算定' }).first().click();
  await page.locator('[data-testid=carbon-table]').waitFor({ timeout: 20_000 });
  return page;
}
type Page = Awaited<ReturnType<typeof openCalculator>>;

async function createProject(page: Page, name: string) {
  await page.locator('[data-testid=carbon-new-name]').fill(name);
  await page.locator('[data-testid=carbon-create]').click();
  await page.locator('[data-testid=carbon-project]').waitFor({ timeout: 20_000 });
}

/** A CLT office of the given floor area with the BoQ pasted as from Excel. */
async function enterBuildingAndBoq(page: Page, grossFloorArea: string) {
  await page.getByLabel('建物用途').selectOption('office');
  await page.getByLabel('構造').selectOption('CLT');
  await page.locator('[data-testid=gross-floor-area]').fill(grossFloorArea);
  await page.locator('[data-testid=boq-paste]').fill(BOQ);
  await page.locator('[data-testid=boq-paste-add]').click();
  await page.getByText('2行を追加しました。').waitFor();
}

describe('portal carbon calculator', () => {
  it('creates a project, takes a pasted BoQ, shows the result and its chart, exports CSV and saves', async () => {
    const page = await openCalculator();
    await expect.poll(() => page.locator('[data-testid=carbon-table]').textContent(), WAIT).toContain('（デモ）高知CLT事務所棟');
    await createProject(page, 'E2E 木造事務所');
    // Until the building is entered, the assessment says what is missing.
    await page.locator('[data-testid=carbon-issues]').waitFor({ timeout: 10_000 });
    await enterBuildingAndBoq(page, '1200');
    await expect.poll(() => page.locator('[data-testid=boq-grid] tbody tr').count(), WAIT).toBe(2);

    // 100 m³ CLT × 252 + 20 m³ glulam × 108 = 27,360 kg-CO₂e (seeds/002 wood table).
    const modules = page.locator('[data-testid=carbon-module-table]');
    await modules.waitFor({ timeout: 10_000 });
    await expect.poll(() => modules.locator('tbody tr').first().textContent(), { timeout: 10_000 }).toContain('27,360 kg-CO₂e');
    await expect.poll(() => page.locator('[data-testid=modules-chart] svg rect').count(), WAIT).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-testid=categories-chart] rect').count(), WAIT).toBe(7);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=carbon-export-csv]').click()]);
    expect(csv.suggestedFilename()).toBe('LCCO2_E2E_木造事務所_基本案.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF区分,キー,名称')).toBe(true);
    expect(text).toContain('module,A1-A3,資材製造,27360');

    await page.locator('[data-testid=carbon-save]').click();
    await page.getByText('保存しました（版 2）').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('[data-testid=carbon-module-table]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=boq-grid] tbody tr').count(), WAIT).toBe(2);

    // The printed report leaves the editors out and keeps the figures.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('[data-testid=boq-paste]').isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.locator('[data-testid=carbon-whole-life]').isVisible(), WAIT).toBe(true);
    await page.context().close();
    expect(browser.consoleErrors).toEqual([]);
  });

  it('enters a second scenario and the operation, compares it with the baseline, downloads the PDF report, and links the assessment to an application whose page shows it', async () => {
    const page = await openCalculator();
    await createProject(page, 'E2E シナリオ比較');
    await enterBuildingAndBoq(page, '1000');

    // Every default says where it comes from, or that it has none.
    const baseline = page.locator('[data-testid=scenario-editor-0]');
    await expect.poll(() => baseline.getByText('出典なし（仮定）').count(), WAIT).toBeGreaterThan(3);
    await expect.poll(() => baseline.getByLabel('施工（A5）の割合（%、空欄で既定値）（シナリオ1）').getAttribute('placeholder'), WAIT).toBe('6');

    await page.getByRole('button', { name: 'シナリオを追加' }).click();
    const second = page.locator('[data-testid=scenario-editor-1]');
    await second.getByLabel('施工（A5）の割合（%、空欄で既定値）（シナリオ2）').fill('3');
    await second.getByLabel('更新周期（B4、年）（シナリオ2） 5').fill('30');

    // Operation: a refrigerant circuit (B1).
    const operation = page.locator('[data-testid=operational]');
    await operation.getByRole('button', { name: '冷媒を追加' }).click();
    await operation.getByLabel('充填量（kg） 1').fill('20');
    await operation.getByLabel('年間漏えい率（%） 1').fill('2');

    const comparison = page.locator('[data-testid=carbon-comparison]');
    await comparison.waitFor({ timeout: 10_000 });
    await expect.poll(() => comparison.textContent(), { timeout: 10_000 }).toContain('-50%');
    await expect.poll(() => comparison.locator('[data-testid=comparison-chart] rect').count(), WAIT).toBeGreaterThan(0);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=carbon-export-pdf]').click()]);
    expect(pdf.suggestedFilename()).toBe('LCCO2_E2E_シナリオ比較_base.pdf');
    const bytes = readFileSync(await pdf.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);

    // Attach the assessment to one of the organisation's applications.
    const link = page.locator('[data-testid=carbon-application-link] select');
    await expect.poll(() => link.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const applicationId = await link.locator('option').nth(1).getAttribute('value');
    await link.selectOption(applicationId);

    await page.locator('[data-testid=carbon-save]').click();
    await page.getByText('保存しました（版 2）').waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('[data-testid=scenario-editor-1]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=carbon-application-link] select').inputValue(), { timeout: 10_000 }).toBe(applicationId);
    await expect.poll(() => page.locator('[data-testid=scenario-editor-1]').getByLabel('施工（A5）の割合（%、空欄で既定値）（シナリオ2）').inputValue(), WAIT).toBe('3');
    await expect.poll(() => page.locator('[data-testid=operational]').getByLabel('充填量（kg） 1').inputValue(), WAIT).toBe('20');

    // The application's page shows the linked assessment's headline figures.
    await page.getByRole('link', { name: '申請を開く' }).click();
    const linked = page.locator('[data-testid=linked-carbon]');
    await linked.waitFor({ timeout: 20_000 });
    await expect.poll(() => linked.textContent(), { timeout: 10_000 }).toContain('E2E シナリオ比較');
    await expect.poll(() => linked.textContent(), WAIT).toContain('ライフサイクル全体（60年）');
    await page.context().close();
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe('console factor library', () => {
  const HEADER = '原単位ID,資材キー,名称,宣言単位,A1-A3,データ種別,所有者,出典,公表日';
  const GOOD = 'e2e.glass.float,glass.float,E2E フロート板ガラス,m2,30,epd_company,E2E硝子,E2E fixture (not a real EPD),2025-05-01';

  it('previews a factor list, names the bad row, imports nothing until it is fixed, then imports all; an openEPD file once its material key is chosen', async () => {
    const page = await browser.signIn('console', 'admin@demo.tsumiki.jp', { viewport: { width: 1400, height: 1000 } });
    await page.getByRole('link', { name: 'CO₂原単位ライブラリ' }).click();
    const table = page.locator('[data-testid=factor-table]');
    await table.waitFor({ timeout: 20_000 });
    await expect.poll(() => table.textContent(), WAIT).toContain('直交集成板（CLT）');

    const file = page.locator('[data-testid=factor-import] input[type=file]');
    const bad = 'e2e.glass.bad,glass.float,E2E 誤り,m2,-1,epd_company,E2E硝子,E2E fixture,2025-05-01';
    await file.setInputFiles({ name: 'factors.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, GOOD, bad].join('\n')) });
    const summary = page.locator('[data-testid=factor-preview-summary]');
    await summary.waitFor({ timeout: 10_000 });
    await expect.poll(() => summary.textContent(), WAIT).toContain('2件中1件にエラー');
    await expect.poll(() => page.locator('[data-testid=factor-preview-rows] tr[data-row="3"]').textContent(), WAIT).toContain('0以上');
    await expect.poll(() => page.locator('[data-testid=factor-import-commit]').isDisabled(), WAIT).toBe(true);

    const fixed = bad.replace(',-1,', ',31,');
    await file.setInputFiles({ name: 'factors-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, GOOD, fixed].join('\n')) });
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('2件すべて取り込めます');
    await page.locator('[data-testid=factor-import-commit]').click();
    await page.locator('[data-testid=factor-import-saved]').waitFor({ timeout: 10_000 });
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain('E2E フロート板ガラス');

    // openEPD JSON: the EPD has no material key of ours, so it is chosen here before the import.
    const epd = {
      id: 'E2EEPD01',
      doctype: 'openEPD',
      product_name: 'E2E 異形棒鋼 EPD',
      date_of_issue: '2025-04-01T00:00:00Z',
      valid_until: '2030-03-31T00:00:00Z',
      declared_unit: { qty: 1, unit: 't' },
      manufacturer: { name: 'E2E製鋼' },
      third_party_verifier: { name: 'E2E検証機関' },
      impacts: { 'IPCC AR5': { gwp: { A1A2A3: { mean: 700, unit: 'kgCO2e' } } } },
    };
    await file.setInputFiles({ name: 'rebar.openepd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([epd])) });
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('1件中1件にエラー');
    await expect.poll(() => page.locator('[data-testid=factor-preview-rows]').textContent(), WAIT).toContain('1件目のEPD「E2E 異形棒鋼 EPD」');
    await page.getByLabel('「E2E 異形棒鋼 EPD」の資材キー').selectOption('steel.rebar');
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('1件すべて取り込めます');
    await page.locator('[data-testid=factor-import-commit]').click();
    await page.locator('[data-testid=factor-import-saved]').waitFor({ timeout: 10_000 });
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain('E2E 異形棒鋼 EPD');
    await page.context().close();
    expect(browser.consoleErrors).toEqual([]);
  });
});
