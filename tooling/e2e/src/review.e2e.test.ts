import { createHash } from 'node:crypto';
import { insertAttachment } from '@tsumiki/db';
import { formatJst } from '@tsumiki/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { runStep, step, waitForStatus } from './console-steps';

const browser = useBrowserStack();
const { consoleErrors } = browser;
const VIEWPORT = { width: 1400, height: 1000 };
const REVIEWER = 'reviewer@demo.tsumiki.jp';
const OFFICE = 'admin@demo.tsumiki.jp';
const COMMITTEE = 'committee@demo.tsumiki.jp';
const APPLICANT = 'applicant@demo.tsumiki.jp';
/** Demo applications (apps/api/src/seed/review-demo.ts). */
const RETURNED_ONE = 'CLT耐力壁の性能実証と2階建て店舗（杉山木材）';
const ASSIGNED_ONE = 'CLTパネル工法 4階建て事務所の建築実証（杉山木材）';

type TrpcReply = { status: number; body: { result?: { data?: { json?: unknown } }; error?: { json?: { data?: { code?: string; appCode?: string } } } } };

/** A tRPC call from inside the page, with the page's own session cookie (what a hand-made request would do). */
function call(page: Page, kind: 'query' | 'mutation', path: string, input: unknown): Promise<TrpcReply> {
  return page.evaluate(
    async ({ kind, path, input }) => {
      const body = JSON.stringify({ json: input });
      const headers = { 'content-type': 'application/json', 'x-tsumiki-csrf': '1' };
      const response =
        kind === 'query'
          ? await fetch(`/trpc/${path}?input=${encodeURIComponent(body)}`, { headers })
          : await fetch(`/trpc/${path}`, { method: 'POST', headers, body });
      return { status: response.status, body: await response.json() };
    },
    { kind, path, input },
  );
}
const dataOf = <T>(reply: TrpcReply): T => {
  if (reply.status !== 200) throw new Error(`tRPC call failed (${reply.status}): ${JSON.stringify(reply.body)}`);
  return reply.body.result?.data?.json as T;
};
const yenText = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const text = async (page: Page, testId: string) => (await page.locator(`[data-testid=${testId}]`).first().textContent()) ?? '';

async function openFromQueue(page: Page, title: string) {
  await page.locator('[data-testid=queue-page]').waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: title }).click();
  await page.locator('[data-testid=application-page]').waitFor({ timeout: 20_000 });
}

const idFromUrl = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

describe('reviewer console: from submitted through a return for correction to a fixed amount', () => {
  it('reviews, returns, takes the resubmission, selects within the maximum, decides, reviews the results report line by line and fixes the amount', async () => {
    consoleErrors.length = 0;
    const reviewer = await browser.signIn('console', REVIEWER, { viewport: VIEWPORT });
    await openFromQueue(reviewer, RETURNED_ONE);
    const applicationId = idFromUrl(reviewer);
    await waitForStatus(reviewer, '提出済み');

    // 審査開始, then 差戻し with a reason and a due date ten days ahead (Japan time).
    await step(reviewer, 'start_review', '審査中');
    const due = formatJst(new Date(Date.now() + 10 * 86_400_000)).slice(0, 10);
    await step(reviewer, 'return_for_correction', '差戻し', { reason: '様式4-1の内訳の根拠資料を添付してください。', due: `${due}T17:00` });
    const history = reviewer.locator('[data-testid=history]');
    await expect.poll(() => history.textContent(), WAIT).toContain('様式4-1の内訳の根拠資料を添付してください。');
    await expect.poll(() => history.textContent(), WAIT).toContain('未回答');

    // The applicant corrects and resubmits in the portal: the returned application opens with the
    // reason above the wizard.
    const applicant = await browser.signIn('portal', APPLICANT, { viewport: VIEWPORT });
    await applicant.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await applicant.goto(new URL(`/applications/${applicationId}`, browser.stack.urls.portal).toString());
    const banner = applicant.locator('[data-testid=returned-banner]');
    await banner.waitFor({ timeout: 20_000 });
    await expect.poll(() => banner.textContent(), WAIT).toContain('様式4-1の内訳の根拠資料を添付してください。');
    await applicant.locator('[data-testid=application-wizard]').waitFor();
    await applicant.getByRole('tab', { name: '実証内容及び実証計画' }).click();
    await applicant.locator('#field-plan-schedule').fill('令和8年7月着工、令和9年2月竣工（根拠資料添付）');
    await applicant.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 15_000 });
    await applicant.getByRole('tab', { name: '確認・提出' }).click();
    await applicant.getByRole('button', { name: '提出する' }).click();
    await applicant.locator('[data-testid=receipt]').waitFor({ timeout: 20_000 });

    // Back in the console: 再提出, the request answered by the second version.
    await reviewer.reload();
    await waitForStatus(reviewer, '再提出');
    await expect.poll(() => history.textContent(), WAIT).toContain('回答済み');
    await step(reviewer, 'start_review', '審査中');

    // The committee's special-rate finding, recorded by the secretariat on its own screen.
    await reviewer.locator('[data-testid=special-rate-link]').click();
    await reviewer.locator('[data-testid=special-rate-form]').waitFor({ timeout: 20_000 });
    await expect.poll(() => text(reviewer, 'special-rate-status'), WAIT).toBe('要件に該当・委員会の所見待ち');
    await reviewer.getByLabel('認めない').check();
    await reviewer.locator('[data-testid=finding-reason]').fill('通常の助成率（3/10）が相当');
    await reviewer.locator('[data-testid=finding-record]').click();
    await reviewer.waitForFunction(() => document.querySelector('[data-testid=special-rate-status]')?.textContent === '特例を推薦しない', null, { timeout: 20_000 });
    await expect.poll(() => reviewer.locator('[data-testid=special-rate-history]').textContent(), WAIT).toContain('通常の助成率（3/10）が相当');
    await reviewer.goBack();
    await waitForStatus(reviewer, '審査中');
    await step(reviewer, 'recommend', '採択候補');
    // The secretariat may not select: the button is the office's.
    await expect.poll(() => reviewer.locator('[data-testid=event-select]').count(), WAIT).toBe(0);

    // The office selects and decides the grant: one yen over the domain's maximum is named by the
    // form as it is typed (the ledger's own rule), and the step is neither confirmed nor sent.
    const office = await browser.signIn('console', OFFICE, { viewport: VIEWPORT });
    await openFromQueue(office, RETURNED_ONE);
    await step(office, 'select', '採択');
    const maximum = 11_810_000;
    await expect.poll(async () => Number((await text(office, 'grant-maximum')).replace(/\D/g, '')), WAIT).toBe(maximum);
    await office.locator('[data-testid=event-decide_grant]').click();
    const amount = office.locator('[data-testid=input-amount]');
    await amount.fill(String(maximum + 1));
    await amount.blur();
    const overMaximum = office.locator('[data-testid=actions]').getByText(`交付額 ${yenText(maximum + 1)} が、算定された上限額 ${yenText(maximum)} を超えています。`, { exact: false });
    await overMaximum.waitFor({ timeout: 20_000 });
    await office.locator('[data-testid=run-event]').click();
    await expect.poll(() => amount.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await office.locator('[data-testid=confirm-yes]').count()).toBe(0);
    expect(await text(office, 'status')).toBe('採択');
    await amount.fill(String(maximum));
    await overMaximum.waitFor({ state: 'detached', timeout: 20_000 });
    await runStep(office, 'decide_grant');
    await waitForStatus(office, '交付決定（承認）');
    await expect.poll(() => text(office, 'decision-granted'), WAIT).toBe(yenText(maximum));
    await step(office, 'start_work', '事業実施中');

    // The applicant reports the results: every budget line at its budgeted amount, through the API
    // as the applicant (the portal's results-report form has its own browser test,
    // results-report.e2e.test.ts).
    const reported = dataOf<{ version: number; content: Record<string, unknown> }>(await call(applicant, 'query', 'applications.get', { id: applicationId }));
    expect((reported.content.plan as { schedule: string }).schedule).toBe('令和8年7月着工、令和9年2月竣工（根拠資料添付）');
    const grant = reported.content.grant as Record<string, { lines: { id: string; category: string; description: string; amount: number }[] }>;
    const lines = ['building', 'design', 'performance', 'council'].flatMap((part) => grant[part]?.lines ?? []).map(({ id, category, description, amount }) => ({ id, category, description, amount }));
    expect(lines.map((l) => l.id)).toContain('b5');
    dataOf(await call(applicant, 'mutation', 'review.respond', { applicationId, version: reported.version, event: 'report_results', lines }));
    await applicant.context().close();

    // The secretariat reviews the lines: CLT工事 reduced by ¥2,200,000 with a reason, the rest accepted.
    await reviewer.reload();
    await waitForStatus(reviewer, '実績報告済み');
    await reviewer.locator('[data-testid=line-decision-b5]').click();
    await reviewer.getByRole('option', { name: '減額', exact: true }).click();
    await reviewer.locator('[data-testid=line-accepted-b5]').fill('15400000');
    // Without a reason the domain refuses the cut.
    await reviewer.locator('[data-testid=save-line-reviews]').click();
    const lineRefusal = reviewer.locator('[data-testid=report-lines] [role=alert]');
    await lineRefusal.waitFor({ timeout: 20_000 });
    await expect.poll(() => lineRefusal.textContent(), WAIT).toContain('CLT工事');
    await reviewer.locator('[data-testid=line-reason-b5]').fill('工事写真で確認できない部分（2,200,000円）を除く');
    await reviewer.locator('[data-testid=save-line-reviews]').click();
    await lineRefusal.waitFor({ state: 'detached', timeout: 20_000 });

    // The office fixes the amount. Building: (33,000,000 − 2,200,000) ÷ 1.1 × 3/10 = 8,400,000;
    // design 900,000 + performance 900,000 + council 1,010,000 as budgeted → 11,210,000.
    // Own share: accepted 38,431,000 − 11,210,000 = 27,221,000.
    await office.reload();
    await waitForStatus(office, '実績報告済み');
    await step(office, 'fix_amount', '額の確定');
    await expect.poll(() => text(office, 'decision-fixed'), WAIT).toBe(yenText(11_210_000));
    await expect.poll(() => text(office, 'decision-own-share'), WAIT).toBe(yenText(27_221_000));
    await expect.poll(() => text(office, 'decision-granted'), WAIT).toBe(yenText(maximum));
    await expect.poll(() => office.locator('[data-testid=history]').textContent(), WAIT).toContain('額の確定');

    expect(consoleErrors.filter((e) => !e.includes('/trpc/'))).toEqual([]);
    await reviewer.context().close();
    await office.context().close();
  });
});

describe('committee member with a conflict of interest', () => {
  it('scores an assigned proposal, declares a conflict found later, then sees nothing of it; the API refuses it and the score leaves the averages', async () => {
    // A PDF attached to the proposal (the demo has none), for the preview.
    const { db } = browser.stack.database;
    const proposal = await db.selectFrom('applications').select(['id', 'created_by']).where('title', '=', ASSIGNED_ONE).executeTakeFirstOrThrow();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const attachment = await insertAttachment(db, { applicationId: proposal.id, uploadedBy: proposal.created_by, fileName: '様式1.pdf', declaredType: 'application/pdf', detectedType: 'application/pdf', sha256: createHash('sha256').update(pdf).digest('hex'), content: pdf });
    const fileStatus = (page: Page) => page.evaluate(async (id) => (await fetch(`/files/attachments/${id}`)).status, attachment.id);

    const member = await browser.signIn('console', COMMITTEE, { viewport: VIEWPORT });
    await openFromQueue(member, ASSIGNED_ONE);
    const applicationId = idFromUrl(member);
    expect(applicationId).toBe(proposal.id);

    // Before opening: the declaration, here "no conflict".
    await member.locator('[data-testid=conflict-form]').waitFor({ timeout: 20_000 });
    await expect.poll(() => member.locator('[data-testid=assessment]').count(), WAIT).toBe(0);
    await member.locator('[data-testid=conflict-none]').check();
    await member.locator('[data-testid=conflict-declare]').click();
    await member.locator('[data-testid=score-sheet]').waitFor({ timeout: 20_000 });
    const scoreInputs = member.locator('[data-testid=score-sheet] input[data-testid^=score-]');
    const count = await scoreInputs.count();
    expect(count).toBeGreaterThan(0);
    // Scored before the attachment is opened, so nothing the preview does while it loads (Chromium's
    // PDF viewer may take the focus) meets the typing; each score is read back as the input shows it.
    for (let i = 0; i < count; i += 1) {
      await scoreInputs.nth(i).fill('4');
      await expect.poll(() => scoreInputs.nth(i).inputValue(), WAIT).toBe('4');
    }
    // Every score taken by the form (the total counts them) before submitting.
    await expect.poll(() => member.locator('[data-testid=sheet-total]').textContent(), WAIT).toMatch(/評価点 [1-9]\d* \//);
    // The attachment previews in a frame, served by the API to this member.
    await member.getByRole('button', { name: '「様式1.pdf」を表示' }).click();
    await expect.poll(() => member.locator('[data-testid=attachment-frame]').getAttribute('src'), WAIT).toBe(`/files/attachments/${attachment.id}`);
    expect(await fileStatus(member)).toBe(200);
    await member.locator('[data-testid=sheet-submit]').click();
    await member.locator('[data-testid=confirm-yes]').click();
    const submittedBadge = member.getByText(/提出済み（/);
    await submittedBadge.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(`the score sheet was not submitted: ${(await member.getByRole('alert').allTextContents()).join(' / ')}`, { cause: error });
    });

    // The committee summary counts the member's score.
    const reviewer = await browser.signIn('console', REVIEWER, { viewport: VIEWPORT });
    await reviewer.locator('[data-testid=queue-page]').waitFor({ timeout: 20_000 });
    await reviewer.goto(new URL('/summary', reviewer.url()).toString());
    const row = reviewer.locator(`[data-testid=summary-row-${applicationId}]`);
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.locator('[data-testid=summary-average]').textContent(), WAIT).not.toBe('—');
    await expect.poll(() => row.locator('[data-testid=summary-excluded]').textContent(), WAIT).toBe('0');

    // The member learns of a related company and declares it on the opened proposal.
    await member.locator('[data-testid=conflict-later]').click();
    await member.locator('[data-testid=conflict-related_company]').check();
    await member.locator('[data-testid=conflict-declare]').click();
    await member.locator('[data-testid=confirm-yes]').click();
    await member.getByRole('alert').waitFor({ timeout: 20_000 });
    await expect.poll(() => member.locator('[data-testid=score-sheet]').count(), WAIT).toBe(0);
    await expect.poll(() => member.locator('[data-testid=assessment]').count(), WAIT).toBe(0);
    await expect.poll(() => member.locator('body').textContent(), WAIT).not.toContain(ASSIGNED_ONE);

    // Nothing of it in the queue, and a direct visit shows no content either.
    await member.goto(new URL('/', member.url()).toString());
    await member.locator('[data-testid=queue-total]').waitFor({ timeout: 20_000 });
    await expect.poll(() => member.getByRole('link', { name: ASSIGNED_ONE }).count(), WAIT).toBe(0);
    await member.goto(new URL(`/applications/${applicationId}`, member.url()).toString());
    await member.getByRole('alert').waitFor({ timeout: 20_000 });
    await expect.poll(() => member.locator('[data-testid=score-sheet]').count(), WAIT).toBe(0);
    await expect.poll(() => member.locator('[data-testid=assessment]').count(), WAIT).toBe(0);
    await expect.poll(() => member.locator('[data-testid=conflict-form]').count(), WAIT).toBe(0);

    // The API refuses the same session directly.
    const refusedCodes = ['FORBIDDEN', 'NOT_FOUND'];
    const opened = await call(member, 'query', 'review.open', { applicationId });
    expect(refusedCodes).toContain(opened.body.error?.json?.data?.code);
    expect(JSON.stringify(opened.body)).not.toContain('CLTパネル');
    const sheet = await call(member, 'query', 'review.sheet', { applicationId });
    expect(refusedCodes).toContain(sheet.body.error?.json?.data?.code);
    const saved = await call(member, 'mutation', 'review.saveSheet', { applicationId, version: 1, scores: [], submit: false });
    expect(refusedCodes).toContain(saved.body.error?.json?.data?.code);
    expect(await fileStatus(member)).toBe(403);

    // The member's score is left out of the proposal's averages.
    await reviewer.reload();
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(() => row.locator('[data-testid=summary-average]').textContent(), WAIT).toBe('—');
    await expect.poll(() => row.locator('[data-testid=summary-excluded]').textContent(), WAIT).toBe('1');

    await member.context().close();
    await reviewer.context().close();
  });
});
