import { z } from 'zod';

/**
 * A small condition language, so eligibility criteria, rates that depend on a building's size,
 * caps by storeys and bonus points are data in a programme definition rather than code paths.
 * Conditions read "facts" (the applicant's answers and values derived from them).
 *
 * Evaluation is three-valued: a fact nobody has answered yet makes a condition `unknown`, not
 * false, so a half-filled draft gets "not yet determined" instead of a wrong "ineligible".
 */
export type TCondition =
  | { fact: string; op: 'eq'; value: string | number | boolean }
  | { fact: string; op: 'in'; values: (string | number)[] }
  | { fact: string; op: 'gte' | 'lte'; value: number }
  | { fact: string; op: 'on_or_before' | 'on_or_after'; value: string }
  | { fact: string; op: 'includes_all'; values: string[] }
  | { fact: string; op: 'present' }
  | { all: TCondition[] }
  | { any: TCondition[] }
  | { not: TCondition };

const factName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]*$/);

export const ZCondition: z.ZodType<TCondition> = z.lazy(() =>
  z.union([
    z.strictObject({
      fact: factName,
      op: z.literal('eq'),
      value: z.union([z.string(), z.number(), z.boolean()]),
    }),
    z.strictObject({
      fact: factName,
      op: z.literal('in'),
      values: z.array(z.union([z.string(), z.number()])).min(1),
    }),
    z.strictObject({ fact: factName, op: z.enum(['gte', 'lte']), value: z.number() }),
    z.strictObject({
      fact: factName,
      op: z.enum(['on_or_before', 'on_or_after']),
      value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    z.strictObject({ fact: factName, op: z.literal('includes_all'), values: z.array(z.string()).min(1) }),
    z.strictObject({ fact: factName, op: z.literal('present') }),
    z.strictObject({ all: z.array(ZCondition).min(1) }),
    z.strictObject({ any: z.array(ZCondition).min(1) }),
    z.strictObject({ not: ZCondition }),
  ]),
);

export type FactValue = string | number | boolean | readonly string[] | null | undefined;
export type Facts = Readonly<Record<string, FactValue>>;

export type Truth = 'true' | 'false' | 'unknown';

export interface Evaluation {
  truth: Truth;
  /** Facts that were needed and missing (only those that could have changed the answer). */
  missing: string[];
}

const known = (truth: Truth): Evaluation => ({ truth, missing: [] });

/** Every fact a condition reads, answered or not. */
export function factsRead(cond: TCondition): string[] {
  if ('all' in cond) return unique(cond.all.flatMap(factsRead));
  if ('any' in cond) return unique(cond.any.flatMap(factsRead));
  if ('not' in cond) return factsRead(cond.not);
  return [cond.fact];
}

export function evaluate(cond: TCondition, facts: Facts): Evaluation {
  if ('all' in cond) {
    const parts = cond.all.map((c) => evaluate(c, facts));
    if (parts.some((p) => p.truth === 'false')) return known('false');
    const unknown = parts.filter((p) => p.truth === 'unknown');
    return unknown.length
      ? { truth: 'unknown', missing: unique(unknown.flatMap((p) => p.missing)) }
      : known('true');
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => evaluate(c, facts));
    if (parts.some((p) => p.truth === 'true')) return known('true');
    const unknown = parts.filter((p) => p.truth === 'unknown');
    return unknown.length
      ? { truth: 'unknown', missing: unique(unknown.flatMap((p) => p.missing)) }
      : known('false');
  }
  if ('not' in cond) {
    const inner = evaluate(cond.not, facts);
    return inner.truth === 'unknown' ? inner : known(inner.truth === 'true' ? 'false' : 'true');
  }
  const value = facts[cond.fact];
  if (cond.op === 'present')
    return known(value === undefined || value === null || value === '' ? 'false' : 'true');
  if (value === undefined || value === null) return { truth: 'unknown', missing: [cond.fact] };
  const t = (b: boolean): Evaluation => known(b ? 'true' : 'false');
  switch (cond.op) {
    case 'eq':
      return t(value === cond.value);
    case 'in':
      return t(typeof value !== 'object' && typeof value !== 'boolean' && cond.values.includes(value));
    case 'gte':
      return t(typeof value === 'number' && value >= cond.value);
    case 'lte':
      return t(typeof value === 'number' && value <= cond.value);
    case 'on_or_before':
      return t(typeof value === 'string' && value <= cond.value);
    case 'on_or_after':
      return t(typeof value === 'string' && value >= cond.value);
    case 'includes_all':
      return t(Array.isArray(value) && cond.values.every((v) => (value as readonly string[]).includes(v)));
  }
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Shorthands that keep programme data readable. */
export const when = {
  eq: (fact: string, value: string | number | boolean): TCondition => ({ fact, op: 'eq', value }),
  isTrue: (fact: string): TCondition => ({ fact, op: 'eq', value: true }),
  isFalse: (fact: string): TCondition => ({ fact, op: 'eq', value: false }),
  in: (fact: string, values: (string | number)[]): TCondition => ({ fact, op: 'in', values }),
  gte: (fact: string, value: number): TCondition => ({ fact, op: 'gte', value }),
  lte: (fact: string, value: number): TCondition => ({ fact, op: 'lte', value }),
  onOrBefore: (fact: string, value: string): TCondition => ({ fact, op: 'on_or_before', value }),
  present: (fact: string): TCondition => ({ fact, op: 'present' }),
  includesAll: (fact: string, values: string[]): TCondition => ({ fact, op: 'includes_all', values }),
  all: (...all: TCondition[]): TCondition => ({ all }),
  any: (...any: TCondition[]): TCondition => ({ any }),
  not: (c: TCondition): TCondition => ({ not: c }),
};
