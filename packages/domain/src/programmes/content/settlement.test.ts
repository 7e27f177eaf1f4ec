import { describe, expect, it } from 'vitest';
import { BUILTIN_PROGRAMMES } from '../input';
import { assessApplication } from '../application-form';
import { cltExampleApplicationContent } from '../clt/examples';
import { budgetLinesOf, contentOnAcceptedCosts } from './settlement';

describe('settlement on accepted costs', () => {
  const example = cltExampleApplicationContent();

  it('lists every line of 様式4-1 and 4-2 with its amount', () => {
    const lines = budgetLinesOf(example);
    expect(lines.map((l) => l.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'd1', 'p1', 'c1', 'c2', 'c3', 'c4', 'c5']);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(39_600_000 + 1_031_000);
  });

  it('leaves out half-filled lines', () => {
    expect(budgetLinesOf({ programme: 'co2_factor_support', grant: { lines: [{ id: '1', amount: 5 }, { id: '2', category: 'personnel', amount: 1.5 }] } })).toEqual([]);
  });

  it('puts each line at its accepted amount, unaccepted ones at 0, without unit price and quantity, and the rules give the grant on it', () => {
    const all = new Map(budgetLinesOf(example).map((l) => [l.id, l.amount]));
    const same = contentOnAcceptedCosts(example, all);
    expect(assessApplication('clt_demonstration', same, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result?.grant.amount).toBe(assessApplication('clt_demonstration', example, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result?.grant.amount);

    // The performance test (p1, ¥3,300,000) not accepted: its section's grant goes.
    const withoutTest = contentOnAcceptedCosts(example, new Map([...all].filter(([id]) => id !== 'p1')));
    const lines = withoutTest.programme === 'clt_demonstration' ? withoutTest.grant?.performance?.lines : undefined;
    expect(lines).toEqual([{ id: 'p1', category: 'services', description: '試験手数料', amount: 0 }]);
    const before = assessApplication('clt_demonstration', example, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
    const after = assessApplication('clt_demonstration', withoutTest, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
    expect(before - after).toBe(900_000);
    // The input is not changed.
    expect(example.grant?.performance?.lines[0]?.amount).toBe(3_300_000);
  });
});
