import { TOTP_PERIOD_SECONDS } from '@tsumiki/domain';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';

// This stack runs as production does: staff must prove a second factor.
const browser = useBrowserStack({ staffSecondFactor: 'required' });

const stepOf = (ms: number) => Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);

/** The app's code for now, in a 30-second step later than `after` (a code is taken once, so the next sign-in waits for a new one). */
async function codeAfter(secret: string, after: number): Promise<{ code: string; step: number }> {
  while (stepOf(Date.now()) <= after) await new Promise((resolve) => setTimeout(resolve, 500));
  const now = Date.now();
  return { code: await generate({ secret, epoch: Math.floor(now / 1000) }), step: stepOf(now) };
}

async function submitCode(page: Page, code: string, button: string) {
  await page.locator('input[name=code]').fill(code);
  await page.getByRole('button', { name: button }).click();
}

describe('staff second factor in the browser', () => {
  it('a reviewer enrols at first sign-in, keeps the recovery codes, signs out, and signs in again with password and code', async () => {
    const email = 'reviewer@demo.tsumiki.jp';
    const page = await browser.signIn('console', email);

    // Enrolment: the QR code (described for screen readers) and the key to type in.
    await page.locator('[data-testid=second-factor-enrolment]').waitFor(WAIT);
    const qr = page.getByRole('img', { name: /QRコード/ });
    await qr.waitFor(WAIT);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = (await page.locator('[data-testid=second-factor-secret]').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = page.locator('input[name=code]');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');

    const enrolled = await codeAfter(secret, -1);
    await submitCode(page, enrolled.code, '確認して設定を完了');

    // Ten recovery codes, shown until the user says they kept them.
    const codes = page.getByRole('list', { name: '回復コード' }).getByRole('listitem');
    await expect.poll(() => codes.count(), WAIT).toBe(10);
    expect(await codes.first().textContent()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    await page.locator('[data-testid=recovery-codes-done]').click();
    await page.locator('[data-testid=queue-page]').waitFor(WAIT);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.locator('input[name=password]').waitFor(WAIT);
    await page.context().close();

    // Again: the password alone is not enough; the app's next code signs in.
    const again = await browser.signIn('console', email);
    await again.getByRole('heading', { name: '確認コードの入力' }).waitFor(WAIT);
    expect(await again.locator('[data-testid=queue-page]').count()).toBe(0);
    const next = await codeAfter(secret, enrolled.step);
    await submitCode(again, next.code, '確認してログイン');
    await again.locator('[data-testid=queue-page]').waitFor(WAIT);
    await expect.poll(() => again.locator('[data-testid=signed-in-user]').textContent(), WAIT).toBeTruthy();
    expect(browser.consoleErrors).toEqual([]);
    await again.context().close();
  }, 180_000);

  it('a wrong code is refused in Japanese and the page stays on the code step', async () => {
    const page = await browser.signIn('console', 'reviewer@demo.tsumiki.jp');
    await page.getByRole('heading', { name: '確認コードの入力' }).waitFor(WAIT);
    await submitCode(page, '000000', '確認してログイン');
    const alert = page.getByRole('alert');
    await alert.waitFor(WAIT);
    await expect.poll(() => alert.textContent(), WAIT).toContain('確認コードが正しくありません');
    expect(await page.locator('[data-testid=queue-page]').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
