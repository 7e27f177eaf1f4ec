import { z } from 'zod';
import { CLT_DEMONSTRATION } from '../programmes/clt/definition';
import { itemsFromDefinition, truthOf, type TReviewFacts, type Truth } from './facts';
import { accept, bilingual, refuse, ZId, type Outcome } from './result';

/**
 * The eight bonus points of 003 §3.3.2 (加点による優先的な採択), cumulative: a five-storey CLT
 * panel building earns (5), (6) and (7). They are computed from the application's facts; the
 * reviewer confirms or rejects each with a reason, and a rejected item no longer counts.
 */
export const BONUS_CODES = [
  'existing_model',
  'nationwide_chain',
  'wood_use_agreement',
  'first_time_clt',
  'three_storeys',
  'four_storeys',
  'panel_five_storeys',
  'fire_rule_2018',
] as const;
export const ZBonusCode = z.enum(BONUS_CODES, { error: 'scoring.bonus_unknown' });
export type TBonusCode = z.infer<typeof ZBonusCode>;

export interface BonusItem {
  readonly code: TBonusCode;
  readonly text: { readonly ja: string; readonly en: string };
  readonly source: string;
  readonly evaluate: (facts: TReviewFacts) => Truth;
}

/** The definition's bonus items (programmes/clt/definition.ts), read against the review facts. */
export const BONUS_ITEMS: readonly BonusItem[] = itemsFromDefinition(
  BONUS_CODES,
  CLT_DEMONSTRATION.bonusItems,
  'bonus item',
).map((item) => ({
  code: item.code,
  text: item.text,
  source: item.source,
  evaluate: (facts: TReviewFacts) => truthOf(item.when, facts),
}));

/**
 * ASSUMPTION: 003 §3.3.2 says the bonus is cumulative but gives no number of points. One point
 * per item is the default; a programme office that decides otherwise passes its own table.
 */
export const DEFAULT_BONUS_POINTS: Readonly<Record<TBonusCode, number>> = {
  existing_model: 1,
  nationwide_chain: 1,
  wood_use_agreement: 1,
  first_time_clt: 1,
  three_storeys: 1,
  four_storeys: 1,
  panel_five_storeys: 1,
  fire_rule_2018: 1,
};
export const ZBonusPointTable = z.record(ZBonusCode, z.number().int().min(0).max(100));

export const ZBonusReview = z.strictObject({
  item: ZBonusCode,
  decision: z.enum(['confirmed', 'rejected'], { error: 'scoring.bonus_decision_unknown' }),
  reason: z.string().trim().max(1000, { message: 'scoring.reason_too_long' }).optional(),
  reviewerId: ZId,
  reviewedAt: z.date(),
});
export type TBonusReview = z.infer<typeof ZBonusReview>;

const itemParams = (item: BonusItem) => bilingual('item', item.text.ja, item.text.en);
const bonusItem = (code: TBonusCode) => BONUS_ITEMS.find((b) => b.code === code);

/**
 * Whether a reviewer's decision on an item can stand: a rejection needs a reason; confirming an
 * item the facts leave unknown needs one too; an item the facts rule out cannot be confirmed
 * (correct the facts instead, so the application and the score agree).
 */
export function checkBonusReview(review: TBonusReview, facts: TReviewFacts): Outcome<TBonusReview> {
  const item = bonusItem(review.item);
  if (!item) return refuse('scoring.bonus_unknown');
  const truth = item.evaluate(facts);
  const hasReason = (review.reason ?? '').trim() !== '';
  if (review.decision === 'rejected' && !hasReason)
    return refuse('scoring.bonus_reason_required', itemParams(item));
  if (review.decision === 'confirmed') {
    if (truth === 'not_met') return refuse('scoring.bonus_not_met', itemParams(item));
    if (truth === 'unknown' && !hasReason) return refuse('scoring.bonus_reason_required', itemParams(item));
  }
  return accept(review);
}

export interface BonusLine {
  readonly code: TBonusCode;
  readonly text: { readonly ja: string; readonly en: string };
  readonly source: string;
  readonly points: number;
  readonly fromFacts: Truth;
  /** The reviewer's latest valid decision, if any. */
  readonly review?: {
    readonly decision: 'confirmed' | 'rejected';
    readonly reason?: string;
    readonly reviewerId: string;
  };
  readonly counted: boolean;
  /** Met (or unknown) by the facts and not yet looked at by a reviewer. */
  readonly pending: boolean;
}

export interface BonusAssessment {
  readonly lines: readonly BonusLine[];
  readonly total: number;
  /** True while any line is pending: the total may still change. */
  readonly provisional: boolean;
}

/**
 * The bonus for one proposal. An item met by the facts counts unless rejected (its confirmation is
 * still shown as pending); an unknown item counts only once confirmed; reviews that fail
 * checkBonusReview are ignored.
 */
export function assessBonus(
  facts: TReviewFacts,
  reviews: readonly TBonusReview[] = [],
  points: Readonly<Record<TBonusCode, number>> = DEFAULT_BONUS_POINTS,
): BonusAssessment {
  const lines = BONUS_ITEMS.map((item): BonusLine => {
    const fromFacts = item.evaluate(facts);
    const latest = reviews
      .filter((r) => r.item === item.code && checkBonusReview(r, facts).ok)
      .reduce<TBonusReview | undefined>(
        (a, r) => (a && a.reviewedAt.getTime() > r.reviewedAt.getTime() ? a : r),
        undefined,
      );
    const decision = latest?.decision;
    const counted =
      (fromFacts === 'met' && decision !== 'rejected') ||
      (fromFacts === 'unknown' && decision === 'confirmed');
    const line = {
      code: item.code,
      text: item.text,
      source: item.source,
      points: points[item.code],
      fromFacts,
      counted,
      pending: fromFacts !== 'not_met' && latest === undefined,
    };
    return latest
      ? {
          ...line,
          review: {
            decision: latest.decision,
            reviewerId: latest.reviewerId,
            ...(latest.reason ? { reason: latest.reason } : {}),
          },
        }
      : line;
  });
  return {
    lines,
    total: lines.filter((l) => l.counted).reduce((s, l) => s + l.points, 0),
    provisional: lines.some((l) => l.pending),
  };
}
