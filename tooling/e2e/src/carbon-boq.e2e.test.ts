import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { newCarbonProject } from './carbon-project';

const browser = useBrowserStack();

// A designer's bill of quantities as written in Japan, copied from Excel with its header row.
const BOQ = [
  '工事科目\t工事細目\t資材\t数量\t単位',
  '3\t3.5\tCLT\t120\tm3',
  '3\t3.5\t集成材\t40\tm3',
  '3\t3.1\t生コンクリート\t300\tm3',
  '3\t3.4\t異形棒鋼\t25\tt',
  '3\t3.3\tH形鋼\t10\tt',
  '4\t4.3\t板ガラス\t500\tm2',
].join('\n');

async function newProject(name: string) {
  const page = await newCarbonProject(browser, name, { use: 'office', structure: 'RC', grossFloorArea: '3000' });
  await page.locator('[data-testid=boq-paste]').fill(BOQ);
  await page.locator('[data-testid=boq-paste-add]').click();
  await page.getByText('6行を追加しました。').waitFor({ timeout: 10_000 });
  return page;
}
type Page = Awaited<ReturnType<typeof newProject>>;

/** What the BoQ grid's factor column says for each line, in order. */
const provenance = (page: Page) =>
  page.locator('[data-testid=boq-grid] tr[data-line]').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[6]?.textContent ?? ''));

// Each line's factor by name and kind of data; the steel sections and the glass are documented gaps.
const PROVENANCE = [
  expect.stringMatching(/CLT.*・/),
  expect.stringMatching(/集成材.*・/),
  expect.stringMatching(/コンクリート.*・/),
  expect.stringMatching(/棒鋼.*・/),
  '原単位なし',
  '原単位なし',
];

describe('a Japanese bill of quantities', () => {
  it('is taken whole, the one ambiguous name mapped in one step and remembered, and assessed with every line’s factor shown except the documented gaps', async () => {
    const page = await newProject('E2E 和名の数量表');
    await expect.poll(() => page.locator('[data-testid=boq-grid] tr[data-line]').count(), WAIT).toBe(6);
    expect(await page.getByRole('alert').filter({ hasText: '貼り付けた' }).count()).toBe(0);

    // 集成材 is small or medium section: asked once, not guessed.
    const mapping = page.locator('[data-testid=material-mapping]');
    await mapping.waitFor({ timeout: 10_000 });
    await expect.poll(() => mapping.locator('tr[data-name]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name'))), WAIT).toEqual(['集成材']);
    await page.getByLabel('「集成材」にあたる資材').selectOption('wood.glulam_medium');
    await page.getByLabel('「集成材」を組織で記憶する').check();
    await page.locator('[data-testid=material-mapping-apply]').click();
    await expect.poll(() => mapping.count(), WAIT).toBe(0);

    // Every line names the factor it rests on and its kind of data; the two gaps say they have none.
    await expect.poll(() => provenance(page), WAIT).toEqual(PROVENANCE);

    // At 1,280 px the long factor names wrap in their column: each select keeps room to show what
    // it holds (they had shrunk to their arrows) and the grid needs no sideways scroll.
    await page.setViewportSize({ width: 1280, height: 1000 });
    const grid = page.locator('[data-testid=boq-scroll]');
    await expect.poll(() => grid.evaluate((el) => el.scrollWidth - el.clientWidth), WAIT).toBeLessThanOrEqual(0);
    const widths = await page.getByLabel(/^工事科目 \d+$/).evaluateAll((selects) => selects.map((s) => s.getBoundingClientRect().width));
    expect(widths).toHaveLength(6);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(120);

    // Until the gaps are accepted the result says which lines and why (the library's documented reason).
    const issues = page.locator('[data-testid=carbon-issues]');
    await issues.waitFor({ timeout: 10_000 });
    await expect.poll(() => issues.locator('li').count(), WAIT).toBe(2);
    await expect.poll(() => issues.textContent(), WAIT).toContain('形鋼・鋼板の公表値が見つかっていません');
    await expect.poll(() => issues.textContent(), WAIT).toContain('一般品には当てはまりません');
    const gaps = page.locator('[data-testid=gap-factors]');
    await expect.poll(() => gaps.textContent(), WAIT).toContain('原単位がない資材（2件）');

    await page.getByLabel('原単位のない明細があっても結果を表示する（不完全と表示）').check();
    const modules = page.locator('[data-testid=carbon-module-table]');
    await modules.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByText('この結果は不完全です。原単位のない明細があります。').count(), WAIT).toBe(1);
    const a1a3 = await modules.locator('tbody tr').first().textContent();
    expect(a1a3).toMatch(/A1-A3.*[1-9][\d,]* kg-CO₂e/);

    // A factor entered for a gap is refused as typed until it has its source and date, then used.
    const row = gaps.locator('form').first();
    await row.getByRole('textbox', { name: /のA1–A3$/ }).fill('1,850');
    await row.getByRole('button', { name: 'この原単位を使う' }).click();
    await expect.poll(() => row.textContent(), WAIT).toContain('出典を入力してください');
    await expect.poll(() => row.textContent(), WAIT).toContain('公表日は実在する日付');
    expect(await row.getByRole('textbox', { name: /のA1–A3$/ }).inputValue()).toBe('1,850');
    await row.getByRole('textbox', { name: /の出典$/ }).fill('E2E製鋼 EPD 2025');
    await row.getByRole('textbox', { name: /の公表日$/ }).fill('2025-04-01');
    await row.getByRole('button', { name: 'この原単位を使う' }).click();
    await expect.poll(() => row.textContent(), WAIT).toContain('入力済み');

    // The remembered name: the same paste in a new project matches 集成材 without asking.
    await page.context().close();
    const again = await newProject('E2E 和名の数量表 2');
    await expect.poll(() => provenance(again), WAIT).toEqual(PROVENANCE);
    expect(await again.locator('[data-testid=material-mapping]').count()).toBe(0);

    // The organisation's remembered names, viewed and one removed: the next paste asks again.
    await again.getByRole('link', { name: 'LCCO₂算定' }).first().click();
    await again.getByRole('link', { name: '組織で記憶した資材名' }).click();
    const names = again.locator('[data-testid=carbon-names-table]');
    await expect.poll(() => names.locator('tr[data-name="集成材"]').textContent(), WAIT).toContain('中断面');
    await again.getByRole('button', { name: '「集成材」の記憶を削除' }).click();
    await expect.poll(() => names.locator('tr[data-name="集成材"]').count(), WAIT).toBe(0);
    await again.context().close();
    expect(browser.consoleErrors).toEqual([]);
  });
});
