import { z } from 'zod';
import { evaluate, type Facts, type FactValue, type TCondition } from '../programmes/shared/conditions';

/**
 * The application facts the review rules read: the answers of the application's grant input, by
 * fact name, as the programme definition's conditions name them. A missing fact is "unknown",
 * never "no"; which facts matter is the definition's business, not this type's.
 */
export type TReviewFacts = Facts;

const ZFactValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

/** The facts of a grant input: its plain values (an answer that is a nested object is not a fact). */
export function reviewFactsFrom(value: unknown): TReviewFacts {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const facts: Record<string, FactValue> = {};
  for (const [key, v] of Object.entries(value)) {
    const parsed = ZFactValue.safeParse(v);
    if (parsed.success) facts[key] = parsed.data;
  }
  return facts;
}

/** Three-valued: a criterion whose fact was not given is "unknown" and needs a reviewer's look. */
export type Truth = 'met' | 'not_met' | 'unknown';

/** A programme-definition condition read as a review truth: the rule is the definition's, stated once. */
export function truthOf(condition: TCondition, facts: TReviewFacts): Truth {
  const { truth } = evaluate(condition, facts);
  return truth === 'true' ? 'met' : truth === 'false' ? 'not_met' : 'unknown';
}
