import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { columnNames, rendered } from './routes';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };
/** A demo application with the worked example's budget as it stands (apps/api/src/seed/demo-applications.ts). */
const WORKED_EXAMPLE = 'CLT耐力壁の性能実証と2階建て店舗（杉山木材）';

describe('reviewer console: what the public-service review found, as the reviewer sees it', () => {
  it("prints the requirement reasons' amounts with separators, as the grant table below them does", async () => {
    const page = await browser.signIn('console', 'reviewer@demo.tsumiki.jp', { viewport: VIEWPORT });
    await page.locator('[data-testid=queue-page]').waitFor(WAIT);
    await page.getByRole('link', { name: WORKED_EXAMPLE }).click();
    const assessment = page.locator('[data-testid=assessment]');
    // 003's worked example, 建築物の建築実証: 33,000,000 incl. tax → 30,000,000.
    await assessment.getByText(/消費税込33,000,000円から消費税相当額を除いた30,000,000円/).first().waitFor(WAIT);
    const text = (await assessment.textContent()) ?? '';
    // No amount of four digits or more is printed without its separators.
    expect(text.match(/\d{4,}円/g) ?? []).toEqual([]);
    await page.context().close();
  });

  it('heads the ledger table with its columns', async () => {
    const page = await browser.signIn('console', 'admin@demo.tsumiki.jp', { viewport: VIEWPORT });
    await page.getByRole('link', { name: '公募回の管理' }).waitFor(WAIT);
    await page.goto(new URL('/ledger', browser.stack.urls.console).toString());
    await rendered(page, 'console /ledger');
    const table = page.getByRole('table', { name: '台帳の記録' });
    await expect.poll(() => columnNames(table), WAIT).toEqual(['日時', '種別', '申請（受付番号・事業名）', '金額', '計上後の累計']);
    await page.context().close();
  });
});
