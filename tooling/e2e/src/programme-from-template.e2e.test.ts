import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { counted, jstInput, step, waitForStatus } from './console-steps';
import { choose, field, no, saved, tab, yes } from './wizard';

const browser = useBrowserStack();
const { consoleErrors } = browser;
const VIEWPORT = { width: 1400, height: 1000 };
const ADMIN = 'admin@demo.tsumiki.jp';
const REVIEWER = 'reviewer@demo.tsumiki.jp';
const APPLICANT = 'applicant@demo.tsumiki.jp';
/** The office the demo reviewer also works in, so the new programme's applications reach them. */
const OFFICE = '一般社団法人環境共生まちづくり協会';
const PROGRAMME_CODE = 'lca_support_r8';
const PROGRAMME_NAME = '令和8年度 建築物LCA実施支援事業';
const ROUND_CODE = 'lca-support-r8-1';
const ROUND_NAME = '令和8年度 建築物LCA実施支援事業 第1回';
const LONG = { timeout: 60_000 } as const;

const yenText = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const textOf = async (page: Page, testId: string) => (await page.locator(`[data-testid=${testId}]`).first().textContent()) ?? '';

/** An LCA application's project and answers: no BIM model, the factors developed too, every condition of the call met. */
async function answerLcaOutline(page: Page) {
  await tab(page, '事業概要');
  await field(page, 'outline.purpose').fill('事務所ビル（RC造5階建て）の設計段階のLCA算定と、使用する高炉セメントの原単位策定');
  await no(page, 'grant.facts.withBimModel');
  await yes(page, 'grant.facts.developsFactors');
  await yes(page, 'grant.facts.reportsLcaResult');
  await yes(page, 'grant.facts.cooperatesWithSurveys');
}

/** The two cost lines: ¥8,000,000 of LCA and ¥4,000,000 of factor development. */
async function enterLcaCosts(page: Page) {
  await tab(page, '予算（経費の内訳）');
  await page.getByRole('button', { name: '行を追加' }).click();
  await choose(page, 'grant.lines.0.category', 'LCAの実施に要する費用');
  await field(page, 'grant.lines.0.description').fill('LCA算定業務（設計段階）');
  await field(page, 'grant.lines.0.amount').fill('8000000');
  await page.getByRole('button', { name: '行を追加' }).click();
  await choose(page, 'grant.lines.1.category', 'LCA算定に必要なCO2原単位の策定費用');
  await field(page, 'grant.lines.1.description').fill('高炉セメントB種の原単位策定');
  await field(page, 'grant.lines.1.amount').fill('4000000');
}

/** A new draft on the round from the portal's list of calls, opened in the wizard. */
async function startDraft(page: Page, title: string) {
  const row = page.locator('[data-testid=programme-table] tr', { hasText: ROUND_NAME });
  await row.waitFor(LONG);
  await row.getByText('受付中').waitFor(WAIT);
  await row.getByRole('link', { name: `申請する: ${ROUND_NAME}` }).click();
  await page.getByLabel('件名（事業名）').fill(title);
  await page.getByRole('button', { name: '下書きを作成' }).click();
  await page.locator('[data-testid=application-wizard]').waitFor(LONG);
}

describe('a programme office makes a programme from the LCA template in the console only, and it is applied to and decided', () => {
  it('creates the programme, opens and publishes a round; an applicant applies at the seed amounts; a reviewer decides; a new rate leaves the submitted figures alone and reaches a new draft', { timeout: 900_000 }, async () => {
    consoleErrors.length = 0;
    const existingCode = (await browser.stack.database.db.selectFrom('programme_definitions').select('code').executeTakeFirstOrThrow()).code;
    const admin = await browser.signIn('console', ADMIN, { viewport: VIEWPORT });
    await admin.getByRole('link', { name: '公募回の管理' }).waitFor(LONG);
    const started = performance.now();
    const ui = counted(admin);

    // From the rounds page to the template page: the templates are described in Japanese.
    await ui.click('nav >> text=公募回の管理');
    await ui.click('[data-testid=programme-new]');
    const lca = admin.getByRole('radio', { name: '建築GX・DX推進事業（LCA実施型）' });
    await lca.waitFor(LONG);
    await admin.getByText('LCAの実施費用を定額補助（BIMなし650万円・BIMあり500万円、原単位策定で400万円加算）。').waitFor(WAIT);
    ui.tally.clicks++;
    await lca.check();
    ui.tally.clicks++;
    await admin.locator('[data-testid=programme-office]').click();
    ui.tally.clicks++;
    await admin.getByRole('option', { name: OFFICE, exact: true }).click();
    await ui.fill('[data-testid=programme-name-ja]', PROGRAMME_NAME);
    await ui.fill('[data-testid=programme-name-en]', 'FY2026 building LCA implementation support');
    // A code in the wrong shape is named once the field is left (as every domain form does), one
    // already in use as it is typed.
    await ui.fill('[data-testid=programme-code]', 'LCA 8');
    await admin.locator('[data-testid=programme-code]').press('Tab');
    await admin.getByText('公募コードは英小文字で始まる英小文字・数字・下線の3〜50文字にしてください。').waitFor(WAIT);
    await ui.fill('[data-testid=programme-code]', existingCode);
    await admin.getByText(`公募コード「${existingCode}」はすでに使われています。別のコードを入力してください。`).waitFor(WAIT);
    await ui.fill('[data-testid=programme-code]', PROGRAMME_CODE);
    await admin.getByText('はすでに使われています', { exact: false }).waitFor({ ...WAIT, state: 'detached' });
    await ui.click('[data-testid=programme-create]');

    // It lands in the rules' editor with version 1 published (the template as the seed states it).
    await admin.locator('[data-testid=definition-editor-page]').waitFor(LONG);
    await admin.getByRole('heading', { name: PROGRAMME_NAME, level: 1 }).waitFor(WAIT);
    const definitionUrl = admin.url();
    expect(await textOf(admin, 'definition-versions')).toContain('第1版');

    // The round: a JST window open now, a budget, published behind its confirmation.
    await ui.click('[data-testid=definition-rounds-link]');
    await ui.click(`[data-testid=round-new-${PROGRAMME_CODE}]`);
    await ui.fill('[data-testid=round-name-ja]', ROUND_NAME);
    await ui.fill('[data-testid=round-name-en]', 'FY2026 building LCA implementation support, round 1');
    await ui.fill('[data-testid=round-code]', ROUND_CODE);
    await ui.fill('[data-testid=round-fiscal-year]', '2026');
    await ui.fill('[data-testid=round-opens-at]', jstInput(-1, 9, 0));
    await ui.fill('[data-testid=round-closes-at]', jstInput(30, 17, 0));
    await ui.fill('[data-testid=round-budget]', '300000000');
    await ui.click('[data-testid=round-save]');
    await admin.waitForFunction((code) => document.querySelector(`[data-testid=round-status-${code}]`)?.textContent === '下書き', ROUND_CODE, LONG);
    await ui.click(`[data-testid=round-publish-${ROUND_CODE}]`);
    await admin.getByText('公募回を公開しますか').waitFor(WAIT);
    await ui.click('[data-testid=round-confirm]');
    await admin.waitForFunction((code) => document.querySelector(`[data-testid=round-status-${code}]`)?.textContent === '公開中', ROUND_CODE, LONG);
    const seconds = (performance.now() - started) / 1000;
    console.info(`creating the LCA programme from its template and opening its round: ${ui.tally.clicks} clicks, ${ui.tally.fields} fields typed (two of them deliberate mistakes), ${seconds.toFixed(1)} s in the browser test`);

    // The applicant finds the call and applies: ¥8,000,000 of LCA without a BIM model is capped
    // at ¥6,500,000, the factors add ¥4,000,000 to the cap, so ¥12,000,000 of cost gets ¥10,500,000.
    const applicant = await browser.signIn('portal', APPLICANT, { viewport: VIEWPORT });
    await startDraft(applicant, '事務所ビルのLCA実施と原単位策定');
    await field(applicant, 'applicant.name').fill('杉山木材工業株式会社（デモ）');
    await field(applicant, 'applicant.representative').fill('代表取締役 杉山 一郎');
    await field(applicant, 'applicant.address').fill('東京都中央区〇〇1-2-3');
    await field(applicant, 'applicant.contactName').fill('杉山 美咲');
    await field(applicant, 'applicant.contactEmail').fill(APPLICANT);
    await field(applicant, 'applicant.contactPhone').fill('03-0000-1111');
    await answerLcaOutline(applicant);
    await tab(applicant, '誓約');
    await yes(applicant, 'pledge.agreed');
    await enterLcaCosts(applicant);
    await saved(applicant);
    await expect.poll(() => textOf(applicant, 'summary-requested'), WAIT).toBe(yenText(12_000_000));
    await expect.poll(() => textOf(applicant, 'summary-grant'), WAIT).toBe(yenText(10_500_000));
    await tab(applicant, '確認・提出');
    await applicant.getByRole('button', { name: '提出する' }).click();
    await applicant.locator('[data-testid=receipt]').waitFor(LONG);
    expect(await textOf(applicant, 'receipt-grant')).toBe(yenText(10_500_000));
    const receiptUrl = applicant.url();
    const applicationId = new URL(receiptUrl).pathname.split('/')[2]!;

    // The reviewer takes it up and recommends it; the office selects it and decides the grant the
    // rules allow.
    const reviewer = await browser.signIn('console', REVIEWER, { viewport: VIEWPORT });
    await reviewer.locator('[data-testid=queue-page]').waitFor(LONG);
    await reviewer.goto(new URL(`/applications/${applicationId}`, browser.stack.urls.console).toString());
    await reviewer.locator('[data-testid=application-page]').waitFor(LONG);
    await waitForStatus(reviewer, '提出済み');
    await step(reviewer, 'start_review', '審査中');
    await step(reviewer, 'recommend', '採択候補');
    await admin.goto(new URL(`/applications/${applicationId}`, browser.stack.urls.console).toString());
    await admin.locator('[data-testid=application-page]').waitFor(LONG);
    await step(admin, 'select', '採択');
    await expect.poll(async () => Number((await textOf(admin, 'grant-maximum')).replace(/\D/g, '')), WAIT).toBe(10_500_000);
    await step(admin, 'decide_grant', '交付決定（承認）', { amount: 10_500_000 });
    await expect.poll(() => textOf(admin, 'decision-granted'), WAIT).toBe(yenText(10_500_000));

    // Version 2 pays half the cost instead of all of it.
    await admin.goto(definitionUrl);
    await admin.locator('[data-testid=definition-open-draft]').click();
    await admin.getByRole('heading', { name: '第2版（下書き）の編集' }).waitFor(LONG);
    await admin.getByLabel('補助率（分母）').fill('2');
    await admin.getByLabel('補助の方式', { exact: true }).first().click();
    await admin.getByRole('option', { name: '経費×補助率以内', exact: true }).click();
    await admin.getByLabel('変更内容の要約').fill('補助率を定額から1/2以内に変更');
    await admin.getByRole('button', { name: 'この版を公開' }).click();
    await admin.getByText('新しい版を公開しますか').waitFor(WAIT);
    await admin.getByRole('button', { name: '公開する', exact: true }).click();
    await expect.poll(() => textOf(admin, 'definition-versions'), LONG).toContain('補助率を定額から1/2以内に変更');
    await admin.locator('[data-testid=definition-open-draft]').waitFor(LONG);

    // The submitted application keeps the figures it was submitted and decided with …
    await applicant.goto(receiptUrl);
    await applicant.locator('[data-testid=receipt]').waitFor(LONG);
    expect(await textOf(applicant, 'receipt-grant')).toBe(yenText(10_500_000));
    await reviewer.reload();
    await waitForStatus(reviewer, '交付決定（承認）');
    await expect.poll(() => textOf(reviewer, 'decision-granted'), WAIT).toBe(yenText(10_500_000));

    // … and a new draft computes with version 2: half of ¥12,000,000, under the ¥10,500,000 cap.
    await applicant.goto(browser.stack.urls.portal);
    await startDraft(applicant, '別の事務所ビルのLCA');
    await answerLcaOutline(applicant);
    await enterLcaCosts(applicant);
    await saved(applicant);
    await expect.poll(() => textOf(applicant, 'summary-grant'), WAIT).toBe(yenText(6_000_000));
    expect(consoleErrors).toEqual([]);
  });
});
