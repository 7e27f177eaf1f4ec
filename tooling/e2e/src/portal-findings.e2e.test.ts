import { readFileSync } from 'node:fs';
import { formatJstTime } from '@tsumiki/domain';
import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { pdfText } from '@tsumiki/pdf/testing';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { organisationOf } from './routes';
import { choose, field, fillCo2Application, openDraft, saved, tab, yes } from './wizard';

const browser = useBrowserStack();
const APPLICANT = 'applicant@demo.tsumiki.jp';

describe('applicant portal: what the public-service review found, as the applicant sees it', () => {
  it('starts 様式1 from the organisation and the person signed in, and shows the save time in Japan after an edit', async () => {
    const page = await browser.signIn('portal', APPLICANT, { viewport: { width: 1366, height: 900 } });
    await page.locator('[data-testid=home]').waitFor(WAIT);
    await page.getByRole('link', { name: /申請する: 【デモ】CLT建築実証事業/ }).click();
    await page.getByLabel('件名（事業名）').fill('様式1の初期値の確認');
    // Every save of this draft falls after this moment.
    const before = new Date();
    await page.getByRole('button', { name: '下書きを作成' }).click();
    await page.locator('[data-testid=application-wizard]').waitFor(WAIT);

    const { db } = browser.stack.database;
    const { organisation_id } = await organisationOf(db, APPLICANT);
    const organisation = await db.selectFrom('organisations').select(['name_ja', 'address']).where('id', '=', organisation_id).executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select(['display_name', 'email']).where('email', '=', APPLICANT).executeTakeFirstOrThrow();
    await expect.poll(() => field(page, 'applicant.name').inputValue(), WAIT).toBe(organisation.name_ja);
    expect(await field(page, 'applicant.contactName').inputValue()).toBe(user.display_name);
    expect(await field(page, 'applicant.contactEmail').inputValue()).toBe(user.email);
    if (organisation.address) expect(await field(page, 'applicant.address').inputValue()).toBe(organisation.address);

    // An edit is saved, and the badge says when in Japan time (HH:MM), never the tail of a date.
    await field(page, 'applicant.representative').fill('代表取締役 杉山 一郎');
    await saved(page);
    const after = new Date();
    const state = (await page.locator('[data-testid=save-state]').textContent()) ?? '';
    expect(state).toMatch(/^保存済み \d{2}:\d{2}$/);
    // The time of a save between the two moments, to the minute (a busy machine may take more than one).
    const minutes = Array.from({ length: Math.floor(after.getTime() / 60_000) - Math.floor(before.getTime() / 60_000) + 1 }, (_, i) => new Date(before.getTime() + i * 60_000));
    expect(minutes.map((t) => `保存済み ${formatJstTime(t)}`)).toContain(state);
    expect(state).not.toContain('JST');
    await page.context().close();
  });

  it('lists closed calls apart from 公募中・公募予定, with a window ending at 24:00 of its last day', async () => {
    const page = await browser.signIn('portal', APPLICANT, { viewport: { width: 1366, height: 900 } });
    await page.locator('[data-testid=home]').waitFor(WAIT);
    // 001 §3.2(1): the FY2025 CO2 call takes applications to the end of 24 December 2025.
    const closed = page.getByRole('region', { name: '受付を終了した事業' });
    const co2 = closed.getByText('令和7年度 CO2原単位等の策定に係る支援', { exact: true });
    await co2.waitFor(WAIT);
    // Listed once on the page: under the closed calls, not also under 公募中・公募予定.
    expect(await page.getByText('令和7年度 CO2原単位等の策定に係る支援', { exact: true }).count()).toBe(1);
    const closedText = (await closed.textContent()) ?? '';
    expect(closedText).toContain('2025-04-01 00:00 JST – 2025-12-24 24:00 JST');
    expect(closedText).toContain('受付外');
    expect(await page.locator('main').textContent()).not.toContain('2025-12-25');
    // The open demo calls stay under 公募中・公募予定, each with its way in.
    await page.getByRole('link', { name: /申請する: 【デモ】CO2原単位等の策定に係る支援/ }).waitFor(WAIT);
    expect(await closed.getByRole('link', { name: /申請する/ }).count()).toBe(0);
    await page.context().close();
  });

  it("prints the grant's note in the PDF with the figures it explains: the tax-excluded base and the grant", async () => {
    // The worked example of 003 (様式4-1): 39,600,000 incl. tax → 36,000,000 × 3/10 = 10,800,000.
    const { page } = await openDraft(browser, cltExampleApplicationContent());
    await page.locator('[data-testid=grant-explanation]').getByText('計 36,000,000円', { exact: true }).waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.locator('[data-testid=pdf-download]').click()]);
    const { text } = await pdfText(readFileSync(await download.path()));
    const flat = text.replace(/\s+/g, '');
    for (const figure of ['39,600,000円', '計36,000,000円', '30,000,000円×3/10＝9,000,000円', '10,800,000円']) expect(flat).toContain(figure);
    await page.context().close();
  });

  it('asks each question a CO2 factor requirement names, under the factor, and judges the factor once they are answered', async () => {
    const page = await browser.signIn('portal', APPLICANT, { viewport: { width: 1366, height: 900 } });
    await page.locator('[data-testid=home]').waitFor(WAIT);
    await page.getByRole('link', { name: /申請する: 【デモ】CO2原単位等の策定に係る支援/ }).click();
    await page.getByLabel('件名（事業名）').fill('高炉セメントB種のEPD策定');
    await page.getByRole('button', { name: '下書きを作成' }).click();
    await page.locator('[data-testid=application-wizard]').waitFor(WAIT);
    await fillCo2Application(page, { name: '一般社団法人〇〇セメント協会', email: 'suzuki@example.jp' });

    // What the requirements cannot judge yet, as the eligibility panel names it.
    const eligibility = page.locator('[data-testid=eligibility]');
    const asking = eligibility.getByText(/次の項目に回答してください/);
    await asking.first().waitFor(WAIT);
    const named = new Set(
      (await asking.allInnerTexts()).flatMap((line) => [...(line.split('次の項目に回答してください:')[1] ?? '').matchAll(/「([^」]+)」/g)].map((m) => m[1] ?? '')),
    );
    expect(named).toContain('ISO14025に基づく第三者検証を経るか');
    // Each question has its input, labelled as the panel names it: no requirement is a dead end.
    const input = (question: string) =>
      page.getByRole('radiogroup', { name: question, exact: true }).or(page.getByRole('group', { name: question, exact: true })).or(page.getByLabel(question, { exact: true }));
    for (const question of named) await expect.poll(() => input(question).count(), { ...WAIT, message: question }).toBeGreaterThan(0);

    await yes(page, 'grant.factors.0.iso14025Verification');
    await yes(page, 'grant.factors.0.developedByReport');
    await choose(page, 'grant.factors.0.publication', '成果報告までに公開');
    await expect.poll(() => asking.count(), WAIT).toBe(0);
    // Published next year instead: the requirement asks for the expected date, and takes it.
    await choose(page, 'grant.factors.0.publication', '翌年度に公開');
    await field(page, 'grant.factors.0.expectedPublicationOn').fill('2027-06-30');
    await saved(page);
    await tab(page, '確認・提出');
    await tab(page, '予算（経費の内訳）');
    await expect.poll(() => field(page, 'grant.factors.0.expectedPublicationOn').inputValue(), WAIT).toBe('2027-06-30');
    await expect.poll(() => asking.count(), WAIT).toBe(0);
    expect(await eligibility.textContent()).not.toContain('公開時期の目処を示すこと');
    await page.context().close();
  });
});
