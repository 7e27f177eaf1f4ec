import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { columnNames } from './routes';

const browser = useBrowserStack();
const RATES = '登録率などの指標（直近のフォローアップ時点）';

/** What a reader finds in a metric's row under a column: the header's position, then the row's cell there. */
async function rateOf(page: Page, metric: string, column: string): Promise<string> {
  const table = page.getByRole('table', { name: RATES });
  const headers = await columnNames(table);
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: metric, exact: true }) });
  const cells = [...(await row.getByRole('rowheader').allInnerTexts()), ...(await row.getByRole('cell').allInnerTexts())];
  return cells[headers.indexOf(column)]?.trim() ?? '';
}

/** The ministry opens an association from the overview of a fiscal year as of a month. */
async function openAssociation(page: Page, query: string, association: string, heading: string) {
  await page.goto(new URL(`/?${query}`, browser.stack.urls.dashboard).toString());
  await page.getByRole('link', { name: association, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(heading);
  await page.getByRole('table', { name: RATES }).getByRole('rowheader').first().waitFor(WAIT);
}

describe('association dashboard: the demo reproduces the rates seeds/000 reports', () => {
  it('shows 日本電設工業協会 keeping an 80% registration renewal rate in FY2024, and 建専連 at 40.7% / 58.1% at the end of R5', async () => {
    const page = await browser.signIn('dashboard', 'ministry@demo.tsumiki.jp', { viewport: { width: 1400, height: 1000 } });
    await page.locator('[data-testid=association-table]').waitFor(WAIT);

    // 「2024年度の事業者登録更新率（80％）の維持」.
    await openAssociation(page, 'fy=2024&asOf=2025-01', '日本電設工業協会', '一般社団法人日本電設工業協会');
    // The measured rate is written with the column's one decimal; the target as the association set it.
    await expect.poll(() => rateOf(page, '事業者登録更新率', '件数ベース'), WAIT).toBe('80.0%');
    expect(await rateOf(page, '事業者登録更新率', '目標')).toBe('80%');
    await expect.poll(() => page.locator('[data-testid=demo-figures]').textContent(), WAIT).toContain('デモデータ');

    // 「参考：R5（正会員） 企業ID取得率40.7% 個人ID取得率58.1%」.
    await openAssociation(page, 'fy=2023&asOf=2024-03', '建専連', '一般社団法人建設産業専門団体連合会');
    await expect.poll(() => rateOf(page, '企業ID取得率', '件数ベース'), WAIT).toBe('40.7%');
    expect(await rateOf(page, '個人ID取得率', '件数ベース')).toBe('58.1%');
    await page.context().close();
  });
});
