import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { field, openDraft, tab } from './wizard';

const browser = useBrowserStack();

describe('applicant portal: the grant explained as the budget is typed', () => {
  it('shows the tax-excluded base, the rate, the rounding and the caps with their sources, and says when a cap cut the grant', async () => {
    const { page } = await openDraft(browser, cltExampleApplicationContent());
    const explanation = page.locator('[data-testid=grant-explanation]');
    await explanation.getByText('計 36,000,000円', { exact: true }).waitFor(WAIT);
    await explanation.getByText('助成率 3/10', { exact: true }).waitFor(WAIT);
    expect(await explanation.getByText('円未満切り捨て', { exact: true }).count()).toBeGreaterThan(0);
    const text = await explanation.textContent();
    expect(text).toContain('令和7年度 CLT建築実証事業 募集要領 §2.3, §2.7');
    expect(text).not.toMatch(/seeds\/|\bl\.\d|003 §/);

    await tab(page, '予算（経費の内訳）');
    await field(page, 'grant.building.lines.0.unitPrice').fill('');
    await field(page, 'grant.building.lines.0.quantity').fill('');
    await field(page, 'grant.building.lines.0.amount').fill('123,000,000,000');
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent(), WAIT).toBe('100,000,000円');
    await explanation.getByText('上限「提案できる助成額（実証事業費と協議会運営費の合計）100,000,000円」100,000,000円 を適用').first().waitFor(WAIT);
    await page.context().close();
  });
});
