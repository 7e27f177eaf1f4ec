import { insertApplication, insertSubmission, nextTrackingValue, setApplicationSubmitted } from '@tsumiki/db';
import { formatJst, trackingCounterKey, trackingNumber } from '@tsumiki/domain';
import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { step, waitForStatus } from './console-steps';
import { field, saved, tab } from './wizard';

const browser = useBrowserStack();
const VIEWPORT = { width: 1400, height: 1000 };
const APPLICANT = 'applicant@demo.tsumiki.jp';
const TITLE = 'CLTパネル工法 事務所の建築実証（版の比較）';

/**
 * The worked example, submitted once by the demo applicant. 仮設工事 is entered as a plain amount
 * (no unit price × quantity), as the portal's budget table edits it.
 */
async function submittedExample() {
  const { db } = browser.stack.database;
  const user = await db.selectFrom('users').select('id').where('email', '=', APPLICANT).executeTakeFirstOrThrow();
  const membership = await db.selectFrom('memberships').select('organisation_id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  const programme = await db.selectFrom('programmes').selectAll().where('code', '=', 'clt-demonstration-demo').executeTakeFirstOrThrow();
  const content = cltExampleApplicationContent();
  const { unitPrice: _unitPrice, quantity: _quantity, ...temporary } = content.grant!.building!.lines[1]!;
  content.grant!.building!.lines[1] = temporary;
  const requested = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
  const draft = await insertApplication(db, { programmeId: programme.id, organisationId: membership.organisation_id, createdBy: user.id, title: TITLE, content });
  const submittedAt = new Date(Date.now() - 3 * 86_400_000);
  await insertSubmission(db, { applicationId: draft.id, versionNo: 1, title: TITLE, content, assessment: {}, requestedGrantYen: requested, submittedBy: user.id, submittedAt, idempotencyKey: crypto.randomUUID() });
  const tracking = trackingNumber('clt_demonstration', programme.fiscal_year, await nextTrackingValue(db, trackingCounterKey('clt_demonstration', programme.fiscal_year)));
  await setApplicationSubmitted(db, { id: draft.id, expectedVersion: draft.version, submittedAt, trackingNumber: tracking, requestedGrantYen: requested, status: 'submitted' });
  return { id: draft.id, requested };
}

describe('console: comparing the versions of a returned and resubmitted application', () => {
  it('shows the budget line the applicant changed, old → new, and the grant each version gives', async () => {
    const { id, requested } = await submittedExample();
    expect(requested).toBe(11_810_000);

    const reviewer = await browser.signIn('console', 'reviewer@demo.tsumiki.jp', { viewport: VIEWPORT });
    await reviewer.locator('[data-testid=queue-page]').waitFor({ timeout: 20_000 });
    await reviewer.goto(new URL(`/applications/${id}`, browser.stack.urls.console).toString());
    await waitForStatus(reviewer, '提出済み');
    // One version only: nothing to compare yet.
    await expect.poll(() => reviewer.locator('[data-testid=version-comparison]').count(), WAIT).toBe(0);
    await step(reviewer, 'start_review', '審査中');
    const due = formatJst(new Date(Date.now() + 10 * 86_400_000)).slice(0, 10);
    await step(reviewer, 'return_for_correction', '差戻し', { reason: '仮設工事の見積額を見直してください。', due: `${due}T17:00` });

    // The applicant raises 仮設工事 from 2,200,000 to 3,300,000 in the portal and resubmits.
    const applicant = await browser.signIn('portal', APPLICANT, { viewport: VIEWPORT });
    await applicant.locator('[data-testid=home]').waitFor({ timeout: 20_000 });
    await applicant.goto(new URL(`/applications/${id}`, browser.stack.urls.portal).toString());
    await applicant.locator('[data-testid=returned-banner]').waitFor({ timeout: 20_000 });
    await applicant.locator('[data-testid=application-wizard]').waitFor();
    await tab(applicant, '予算（経費の内訳）');
    await field(applicant, 'grant.building.lines.1.description').waitFor({ timeout: 20_000 });
    await expect.poll(() => field(applicant, 'grant.building.lines.1.description').inputValue(), WAIT).toBe('仮設工事');
    await field(applicant, 'grant.building.lines.1.amount').fill('3300000');
    await expect.poll(() => applicant.locator('[data-testid=summary-grant]').textContent(), WAIT).toContain('12,110,000');
    await saved(applicant);
    await tab(applicant, '確認・提出');
    await applicant.getByRole('button', { name: '提出する' }).click();
    await applicant.locator('[data-testid=receipt]').waitFor({ timeout: 20_000 });
    await applicant.context().close();

    // The reviewer compares version 1 with version 2 (the default: the last two).
    await reviewer.reload();
    await waitForStatus(reviewer, '再提出');
    const panel = reviewer.locator('[data-testid=version-comparison]');
    await panel.waitFor({ timeout: 20_000 });
    const line = panel.locator('[data-testid=comparison-line]');
    await expect.poll(() => line.count(), WAIT).toBe(1);
    await expect.poll(() => line.textContent(), WAIT).toContain('仮設工事');
    await expect.poll(() => line.textContent(), WAIT).toContain('2,200,000円 → 3,300,000円');
    await expect.poll(() => line.getAttribute('data-change'), WAIT).toBe('changed');
    // 1,100,000 more, tax included: 1,000,000 × 3/10 = 300,000 more grant.
    const grant = panel.locator('[data-testid=comparison-amount-grant]');
    await expect.poll(() => grant.textContent(), WAIT).toBe('助成額11,810,000円12,110,000円+300,000円');
    await expect.poll(() => panel.locator('[data-testid=comparison-field]').count(), WAIT).toBe(0);
    // Read in Japanese: no internal names, codes or JSON.
    const visible = (await panel.innerText()) ?? '';
    expect(visible).not.toMatch(/[a-z][A-Z]|_|[{}]|grant\./);
    expect(browser.consoleErrors).toEqual([]);
    await reviewer.context().close();
  }, 300_000);
});
