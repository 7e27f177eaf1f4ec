import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser';
import type { AppName } from './stack';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };
/** WCAG 2.1 A and AA, as the issue measured; best-practice rules are advice, not the standard. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** The page has rendered its content: a heading or an alert in main, and no spinner left in it. */
async function rendered(page: Page, route: string) {
  await page
    .waitForFunction(
      () => {
        const main = document.querySelector('main, #main');
        if (!main) return false;
        if (main.querySelector('.mantine-Loader-root')) return false;
        return Boolean(main.querySelector('h1, h2, h3, [role=alert]'));
      },
      null,
      { timeout: 20_000 },
    )
    .catch(async (error: unknown) => {
      const main = await page.locator('body').innerText();
      throw new Error(`${route} did not render a heading: ${main.slice(0, 300)}`, { cause: error });
    });
  // Charts and transitions settle (Mantine's and recharts' animations).
  await page.waitForTimeout(400);
}

interface Finding {
  route: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function check(page: Page, route: string): Promise<Finding[]> {
  await rendered(page, route);
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      route,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`),
    }));
}

/** Signs the role in once and checks each of its paths on the same page. */
async function checkRoutes(
  app: AppName,
  email: string | null,
  paths: readonly string[],
): Promise<{ findings: Finding[]; checked: string[] }> {
  const first = paths[0] ?? '/';
  const page =
    email === null
      ? await browser.visit(app, first, { viewport: VIEWPORT, bypassCSP: true })
      : await browser.signIn(app, email, { viewport: VIEWPORT, bypassCSP: true });
  const findings: Finding[] = [];
  const checked: string[] = [];
  for (const path of paths) {
    const url = new URL(path, browser.stack.urls[app]).toString();
    if (page.url() !== url) await page.goto(url);
    const route = `${app} ${path} (${email ?? 'signed out'})`;
    findings.push(...(await check(page, route)));
    checked.push(route);
  }
  await page.context().close();
  return { findings, checked };
}

const describeFindings = (findings: Finding[]) =>
  findings
    .map((f) => `${f.route}: ${f.rule} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n');

async function demoIds() {
  const db = browser.stack.database.db;
  const applicant = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select('memberships.organisation_id')
    .where('users.email', '=', 'applicant@demo.tsumiki.jp')
    .executeTakeFirstOrThrow();
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
  const associations = await db
    .selectFrom('organisations')
    .select(['id', 'short_name_ja'])
    .where('kind', '=', 'association')
    .execute();
  const definitions = await db.selectFrom('programme_definitions').select('id').orderBy('code').execute();
  return { programmes, ownApplications, submissions, carbon, reviewed, assigned, associations, definitions };
}

describe('accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violation on any route', () => {
  it(
    'holds on every route of the three apps for each role that reaches it',
    { timeout: 900_000 },
    async () => {
      const ids = await demoIds();
      const association = (short: string) =>
        ids.associations.find((a) => a.short_name_ja === short)?.id ?? '';
      const 全建 = association('全建');
      const 日建連 = association('日建連');
      const first = <T>(rows: T[]): T[] => rows.slice(0, 1);

      const plan: [AppName, string | null, string[]][] = [
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
        [
          'dashboard',
          'viewer@demo.tsumiki.jp',
          ['/', `/associations/${全建}/import`, `/associations/${全建}/figures`],
        ],
      ];

      const findings: Finding[] = [];
      const checked: string[] = [];
      for (const [app, email, paths] of plan) {
        const result = await checkRoutes(app, email, paths);
        findings.push(...result.findings);
        checked.push(...result.checked);
      }
      console.log(`axe checked ${checked.length} routes:\n  ${checked.join('\n  ')}`);
      expect(describeFindings(findings)).toBe('');
    },
  );
});
