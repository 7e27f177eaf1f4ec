import { describe, expect, it } from 'vitest';
import { evaluate, when, ZCondition } from './conditions';

describe('the condition language', () => {
  it('answers unknown, not false, while a fact is missing, and names it', () => {
    expect(evaluate(when.gte('storeys', 3), {})).toEqual({ truth: 'unknown', missing: ['storeys'] });
    expect(evaluate(when.gte('storeys', 3), { storeys: 2 }).truth).toBe('false');
  });

  it('uses three-valued logic: a known true decides an any, a known false decides an all', () => {
    const size = when.any(when.gte('storeys', 3), when.gte('area', 300));
    expect(evaluate(size, { area: 300 }).truth).toBe('true');
    expect(evaluate(size, { area: 100 })).toEqual({ truth: 'unknown', missing: ['storeys'] });
    expect(evaluate(when.all(when.isTrue('a'), when.isTrue('b')), { a: false }).truth).toBe('false');
    expect(evaluate(when.not(when.isTrue('a')), {}).truth).toBe('unknown');
    expect(evaluate(when.not(when.present('a')), {}).truth).toBe('true');
  });

  it('compares dates as calendar days and checks lists', () => {
    expect(evaluate(when.onOrBefore('d', '2027-02-19'), { d: '2027-02-19' }).truth).toBe('true');
    expect(evaluate(when.onOrBefore('d', '2027-02-19'), { d: '2027-02-20' }).truth).toBe('false');
    expect(evaluate(when.includesAll('s', ['A1', 'A2', 'A3']), { s: ['A3', 'A1', 'A2', 'C4'] }).truth).toBe(
      'true',
    );
    expect(evaluate(when.in('k', ['x', 'y']), { k: 'z' }).truth).toBe('false');
  });

  it('validates as data, refusing unknown operators', () => {
    expect(ZCondition.safeParse({ all: [{ fact: 'storeys', op: 'gte', value: 3 }] }).success).toBe(true);
    expect(ZCondition.safeParse({ fact: 'storeys', op: 'greater', value: 3 }).success).toBe(false);
  });
});
