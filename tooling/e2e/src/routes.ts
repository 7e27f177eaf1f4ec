import type { Database } from '@tsumiki/db';
import type { Locator, Page } from 'playwright-core';
import type { BrowserStack } from './browser';
import type { AppName } from './stack';

/** One role's visit: the app, who signs in (null: nobody) and the paths that role can open. */
export type RouteVisit = readonly [app: AppName, email: string | null, paths: string[]];

/** The organisation a demo user belongs to. */
export async function organisationOf(db: Database['db'], email: string): Promise<{ organisation_id: string }> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select('memberships.organisation_id')
    .where('users.email', '=', email)
    .executeTakeFirstOrThrow();
}

/** The demo rows the route table needs ids of. */
async function demoIds(db: Database['db']) {
  const applicant = await organisationOf(db, 'applicant@demo.tsumiki.jp');
  const programmes = await db.selectFrom('programmes').select(['id', 'kind']).orderBy('kind').execute();
  const ownApplications = await db
    .selectFrom('applications')
    .select(['id', 'submitted_at'])
    .where('applicant_organisation_id', '=', applicant.organisation_id)
    .execute();
  const submissions = await db
    .selectFrom('application_submissions')
    .innerJoin('applications', 'applications.id', 'application_submissions.application_id')
    .select([
      'application_submissions.application_id as id',
      'application_submissions.version_no as versionNo',
    ])
    .where('applications.applicant_organisation_id', '=', applicant.organisation_id)
    .execute();
  const carbon = await db
    .selectFrom('carbon_projects')
    .select('id')
    .where('organisation_id', '=', applicant.organisation_id)
    .execute();
  const reviewed = await db
    .selectFrom('applications')
    .select('id')
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at')
    .execute();
  const assigned = await db.selectFrom('review_assignments').select('application_id as id').execute();
  const definitions = await db.selectFrom('programme_definitions').select('id').orderBy('code').execute();
  const associations = await db
    .selectFrom('organisations')
    .select(['id', 'short_name_ja'])
    .where('kind', '=', 'association')
    .execute();
  return { programmes, ownApplications, submissions, carbon, reviewed, assigned, definitions, associations };
}

/**
 * Every route of the three apps, for each role that can open it, with the demo data's ids: the
 * accessibility check and the screen-text scan walk the same table, so a new route is checked by both.
 */
export async function routeTable(db: Database['db']): Promise<RouteVisit[]> {
  const ids = await demoIds(db);
  const association = (short: string) => ids.associations.find((a) => a.short_name_ja === short)?.id ?? '';
  const 全建 = association('全建');
  const 日建連 = association('日建連');
  const first = <T>(rows: T[]): T[] => rows.slice(0, 1);

  return [
    ['portal', null, ['/']],
    [
      'portal',
      'applicant@demo.tsumiki.jp',
      [
        '/',
        ...ids.programmes.map((p) => `/applications/new/${p.id}`),
        ...ids.ownApplications.map((a) => `/applications/${a.id}`),
        ...first(ids.submissions).map((s) => `/applications/${s.id}/receipt/${s.versionNo}`),
        '/carbon',
        ...first(ids.carbon).map((c) => `/carbon/${c.id}`),
        '/carbon/names',
        '/notifications',
        '/organisation',
        '/no-such-page',
      ],
    ],
    [
      'console',
      'reviewer@demo.tsumiki.jp',
      [
        '/',
        ...ids.reviewed.slice(0, 3).map((a) => `/applications/${a.id}`),
        ...first(ids.reviewed).map((a) => `/applications/${a.id}/special-rate`),
        '/summary',
        '/ledger',
        '/publication',
        '/statistics',
        '/programmes',
      ],
    ],
    [
      'console',
      'committee@demo.tsumiki.jp',
      ['/', ...first(ids.assigned).map((a) => `/applications/${a.id}`), '/summary', '/programmes'],
    ],
    [
      'console',
      'admin@demo.tsumiki.jp',
      [
        '/',
        '/ledger',
        '/statistics',
        '/carbon/factors',
        '/rounds',
        '/programme-definitions/new',
        ...first(ids.definitions).map((d) => `/programme-definitions/${d.id}`),
      ],
    ],
    ['console', 'applicant@demo.tsumiki.jp', ['/']],
    ['dashboard', null, ['/', '/public']],
    ['dashboard', 'ministry@demo.tsumiki.jp', ['/', `/associations/${日建連}`]],
    [
      'dashboard',
      'reporter@demo.tsumiki.jp',
      [
        '/',
        `/associations/${日建連}/import`,
        `/associations/${日建連}/figures`,
        `/associations/${日建連}/settings`,
      ],
    ],
    ['dashboard', 'viewer@demo.tsumiki.jp', ['/', `/associations/${全建}/import`, `/associations/${全建}/figures`]],
  ];
}

/**
 * The page has rendered its own content, not the no-JavaScript shell: a heading or an alert in
 * main, and no spinner left in it.
 */
export async function rendered(page: Page, route: string) {
  await page
    .waitForFunction(
      () => {
        const main = document.querySelector('main, #main');
        if (!main) return false;
        if (main.querySelector('.mantine-Loader-root')) return false;
        return Boolean(main.querySelector('h1, h2, h3, [role=alert]'));
      },
      null,
      { timeout: 30_000 },
    )
    .catch(async (error: unknown) => {
      const main = await page.locator('body').innerText();
      throw new Error(`${route} did not render a heading: ${main.slice(0, 300)}`, { cause: error });
    });
  // Charts and transitions settle (Mantine's and recharts' animations).
  await page.waitForTimeout(400);
}

export interface VisitOptions {
  viewport: { width: number; height: number };
  bypassCSP?: boolean;
}

/**
 * Signs each role in once and calls `inspect` on each of its paths once the page has rendered;
 * returns what `inspect` found, route by route, and the routes visited.
 */
export async function walkRoutes<T>(
  browser: BrowserStack,
  table: readonly RouteVisit[],
  options: VisitOptions,
  inspect: (page: Page, route: string) => Promise<T[]>,
): Promise<{ findings: T[]; checked: string[] }> {
  const findings: T[] = [];
  const checked: string[] = [];
  for (const [app, email, paths] of table) {
    const page =
      email === null
        ? await browser.visit(app, paths[0] ?? '/', options)
        : await browser.signIn(app, email, options);
    for (const path of paths) {
      const url = new URL(path, browser.stack.urls[app]).toString();
      if (page.url() !== url) await page.goto(url);
      const route = `${app} ${path} (${email ?? 'signed out'})`;
      await rendered(page, route);
      findings.push(...(await inspect(page, route)));
      checked.push(route);
    }
    await page.context().close();
  }
  return { findings, checked };
}

/** A table's column names as a reader sees them, without a sortable column's mark (⇅, ↑, ↓). */
export async function columnNames(table: Locator): Promise<string[]> {
  return (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.replace(/[\s⇅↑↓▲▼]+$/u, ''));
}
