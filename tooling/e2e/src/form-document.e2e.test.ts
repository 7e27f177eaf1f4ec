import { insertApplication } from '@tsumiki/db';
import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { attachRequiredDocuments, tab } from './wizard';

const browser = useBrowserStack();
const VIEWPORT = { width: 1400, height: 1000 };
const APPLICANT = 'applicant@demo.tsumiki.jp';
const REVIEWER = 'reviewer@demo.tsumiki.jp';
const TITLE = 'CLTパネル工法4階建て事務所の建築実証（記載例）';

/** What the reader sees of a region, as rendered (hidden text left out). */
const visible = (locator: Locator) => locator.evaluate((el: HTMLElement) => el.innerText);

/** The 様式4-1 figures of the worked example, each with its explanation under it. */
async function expectForm41(form41: Locator) {
  const figure = (key: string) => form41.locator(`[data-testid="form-row-form4_1.${key}"]`);
  await expect.poll(() => figure('total').locator('[data-testid=form-value]').textContent(), WAIT).toBe('39,600,000円');
  expect(await figure('taxExcluded').locator('[data-testid=form-value]').textContent()).toBe('36,000,000円');
  expect(await figure('grant').locator('[data-testid=form-value]').textContent()).toBe('10,800,000円');
  expect(await figure('ownShare').locator('[data-testid=form-value]').textContent()).toBe('28,800,000円');
  const tax = await visible(figure('taxExcluded'));
  expect(tax).toContain('建築物の建築実証: 課税対象 33,000,000円（税込）× 100/110 ＝ 30,000,000円');
  const grant = await visible(figure('grant'));
  expect(grant).toContain('30,000,000円 × 3/10 ＝ 9,000,000円（円未満切り捨て）');
  expect(grant).toContain('上限 100,000,000円 以内（上限の適用なし）');
  expect(grant).toContain('根拠: 令和7年度 CLT建築実証事業 募集要領 §2.3, §2.7');
  expect(await visible(figure('ownShare'))).toContain('39,600,000円 − 10,800,000円 ＝ 28,800,000円');
}

/** No JSON, no camelCase identifiers, no codes, no file references in what a Japanese reader sees. */
function expectReadable(text: string) {
  expect(text).not.toContain('{"');
  expect(text).not.toContain('":');
  expect(text.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? []).toEqual([]);
  expect(text).not.toMatch(/\b(panel_only|will_do|clt_demonstration|building_demo)\b/);
  expect(text).not.toMatch(/seeds\/|\b00[0-3] [§様参]/);
}

/** The demo applicant's draft filled in as the 記載例 of the call, with every required document attached. */
async function workedExampleDraft(): Promise<string> {
  const { db } = browser.stack.database;
  const user = await db.selectFrom('users').select('id').where('email', '=', APPLICANT).executeTakeFirstOrThrow();
  const membership = await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  const programme = await db.selectFrom('programmes').select('id').where('code', '=', 'clt-demonstration-demo').executeTakeFirstOrThrow();
  const content = cltExampleApplicationContent();
  const draft = await insertApplication(db, { programmeId: programme.id, organisationId: membership.organisation_id, createdBy: user.id, title: TITLE, content });
  await attachRequiredDocuments(db, draft.id, user.id, content);
  return draft.id;
}

async function openWizard(page: Page, id: string) {
  await page.locator('[data-testid=home]').waitFor(WAIT);
  await page.goto(new URL(`/applications/${id}`, browser.stack.urls.portal).toString());
  await page.locator('[data-testid=application-wizard]').waitFor(WAIT);
}

describe('the application forms: what the applicant confirms is what the reviewer reads', () => {
  it('the portal shows 様式4-1 of the worked example before 提出する; the console shows the reviewer the same forms, explained, with no JSON or internal names', async () => {
    browser.consoleErrors.length = 0;
    const id = await workedExampleDraft();

    // The applicant, on 確認・提出: the forms as they will be submitted, above the button.
    const applicant = await browser.signIn('portal', APPLICANT, { viewport: VIEWPORT });
    await openWizard(applicant, id);
    await tab(applicant, '確認・提出');
    const preview = applicant.locator('[data-testid=submit-preview]');
    await preview.waitFor(WAIT);
    await expectForm41(preview.locator('[data-testid=form-part-form4_1]'));
    const submit = applicant.getByRole('button', { name: '提出する' });
    const previewBottom = await preview.evaluate((el) => el.getBoundingClientRect().bottom);
    const submitTop = await submit.evaluate((el) => el.getBoundingClientRect().top);
    expect(submitTop).toBeGreaterThanOrEqual(previewBottom);
    const confirmed = await visible(preview.locator('[data-testid=form-document]'));
    expectReadable(confirmed);
    await submit.click();
    await applicant.locator('[data-testid=receipt]').waitFor(WAIT);
    await applicant.context().close();

    // The reviewer opens it and reads the same forms.
    const reviewer = await browser.signIn('console', REVIEWER, { viewport: VIEWPORT });
    await reviewer.locator('[data-testid=queue-page]').waitFor(WAIT);
    await reviewer.goto(new URL(`/applications/${id}`, browser.stack.urls.console).toString());
    const forms = reviewer.locator('[data-testid=submitted-forms]');
    await forms.waitFor(WAIT);
    const form41 = forms.locator('[data-testid=form-part-form4_1]');
    await expect.poll(() => form41.locator('h3').first().textContent(), WAIT).toBe('様式4-1 事業予算書（実証事業用）');
    await expectForm41(form41);
    for (const heading of ['様式1 提案申請書', '様式2 建築物の概要', '様式3 実証内容及び実証計画', '様式4-2 事業予算書（協議会運営用）'])
      expect(await forms.getByRole('heading', { name: heading }).count()).toBe(1);
    // Exactly what the applicant confirmed.
    expect(await visible(forms.locator('[data-testid=form-document]'))).toBe(confirmed);
    const main = await visible(reviewer.locator('main'));
    expect(main).toContain('株式会社〇〇木材');
    expectReadable(main);
    await reviewer.screenshot({ path: '.vitest/console-form-document.png', fullPage: true });
    expect(browser.consoleErrors).toEqual([]);
    await reviewer.context().close();
  });
});
