import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();
const REVIEWER = 'reviewer@demo.tsumiki.jp';

describe('review queue: the list lives in its address', () => {
  it('keeps search, sort and status through a reload and a shared link, and offers the way back from an empty list', async () => {
    const reviewer = await browser.signIn('console', REVIEWER, { viewport: { width: 1366, height: 900 } });
    await reviewer.locator('[data-testid=queue-table]').waitFor({ timeout: 20_000 });
    const rows = reviewer.locator('[data-testid=queue-row]');
    const all = await rows.count();
    expect(all).toBeGreaterThan(1);

    // Search and sort by 申請助成額 (ascending): both go into the address.
    await reviewer.locator('[data-testid=queue-search]').fill('杉山');
    await expect.poll(() => new URL(reviewer.url()).searchParams.get('q'), WAIT).toBe('杉山');
    await reviewer.locator('[data-testid=sort-requested]').click();
    await expect.poll(() => new URL(reviewer.url()).searchParams.get('sort'), WAIT).toBe('requested_grant');
    await expect.poll(() => new URL(reviewer.url()).searchParams.get('dir'), WAIT).toBe('asc');
    // The searched list, not the one still on screen while it loads (the address changes first):
    // every row is 杉山's, and there are fewer than before.
    const searched = async () => {
      const texts = await rows.allTextContents();
      return texts.length > 0 && texts.length < all && texts.every((text) => text.includes('杉山'));
    };
    await expect.poll(searched, WAIT).toBe(true);
    const filteredCount = await rows.count();

    // A reload, and the same address opened by a colleague, show the same list.
    await reviewer.reload();
    await reviewer.locator('[data-testid=queue-table]').waitFor(WAIT);
    await expect.poll(() => reviewer.locator('[data-testid=queue-search]').inputValue(), WAIT).toBe('杉山');
    await expect.poll(() => reviewer.locator('th[aria-sort=ascending]').textContent(), WAIT).toContain('申請助成額');
    await expect.poll(() => rows.count(), WAIT).toBe(filteredCount);
    const colleague = await browser.signIn('console', 'admin@demo.tsumiki.jp', { viewport: { width: 1366, height: 900 } });
    await colleague.locator('[data-testid=queue-page]').waitFor(WAIT);
    await colleague.goto(reviewer.url());
    await expect.poll(() => colleague.locator('[data-testid=queue-search]').inputValue(), WAIT).toBe('杉山');
    await expect.poll(() => colleague.locator('th[aria-sort=ascending]').textContent(), WAIT).toContain('申請助成額');
    await colleague.context().close();

    // Nothing found: not a bare 「0件」 but what happened and the way back.
    await reviewer.locator('[data-testid=queue-search]').fill('該当する申請のない検索語');
    const clear = reviewer.locator('[data-testid=queue-clear-filters]');
    await clear.waitFor(WAIT);
    await expect.poll(() => reviewer.locator('[data-testid=queue-table-empty]').textContent(), WAIT).toContain('条件に合う申請はありません');
    await clear.click();
    await expect.poll(() => rows.count(), WAIT).toBe(all);
    expect(new URL(reviewer.url()).search).toBe('');
    await reviewer.context().close();
  });
});
