import { readFileSync } from 'node:fs';
import { cltExampleApplicationContent, CO2_FACTOR_SUPPORT, parseApplicationContent } from '@tsumiki/domain/programmes';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { attachDocument, CLT_DOCUMENTS, field, fillCo2Application, saved, tab } from './wizard';

const browser = useBrowserStack();
const PASSWORD = 'correct horse battery staple';

/** The sign-up form's inputs by their label (inputs are named by their path in the input). */
const NAMES: Record<string, string> = {
  '法人名（団体名）': 'organisation.name',
  '法人番号（13桁）': 'organisation.corporateNumber',
  所在地: 'organisation.address',
  '代表者の役職・氏名': 'organisation.representative',
  メールアドレス: 'user.email',
};

/** The link in the latest mail of `topic` to `email`, read from the outbox as the mail catcher would. */
async function mailedLink(topic: string, email: string): Promise<string> {
  const rows = await browser.stack.database.db.selectFrom('outbox').select('payload').where('topic', '=', topic).orderBy('id', 'desc').execute();
  const mail = rows.find((r) => (r.payload as { to?: string }).to === email);
  return (mail?.payload as { link: string }).link;
}

/**
 * 組織の新規登録, from the sign-in page's link, as a new organisation's first applicant: the form
 * says a mail was sent, and the mailed link is where the name and password are chosen.
 */
async function signUp(organisation: { name: string; corporateNumber: string }, user: { name: string; email: string }): Promise<Page> {
  const page = await browser.visit('portal', '/');
  await page.getByRole('link', { name: 'はじめての組織は、こちらから登録できます' }).click();
  await page.locator('[data-testid=sign-up]').waitFor({ timeout: 20_000 });
  const input = (label: string) => page.locator(`input[name="${NAMES[label]!}"]`);
  await input('法人名（団体名）').fill(organisation.name);
  // A mistyped number is caught by its check digit as soon as the field is left.
  await input('法人番号（13桁）').fill(organisation.corporateNumber.replace(/.$/, (d) => String((Number(d) + 1) % 10)));
  await input('所在地').click();
  await page.getByText('法人番号の先頭のチェック用数字が残り12桁と合いません').waitFor();
  await input('法人番号（13桁）').fill(organisation.corporateNumber);
  await input('所在地').fill('東京都千代田区霞が関2-1-3');
  await input('代表者の役職・氏名').fill('代表取締役 木村 一郎');
  await input('メールアドレス').fill(user.email);
  await expect.poll(() => page.getByText('チェック用数字').count(), WAIT).toBe(0);
  await page.getByRole('button', { name: '登録を申し込む' }).click();
  await page.locator('[data-testid=sign-up-sent]').waitFor({ timeout: 20_000 });
  await page.goto(new URL(new URL(await mailedLink('organisation.sign_up', user.email)).pathname, browser.stack.urls.portal).toString());
  await page.locator('input[name=displayName]').waitFor({ timeout: 20_000 });
  // The sign-up's own link completes a registration; it is nobody's invitation.
  await page.getByRole('heading', { name: '組織の登録を完了する' }).waitFor();
  expect(await page.getByText('招待').count()).toBe(0);
  await page.locator('input[name=displayName]').fill(user.name);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: '登録を完了してログイン' }).click();
  await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
  return page;
}

async function startDraft(page: Page, programme: RegExp, title: string): Promise<string> {
  await page.getByRole('link', { name: programme }).click();
  await page.getByLabel('件名（事業名）').fill(title);
  await page.getByRole('button', { name: '下書きを作成' }).click();
  await page.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Submits from the review tab and returns the receipt's tracking number. */
async function submit(page: Page) {
  await saved(page);
  await tab(page, '確認・提出');
  await page.getByRole('button', { name: '提出する' }).click();
  await page.locator('[data-testid=receipt]').waitFor({ timeout: 20_000 });
  return (await page.locator('[data-testid=tracking-number]').textContent()) ?? '';
}

/** The missing required document is named on the review tab, and nothing is submitted. */
async function refusedFor(page: Page, document: string) {
  await saved(page);
  await tab(page, '確認・提出');
  await page.getByRole('button', { name: '提出する' }).click();
  const issues = page.locator('[data-testid=submit-issues]');
  await issues.waitFor({ timeout: 10_000 });
  await expect.poll(() => issues.textContent(), WAIT).toContain(`必要書類「${document}」が添付されていません`);
  await expect.poll(() => page.locator('[data-testid=receipt]').count(), WAIT).toBe(0);
}

async function downloadsPdf(page: Page, filename: string) {
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=pdf-download]').click()]);
  expect(pdf.suggestedFilename()).toBe(filename);
  const bytes = readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);
}

describe('onboarding: a new organisation signs up, invites a colleague, and both work on one application', () => {
  it('CLT: sign-up, invitation accepted, the colleague edits the draft, a missing document refused then attached, submitted, PDF', async () => {
    const { db } = browser.stack.database;
    const owner = await signUp({ name: '積み木木材株式会社', corporateNumber: '7000012050002' }, { name: '木村 花子', email: 'hanako@tsumiki-mokuzai.example.jp' });
    const id = await startDraft(owner, /申請する: 【デモ】CLT建築実証事業/, 'CLTパネル工法による4階建て事務所の建築実証');
    await field(owner, 'applicant.name').fill('積み木木材株式会社');
    await saved(owner);

    // Invite a colleague; the e-mail (outbox) carries a single-use link.
    await owner.getByRole('link', { name: '組織とメンバー' }).click();
    await owner.getByLabel('招待するメールアドレス').fill('jiro@tsumiki-mokuzai.example.jp');
    await owner.getByRole('button', { name: '招待メールを送る' }).click();
    await owner.getByText('jiro@tsumiki-mokuzai.example.jp に招待メールを送りました').waitFor({ timeout: 10_000 });
    const mail = await db.selectFrom('outbox').select('payload').where('topic', '=', 'organisation.invitation').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const link = (mail.payload as { link: string }).link;

    const colleague = await browser.visit('portal', new URL(link).pathname);
    await colleague.getByText('積み木木材株式会社 から jiro@tsumiki-mokuzai.example.jp 宛ての招待です', { exact: false }).waitFor({ timeout: 20_000 });
    await colleague.locator('input[name=displayName]').fill('木村 次郎');
    await colleague.locator('input[name=password]').fill(PASSWORD);
    await colleague.getByRole('button', { name: '参加してログイン' }).click();
    await colleague.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await expect.poll(() => colleague.locator('[data-testid=application-table]').textContent(), WAIT).toContain('CLTパネル工法による4階建て事務所の建築実証');

    // The colleague edits the same draft (autosaved on top of the version read).
    await colleague.goto(new URL(`/applications/${id}`, browser.stack.urls.portal).toString());
    await colleague.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });
    await expect.poll(() => field(colleague, 'applicant.name').inputValue(), WAIT).toBe('積み木木材株式会社');
    await field(colleague, 'applicant.representative').fill('代表取締役 木村 一郎');
    await saved(colleague);
    // The rest of 様式1–4-2 as in the 記載例 (the form filling itself is application.e2e's subject).
    const row = await db.selectFrom('applications').select(['content', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    const example = cltExampleApplicationContent();
    await db
      .updateTable('applications')
      .set({ content: JSON.stringify({ ...example, applicant: { ...example.applicant, ...parseApplicationContent(id, row.content).applicant } }), version: row.version + 1 })
      .where('id', '=', id)
      .execute();
    await colleague.reload();
    await colleague.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });
    await expect.poll(() => field(colleague, 'applicant.representative').inputValue(), WAIT).toBe('代表取締役 木村 一郎');

    await refusedFor(colleague, '添付資料1 建築物の基本構想図');
    await tab(colleague, '添付資料');
    for (const [document, file] of CLT_DOCUMENTS) await attachDocument(colleague, document, file);
    await expect.poll(() => colleague.locator('[data-testid=required-documents]').getByText('未添付').count(), WAIT).toBe(0);

    const tracking = await submit(colleague);
    expect(tracking).toMatch(/^CLT-\d{4}-\d{4}$/);
    await expect.poll(() => colleague.locator('[data-testid=receipt-grant]').textContent(), WAIT).toContain('11,810,000');
    await downloadsPdf(colleague, `${tracking}-v1.pdf`);
    expect(browser.consoleErrors).toEqual([]);
    await owner.context().close();
    await colleague.context().close();
  }, 120_000); // the longest journey in the suite: two people, sign-up by mail, a full submission

  it('CO2: a second organisation signs up and submits after attaching the quote it was refused without, then downloads the PDF', async () => {
    const page = await signUp({ name: '一般社団法人積み木セメント協会', corporateNumber: '1180301018771' }, { name: '鈴木 三郎', email: 'suzuki@tsumiki-cement.example.jp' });
    await startDraft(page, /申請する: 【デモ】CO2原単位等の策定に係る支援/, '高炉セメントB種のEPD策定');
    await fillCo2Application(page, { name: '一般社団法人積み木セメント協会', email: 'suzuki@tsumiki-cement.example.jp' });
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent()).toContain('2,000,000');

    const quote = CO2_FACTOR_SUPPORT.requiredDocuments.find((d) => d.code === 'quote')!.name.ja;
    await refusedFor(page, quote);
    await tab(page, '添付資料');
    await attachDocument(page, quote, '見積書.pdf');
    const tracking = await submit(page);
    expect(tracking).toMatch(/^CO2-\d{4}-\d{4}$/);
    await downloadsPdf(page, `${tracking}-v1.pdf`);
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });
});
