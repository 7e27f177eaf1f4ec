import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser';
import { routeTable, walkRoutes } from './routes';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };
/** WCAG 2.1 A and AA, as the issue measured; best-practice rules are advice, not the standard. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  route: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function check(page: Page, route: string): Promise<Finding[]> {
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

const describeFindings = (findings: Finding[]) =>
  findings
    .map((f) => `${f.route}: ${f.rule} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n');

describe('accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violation on any route', () => {
  it(
    'holds on every route of the three apps for each role that reaches it',
    { timeout: 900_000 },
    async () => {
      const table = await routeTable(browser.stack.database.db);
      const { findings, checked } = await walkRoutes(browser, table, { viewport: VIEWPORT, bypassCSP: true }, check);
      console.log(`axe checked ${checked.length} routes:\n  ${checked.join('\n  ')}`);
      expect(describeFindings(findings)).toBe('');
    },
  );
});
