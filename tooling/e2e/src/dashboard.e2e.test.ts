import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();
const signIn = (email: string) => browser.signIn('dashboard', email, { viewport: { width: 1400, height: 1000 } });

describe('association dashboard', () => {
  it('shows the ministry all eight associations, then one association in detail', async () => {
    const page = await signIn('ministry@demo.tsumiki.jp');
    const table = page.locator('[data-testid=association-table]');
    await table.waitFor({ timeout: 20_000 });
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(8);
    for (const name of ['日建連', '全建', '全中建', '建専連', '日空衛', '日本電設工業協会', '住団連', '全建総連']) {
      await expect.poll(() => table.locator('tbody').textContent(), WAIT).toContain(name);
    }
    // Every association has a status in words, from the seeded targets.
    await expect.poll(() => table.locator('[data-status]').count(), WAIT).toBe(8);
    // The chart is drawn (one bar per association).
    await page.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('[data-testid=by-association] .recharts-bar-rectangle').count(), WAIT).toBe(8);
    // National context with its source, and one metric compared across the eight.
    await expect.poll(() => page.locator('[data-testid=national-context]').textContent(), WAIT).toContain('出典');
    await page.locator('[data-testid=comparison-metric]').selectOption('touch_rate');
    await page.locator('[data-testid=metric-comparison] .recharts-bar-rectangle').first().waitFor({ timeout: 10_000 });
    // The legend names the bars in the order they stand (recharts would sort it by key: 事業費割合 first).
    const legend = page.locator('[data-testid=metric-comparison] .recharts-legend-wrapper');
    await expect.poll(async () => (await legend.innerText()).split(/\n+/), WAIT).toEqual(['件数ベース', '事業費割合', '目標']);
    // The total's line is labelled with its figure right of the bars, not over the first one.
    const comparison = page.locator('[data-testid=metric-comparison]');
    const lineLabel = comparison.locator('text.recharts-label', { hasText: '団体計' });
    await expect.poll(() => lineLabel.textContent(), WAIT).toMatch(/^8団体計 \d+\.\d%$/);
    const barsEnd = Math.max(...(await comparison.locator('.recharts-bar-rectangle').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().right))));
    const labelBox = (await lineLabel.boundingBox())!;
    expect(labelBox.x).toBeGreaterThanOrEqual(barsEnd);
    expect(labelBox.x + labelBox.width).toBeLessThanOrEqual((await comparison.boundingBox())!.x + (await comparison.boundingBox())!.width);
    await page.screenshot({ path: '.vitest/dashboard-overview.png', fullPage: true });

    await table.getByRole('link', { name: '日空衛' }).click();
    await page.locator('[data-testid=records-cumulative-value]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('一般社団法人日本空調衛生工事業協会');
    await expect.poll(() => page.locator('[data-testid=rates-table] tbody tr').count(), WAIT).toBeGreaterThanOrEqual(8);
    await page.locator('[data-testid=member-table] tbody tr').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=member-table] tbody tr').count(), WAIT).toBe(30);
    await expect.poll(() => page.locator('[data-testid=member-count]').textContent(), WAIT).toMatch(/^会員企業 30 社/);
    await page.locator('.recharts-line').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: '.vitest/dashboard-association.png', fullPage: true });
    await page.context().close();
  });

  it('reproduces the associations’ own report for FY2024, marked as demo data; the ministry cannot open the import', async () => {
    const page = await signIn('ministry@demo.tsumiki.jp');
    await page.locator('[data-testid=association-table]').waitFor({ timeout: 20_000 });
    await page.goto(new URL('/?fy=2024&asOf=2025-01', page.url()).toString());
    const table = page.locator('[data-testid=association-table]');
    await expect.poll(() => page.locator('[data-testid=demo-figures]').textContent(), WAIT).toContain('デモデータ');

    // 日空衛: 「年間の就業履歴登録数110万件。（1月末現在の達成率約52%）」.
    await table.getByRole('link', { name: '日空衛' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('一般社団法人日本空調衛生工事業協会');
    await expect.poll(() => page.locator('[data-testid=records-annual-value]').textContent(), WAIT).toBe('52%');
    await expect.poll(() => page.locator('[data-testid=records-annual]').textContent(), WAIT).toContain('1,100,000');
    await expect.poll(() => page.locator('[data-testid=demo-figures]').isVisible(), WAIT).toBe(true);

    // The ministry reads every association but reports for none: the import says so, with no form.
    const nikkuei = new URL(page.url());
    await page.goto(new URL(`${nikkuei.pathname}/import`, nikkuei).toString());
    await expect.poll(() => page.locator('[data-testid=reporter-only]').textContent(), WAIT).toContain('報告担当者だけです');
    await expect.poll(() => page.locator('input[type=file]').count(), WAIT).toBe(0);

    // 日建連: 「最新の1月の目標達成率は189%」.
    await page.goto(new URL('/?fy=2024&asOf=2025-01', page.url()).toString());
    await table.getByRole('link', { name: '日建連' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('一般社団法人日本建設業連合会');
    await expect.poll(() => page.locator('[data-testid=records-projection]').textContent(), WAIT).toContain('2025年1月の単月達成率: 189%');
    await page.context().close();
  });

  it('keeps an association viewer to their own association', async () => {
    const page = await signIn('viewer@demo.tsumiki.jp');
    await page.locator('[data-testid=records-cumulative-value]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe('一般社団法人全国建設業協会');
    await expect.poll(() => page.locator('[data-testid=association-table]').count(), WAIT).toBe(0);

    // Exports: the summary as CSV (opens in Excel: BOM, Japanese headings) and the workbook.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
    expect(csv.suggestedFilename()).toMatch(/^CCUS_全建_FY\d{4}_\d{4}-\d{2}\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF指標,区分,基準月')).toBe(true);
    expect(text).toContain('就業履歴数,累計（月次）');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-xlsx]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An .xlsx is a zip: "PK" first.
    expect(readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');

    // The printed page is the report alone: no menu, no buttons, the figures still there.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('nav').first().isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.locator('[data-testid=export]').isVisible(), WAIT).toBe(false);
    await expect.poll(() => page.locator('[data-testid=records-cumulative-value]').isVisible(), WAIT).toBe(true);
    await page.context().close();
  });

  it('lets a reporter import a CSV: one bad row is reported and nothing saved; the fixed file updates the cards and the chart', async () => {
    const page = await signIn('reporter@demo.tsumiki.jp');
    const cumulative = page.locator('[data-testid=records-cumulative-value]');
    await cumulative.waitFor({ timeout: 20_000 });
    const before = await cumulative.textContent();
    // The latest month's bar of this year (the second series; months not yet reported have none).
    const latestBar = page.locator('[data-testid=records-monthly-chart] .recharts-bar-rectangles').nth(1).locator('.recharts-bar-rectangle').last();
    await latestBar.waitFor({ timeout: 10_000 });
    const barBefore = (await latestBar.boundingBox())!.height;
    const association = await browser.stack.database.db
      .selectFrom('organisations')
      .select('id')
      .where('short_name_ja', '=', '日建連')
      .executeTakeFirstOrThrow();
    // The latest reported month of work-history records, which the cards include.
    const latest = await browser.stack.database.db
      .selectFrom('ccus_facts')
      .select(['period_month', 'numerator'])
      .where('association_id', '=', association.id)
      .where('metric_code', '=', 'work_history_records')
      .orderBy('period_month', 'desc')
      .executeTakeFirstOrThrow();
    const month = latest.period_month.slice(0, 7);
    const replacement = latest.numerator + 123_456;
    const header = '指標コード,年月,会員企業,実績,分母,事業費';
    const rows = [`work_history_records,${month},,${replacement},,`, 'business_registration_rate,2025-09,北海建設株式会社,45,50,'];
    const badRow = 'business_registration_rate,2025-09,架空建設株式会社,45,40,';
    const facts = async () => Number((await browser.stack.database.db.selectFrom('ccus_facts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const factsBefore = await facts();

    await page.locator('[data-testid=open-import]').click();
    await page.locator('[data-testid=import-page]').waitFor();
    const upload = (name: string, lines: string[]) =>
      page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });

    await upload('with-error.csv', [header, ...rows, badRow]);
    const summary = page.locator('[data-testid=import-summary]');
    await summary.waitFor({ timeout: 20_000 });
    await expect.poll(() => summary.textContent(), WAIT).toContain('3行のうち1行にエラーがあります');
    const bad = page.locator('[data-testid=import-table] tr[data-line="4"]');
    await expect.poll(() => bad.textContent(), WAIT).toContain('会員企業「架空建設株式会社」は登録されていません');
    await expect.poll(() => bad.textContent(), WAIT).toContain('率の分子（該当数）が分母（対象数）を超えています');
    await expect.poll(() => page.locator('[data-testid=import-save]').isDisabled(), WAIT).toBe(true);
    await expect.poll(() => facts(), WAIT).toBe(factsBefore);

    await upload('fixed.csv', [header, ...rows]);
    await page.waitForFunction(() => document.querySelector('[data-testid=import-summary]')?.textContent?.includes('2行すべて問題ありません'), null, {
      timeout: 20_000,
    });
    // Both rows would replace stored figures: the page says so, shows what is there now, and saves
    // only once that is confirmed.
    await expect.poll(() => page.locator('[data-testid=import-overwrite]').textContent(), WAIT).toContain('2行は、同じ指標・年月・会員企業の数値がすでに登録されています');
    await expect.poll(() => page.locator('[data-testid=import-table] tr[data-line="2"] [data-testid=replaces]').textContent(), WAIT).toBe(
      `現在: ${latest.numerator.toLocaleString('ja-JP')}`,
    );
    await expect.poll(() => page.locator('[data-testid=import-save]').isDisabled(), WAIT).toBe(true);
    await page.locator('[data-testid=import-overwrite-confirm]').check();
    await page.locator('[data-testid=import-save]').click();
    await page.locator('[data-testid=association-page]').waitFor({ timeout: 20_000 });
    const parse = (text: string | null) => Number((text ?? '').replaceAll(',', ''));
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid=records-cumulative-value]')?.textContent?.replaceAll(',', '') === String(expected),
      parse(before) + 123_456,
      { timeout: 20_000 },
    );
    await expect.poll(() => facts(), WAIT).toBe(factsBefore); // both rows replaced existing figures
    // The chart follows: the latest month's bar grew with the corrected figure.
    await page.waitForFunction(
      (previous) => {
        const bars = document.querySelectorAll('[data-testid=records-monthly-chart] .recharts-bar-rectangles')[1]?.querySelectorAll('.recharts-bar-rectangle');
        const last = bars?.[bars.length - 1];
        return last ? last.getBoundingClientRect().height > previous + 1 : false;
      },
      barBefore,
      { timeout: 10_000 },
    );
    await page.context().close();
  });

  it('shows what associations published to anyone, without signing in', async () => {
    const page = await browser.visit('dashboard', '/public');
    await page.locator('[data-testid=public-page] article').first().waitFor({ timeout: 20_000 });
    const text = await page.locator('[data-testid=public-page]').textContent();
    // seeds/000: 日建連's goal for fiscal 2025, published in the demo; 建専連's is still being drafted.
    expect(text).toContain('「CCUS普及の新目標」及び「CCUS普及に係る目標達成のための日建連の推進方策(2025)」を策定');
    expect(text).not.toContain('一般社団法人建設産業専門団体連合会');
    await expect.poll(() => page.locator('input[name=password]').count(), WAIT).toBe(0);
    await page.context().close();
  });
});

