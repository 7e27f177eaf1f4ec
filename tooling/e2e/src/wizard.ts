import { insertApplication, insertAttachment, type Database } from '@tsumiki/db';
import { CLT_DEMONSTRATION, documentsToAttach, type TApplicationContent, type TCltContent } from '@tsumiki/domain/programmes';
import type { BrowserStack } from './browser';
import type { Page } from 'playwright-core';

/** Helpers for driving the application wizard: fields by their content path, as the wizard ids them. */
export const field = (page: Page, path: string) => page.locator(`#field-${path.replaceAll('.', '-')}`);
export const yes = (page: Page, path: string) => page.locator(`#field-${path.replaceAll('.', '-')}-yes`).check();
export const no = (page: Page, path: string) => page.locator(`#field-${path.replaceAll('.', '-')}-no`).check();
export async function choose(page: Page, path: string, option: string) {
  await field(page, path).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
export const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
export const saved = (page: Page) => page.locator('[data-testid=save-state][data-state=saved]').waitFor({ timeout: 10_000 });

/** A small one-page PDF, enough for the type check and the page count. */
export const onePagePdf = () =>
  Buffer.from('%PDF-1.4\n1 0 obj<</Type /Catalog /Pages 2 0 R>>endobj\n2 0 obj<</Type /Pages /Kids [3 0 R] /Count 1>>endobj\n3 0 obj<</Type /Page /Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Attaches a file as one of the call's required documents (on the wizard's attachments tab). */
export async function attachDocument(page: Page, document: string, fileName: string) {
  await page.locator('[data-testid=attachment-document]').click();
  await page.getByRole('option', { name: document, exact: true }).click();
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: onePagePdf() });
  await page.getByRole('button', { name: '添付する' }).click();
  await page.locator('[data-testid=attachment-list]').getByText(fileName, { exact: false }).waitFor({ timeout: 10_000 });
}

/** The call's attachments for a CLT proposal whose owner and council operator differ (two company profiles). */
export const CLT_DOCUMENTS: readonly (readonly [document: string, file: string])[] = [
  ['添付資料1 建築物の基本構想図', '基本構想図.pdf'],
  ['添付資料1 平面図・立面図・断面図・詳細図等', '図面.pdf'],
  ['添付資料2 建築主等及び協議会運営者の会社案内等', '会社案内_建築主.pdf'],
  ['添付資料2 建築主等及び協議会運営者の会社案内等', '会社案内_協議会運営者.pdf'],
  ['添付資料3 誓約書（資金調達の方法、意思決定を証する書類を含む）', '誓約書.pdf'],
  ['添付書類4 用地確保の見込みを示す書類', '用地.pdf'],
  ['建築主等の直近2年程度の財務諸表（貸借対照表・損益計算書）', '財務諸表.pdf'],
];

/** A CO2 emission-factor application through the wizard: one verified EPD and a personnel line of ¥2,000,000. */
export async function fillCo2Application(page: Page, applicant: { name: string; email: string }) {
  await field(page, 'applicant.name').fill(applicant.name);
  await field(page, 'applicant.representative').fill('会長 佐藤 次郎');
  await field(page, 'applicant.address').fill('東京都中央区〇〇1-2-3');
  await field(page, 'applicant.contactName').fill('鈴木 三郎');
  await field(page, 'applicant.contactEmail').fill(applicant.email);
  await field(page, 'applicant.contactPhone').fill('03-0000-1111');
  await tab(page, '事業概要');
  await choose(page, 'grant.applicant.kind', '業界団体');
  await field(page, 'outline.purpose').fill('高炉セメントB種の業界代表EPDを策定し公開する');
  await field(page, 'outline.parties').fill('協会事務局、LCA算定は〇〇研究所に委託');
  await field(page, 'grant.period.resultsReportDate').fill('2027-02-26');
  await field(page, 'outline.schedule').fill('令和8年12月算定、令和9年1月検証、2月公開');
  await tab(page, '誓約');
  await yes(page, 'pledge.agreed');
  await tab(page, '予算（経費の内訳）');
  await page.getByRole('button', { name: '原単位を追加' }).click();
  await choose(page, 'grant.factors.0.kind', '(1) EPD又はCFP（ISO14025に基づく第三者検証を経るもの）');
  await field(page, 'grant.factors.0.product').fill('高炉セメントB種');
  await field(page, 'grant.factors.0.productCategory').fill('セメント');
  await page.getByRole('button', { name: '行を追加' }).click();
  await choose(page, 'grant.lines.0.category', '① CO2原単位等策定に係る人件費');
  await field(page, 'grant.lines.0.description').fill('算定担当者の人件費');
  await field(page, 'grant.lines.0.amount').fill('2000000');
  await choose(page, 'grant.lines.0.factorId', 'F1 高炉セメントB種');
}

/** Every document the call requires for this content, attached as one-page PDFs, so only what a test is about stands in the way. */
export async function attachRequiredDocuments(db: Database['db'], applicationId: string, uploadedBy: string, content: TCltContent) {
  for (const r of documentsToAttach('clt_demonstration', CLT_DEMONSTRATION, content))
    for (let copy = 0; copy < r.copies; copy += 1)
      await insertAttachment(db, {
        applicationId,
        uploadedBy,
        fileName: `${r.document.code}-${copy + 1}.pdf`,
        declaredType: 'application/pdf',
        detectedType: 'application/pdf',
        sha256: '0'.repeat(64),
        content: onePagePdf(),
        documentCode: r.document.code,
        pageCount: 1,
      });
}

/** A draft of `content` for the demo applicant's organisation, opened in the wizard. */
export async function openDraft(browser: BrowserStack, content: TApplicationContent, options: { email?: string; programmeCode?: string; viewport?: { width: number; height: number } } = {}) {
  const { db } = browser.stack.database;
  const email = options.email ?? 'applicant@demo.tsumiki.jp';
  const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const membership = await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  const programme = await db
    .selectFrom('programmes')
    .select('id')
    .where('code', '=', options.programmeCode ?? (content.programme === 'clt_demonstration' ? 'clt-demonstration-demo' : 'co2-factor-support-demo'))
    .executeTakeFirstOrThrow();
  const draft = await insertApplication(db, { programmeId: programme.id, organisationId: membership.organisation_id, createdBy: user.id, title: '下書き', content });
  const page = await browser.signIn('portal', email, { viewport: options.viewport ?? { width: 1366, height: 768 } });
  await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
  await page.goto(new URL(`/applications/${draft.id}`, browser.stack.urls.portal).toString());
  await page.locator('[data-testid=application-wizard]').waitFor({ timeout: 20_000 });
  return { page, draft, db };
}
