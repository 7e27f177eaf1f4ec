import { insertApplication, insertSubmission, type Database } from '@tsumiki/db';
import { applicantActions } from '@tsumiki/domain/lifecycle';
import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

const browser = useBrowserStack();
const APPLICANT = 'applicant@demo.tsumiki.jp';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const signIn = () => browser.signIn('portal', APPLICANT, { viewport: { width: 1400, height: 1000 } });

/**
 * An application of the demo applicant in a given state, as the review would have left it: its
 * first version frozen, the status set, and (for a return) the office's request with its due date.
 */
async function prepared(db: Database['db'], status: 'in_progress' | 'returned' | 'grant_decided', title: string) {
  const user = await db.selectFrom('users').select('id').where('email', '=', APPLICANT).executeTakeFirstOrThrow();
  const membership = await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  const programme = await db.selectFrom('programmes').select('id').where('code', '=', 'clt-demonstration-demo').executeTakeFirstOrThrow();
  const reviewer = await db.selectFrom('users').select('id').where('email', '=', 'reviewer@demo.tsumiki.jp').executeTakeFirstOrThrow();
  const content = cltExampleApplicationContent();
  const draft = await insertApplication(db, { programmeId: programme.id, organisationId: membership.organisation_id, createdBy: user.id, title, content });
  const submittedAt = new Date(Date.now() - 30 * 86_400_000);
  await insertSubmission(db, { applicationId: draft.id, versionNo: 1, title, content, assessment: {}, requestedGrantYen: 11_810_000, submittedBy: user.id, submittedAt, idempotencyKey: crypto.randomUUID() });
  await db
    .updateTable('applications')
    .set({ status, submitted_at: submittedAt, tracking_number: `CLT-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`, version: 5 })
    .where('id', '=', draft.id)
    .execute();
  if (applicantActions(status).resubmit) {
    await db
      .insertInto('review_status_transitions')
      .values({ application_id: draft.id, event: 'return_for_correction', from_status: 'under_review', to_status: 'returned', actor_user_id: reviewer.id, actor_role: 'reviewer', reason: '様式3の実証計画に工程を追記してください', due_at: new Date(Date.now() + 7 * 86_400_000), notified_applicant: true, occurred_at: new Date(Date.now() - 86_400_000) })
      .execute();
    await db
      .insertInto('review_requests')
      .values({ application_id: draft.id, kind: 'correction', message: '様式3の実証計画に工程を追記してください', issued_by: reviewer.id, issued_at: new Date(Date.now() - 86_400_000), due_at: new Date(Date.now() + 7 * 86_400_000) })
      .execute();
  }
  return draft.id;
}

const open = async (page: Page, id: string) => {
  await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
  await page.goto(new URL(`/applications/${id}`, browser.stack.urls.portal).toString());
};
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('applicant portal: after submission', () => {
  it('fills the results report (a line error fixed, evidence, a work diary overlap fixed, the checklist), resumes the autosaved draft, submits, and sees it on the timeline', async () => {
    const { db } = browser.stack.database;
    const id = await prepared(db, 'in_progress', 'CLT実証（実績報告）');
    const page = await signIn();
    await open(page, id);
    await page.locator('[data-testid=results-report]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=lifecycle-status]').textContent(), WAIT).toBe('事業実施中');

    // Line 1: CLT panels. A negative amount is refused by the yen field at once (never read as
    // 1,100,000), then fixed; full-width digits are read as typed.
    await page.getByRole('button', { name: '明細を追加' }).click();
    await choose(page, '費目 1', '需用費');
    await page.getByRole('textbox', { name: '内容 1' }).fill('CLTパネル（材料支給）');
    const refused = '金額にマイナスは入力できません。0円以上、100,000,000,000円以下の整数で入力してください。';
    await page.getByRole('textbox', { name: '金額（円、税込） 1' }).fill('-1100000');
    await page.getByText(refused).waitFor();
    await page.getByRole('textbox', { name: '金額（円、税込） 1' }).fill('１，１００，０００');
    await expect.poll(() => page.getByText(refused).count(), WAIT).toBe(0);
    expect(await page.getByRole('textbox', { name: '金額（円、税込） 1' }).inputValue()).toBe('１，１００，０００');
    const line1 = page.locator('[data-testid=report-line]').nth(0);
    await line1.locator('input[type=file]').setInputFiles({ name: '請求書_CLTパネル.pdf', mimeType: 'application/pdf', buffer: PDF });
    await line1.getByRole('button', { name: 'アップロード' }).click();
    await line1.getByText('請求書_CLTパネル.pdf').waitFor({ timeout: 10_000 });

    // Line 2: the council's engineer pay, from a staff rate and a work diary.
    await page.getByRole('button', { name: '明細を追加' }).click();
    await choose(page, '費目 2', '技術者給');
    await page.getByRole('textbox', { name: '内容 2' }).fill('協議会 技術者（山田）');
    await page.getByRole('textbox', { name: '金額（円、税込） 2' }).fill('11499');
    const line2 = page.locator('[data-testid=report-line]').nth(1);
    await line2.locator('input[type=file]').setInputFiles({ name: '賃金台帳.pdf', mimeType: 'application/pdf', buffer: PDF });
    await line2.getByRole('button', { name: 'アップロード' }).click();
    await line2.getByText('賃金台帳.pdf').waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: '従事者を追加' }).click();
    const staff = page.locator('[data-testid=staff-row]').first();
    await staff.getByLabel('氏名').fill('山田 太郎');
    await staff.getByLabel('年間総支給額（円）').fill('6000000');
    // Pay and welfare are the one yen field: a minus is refused with a message, not turned into 900,000.
    await staff.getByLabel('年間法定福利費（円）').fill('-900000');
    await staff.getByText('金額にマイナスは入力できません。0円以上、1,000,000,000,000円以下の整数で入力してください。').waitFor(WAIT);
    await staff.getByLabel('年間法定福利費（円）').fill('９００，０００');
    await staff.getByLabel('年間所定営業日数').fill('240');
    await staff.getByLabel('1日の所定労働時間').fill('7.5');

    await page.getByRole('button', { name: '日誌を追加' }).click();
    const day = page.locator('[data-testid=diary-day]').first();
    await day.getByLabel('日付').fill('2026-07-01');
    await day.getByLabel('確認者（勤務時間管理者）').fill('佐藤 誠');
    await page.getByTestId('entry-start-0-0').fill('09:00');
    await page.getByTestId('entry-end-0-0').fill('12:00');
    await day.getByRole('button', { name: '行を追加' }).click();
    await day.getByRole('textbox', { name: '業務 2' }).fill('B社案件');
    await choose(page, '区分 2', '他の事業');
    await page.getByTestId('entry-start-0-1').fill('11:00');
    await page.getByTestId('entry-end-0-1').fill('12:00');
    // The same hour on two projects: named on the entries, and it does not count.
    await day.getByText('重複しています').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('entry-start-0-1').fill('13:00');
    await page.getByTestId('entry-end-0-1').fill('14:00');
    await expect.poll(() => day.getByText('重複しています').count(), WAIT).toBe(0);
    // (6,000,000 + 900,000) ÷ (240 × 7.5 h) = ¥3,833/h; 3 h on this project → ¥11,499.
    await expect.poll(() => page.locator('[data-testid=personnel-computed]').textContent()).toContain('11,499');

    // The checklist's report phase: every item planned at application is done.
    const boxes = page.locator('section[aria-labelledby=report-checklist] input[type=checkbox]');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) await boxes.nth(i).check();

    // Autosaved: a reload resumes the draft as typed.
    await page.locator('[data-testid=report-save-state][data-state=saved]').waitFor({ timeout: 15_000 });
    await page.reload();
    await page.locator('[data-testid=results-report]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('textbox', { name: '金額（円、税込） 1' }).inputValue(), WAIT).toBe('1,100,000');
    await expect.poll(() => page.locator('[data-testid=diary-entry]').count(), WAIT).toBe(2);

    await page.getByRole('button', { name: '実績報告を提出する' }).click();
    await page.locator('[data-testid=lifecycle-status][data-status=results_reported]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=timeline-status][data-event=report_results]').waitFor({ timeout: 10_000 });
    const lines = await db.selectFrom('review_report_lines').select(['category', 'amount_yen']).where('application_id', '=', id).orderBy('amount_yen', 'desc').execute();
    expect(lines).toEqual([
      { category: 'supplies', amount_yen: 1_100_000 },
      { category: 'engineer_pay', amount_yen: 11_499 },
    ]);
    // The bell counts the receipt of the report.
    await expect.poll(async () => Number(await page.locator('[data-testid=notification-count]').getAttribute('data-count'))).toBeGreaterThan(0);
    await page.screenshot({ path: '.vitest/portal-results-report.png', fullPage: true });
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('answers a return for correction: edits the returned content and resubmits before the due date as a new version', async () => {
    const { db } = browser.stack.database;
    const id = await prepared(db, 'returned', 'CLT実証（差戻し）');
    const page = await signIn();
    await open(page, id);
    const banner = page.locator('[data-testid=returned-banner]');
    await banner.waitFor({ timeout: 20_000 });
    await expect.poll(() => banner.textContent(), WAIT).toContain('様式3の実証計画に工程を追記してください');
    await page.locator('[data-testid=application-wizard]').waitFor();
    await page.getByRole('tab', { name: '実証内容及び実証計画' }).click();
    await page.locator('#field-plan-schedule').fill('令和8年6月着工、8月CLT建方、令和9年2月竣工（工程表を追記）');
    await page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: '確認・提出' }).click();
    await page.getByRole('button', { name: '提出する' }).click();
    await page.locator('[data-testid=receipt]').waitFor({ timeout: 20_000 });

    await page.goto(new URL(`/applications/${id}`, browser.stack.urls.portal).toString());
    await page.locator('[data-testid=status-timeline]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=lifecycle-status]').textContent(), WAIT).toBe('再提出');
    await page.locator('[data-testid=timeline-submission]').getByText('第2版を再提出').waitFor();
    const request = page.locator('[data-testid=timeline-request]');
    await expect.poll(() => request.textContent(), WAIT).toContain('回答済み');
    const history = await db.selectFrom('review_status_transitions').select('event').where('application_id', '=', id).orderBy('id').execute();
    expect(history.map((h) => h.event)).toEqual(['return_for_correction', 'resubmit']);
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('requests adding a company; the office approves it in the console; the applicant sees the new version and the notice', async () => {
    const { db } = browser.stack.database;
    const id = await prepared(db, 'grant_decided', 'CLT実証（変更申請）');
    const page = await signIn();
    await open(page, id);
    await page.locator('[data-testid=application-lifecycle]').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: '変更申請' }).click();
    await page.getByText('事業者の追加', { exact: true }).click();
    await page.getByRole('button', { name: '変更を申請する' }).click();
    // Nothing typed yet: each missing field is named and nothing is sent.
    await page.getByText('追加する事業者の名称を入力してください。').waitFor();
    await page.getByText('変更の理由を入力してください。').waitFor();
    await page.getByLabel('事業者名').fill('木構プレカット株式会社');
    await page.getByLabel('役割（担当する業務）').fill('CLTパネルの加工');
    await page.getByLabel('変更の理由').fill('加工工程を分担するため');
    await page.getByRole('button', { name: '変更を申請する' }).click();
    await page.getByText('変更を申請しました。事務局の審査をお待ちください。').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=change-row]').getByText('審査中').waitFor();

    const office = await browser.signIn('console', 'admin@demo.tsumiki.jp', { viewport: { width: 1400, height: 1000 } });
    await office.locator('[data-testid=signed-in-user]').waitFor({ timeout: 20_000 });
    await office.goto(new URL(`/applications/${id}`, browser.stack.urls.console).toString());
    const request = office.locator('[data-testid=change-request][data-status=pending]');
    await request.waitFor({ timeout: 20_000 });
    await expect.poll(() => request.textContent(), WAIT).toContain('木構プレカット株式会社');
    await request.getByRole('button', { name: '承認する' }).click();
    await office.locator('[data-testid=change-request][data-status=approved]').waitFor({ timeout: 10_000 });
    await office.context().close();

    await page.reload();
    await page.locator('[data-testid=status-timeline]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=timeline-submission]').getByText('変更承認により第2版を確定').waitFor();
    await page.locator('[data-testid=timeline-change]').getByText('事業者の追加が承認されました').waitFor();
    await page.getByTestId('notification-bell').click();
    await page.getByText(/【事業者の追加承認】/).first().waitFor({ timeout: 10_000 });
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });
});
