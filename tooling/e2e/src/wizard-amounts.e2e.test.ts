import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { field, openDraft, saved, tab } from './wizard';

const browser = useBrowserStack();

describe('applicant portal: amounts are taken as typed or refused with a reason', () => {
  it('reads full-width digits and separators, and refuses negatives, decimals and amounts over the maximum without changing them', async () => {
    const { page, draft, db } = await openDraft(browser, cltExampleApplicationContent());
    await tab(page, '予算（経費の内訳）');
    const amount = field(page, 'grant.building.lines.0.amount');
    const storedAmount = async () => {
      const row = await db.selectFrom('applications').select('content').where('id', '=', draft.id).executeTakeFirstOrThrow();
      return (row.content as { grant: { building: { lines: { amount?: number }[] } } }).grant.building.lines[0]!.amount;
    };
    const error = page.locator('#field-grant-building-lines-0-amount-error');
    const errorOf = () => error.textContent();

    await amount.fill('-500000');
    await expect.poll(errorOf, WAIT).toBe('金額にマイナスは入力できません。0円以上、1,000,000,000,000円以下の整数で入力してください。');
    expect(await amount.inputValue()).toBe('-500000');
    await saved(page);
    expect(await storedAmount()).toBeUndefined();

    await amount.fill('1000.5');
    await expect.poll(errorOf, WAIT).toContain('金額に小数は入力できません');
    expect(await amount.inputValue()).toBe('1000.5');

    await amount.fill('12345678901234567890');
    await expect.poll(errorOf, WAIT).toBe('金額が上限を超えています。1,000,000,000,000円以下で入力してください。');

    await amount.fill('１，１００，０００');
    await expect.poll(() => error.count(), WAIT).toBe(0);
    expect(await amount.inputValue()).toBe('１，１００，０００');
    await page.getByText('1,100,000円として読み取りました').waitFor(WAIT);
    await saved(page);
    await expect.poll(storedAmount, WAIT).toBe(1_100_000);
    // The example's own amount again: the grant is the example's, as the domain computes it.
    const expected = assessApplication('clt_demonstration', cltExampleApplicationContent(), undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent(), WAIT).toBe(`${expected.toLocaleString('ja-JP')}円`);
    await page.context().close();
  });
});
