import type { Yen } from '../money';
import { commit, commitmentOf, release, settleCommitment, type TBudgetLedger } from './ledger';
import { accept, refuse, type Outcome } from './result';
import {
  settle,
  type GrantFormula,
  type Settlement,
  type TLineReview,
  type TReportedLine,
} from './settlement';
import {
  transition,
  type TReviewStatus,
  type TransitionContext,
  type TransitionResult,
  type TWorkflowEvent,
  type WorkflowActor,
} from './workflow';

/**
 * The transitions that move money, with the ledger change they need, so the API applies both in
 * one database transaction or neither: a status cannot say "grant decided" while the budget was
 * never charged, and a decision cannot spend money the budget does not have.
 */

export interface MoneyStep {
  readonly transition: TransitionResult;
  readonly ledger: TBudgetLedger;
}

/** The steps decideGrant takes: each grants an amount up to the computed maximum. */
export const GRANT_DECISION_EVENTS = ['decide_grant', 'approve'] as const satisfies readonly TWorkflowEvent[];

/**
 * Grant decision with the granted amount: 交付決定 after selection (committee programmes) or the
 * approval notice (CO2, context.committeeReview = false). The amount may be below the domain's
 * computed maximum, never above, and must fit in what remains of the budget.
 */
export function decideGrant(input: {
  readonly status: TReviewStatus;
  readonly actor: WorkflowActor;
  readonly context?: TransitionContext;
  readonly ledger: TBudgetLedger;
  readonly applicationId: string;
  readonly amount: number;
  /** The maximum the programme rules compute (GrantSummary.amount). */
  readonly maximum: number;
}): Outcome<MoneyStep> {
  const context = input.context ?? {};
  const event: (typeof GRANT_DECISION_EVENTS)[number] = context.committeeReview === false ? 'approve' : 'decide_grant';
  const moved = transition(input.status, event, input.actor, { amount: input.amount }, context);
  if (!moved.ok) return moved;
  const ledger = commit(input.ledger, {
    applicationId: input.applicationId,
    amount: input.amount,
    maximum: input.maximum,
  });
  if (!ledger.ok) return ledger;
  return accept({ transition: moved.value, ledger: ledger.value });
}

/** 額の確定: settles the results report, fixes the amount and returns the difference to the budget. */
export function fixAmount(input: {
  readonly status: TReviewStatus;
  readonly actor: WorkflowActor;
  readonly context?: TransitionContext;
  readonly ledger: TBudgetLedger;
  readonly applicationId: string;
  readonly lines: readonly TReportedLine[];
  readonly reviews: readonly TLineReview[];
  readonly formula: GrantFormula;
}): Outcome<MoneyStep & { readonly settlement: Settlement }> {
  const context = input.context ?? {};
  // Authorisation and status first, so an unauthorised caller learns nothing about the report.
  const allowed = transition(input.status, 'fix_amount', input.actor, { amount: 0 }, context);
  if (!allowed.ok) return allowed;
  const granted = commitmentOf(input.ledger, input.applicationId);
  if (granted === null) return refuse('ledger.not_committed');
  const settlement = settle({ granted, lines: input.lines, reviews: input.reviews, formula: input.formula });
  if (!settlement.ok) return settlement;
  const moved = transition(
    input.status,
    'fix_amount',
    input.actor,
    { amount: settlement.value.fixedAmount },
    context,
  );
  if (!moved.ok) return moved;
  const ledger = settleCommitment(input.ledger, input.applicationId, settlement.value.fixedAmount);
  if (!ledger.ok) return ledger;
  return accept({ transition: moved.value, ledger: ledger.value, settlement: settlement.value });
}

/** Cancellation (取消し, 中止・廃止): the commitment, if the grant was already decided, goes back. */
export function cancelGrant(input: {
  readonly status: TReviewStatus;
  readonly actor: WorkflowActor;
  readonly context?: TransitionContext;
  readonly ledger: TBudgetLedger;
  readonly applicationId: string;
  readonly reason: string;
}): Outcome<MoneyStep & { readonly released: Yen | null }> {
  const moved = transition(
    input.status,
    'cancel',
    input.actor,
    { reason: input.reason },
    input.context ?? {},
  );
  if (!moved.ok) return moved;
  const held = commitmentOf(input.ledger, input.applicationId);
  if (held === null) return accept({ transition: moved.value, ledger: input.ledger, released: null });
  const ledger = release(input.ledger, input.applicationId);
  if (!ledger.ok) return ledger;
  return accept({ transition: moved.value, ledger: ledger.value, released: held });
}
