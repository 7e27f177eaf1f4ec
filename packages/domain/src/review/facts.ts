import { z } from 'zod';
import { evaluate, type TCondition } from '../programmes/shared/conditions';

/**
 * The application facts the review rules read. The names are those of the CLT programme's facts
 * (programmes/clt/compute.ts, ZCltFacts), so its parsed facts can be passed as they are; a missing fact
 * is "unknown", never "no".
 */
const bool = z.boolean().optional();
export const ZReviewFacts = z.object({
  /** Storeys above ground (階数 地上). */
  storeys: z.number().int().min(1).max(100).optional(),
  totalFloorAreaM2: z.number().positive().max(10_000_000).optional(),
  usesExistingModel: bool,
  nationwideChain: bool,
  woodUseAgreement: bool,
  firstTimeCltDesignerOrContractor: bool,
  cltPanelMethod: bool,
  cltStructural: bool,
  fireRule2018Building: bool,
  ownerPlansFurtherBuildings: bool,
  technicalIngenuity: bool,
});
export type TReviewFacts = z.infer<typeof ZReviewFacts>;

/** Three-valued: a criterion whose fact was not given is "unknown" and needs a reviewer's look. */
export type Truth = 'met' | 'not_met' | 'unknown';

/** A programme-definition condition read as a review truth: the rule is the definition's, stated once. */
export function truthOf(condition: TCondition, facts: TReviewFacts): Truth {
  const { truth } = evaluate(condition, facts);
  return truth === 'true' ? 'met' : truth === 'false' ? 'not_met' : 'unknown';
}

/**
 * The definition's item for each review code, in the review's order. A code missing from the
 * definition is a programming error found when the module loads, not a silent "not met".
 */
export function itemsFromDefinition<C extends string, I extends { code: string; when: TCondition }>(
  codes: readonly C[],
  items: readonly I[],
  what: string,
): (I & { code: C })[] {
  return codes.map((code) => {
    const item = items.find((i) => i.code === code);
    if (!item) throw new Error(`${what} ${code} is not in the programme definition`);
    return item as I & { code: C };
  });
}
