import type { ElementHandle, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack, WAIT } from './browser';
import { rendered } from './routes';
import type { AppName } from './stack';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };
const KINDS = ['input', 'button', 'link'] as const;
type Kind = (typeof KINDS)[number];

interface Ring {
  outline: string;
  shadow: string;
}
interface Stop {
  kind: Kind;
  name: string;
  handle: ElementHandle<Element>;
  focused: Ring;
}

const ringOf = (handle: ElementHandle<Element>) =>
  handle.evaluate((el): Ring => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow };
  });
const visible = (r: Ring) => r.outline !== 'none' || r.shadow !== 'none';

/**
 * Tabs through the page as a keyboard user does and keeps the first input, button and link that
 * take the focus (the skip link aside, which is hidden until focused), each with its style while focused.
 */
async function tabStops(page: Page, wanted: Set<Kind>): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < 60 && wanted.size > 0; i += 1) {
    await page.keyboard.press('Tab');
    const handle = (await page.evaluateHandle(() => document.activeElement ?? document.body)).asElement();
    if (!handle) continue;
    const { kind, name } = await handle.evaluate((el) => {
      const role = el.getAttribute('role');
      const tag = el.tagName;
      const kind =
        el.classList.contains('tsumiki-skip-link') ? null
        : tag === 'INPUT' && !['checkbox', 'radio', 'file'].includes((el as HTMLInputElement).type) ? 'input'
        : tag === 'TEXTAREA' ? 'input'
        : tag === 'BUTTON' || role === 'button' ? 'button'
        : tag === 'A' ? 'link'
        : null;
      return { kind, name: el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30) ?? tag };
    });
    if (!kind || !wanted.has(kind as Kind)) continue;
    wanted.delete(kind as Kind);
    stops.push({ kind: kind as Kind, name, handle, focused: await ringOf(handle) });
  }
  return stops;
}

/** Each stop's ring while focused against its look once the focus has left it. */
async function compared(page: Page, stops: Stop[]) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return Promise.all(stops.map(async (s) => ({ kind: s.kind, name: s.name, focused: s.focused, unfocused: await ringOf(s.handle) })));
}

const SIGN_IN: Record<AppName, string> = { portal: 'applicant@demo.tsumiki.jp', console: 'reviewer@demo.tsumiki.jp', dashboard: 'ministry@demo.tsumiki.jp' };

describe('a keyboard user sees where the focus is', () => {
  it.each(Object.entries(SIGN_IN) as [AppName, string][])('%s: an input, a button and a link each show a ring when tabbed to, and not otherwise', async (app, email) => {
    const wanted = new Set<Kind>(KINDS);
    // The sign-in form has the fields; the signed-in pages the links.
    const signIn = await browser.visit(app, '/', { viewport: VIEWPORT });
    await signIn.locator('input[name=email]').waitFor(WAIT);
    const found = await compared(signIn, await tabStops(signIn, wanted));
    await signIn.context().close();

    const page = await browser.signIn(app, email, { viewport: VIEWPORT });
    await page.locator('input[name=email]').waitFor({ ...WAIT, state: 'detached' });
    await rendered(page, `${app} /`);
    found.push(...(await compared(page, await tabStops(page, wanted))));
    await page.context().close();

    expect(found.map((f) => f.kind).sort()).toEqual([...KINDS].sort());
    for (const f of found) {
      expect(visible(f.focused), `${app}: the ${f.kind} 「${f.name}」 shows no ring when focused`).toBe(true);
      expect(f.focused, `${app}: the ${f.kind} 「${f.name}」 looks the same focused and not`).not.toEqual(f.unfocused);
    }
  });
});
