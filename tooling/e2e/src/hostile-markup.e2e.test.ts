import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { organisationOf } from './routes';

/**
 * Text people type ends up on other people's screens: an applicant's project title in the
 * reviewer's queue, an association's name on the ministry's overview. Markup in any of it must be
 * shown as text, never run. The payloads go straight into the database (as a hostile API client
 * or an old import could leave them), then each app renders them.
 */
const browser = useBrowserStack();

const payload = (label: string) => `<img src=x onerror="window.__xss='${label}'">${label}<script>window.__xss='${label}-script'</script>`;
const TITLE = payload('表題');
const ORGANISATION = payload('組織名');
const PERSON = payload('氏名');
const PROJECT = payload('計画名');
const ASSOCIATION = payload('団体名');

beforeAll(async () => {
  const { db } = browser.stack.database;
  const applicant = await organisationOf(db, 'applicant@demo.tsumiki.jp');
  await db.updateTable('users').set({ display_name: PERSON }).where('email', 'in', ['applicant@demo.tsumiki.jp', 'reviewer@demo.tsumiki.jp']).execute();
  await db.updateTable('organisations').set({ name_ja: ORGANISATION }).where('id', '=', applicant.organisation_id).execute();
  await db.updateTable('applications').set({ title: TITLE }).where('applicant_organisation_id', '=', applicant.organisation_id).execute();
  await db.updateTable('application_submissions').set({ title: TITLE }).execute();
  await db.updateTable('carbon_projects').set({ name: PROJECT }).execute();
  // The first association in the ministry's table.
  const association = await db.selectFrom('organisations').select('id').where('kind', '=', 'association').orderBy('name_ja').limit(1).executeTakeFirstOrThrow();
  await db.updateTable('organisations').set({ name_ja: ASSOCIATION, short_name_ja: ASSOCIATION }).where('id', '=', association.id).execute();
}, 60_000);

/** Waits for the page to show the label, then checks that nothing of the markup ran or became an element. */
async function expectShownAsText(page: Page, labels: string[]) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const label of labels) {
    // The whole payload, tags included, is on the screen as characters.
    await page.getByText(`onerror="window.__xss='${label}'">${label}`, { exact: false }).first().waitFor({ timeout: 20_000 });
  }
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect.poll(() => page.locator('img[src="x"]').count(), WAIT).toBe(0);
  await expect.poll(() => page.locator('script:not([src])').count(), WAIT).toBe(0);
  expect(dialogs).toEqual([]);
}

describe('markup typed into text fields is shown, never run', () => {
  it('in the portal: the applicant’s name, their applications and carbon projects', async () => {
    browser.consoleErrors.length = 0;
    const page = await browser.signIn('portal', 'applicant@demo.tsumiki.jp');
    await page.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await expectShownAsText(page, ['氏名', '表題']);
    await page.goto(new URL('/carbon', browser.stack.urls.portal).toString());
    await expectShownAsText(page, ['計画名']);
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('in the console: the queue and the application as submitted', async () => {
    browser.consoleErrors.length = 0;
    const page = await browser.signIn('console', 'reviewer@demo.tsumiki.jp');
    await page.locator('[data-testid=queue-page]').waitFor({ timeout: 20_000 });
    await expectShownAsText(page, ['表題', '組織名']);
    await page.getByText(`onerror="window.__xss='表題'">表題`, { exact: false }).first().click();
    await page.waitForURL(/\/applications\//, { timeout: 20_000 });
    await expectShownAsText(page, ['表題']);
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('in the dashboard: an association’s name on the ministry’s overview', async () => {
    browser.consoleErrors.length = 0;
    const page = await browser.signIn('dashboard', 'ministry@demo.tsumiki.jp');
    await page.locator('[data-testid=overview]').waitFor({ timeout: 20_000 });
    await expectShownAsText(page, ['団体名']);
    expect(browser.consoleErrors).toEqual([]);
    await page.context().close();
  });
});
