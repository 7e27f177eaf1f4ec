import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { jstInput, step, waitForStatus } from './console-steps';
import { scan, type Hit } from './screen-wording';
import { choose, field, saved, tab, yes } from './wizard';

const browser = useBrowserStack();
const { consoleErrors } = browser;
const VIEWPORT = { width: 1400, height: 1000 };
const ADMIN = 'admin@demo.tsumiki.jp';
const REVIEWER = 'reviewer@demo.tsumiki.jp';
const APPLICANT = 'applicant@demo.tsumiki.jp';
/** The office the demo reviewer also works in, so the new programme's applications reach them. */
const OFFICE = '一般社団法人環境共生まちづくり協会';
const PROGRAMME_CODE = 'energy_saving_r8';
const PROGRAMME_NAME = '令和8年度 省エネルギー設備導入補助事業';
const ROUND_CODE = 'energy-saving-r8-1';
const ROUND_NAME = '令和8年度 省エネルギー設備導入補助事業 第1回';
const LONG = { timeout: 60_000 } as const;

const yenText = (n: number) => `${n.toLocaleString('ja-JP')}円`;
const textOf = async (page: Page, testId: string) => (await page.locator(`[data-testid=${testId}]`).first().textContent()) ?? '';

describe('a programme office makes a programme from the generic cost-share template, and it is applied to and decided', () => {
  it('creates the programme and its round in the console; an applicant budgets by the definition’s section and categories, sees the grant explained and submits; the office decides', { timeout: 900_000 }, async () => {
    consoleErrors.length = 0;
    const wording: Hit[] = [];
    const admin = await browser.signIn('console', ADMIN, { viewport: VIEWPORT });
    await admin.getByRole('link', { name: '公募回の管理' }).waitFor(LONG);

    // The generic template can be chosen like the others.
    await admin.locator('nav >> text=公募回の管理').click();
    await admin.locator('[data-testid=programme-new]').click();
    const generic = admin.getByRole('radio', { name: '汎用の補助事業（補助率・上限額・費目・提出書類）' });
    await generic.waitFor(LONG);
    expect(await generic.isDisabled()).toBe(false);
    await generic.check();
    await admin.locator('[data-testid=programme-office]').click();
    await admin.getByRole('option', { name: OFFICE, exact: true }).click();
    await admin.locator('[data-testid=programme-name-ja]').fill(PROGRAMME_NAME);
    await admin.locator('[data-testid=programme-name-en]').fill('FY2026 energy-saving equipment subsidy');
    await admin.locator('[data-testid=programme-code]').fill(PROGRAMME_CODE);
    await admin.locator('[data-testid=programme-create]').click();
    await admin.locator('[data-testid=definition-editor-page]').waitFor(LONG);
    await admin.getByRole('heading', { name: PROGRAMME_NAME, level: 1 }).waitFor(WAIT);
    expect(await textOf(admin, 'definition-versions')).toContain('第1版');
    wording.push(...(await scan(admin, 'console: rules of the new programme')));

    // Its round, open now in JST, published behind its confirmation.
    await admin.locator('[data-testid=definition-rounds-link]').click();
    await admin.locator(`[data-testid=round-new-${PROGRAMME_CODE}]`).click();
    await admin.locator('[data-testid=round-name-ja]').fill(ROUND_NAME);
    await admin.locator('[data-testid=round-name-en]').fill('FY2026 energy-saving equipment subsidy, round 1');
    await admin.locator('[data-testid=round-code]').fill(ROUND_CODE);
    await admin.locator('[data-testid=round-fiscal-year]').fill('2026');
    await admin.locator('[data-testid=round-opens-at]').fill(jstInput(-1, 9, 0));
    await admin.locator('[data-testid=round-closes-at]').fill(jstInput(30, 17, 0));
    await admin.locator('[data-testid=round-budget]').fill('100000000');
    await admin.locator('[data-testid=round-save]').click();
    await admin.waitForFunction((code) => document.querySelector(`[data-testid=round-status-${code}]`)?.textContent === '下書き', ROUND_CODE, LONG);
    await admin.locator(`[data-testid=round-publish-${ROUND_CODE}]`).click();
    await admin.getByText('公募回を公開しますか').waitFor(WAIT);
    await admin.locator('[data-testid=round-confirm]').click();
    await admin.waitForFunction((code) => document.querySelector(`[data-testid=round-status-${code}]`)?.textContent === '公開中', ROUND_CODE, LONG);

    // The applicant applies: equipment of ¥2,200,000 with tax (¥2,000,000 without) and ¥1,000,000 of
    // personnel (no tax): 1/2 of ¥3,000,000 is ¥1,500,000, under the ¥10,000,000 cap.
    const applicant = await browser.signIn('portal', APPLICANT, { viewport: VIEWPORT });
    const row = applicant.locator('[data-testid=programme-table] tr', { hasText: ROUND_NAME });
    await row.waitFor(LONG);
    await row.getByText('受付中').waitFor(WAIT);
    await row.getByRole('link', { name: `申請する: ${ROUND_NAME}` }).click();
    await applicant.getByLabel('件名（事業名）').fill('工場空調設備の高効率化');
    await applicant.getByRole('button', { name: '下書きを作成' }).click();
    await applicant.locator('[data-testid=application-wizard]').waitFor(LONG);
    await field(applicant, 'applicant.name').fill('杉山木材工業株式会社（デモ）');
    await field(applicant, 'applicant.representative').fill('代表取締役 杉山 一郎');
    await field(applicant, 'applicant.address').fill('東京都中央区〇〇1-2-3');
    await field(applicant, 'applicant.contactName').fill('杉山 美咲');
    await field(applicant, 'applicant.contactEmail').fill(APPLICANT);
    await field(applicant, 'applicant.contactPhone').fill('03-0000-1111');
    await tab(applicant, '事業概要');
    await field(applicant, 'outline.purpose').fill('工場の空調設備を高効率機に更新し、電力使用量を削減する');
    await field(applicant, 'outline.schedule').fill('令和8年6月発注、9月据付、10月稼働');
    await tab(applicant, '誓約');
    await yes(applicant, 'pledge.agreed');

    await tab(applicant, '予算（経費の内訳）');
    await applicant.getByRole('button', { name: '行を追加' }).click();
    // A new row starts on the definition's one section; the categories are the definition's, in Japanese.
    await expect.poll(() => field(applicant, 'grant.lines.0.section').inputValue(), WAIT).toBe('補助事業');
    await field(applicant, 'grant.lines.0.category').click();
    for (const category of ['設備費', '外注費', '人件費']) await applicant.getByRole('option', { name: category, exact: true }).waitFor(WAIT);
    await applicant.getByRole('option', { name: '設備費', exact: true }).click();
    await field(applicant, 'grant.lines.0.description').fill('高効率空調機 2台');
    await field(applicant, 'grant.lines.0.amount').fill('2200000');
    await applicant.getByRole('button', { name: '行を追加' }).click();
    await choose(applicant, 'grant.lines.1.category', '人件費');
    await field(applicant, 'grant.lines.1.description').fill('据付の技術者');
    await field(applicant, 'grant.lines.1.amount').fill('1000000');
    await saved(applicant);
    await expect.poll(() => textOf(applicant, 'summary-requested'), WAIT).toBe(yenText(3_200_000));
    await expect.poll(() => textOf(applicant, 'summary-grant'), WAIT).toBe(yenText(1_500_000));
    const explanation = applicant.locator('[data-testid=grant-explanation]');
    await explanation.getByText('補助事業: 3,000,000円 × 1/2 ＝ 1,500,000円（円未満切り捨て）', { exact: true }).waitFor(WAIT);
    await explanation.getByText('上限 10,000,000円 以内（上限の適用なし）', { exact: true }).waitFor(WAIT);
    wording.push(...(await scan(applicant, 'portal: budget of the generic form')));

    await tab(applicant, '確認・提出');
    wording.push(...(await scan(applicant, 'portal: confirm step of the generic form')));
    await applicant.getByRole('button', { name: '提出する' }).click();
    await applicant.locator('[data-testid=receipt]').waitFor(LONG);
    expect(await textOf(applicant, 'receipt-grant')).toBe(yenText(1_500_000));
    const applicationId = new URL(applicant.url()).pathname.split('/')[2]!;

    // The reviewer recommends it; the office selects it and decides the grant the rules allow.
    const reviewer = await browser.signIn('console', REVIEWER, { viewport: VIEWPORT });
    await reviewer.locator('[data-testid=queue-page]').waitFor(LONG);
    await reviewer.goto(new URL(`/applications/${applicationId}`, browser.stack.urls.console).toString());
    await reviewer.locator('[data-testid=application-page]').waitFor(LONG);
    await waitForStatus(reviewer, '提出済み');
    wording.push(...(await scan(reviewer, 'console: the submitted generic application')));
    await step(reviewer, 'start_review', '審査中');
    await step(reviewer, 'recommend', '採択候補');
    await admin.goto(new URL(`/applications/${applicationId}`, browser.stack.urls.console).toString());
    await admin.locator('[data-testid=application-page]').waitFor(LONG);
    await step(admin, 'select', '採択');
    await expect.poll(async () => Number((await textOf(admin, 'grant-maximum')).replace(/\D/g, '')), WAIT).toBe(1_500_000);
    await step(admin, 'decide_grant', '交付決定（承認）', { amount: 1_500_000 });
    await expect.poll(() => textOf(admin, 'decision-granted'), WAIT).toBe(yenText(1_500_000));

    expect([...new Set(wording.map((h) => `${h.route}: ${h.rule} «${h.text}» in «${h.line}»`))].join('\n')).toBe('');
    expect(consoleErrors).toEqual([]);
  });
});
