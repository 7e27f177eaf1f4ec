import { describe, expect, it } from 'vitest';
import { useBrowserStack } from './browser';
import { routeTable, walkRoutes } from './routes';
import { scan } from './screen-wording';

const browser = useBrowserStack();
const VIEWPORT = { width: 1366, height: 900 };

describe('screen text: no internal names, file references or English prose on Japanese screens', () => {
  it('holds on every route of the three apps for each role that reaches it', { timeout: 900_000 }, async () => {
    const table = await routeTable(browser.stack.database.db);
    const { findings, checked } = await walkRoutes(browser, table, { viewport: VIEWPORT }, scan);
    console.log(`screen text scanned on ${checked.length} routes`);
    const report = findings.map((h) => `${h.route}: ${h.rule} «${h.text}» in «${h.line}»`);
    expect([...new Set(report)].join('\n')).toBe('');
  });
});
