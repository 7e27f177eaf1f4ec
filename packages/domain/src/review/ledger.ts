import { z } from 'zod';
import { yen, ZYen, type Yen } from '../money';
import { budgetExhausted } from '../programmes/shared/documents';
import { accept, refuse, yenParam, ZId, type Outcome } from './result';

/**
 * A programme's budget ledger: budget, what decisions have committed, what remains. Every change
 * goes through a function here that refuses to take committed above the budget, so the invariant
 * committed ≤ budget holds for any sequence of calls. The ledger is a value: the database keeps it
 * in one row and writes a new state only if `version` is still the one it read (optimistic
 * locking), which is how two reviewers deciding at once cannot both spend the last yen.
 */

/** 003 §2.7: about ¥627,000,000 of subsidy for the whole CLT programme (about 20 projects). */
export const CLT_PROGRAMME_BUDGET = yen(627_000_000);

export const ZCommitment = z.strictObject({
  applicationId: ZId,
  amount: ZYen,
});
export type TCommitment = z.output<typeof ZCommitment>;

export const ZBudgetLedger = z
  .strictObject({
    programmeId: ZId,
    budget: ZYen,
    commitments: z.array(ZCommitment).max(100_000),
    version: z.number().int().min(0),
  })
  .refine((l) => new Set(l.commitments.map((c) => c.applicationId)).size === l.commitments.length, {
    message: 'ledger.already_committed',
  })
  .refine((l) => l.commitments.reduce((s, c) => s + c.amount, 0) <= l.budget, {
    message: 'ledger.over_budget_state',
  });
export type TBudgetLedger = z.output<typeof ZBudgetLedger>;

export const openLedger = (programmeId: string, budget: Yen): TBudgetLedger => ({
  programmeId,
  budget,
  commitments: [],
  version: 0,
});

export const committed = (ledger: TBudgetLedger): Yen =>
  yen(ledger.commitments.reduce((s, c) => s + c.amount, 0));
export const remaining = (ledger: TBudgetLedger): Yen => yen(Math.max(0, ledger.budget - committed(ledger)));
export const commitmentOf = (ledger: TBudgetLedger, applicationId: string): Yen | null =>
  ledger.commitments.find((c) => c.applicationId === applicationId)?.amount ?? null;

export interface LedgerSummary {
  readonly budget: Yen;
  readonly committed: Yen;
  readonly remaining: Yen;
  readonly decisions: number;
}
export const ledgerSummary = (ledger: TBudgetLedger): LedgerSummary => ({
  budget: ledger.budget,
  committed: committed(ledger),
  remaining: remaining(ledger),
  decisions: ledger.commitments.length,
});

/**
 * Whether applications are still accepted: the CO2 programme stops once approved totals reach the
 * budget (001 §2.6, 受付を打ち切る). Pass the result to `transition` as context.acceptanceOpen.
 */
export const acceptanceOpen = (ledger: TBudgetLedger): boolean =>
  !budgetExhausted({ amount: ledger.budget, approvedTotal: committed(ledger) });

const next = (ledger: TBudgetLedger, commitments: TCommitment[]): TBudgetLedger => ({
  ...ledger,
  commitments,
  version: ledger.version + 1,
});

/**
 * A granted amount against the application's computed maximum: whole yen, above ¥0, at most the
 * maximum. The ledger checks every commitment with it, and the console's step form names an amount
 * over the maximum with it as it is typed.
 */
export function checkGrantedAmount(amount: number, maximum: number): Outcome<Yen> {
  if (!Number.isSafeInteger(amount) || amount <= 0) return refuse('ledger.amount_not_positive');
  if (!Number.isSafeInteger(maximum) || maximum < 0) throw new RangeError(`Invalid maximum ${maximum}`);
  // The domain computes the maximum; the office may grant less, never more.
  if (amount > maximum)
    return refuse('ledger.over_maximum', {
      ...yenParam('amount', yen(amount)),
      ...yenParam('maximum', yen(maximum)),
    });
  return accept(yen(amount));
}

/** Commits a granted amount (交付決定 / 承認) against the budget. */
export function commit(
  ledger: TBudgetLedger,
  request: { readonly applicationId: string; readonly amount: number; readonly maximum: number },
): Outcome<TBudgetLedger> {
  const amount = checkGrantedAmount(request.amount, request.maximum);
  if (!amount.ok) return amount;
  if (commitmentOf(ledger, request.applicationId) !== null) return refuse('ledger.already_committed');
  const left = remaining(ledger);
  if (amount.value > left)
    return refuse('ledger.over_budget', {
      ...yenParam('amount', amount.value),
      ...yenParam('remaining', left),
    });
  return accept(
    next(ledger, [...ledger.commitments, { applicationId: request.applicationId, amount: amount.value }]),
  );
}

/**
 * Changes a commitment after an approved change request (変更承認): a decrease always fits; an
 * increase only within what remains, and never above the recomputed maximum.
 */
export function adjustCommitment(
  ledger: TBudgetLedger,
  request: { readonly applicationId: string; readonly amount: number; readonly maximum: number },
): Outcome<TBudgetLedger> {
  const current = commitmentOf(ledger, request.applicationId);
  if (current === null) return refuse('ledger.not_committed');
  const amount = checkGrantedAmount(request.amount, request.maximum);
  if (!amount.ok) return amount;
  const increase = amount.value - current;
  const left = remaining(ledger);
  if (increase > left) {
    return refuse('ledger.over_budget', {
      ...yenParam('amount', yen(increase)),
      ...yenParam('remaining', left),
    });
  }
  return accept(
    next(
      ledger,
      ledger.commitments.map((c) =>
        c.applicationId === request.applicationId ? { ...c, amount: amount.value } : c,
      ),
    ),
  );
}

/** Gives a commitment back in full (withdrawal after decision, cancellation). */
export function release(ledger: TBudgetLedger, applicationId: string): Outcome<TBudgetLedger> {
  if (commitmentOf(ledger, applicationId) === null) return refuse('ledger.not_committed');
  return accept(
    next(
      ledger,
      ledger.commitments.filter((c) => c.applicationId !== applicationId),
    ),
  );
}

/**
 * Brings a commitment down to the fixed amount (額の確定), returning the difference to the budget.
 * A fixed amount above the grant is refused: the fixed amount never exceeds what was granted.
 */
export function settleCommitment(
  ledger: TBudgetLedger,
  applicationId: string,
  fixedAmount: number,
): Outcome<TBudgetLedger> {
  const current = commitmentOf(ledger, applicationId);
  if (current === null) return refuse('ledger.not_committed');
  if (!Number.isSafeInteger(fixedAmount) || fixedAmount < 0) return refuse('ledger.amount_not_positive');
  if (fixedAmount > current) {
    return refuse('ledger.fixed_exceeds_granted', {
      ...yenParam('amount', yen(fixedAmount)),
      ...yenParam('granted', current),
    });
  }
  return accept(
    next(
      ledger,
      ledger.commitments.map((c) =>
        c.applicationId === applicationId ? { ...c, amount: yen(fixedAmount) } : c,
      ),
    ),
  );
}

/** Changes the budget itself; it can never fall below what is already committed. */
export function changeBudget(ledger: TBudgetLedger, budget: number): Outcome<TBudgetLedger> {
  if (!Number.isSafeInteger(budget) || budget < 0) return refuse('ledger.amount_not_positive');
  const used = committed(ledger);
  if (budget < used) return refuse('ledger.budget_below_committed', yenParam('committed', used));
  return accept({ ...ledger, budget: yen(budget), version: ledger.version + 1 });
}
