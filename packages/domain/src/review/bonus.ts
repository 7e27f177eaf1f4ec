import { z } from 'zod';
import type { TProgrammeDefinition } from '../programmes/shared/definition';
import { truthOf, type TReviewFacts, type Truth } from './facts';
import { accept, bilingual, refuse, ZId, type Outcome, type Refusal } from './result';
import { REASON_MAX_LENGTH } from './workflow';

/**
 * The bonus points of a programme definition (for CLT the eight of 003 §3.3.2, 加点による優先的な
 * 採択), cumulative: a five-storey CLT panel building earns (5), (6) and (7). They are computed
 * from the application's facts by the definition's conditions; the reviewer confirms or rejects
 * each with a reason, and a rejected item no longer counts.
 */
export const ZBonusCode = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'scoring.bonus_unknown' });
export type TBonusCode = z.infer<typeof ZBonusCode>;

export interface BonusItem {
  readonly code: TBonusCode;
  readonly text: { readonly ja: string; readonly en: string };
  readonly source: string;
  readonly points: number;
  readonly evaluate: (facts: TReviewFacts) => Truth;
}

/**
 * ASSUMPTION: 003 §3.3.2 says the bonus is cumulative but gives no number of points. An item whose
 * definition gives none counts one point; an office that decides otherwise sets its items' points.
 */
const DEFAULT_ITEM_POINTS = 1;

/** The definition's bonus items, read against the review facts. */
export function bonusItemsOf(def: Pick<TProgrammeDefinition, 'bonusItems'>): readonly BonusItem[] {
  return def.bonusItems.map((item) => ({
    code: item.code,
    text: item.text,
    source: item.source,
    points: item.points ?? DEFAULT_ITEM_POINTS,
    evaluate: (facts: TReviewFacts) => truthOf(item.when, facts),
  }));
}

/** Each item's points under a definition. */
export const bonusPointsOf = (def: Pick<TProgrammeDefinition, 'bonusItems'>): Readonly<Record<TBonusCode, number>> =>
  Object.fromEntries(bonusItemsOf(def).map((i) => [i.code, i.points]));

/**
 * The section the items come from, to cite the rule once: 003 §3.3.2 for items cited as
 * 003 §3.3.2(1)…(8); null when they come from different sections.
 */
export function bonusSectionOf(items: readonly { readonly source: string }[]): string | null {
  const sections = new Set(items.map((i) => i.source.replace(/\s*\(\d+\)$/, '')));
  return sections.size === 1 ? [...sections][0]! : null;
}

export const ZBonusPointTable = z.record(ZBonusCode, z.number().int().min(0).max(100));

export const ZBonusReview = z.strictObject({
  item: ZBonusCode,
  decision: z.enum(['confirmed', 'rejected'], { error: 'scoring.bonus_decision_unknown' }),
  // As long as any review reason (the message says 2,000 characters).
  reason: z.string().trim().max(REASON_MAX_LENGTH, { message: 'scoring.reason_too_long' }).optional(),
  reviewerId: ZId,
  reviewedAt: z.date(),
});
export type TBonusReview = z.infer<typeof ZBonusReview>;

const itemParams = (item: Pick<BonusItem, 'text'>) => bilingual('item', item.text.ja, item.text.en);

/**
 * Whether a decision on an item the facts read as `truth` can stand (null) or why not: a rejection
 * needs a reason; confirming an item the facts leave unknown needs one too; an item the facts rule
 * out cannot be confirmed (correct the facts instead, so the application and the score agree).
 * The API checks each review with it, and the console's review form as it is filled in.
 */
export function bonusDecisionRefusal(
  item: Pick<BonusItem, 'text'>,
  truth: Truth,
  decision: TBonusReview['decision'],
  reason: string | undefined,
): Refusal | null {
  const hasReason = (reason ?? '').trim() !== '';
  if (decision === 'rejected' && !hasReason) return refuse('scoring.bonus_reason_required', itemParams(item));
  if (decision === 'confirmed') {
    if (truth === 'not_met') return refuse('scoring.bonus_not_met', itemParams(item));
    if (truth === 'unknown' && !hasReason) return refuse('scoring.bonus_reason_required', itemParams(item));
  }
  return null;
}

/** Whether a reviewer's decision on an item of the definition can stand (bonusDecisionRefusal). */
export function checkBonusReview(
  def: Pick<TProgrammeDefinition, 'bonusItems'>,
  review: TBonusReview,
  facts: TReviewFacts,
): Outcome<TBonusReview> {
  const item = bonusItemsOf(def).find((b) => b.code === review.item);
  if (!item) return refuse('scoring.bonus_unknown');
  return bonusDecisionRefusal(item, item.evaluate(facts), review.decision, review.reason) ?? accept(review);
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
  def: Pick<TProgrammeDefinition, 'bonusItems'>,
  facts: TReviewFacts,
  reviews: readonly TBonusReview[] = [],
  points: Readonly<Record<TBonusCode, number>> = bonusPointsOf(def),
): BonusAssessment {
  const lines = bonusItemsOf(def).map((item): BonusLine => {
    const fromFacts = item.evaluate(facts);
    const latest = reviews
      .filter((r) => r.item === item.code && checkBonusReview(def, r, facts).ok)
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
      points: points[item.code] ?? item.points,
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
