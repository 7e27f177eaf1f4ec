import { co2LicenceExampleContent, type TCo2Content } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { choose, field, openDraft, saved, tab } from './wizard';

const browser = useBrowserStack();

describe('applicant portal: the CO2 licence line (001 §4.2(2)(5))', () => {
  it('takes the licence’s start and term on the line, and the rules apportion its fee to the results report', async () => {
    const { page, draft, db } = await openDraft(browser, co2LicenceExampleContent());
    await tab(page, '予算（経費の内訳）');
    // The licence cells are open on the licence line alone; each one missing is named as on screen.
    expect(await field(page, 'grant.lines.0.licence.start').isDisabled()).toBe(true);
    await choose(page, 'grant.lines.1.licence.acquisition', '利用契約');
    await expect
      .poll(() => page.locator('#field-grant-lines-1-licence-start-error').textContent(), WAIT)
      .toBe('契約（購入）の開始日を入力してください（経費（2行目）契約（購入）の開始日）。');
    await field(page, 'grant.lines.1.licence.start').fill('2026-06-01');
    await field(page, 'grant.lines.1.licence.end').fill('2028-05-31');
    // 2,000,000 + 730,000 × 271 ÷ 731 days (rounded down) = 2,270,629.
    await expect.poll(() => page.locator('[data-testid=summary-eligible]').textContent(), WAIT).toBe('2,270,629円');
    await saved(page);
    const row = await db.selectFrom('applications').select('content').where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect((row.content as TCo2Content).grant!.lines![1]!.licence).toEqual({ acquisition: 'subscription', start: '2026-06-01', end: '2028-05-31' });

    // A purchase with a useful life: a decimal is refused and named, one year counts in full.
    await choose(page, 'grant.lines.1.licence.acquisition', '購入');
    await field(page, 'grant.lines.1.licence.usefulLifeYears').fill('1.5');
    await expect
      .poll(() => page.locator('#field-grant-lines-1-licence-usefulLifeYears-error').textContent(), WAIT)
      .toBe('耐用年数（年・購入）（2行目）に小数は入力できません。1以上50以下の整数で入力してください。');
    await field(page, 'grant.lines.1.licence.usefulLifeYears').fill('１');
    await expect.poll(() => page.locator('[data-testid=summary-eligible]').textContent(), WAIT).toBe('2,730,000円');
    await field(page, 'grant.lines.1.licence.usefulLifeYears').fill('3');

    // The form as it will be submitted prints the term and how it was counted.
    await tab(page, '確認・提出');
    await page.locator('[data-testid=submit-preview]').getByText('購入 2026-06-01 耐用年数3年（成果報告まで 271日／1096日で按分）').waitFor(WAIT);
    await page.context().close();
  });
});
