import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { field, openDraft, tab } from './wizard';

const browser = useBrowserStack();

describe('applicant portal: the grant panel keeps computing around an invalid row', () => {
  it('computes from the valid rows while one is blank, names the row left out as on screen, and keeps eligibility shown', async () => {
    const content = cltExampleApplicationContent();
    const { page } = await openDraft(browser, content);
    await tab(page, '予算（経費の内訳）');
    // Clearing a line to retype it: its breakdown goes too, so no amount is computed for it.
    await field(page, 'grant.building.lines.1.unitPrice').fill('');
    await field(page, 'grant.building.lines.1.amount').fill('');
    const excluded = page.locator('[data-testid=excluded-rows]');
    await excluded.getByText('建築物の建築実証（2行目）', { exact: true }).waitFor(WAIT);
    expect(await excluded.textContent()).toContain('建築物の建築実証（2行目）金額（税込・円）');
    expect(await excluded.textContent()).not.toMatch(/building\.lines|lines\.1/);

    // The figures are those of the example without that line, as the domain computes them.
    const lines = content.grant!.building!.lines.filter((_, i) => i !== 1);
    const expected = assessApplication('clt_demonstration', { ...content, grant: { ...content.grant, building: { lines } } }, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent(), WAIT).toBe(`${expected.toLocaleString('ja-JP')}円`);
    await page.locator('[data-testid=eligibility]').waitFor(WAIT);

    // Its unit price typed again (the amount follows from unit price × quantity): the row is back and the note goes.
    await field(page, 'grant.building.lines.1.unitPrice').fill(String(content.grant!.building!.lines[1]!.unitPrice));
    await expect.poll(() => excluded.count(), WAIT).toBe(0);
    const full = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent(), WAIT).toBe(`${full.toLocaleString('ja-JP')}円`);
    await page.context().close();
  });
});
