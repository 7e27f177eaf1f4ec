import { cltExampleApplicationContent, type TCltContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { field, openDraft, saved, tab } from './wizard';

const browser = useBrowserStack();

/** The 記載例 with the first two building lines' breakdowns left out. */
function withoutBreakdowns(): TCltContent {
  const content = cltExampleApplicationContent();
  const lines = content.grant!.building!.lines.map((l, i) => (i < 2 ? { ...l, unitPrice: undefined, quantity: undefined } : l)).map((l) => JSON.parse(JSON.stringify(l)) as typeof l);
  return { ...content, grant: { ...content.grant, building: { lines } } };
}

describe('applicant portal: 積算内訳 per budget line (様式4-1 注1)', () => {
  it('names the lines without a breakdown as on screen, and clears the warning once unit price × quantity or 備考 is filled in', async () => {
    const { page, draft, db } = await openDraft(browser, withoutBreakdowns());
    const eligibility = page.locator('[data-testid=eligibility]');
    const warning = (row: number) => eligibility.getByText(`行「建築物の建築実証（${row}行目）」に積算内訳（単価×員数）がありません。備考欄に必ず記載してください。`);
    await warning(1).waitFor(WAIT);
    await warning(2).waitFor(WAIT);
    expect(await eligibility.textContent()).not.toMatch(/「b\d」/);

    await tab(page, '予算（経費の内訳）');
    // Unit price × quantity: the amount is computed from them (the form's yellow cell).
    await field(page, 'grant.building.lines.0.amount').fill('');
    await field(page, 'grant.building.lines.0.unitPrice').fill('１１０，０００');
    await field(page, 'grant.building.lines.0.quantity').fill('10');
    await field(page, 'grant.building.lines.0.unit').fill('枚');
    await expect.poll(() => field(page, 'grant.building.lines.0.amount').inputValue(), WAIT).toBe('1,100,000');
    await expect.poll(() => warning(1).count(), WAIT).toBe(0);
    // In words, in 備考, where a unit price does not fit.
    await field(page, 'grant.building.lines.1.remarks').fill('仮設工事一式（足場 1,200千円、養生 1,000千円）');
    await expect.poll(() => warning(2).count(), WAIT).toBe(0);
    // A refused quantity is said on the field, with the field's name, not a path.
    await field(page, 'grant.building.lines.2.quantity').fill('-1');
    await expect.poll(() => page.locator('#field-grant-building-lines-2-quantity-error').textContent(), WAIT).toBe('数量は0より大きい数値（小数は3桁まで）で入力してください（数量（3行目））。');
    await field(page, 'grant.building.lines.2.quantity').fill('1');

    await saved(page);
    const row = await db.selectFrom('applications').select('content').where('id', '=', draft.id).executeTakeFirstOrThrow();
    const stored = (row.content as TCltContent).grant!.building!.lines;
    expect(stored[0]).toMatchObject({ unitPrice: 110_000, quantity: 10, unit: '枚', amount: 1_100_000 });
    expect(stored[1]).toMatchObject({ remarks: '仮設工事一式（足場 1,200千円、養生 1,000千円）' });

    // The form as it will be submitted prints the breakdown in its 備考 column.
    await tab(page, '確認・提出');
    const preview = page.locator('[data-testid=submit-preview]');
    await preview.getByText('110,000円×10枚').waitFor(WAIT);
    await preview.getByText('仮設工事一式（足場 1,200千円、養生 1,000千円）').waitFor(WAIT);
    await page.context().close();
  });
});
