import type { BrowserStack } from './browser';

/** The applicant's new calculator project with its building entered, ready for quantities. */
export async function newCarbonProject(browser: BrowserStack, name: string, building: { use: string; structure: string; grossFloorArea: string }) {
  const page = await browser.signIn('portal', 'applicant@demo.tsumiki.jp', { viewport: { width: 1400, height: 1000 } });
  await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: 'LCCO₂算定' }).first().click();
  await page.locator('[data-testid=carbon-new-name]').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid=carbon-new-name]').fill(name);
  await page.locator('[data-testid=carbon-create]').click();
  await page.locator('[data-testid=carbon-project]').waitFor({ timeout: 20_000 });
  await page.getByLabel('建物用途').selectOption(building.use);
  await page.getByLabel('構造').selectOption(building.structure);
  await page.locator('[data-testid=gross-floor-area]').fill(building.grossFloorArea);
  return page;
}
