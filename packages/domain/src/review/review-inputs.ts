import { z } from 'zod';
import { ZInputDate, ZJstDateTime } from '../time';
import { ZYen } from '../money';
import { bonusDecisionRefusal, ZBonusCode } from './bonus';
import type { Truth } from './facts';
import { GRANT_DECISION_EVENTS } from './decisions';
import { checkGrantedAmount } from './ledger';
import { bilingual } from './result';
import { ZLineReview } from './settlement';
import { REASON_MAX_LENGTH, ZWorkflowEvent, type TransitionSpec } from './workflow';

/**
 * What the console sends the review router, and the forms that produce it: each form reads what
 * was typed through the rule the API applies, so a field says what is wrong before anything is sent.
 */

const ZApplicationRef = z.object({ applicationId: z.uuid() });
const ZAmountInput = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A workflow step of the console (the money steps included), as the API takes it. */
export const ZTransitionInput = ZApplicationRef.extend({
  version: z.number().int().min(1),
  event: ZWorkflowEvent,
  reason: z.string().max(4000).optional(),
  dueAt: ZInputDate.optional(),
  amount: ZAmountInput.optional(),
});
export type TTransitionInput = z.input<typeof ZTransitionInput>;

/** A blank field is not given. */
const given = (s: string) => s.trim() !== '';

/**
 * The form of one step: its reason, deadline (JST, to the minute, as the browser's input gives it)
 * and amount, each asked for as the step's row says (workflow.ts). Read as the step's inputs; the
 * fixed amount is computed, never typed. A grant decision's amount is held to the application's
 * computed `maximum` by the ledger's own rule (ledger.over_maximum, which the API applies again
 * with the decision it records), so the form names an amount over it before anything is sent.
 */
export function transitionFormSchema(spec: Pick<TransitionSpec, 'event' | 'inputs' | 'label'>, maximum: number | null = null) {
  const step = bilingual('event', spec.label.ja, spec.label.en);
  const typedAmount = spec.inputs.amount !== 'none' && spec.event !== 'fix_amount';
  const least = spec.inputs.amount === 'positive' ? 1 : 0;
  const capped = maximum !== null && GRANT_DECISION_EVENTS.some((e) => e === spec.event);
  return z
    .object({
      reason: z.string().max(REASON_MAX_LENGTH, { message: 'workflow.reason_too_long' }),
      due: z.string(),
      amount: z.union([z.literal(''), z.number()]),
    })
    .superRefine((v, ctx) => {
      if (spec.inputs.reason === 'required' && !given(v.reason)) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'workflow.reason_required', params: step });
      if (spec.inputs.dueAt === 'required') {
        const due = ZJstDateTime.safeParse(v.due);
        if (!given(v.due)) ctx.addIssue({ code: 'custom', path: ['due'], message: 'workflow.due_required', params: step });
        else if (!due.success) ctx.addIssue({ code: 'custom', path: ['due'], message: due.error.issues[0]?.message ?? 'time.invalid_jst_datetime' });
      }
      if (!typedAmount) return;
      if (v.amount === '' || !Number.isSafeInteger(v.amount) || v.amount < least) {
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'workflow.amount_required', params: step });
        return;
      }
      const granted = capped ? checkGrantedAmount(v.amount, maximum) : null;
      if (granted && !granted.ok) ctx.addIssue({ code: 'custom', path: ['amount'], message: granted.code, params: { ...granted.params } });
    })
    .transform((v) => ({
      ...(spec.inputs.reason !== 'none' && given(v.reason) ? { reason: v.reason } : {}),
      ...(spec.inputs.dueAt === 'required' ? { dueAt: ZJstDateTime.parse(v.due) } : {}),
      ...(spec.event === 'fix_amount' ? { amount: 0 } : typedAmount && v.amount !== '' ? { amount: v.amount } : {}),
    }));
}
export type TTransitionFormValues = z.input<ReturnType<typeof transitionFormSchema>>;

export const BONUS_REVIEW_DECISIONS = ['confirmed', 'rejected'] as const;

/** The office's decision on one bonus item, as the API takes it (checkBonusReview says when a reason is needed). */
export const ZReviewBonusInput = ZApplicationRef.extend({
  item: ZBonusCode,
  decision: z.enum(BONUS_REVIEW_DECISIONS),
  reason: z.string().trim().max(REASON_MAX_LENGTH, { message: 'scoring.reason_too_long' }).optional(),
});
export type TReviewBonusInput = z.input<typeof ZReviewBonusInput>;

/**
 * One bonus item's review form: the reason as typed and the decision its button sets, checked by the
 * rule the API applies (bonusDecisionRefusal): a rejection needs its reason, as does confirming an
 * item the facts leave open; an item the facts rule out is not confirmed (named on the decision).
 */
export function bonusReviewFormSchema(item: { readonly text: { readonly ja: string; readonly en: string }; readonly fromFacts: Truth }) {
  return z
    .object({ decision: z.enum(BONUS_REVIEW_DECISIONS), reason: z.string().max(REASON_MAX_LENGTH, { message: 'scoring.reason_too_long' }) })
    .superRefine((v, ctx) => {
      const refusal = bonusDecisionRefusal(item, item.fromFacts, v.decision, v.reason);
      if (refusal) ctx.addIssue({ code: 'custom', path: [refusal.code === 'scoring.bonus_not_met' ? 'decision' : 'reason'], message: refusal.code, params: { ...refusal.params } });
    })
    .transform((v) => ({ decision: v.decision, ...(given(v.reason) ? { reason: v.reason.trim() } : {}) }));
}

/** The office's review of a results report's lines, as the API takes it. */
export const ZReportLineReviewsInput = ZApplicationRef.extend({ version: z.number().int().min(1), reviews: z.array(ZLineReview).min(1).max(2000) });
export type TReportLineReviewsInput = z.input<typeof ZReportLineReviewsInput>;

/**
 * The line-review form: per line its decision, the accepted amount (a reduction only: less than
 * reported, ¥0 or more) and the reason (a reduction or a rejection), named by the line as
 * reviewLines names it. A partial review may be saved; the amount is fixed only once every line is.
 */
export function lineReviewsFormSchema(lines: readonly { readonly id: string; readonly description?: string | undefined; readonly amount: number }[]) {
  return z
    .object({
      rows: z.array(
        z.object({
          lineId: z.string(),
          decision: ZLineReview.shape.decision,
          accepted: z.union([z.literal(''), ZYen]),
          reason: z.string().max(REASON_MAX_LENGTH, { message: 'workflow.reason_too_long' }),
        }),
      ),
    })
    .superRefine((v, ctx) => {
      v.rows.forEach((row, index) => {
        const line = lines.find((l) => l.id === row.lineId);
        const name = line?.description ?? row.lineId;
        if (row.decision === 'reduced' && (row.accepted === '' || (line !== undefined && row.accepted >= line.amount)))
          ctx.addIssue({ code: 'custom', path: ['rows', index, 'accepted'], message: 'review.reduction_invalid', params: bilingual('line', name, name) });
        if (row.decision !== 'accepted' && !given(row.reason))
          ctx.addIssue({ code: 'custom', path: ['rows', index, 'reason'], message: 'review.reason_required', params: bilingual('line', name, name) });
      });
    })
    .transform((v) =>
      v.rows.map((r) => ({ lineId: r.lineId, decision: r.decision, ...(r.decision === 'reduced' && r.accepted !== '' ? { acceptedAmount: r.accepted } : {}), ...(given(r.reason) ? { reason: r.reason.trim() } : {}) })),
    );
}
export type TLineReviewsFormValues = z.input<ReturnType<typeof lineReviewsFormSchema>>;
