import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser';
import { organisationOf, walkRoutes, type RouteVisit } from './routes';

const browser = useBrowserStack();
/** A common office laptop and a common phone, as the issue measured them. */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
/** Screenshots to look at by eye; the folder is ignored by git. */
const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * What a reader would call broken, measured in the page: the page scrolling sideways, figures in a
 * grid running out of their box or into each other, status badges cut short, table columns too
 * narrow to read their own text.
 */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const visible = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push(`the page scrolls sideways (${root.scrollWidth} px wide in ${root.clientWidth} px)`);

  const textBox = (e: Element) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return range.getBoundingClientRect();
  };
  const within = (inner: DOMRect, outer: DOMRect) =>
    inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
  const overlap = (a: DOMRect, b: DOMRect) =>
    a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  for (const grid of Array.from(document.querySelectorAll('main .mantine-SimpleGrid-root'))) {
    const cells = Array.from(grid.children).filter(visible);
    const texts = cells.map((cell) => Array.from(cell.querySelectorAll('p, h2, h3, h4, dd, dt, span')).filter(visible));
    cells.forEach((cell, i) => {
      for (const text of texts[i] ?? []) {
        if (text.querySelector('svg')) continue;
        if (!within(textBox(text), cell.getBoundingClientRect()))
          problems.push(`«${text.textContent?.trim()}» runs out of its box`);
      }
      cells.slice(i + 1).forEach((other, j) => {
        if (overlap(cell.getBoundingClientRect(), other.getBoundingClientRect()))
          problems.push(`figures «${cell.textContent?.trim().slice(0, 30) ?? ''}» and «${cells[i + 1 + j]?.textContent?.trim().slice(0, 30) ?? ''}» overlap`);
      });
    });
  }

  for (const label of Array.from(document.querySelectorAll('main .mantine-Badge-label')).filter(visible)) {
    if (label.scrollWidth > label.clientWidth + 1) problems.push(`badge «${label.textContent}» is cut short`);
  }

  // Headers a narrow DataTable hides for the eye (each cell then carries its label) are not measured.
  const shown = (e: Element) => visible(e) && (e.closest('thead')?.getBoundingClientRect().width ?? 2) > 1;
  for (const cell of Array.from(document.querySelectorAll('main td, main th')).filter(shown)) {
    const text = (cell as HTMLElement).innerText.trim();
    const width = cell.getBoundingClientRect().width;
    // A cell of four or more characters gets room for about three of them per line.
    if (text.length >= 4 && width < 48) problems.push(`cell «${text.slice(0, 30)}» is ${Math.round(width)} px wide`);
  }
  return problems;
}

/** The key screens: the applicant's list and application form, the reviewer's queue and application, the ministry's overview. */
async function keyScreens(): Promise<RouteVisit[]> {
  const db = browser.stack.database.db;
  const applicant = await organisationOf(db, 'applicant@demo.tsumiki.jp');
  const own = await db
    .selectFrom('applications')
    .select('id')
    .where('applicant_organisation_id', '=', applicant.organisation_id)
    .orderBy('updated_at', 'desc')
    .execute();
  const programme = await db.selectFrom('programmes').select('id').where('kind', '=', 'clt_demonstration').executeTakeFirstOrThrow();
  const submitted = await db
    .selectFrom('applications')
    .select('id')
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at')
    .executeTakeFirstOrThrow();
  return [
    ['portal', 'applicant@demo.tsumiki.jp', ['/', `/applications/new/${programme.id}`, ...own.map((a) => `/applications/${a.id}`)]],
    ['console', 'reviewer@demo.tsumiki.jp', ['/', `/applications/${submitted.id}`]],
    ['dashboard', 'ministry@demo.tsumiki.jp', ['/']],
  ];
}

describe('layout at 1366×768 and 390×844: nothing overflows, overlaps or is cut short on the key screens', () => {
  it('holds on the list, application, queue and overview screens', { timeout: 900_000 }, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const table = await keyScreens();
    const problems: string[] = [];
    for (const viewport of VIEWPORTS) {
      const inspect = async (page: Page, route: string) => {
        const name = `${route.replace(/ \(.*\)$/, '').replace(/[^\w]+/g, '-')}-${viewport.width}`;
        await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
        return (await page.evaluate(layoutProblems)).map((p) => `${route} at ${viewport.width}×${viewport.height}: ${p}`);
      };
      const result = await walkRoutes(browser, table, { viewport }, inspect);
      problems.push(...result.findings);
    }
    expect([...new Set(problems)].join('\n')).toBe('');
  });
});
