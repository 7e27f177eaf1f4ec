import { insertApplication } from '@tsumiki/db';
import { cltExampleApplicationContent, CO2_FACTOR_SUPPORT } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { attachDocument, attachRequiredDocuments, choose, CLT_DOCUMENTS, field, fillCo2Application, no, saved, tab, yes } from './wizard';

const browser = useBrowserStack();
const APPLICANT = 'applicant@demo.tsumiki.jp';
const signIn = () => browser.signIn('portal', APPLICANT, { viewport: { width: 1400, height: 1000 } });

describe('applicant portal: a CLT application from draft to receipt', () => {
  it('fixes a validation error, resumes an autosaved draft, attaches a file, sees the grant as it types, and submits', async () => {
    const page = await signIn();
    await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: /申請する: 【デモ】CLT建築実証事業/ }).click();
    await page.getByLabel('件名（事業名）').fill('CLTパネル工法による4階建て事務所の建築実証');
    await page.getByRole('button', { name: '下書きを作成' }).click();
    await page.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });

    // 様式1: a wrong e-mail address is named as soon as it is typed, then fixed.
    await field(page, 'applicant.name').fill('株式会社〇〇木材');
    await field(page, 'applicant.representative').fill('代表取締役 木村 一郎');
    await field(page, 'applicant.address').fill('高知県高知市〇〇町1-1');
    await field(page, 'applicant.contactName').fill('山田 花子');
    await field(page, 'applicant.contactEmail').fill('yamada@');
    await page.getByText('「担当者メールアドレス」の値が正しくありません').waitFor();
    await field(page, 'applicant.contactEmail').fill('yamada@example.jp');
    await field(page, 'applicant.contactPhone').fill('088-000-0000');
    await expect.poll(() => page.getByText('「担当者メールアドレス」の値が正しくありません').count(), WAIT).toBe(0);
    await saved(page);

    // The draft was autosaved: a reload (or tomorrow) resumes it.
    await page.reload();
    await page.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });
    await expect.poll(() => field(page, 'applicant.contactEmail').inputValue(), WAIT).toBe('yamada@example.jp');
    await expect.poll(() => field(page, 'applicant.name').inputValue(), WAIT).toBe('株式会社〇〇木材');

    await tab(page, '建築物の概要');
    await field(page, 'building.site').fill('高知県高知市〇〇町2-2');
    await field(page, 'grant.facts.mainUse').fill('事務所');
    await no(page, 'grant.facts.mainUseDetachedHouse');
    await field(page, 'building.structure').fill('CLTパネル工法（壁・床・屋根）');
    await field(page, 'grant.facts.storeys').fill('4');
    await field(page, 'grant.facts.totalFloorAreaM2').fill('1200');
    await choose(page, 'grant.cltUse', 'CLTパネル工法のみ');
    await yes(page, 'grant.facts.hasRoofAndColumnsOrWalls');
    await field(page, 'grant.facts.plannedCompletion').fill('2027-02-19');

    await tab(page, '実証内容及び実証計画');
    await yes(page, 'grant.facts.includesBuildingDemo');
    await field(page, 'plan.content').fill('CLTパネル工法普及モデルを用いた4階建て事務所の施工合理化の実証');
    await field(page, 'plan.schedule').fill('令和8年6月着工、令和9年2月竣工');
    await yes(page, 'grant.facts.contentClear');
    await yes(page, 'grant.facts.councilExamines');
    await no(page, 'grant.facts.ownerIsCouncilOperator');
    await yes(page, 'grant.facts.costComparison');
    await yes(page, 'grant.facts.fundingPlanClear');
    await yes(page, 'grant.facts.landSecured');
    await choose(page, 'grant.facts.otherNationalSubsidy', 'なし');
    await no(page, 'grant.facts.applicantIsCommitteeMember');

    await tab(page, '加点・特例の該当');
    await choose(page, 'grant.rate.requested', '3/10（通常）');
    await tab(page, '協議会運営者');
    await field(page, 'councilOperator.name').fill('〇〇設計株式会社');
    await no(page, 'grant.facts.councilOperatorIsIndividual');
    await yes(page, 'grant.facts.councilOperatorCanAccount');
    await tab(page, '誓約');
    await yes(page, 'pledge.agreed');

    // 様式4-1: one line of CLT panels, 1,100,000 tax included → 1,000,000 × 3/10 = 300,000.
    await tab(page, '予算（経費の内訳）');
    await page.getByRole('button', { name: '行を追加' }).first().click();
    await choose(page, 'grant.building.lines.0.category', '需用費');
    await field(page, 'grant.building.lines.0.description').fill('CLTパネル（材料支給）');
    await field(page, 'grant.building.lines.0.amount').fill('1100000');
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent()).toContain('300,000');
    await expect.poll(() => page.locator('[data-testid=summary-ownShare]').textContent(), WAIT).toContain('800,000');

    await tab(page, '環境チェックリスト');
    for (let no = 1; no <= 15; no += 1) await page.locator(`#field-checklist-answers-${no}`).getByLabel('実施する').check();
    await page.getByLabel('上記について、確認しました').check();

    // The call's attachments (003 §6.4): owner and council operator differ, so two company profiles.
    await tab(page, '添付資料');
    for (const [document, file] of CLT_DOCUMENTS) await attachDocument(page, document, file);

    await saved(page);
    await tab(page, '確認・提出');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.locator('[data-testid=receipt]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=tracking-number]').textContent(), WAIT).toMatch(/^CLT-\d{4}-\d{4}$/);
    await expect.poll(() => page.locator('[data-testid=receipt-grant]').textContent(), WAIT).toContain('300,000');
    await page.screenshot({ path: '.vitest/portal-receipt.png', fullPage: true });
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses a submission after the deadline with a clear message, and keeps the draft', async () => {
    const { db } = browser.stack.database;
    const user = await db.selectFrom('users').select('id').where('email', '=', APPLICANT).executeTakeFirstOrThrow();
    const membership = await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    // The FY2025 round closed on 2026-04-06 13:00 JST (003 §6.1).
    const closed = await db.selectFrom('programmes').select('id').where('code', '=', 'clt-demonstration-r7').executeTakeFirstOrThrow();
    const draft = await insertApplication(db, {
      programmeId: closed.id,
      organisationId: membership.organisation_id,
      createdBy: user.id,
      title: '締切後の申請',
      content: cltExampleApplicationContent(),
    });
    // Complete with the call's documents, so the only thing in the way is the deadline.
    await attachRequiredDocuments(db, draft.id, user.id, cltExampleApplicationContent());
    const page = await signIn();
    await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await page.goto(new URL(`/applications/${draft.id}`, browser.stack.urls.portal).toString());
    await page.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=deadline]').textContent(), WAIT).toContain('受付は終了しました');
    await tab(page, '確認・提出');
    await page.getByRole('button', { name: '提出する' }).click();
    const error = page.locator('[data-testid=submit-error]');
    await error.waitFor({ timeout: 10_000 });
    await expect.poll(() => error.textContent(), WAIT).toContain('受付期間');
    const row = await db.selectFrom('applications').select(['status', 'tracking_number']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', tracking_number: null });
    // The browser logs the refused request (HTTP 412) as a console error; that refusal is the point here.
    expect(browser.consoleErrors.every((e) => e.includes('412'))).toBe(true);
    browser.consoleErrors.length = 0;
    await page.context().close();
  });

  it('takes a CO2 emission-factor application to submission: a factor, a cost line counted in full', async () => {
    const page = await signIn();
    await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: /申請する: 【デモ】CO2原単位等の策定に係る支援/ }).click();
    await page.getByLabel('件名（事業名）').fill('高炉セメントB種のEPD策定');
    await page.getByRole('button', { name: '下書きを作成' }).click();
    await page.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });

    await fillCo2Application(page, { name: '一般社団法人〇〇セメント協会', email: 'suzuki@example.jp' });
    // Pay carries no consumption tax and the support covers the eligible cost in full (001 §2.5).
    await expect.poll(() => page.locator('[data-testid=summary-grant]').textContent()).toContain('2,000,000');

    // The quote itself (見積書) is the one document the CO2 call asks to attach (001 §3.2(2)④).
    await tab(page, '添付資料');
    await attachDocument(page, CO2_FACTOR_SUPPORT.requiredDocuments.find((d) => d.code === 'quote')!.name.ja, '見積書.pdf');

    await saved(page);
    await tab(page, '確認・提出');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.locator('[data-testid=receipt]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid=tracking-number]').textContent(), WAIT).toMatch(/^CO2-\d{4}-\d{4}$/);
    await expect.poll(() => page.locator('[data-testid=receipt-grant]').textContent(), WAIT).toContain('2,000,000');
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });
});
