import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { api, db, domain, node, react } from '../index.js';
import { noStatusLiteral, STATUS_LITERALS } from './no-status-literal.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});
const error = (status) => ({ messageId: 'literal', data: { status } });

tester.run('no-status-literal', noStatusLiteral, {
  valid: [
    'if (applicantActions(view.status).resubmit) show();',
    'const q = RECEIVED_STATUSES;',
    // Statuses as data (a value stored, a label key) are not rules.
    "const row = { status: 'submitted' };",
    "t(`status.${'draft'}`);",
    "if (tab === 'timeline') show();",
    "if (kind === 'information') answer();",
    // A round's status as data, and its predicates.
    "const round = { status: 'published' };",
    'if (isRoundPublished(round.status) && !isListedClosed(p.listing)) show();',
  ],
  invalid: [
    { code: "if (view.status === 'returned') show();", errors: [error('returned')] },
    { code: "const editable = 'in_progress' === initial.status;", errors: [error('in_progress')] },
    { code: "if (application.status !== 'draft') go();", errors: [error('draft')] },
    { code: 'const locked = sheet.status == "submitted";', errors: [error('submitted')] },
    { code: "const xs = all.filter((s) => s !== 'draft');", errors: [error('draft')] },
    { code: "switch (status) { case 'paid': pay(); }", errors: [error('paid')] },
    { code: "const open = rounds.filter((r) => r.status === 'published');", errors: [error('published')] },
    { code: "if (p.listing !== 'closed') list(p);", errors: [error('closed')] },
    { code: "switch (version.status) { case 'published': use(); }", errors: [error('published')] },
    {
      code: "type S = 'draft' | 'returned'; const f = (s: S) => (s === 'returned' ? 1 : 0);",
      errors: [error('returned')],
    },
  ],
});

describe('the status list and the layers', () => {
  it("holds every application status of the domain's APPLICATION_STATUSES", () => {
    const source = readFileSync(
      new URL('../../../packages/domain/src/application.ts', import.meta.url),
      'utf8',
    );
    const list = /export const APPLICATION_STATUSES = \[([\s\S]*?)\] as const/.exec(source);
    assert.ok(list, 'APPLICATION_STATUSES not found in packages/domain/src/application.ts');
    const statuses = [...list[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    assert.ok(statuses.length >= 10);
    for (const status of statuses)
      assert.ok(STATUS_LITERALS.includes(status), `${status} is missing from STATUS_LITERALS`);
  });

  const hasRule = (config) => config.some((c) => c.rules?.['tsumiki/no-status-literal'] === 'error');
  it('is on for db, api, node and react code, and off in the domain where the rules live', () => {
    for (const [name, config] of Object.entries({ api, db, node, react }))
      assert.ok(hasRule(config), `${name} lacks the rule`);
    assert.equal(hasRule(domain), false);
  });
});
