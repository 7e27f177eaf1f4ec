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
