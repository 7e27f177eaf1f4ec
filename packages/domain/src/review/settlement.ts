import { z } from 'zod';
import { applyRate, yen, ZYen, type Rate, type Yen } from '../money';
import { accept, bilingual, refuse, ZId, type Outcome } from './result';

/**
 * Results-report review and the fixed amount (額の確定; 001 §3.5, 003 §3.6). Each reported cost
 * line is accepted, reduced or rejected with a reason; the fixed amount is the smallest of the
 * granted amount, the programme's grant on the accepted costs, and the accepted costs themselves.
 * The programme's grant rule is an input: the rates and caps live in the programme definitions.
 */

export const ZReportedLine = z.strictObject({
  id: ZId,
  category: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional(),
  /** As reported (tax-inclusive, as the budget was). */
  amount: ZYen,
});
export type TReportedLine = z.output<typeof ZReportedLine>;

export const LINE_DECISIONS = ['accepted', 'reduced', 'rejected'] as const;
export const ZLineReview = z.strictObject({
  lineId: ZId,
  decision: z.enum(LINE_DECISIONS, { error: 'review.line_decision_unknown' }),
  /** Required for a reduction: what is accepted of the line. */
  acceptedAmount: ZYen.optional(),
  reason: z.string().trim().max(2000, { message: 'workflow.reason_too_long' }).optional(),
});
export type TLineReview = z.output<typeof ZLineReview>;

export interface ReviewedLine {
  readonly id: string;
  readonly category: string;
  readonly description?: string;
  readonly reported: Yen;
  readonly accepted: Yen;
  readonly decision: (typeof LINE_DECISIONS)[number];
  readonly reason?: string;
}

/** The programme's grant on the accepted lines (rate × eligible cost, caps…), or a fixed number. */
export type GrantFormula = Yen | ((lines: readonly ReviewedLine[]) => Yen);

/** The usual formula: rate × accepted costs, rounded down, then the smallest cap. */
export function rateAndCaps(r: Rate, caps: readonly Yen[] = []): (lines: readonly ReviewedLine[]) => Yen {
  return (lines) => {
    const base = yen(lines.reduce((s, l) => s + l.accepted, 0));
    return yen(Math.min(applyRate(base, r), ...caps));
  };
}

const lineParams = (line: TReportedLine) =>
  bilingual('line', line.description ?? line.id, line.description ?? line.id);

/** Applies the reviews to the lines; every line needs exactly one review, and cuts need reasons. */
export function reviewLines(
  lines: readonly TReportedLine[],
  reviews: readonly TLineReview[],
): Outcome<ReviewedLine[]> {
  for (const r of reviews) {
    if (!lines.some((l) => l.id === r.lineId))
      return refuse('review.line_unknown', { line: r.lineId, lineEn: r.lineId });
  }
  const out: ReviewedLine[] = [];
  for (const line of lines) {
    const mine = reviews.filter((r) => r.lineId === line.id);
    if (mine.length === 0) return refuse('review.line_unreviewed', lineParams(line));
    if (mine.length > 1) return refuse('review.line_reviewed_twice', lineParams(line));
    const review = mine[0]!;
    const reason = review.reason?.trim() ?? '';
    let accepted: Yen;
    switch (review.decision) {
      case 'accepted':
        accepted = line.amount;
        break;
      case 'reduced':
        if (reason === '') return refuse('review.reason_required', lineParams(line));
        if (review.acceptedAmount === undefined || review.acceptedAmount >= line.amount) {
          return refuse('review.reduction_invalid', lineParams(line));
        }
        accepted = review.acceptedAmount;
        break;
      case 'rejected':
        if (reason === '') return refuse('review.reason_required', lineParams(line));
        accepted = yen(0);
        break;
    }
    out.push({
      id: line.id,
      category: line.category,
      ...(line.description ? { description: line.description } : {}),
      reported: line.amount,
      accepted,
      decision: review.decision,
      ...(reason ? { reason } : {}),
    });
  }
  return accept(out);
}

/**
 * ASSUMPTION: 001 §3.5 warns that a result far below the approved amount may be treated as bad
 * faith, without a threshold. Below half of the grant is flagged for the office to look at; the
 * flag decides nothing.
 */
export const FAR_BELOW_GRANTED: Rate = { numerator: 1, denominator: 2 };

export interface Settlement {
  readonly lines: readonly ReviewedLine[];
  readonly reportedCost: Yen;
  readonly acceptedCost: Yen;
  /** reportedCost − acceptedCost. */
  readonly notAccepted: Yen;
  readonly granted: Yen;
  /** The programme's grant on the accepted costs. */
  readonly computed: Yen;
  /** 確定額 = min(granted, computed, acceptedCost). */
  readonly fixedAmount: Yen;
  readonly limitedBy: 'granted' | 'computed' | 'accepted_cost';
  /** The applicant's own share of the accepted costs (自己負担額) = acceptedCost − fixedAmount. */
  readonly ownShare: Yen;
  /** granted − fixedAmount: returned to the budget. */
  readonly released: Yen;
  readonly farBelowGranted: boolean;
}

export function settle(input: {
  readonly granted: Yen;
  readonly lines: readonly TReportedLine[];
  readonly reviews: readonly TLineReview[];
  readonly formula: GrantFormula;
}): Outcome<Settlement> {
  const reviewed = reviewLines(input.lines, input.reviews);
  if (!reviewed.ok) return reviewed;
  const lines = reviewed.value;
  const reportedCost = yen(lines.reduce((s, l) => s + l.reported, 0));
  const acceptedCost = yen(lines.reduce((s, l) => s + l.accepted, 0));
  const computed = typeof input.formula === 'function' ? input.formula(lines) : input.formula;
  if (!Number.isSafeInteger(computed) || computed < 0)
    throw new RangeError(`Grant formula returned ${computed}`);
  const fixedAmount = yen(Math.min(input.granted, computed, acceptedCost));
  const limitedBy =
    fixedAmount === input.granted ? 'granted' : fixedAmount === computed ? 'computed' : 'accepted_cost';
  return accept({
    lines,
    reportedCost,
    acceptedCost,
    notAccepted: yen(reportedCost - acceptedCost),
    granted: input.granted,
    computed: yen(computed),
    fixedAmount,
    limitedBy,
    ownShare: yen(acceptedCost - fixedAmount),
    released: yen(input.granted - fixedAmount),
    farBelowGranted: fixedAmount < applyRate(input.granted, FAR_BELOW_GRANTED),
  });
}
