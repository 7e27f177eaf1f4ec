import type { Yen } from '../../money';
import { roundAccepting, type TRoundStatus } from '../../round';
import type { Window } from '../../time';
import { evaluate, type Facts } from './conditions';
import { jstFromText, windowState, type WindowState } from './dates';
import type { TProgrammeDefinition, TRequiredDocument, TWindow } from './definition';
import { reason, type Reason } from './reasons';

/** Required documents, page limits, and whether a programme is accepting applications. */

export interface DocumentRequirement {
  document: TRequiredDocument;
  status: 'required' | 'omissible' | 'not_required' | 'undetermined';
  /** How many copies: one per party unless owner and council operator are the same. */
  copies: number;
}

export function requiredDocuments(
  def: TProgrammeDefinition,
  phase: TRequiredDocument['phase'],
  facts: Facts,
): DocumentRequirement[] {
  const parties = facts.ownerIsCouncilOperator === true ? 1 : 2;
  return def.requiredDocuments
    .filter((d) => d.phase === phase)
    .map((d) => {
      const needed = d.requiredWhen ? evaluate(d.requiredWhen, facts).truth : 'true';
      const omissible = d.omissibleWhen ? evaluate(d.omissibleWhen, facts).truth === 'true' : false;
      const status: DocumentRequirement['status'] =
        needed === 'false'
          ? 'not_required'
          : needed === 'unknown'
            ? 'undetermined'
            : omissible
              ? 'omissible'
              : 'required';
      return { document: d, status, copies: d.perParty ? parties : 1 };
    });
}

/**
 * Page limits (003 §6.4 枚数制限). A fixed limit refuses more pages; "程度" limits only warn, as
 * the office reads them as a guide. Fewer pages than a minimum is also a warning.
 */
export function checkPageCount(doc: TRequiredDocument, pages: number): Reason | null {
  if (!doc.pages) return null;
  const { max, min, approximate, paper } = doc.pages;
  const subject = { kind: 'document' as const, id: doc.code };
  if (pages > max)
    return reason(
      approximate ? 'programmes.pages_above_guide' : 'programmes.pages_over_limit',
      doc.source,
      { document: doc.name.ja, documentEn: doc.name.en, pages, max, paper },
      approximate ? 'warning' : 'error',
      subject,
    );
  if (min !== undefined && pages < min)
    return reason(
      'programmes.pages_below_minimum',
      doc.source,
      { document: doc.name.ja, documentEn: doc.name.en, pages, min, paper },
      'warning',
      subject,
    );
  return null;
}

export const windowOf = (w: TWindow): Window => ({
  opensAt: jstFromText(w.opensAt),
  closesAt: jstFromText(w.closesAt),
});

export interface Acceptance {
  accepting: boolean;
  window: TWindow | null;
  state: WindowState | null;
  reasons: Reason[];
}

/** 001 §2.6: acceptance stops once approved totals reach the budget (受付を打ち切る). */
export const budgetExhausted = (budget: { amount: number | null; approvedTotal: number }): boolean =>
  budget.amount !== null && budget.approvedTotal >= budget.amount;

/** Whether the programme stops taking applications when its budget is used up (only CO2 support today). */
export const closesWhenBudgetExhausted = (def: TProgrammeDefinition): boolean =>
  def.windows.some((w) => w.closesEarlyWhenBudgetExhausted);

/**
 * Whether a programme takes a new submission now: its round published and inside the window (JST, to the minute)
 * and, for a programme that closes early (001 §2.6), while approved totals are below the budget.
 * The submission itself, the programme list's "open" and the workflow's acceptance guard all ask
 * this. A resubmission answers a 差戻し by its own due date and does not ask.
 */
export function submissionAcceptance(
  def: TProgrammeDefinition,
  round: Window & { status: TRoundStatus },
  now: Date,
  budget: { amount: number | null; approvedTotal: number },
): { accepting: true } | { accepting: false; why: 'round_not_published' | 'window_closed' | 'budget_exhausted' } {
  // Only a published round (公募回) takes applications, and only inside its window.
  const inRound = roundAccepting(round, now);
  if (!inRound.accepting) return inRound;
  if (closesWhenBudgetExhausted(def) && budgetExhausted(budget)) return { accepting: false, why: 'budget_exhausted' };
  return { accepting: true };
}

/**
 * What the catalogue shows of a programme's money: the budget less what grant decisions have
 * committed in its ledger (never below zero), and whether that closes the call (001 §2.6).
 */
export interface BudgetStanding {
  budget: number | null;
  committed: number;
  remaining: number | null;
  exhausted: boolean;
  /** The call stops taking applications because of it (only programmes that close early). */
  closesCall: boolean;
}

export function budgetStanding(def: TProgrammeDefinition, budget: { amount: number | null; approvedTotal: number }): BudgetStanding {
  const exhausted = budgetExhausted(budget);
  return {
    budget: budget.amount,
    committed: budget.approvedTotal,
    remaining: budget.amount === null ? null : Math.max(0, budget.amount - budget.approvedTotal),
    exhausted,
    closesCall: exhausted && closesWhenBudgetExhausted(def),
  };
}

export function acceptance(
  def: TProgrammeDefinition,
  now: Date,
  budget: { amount: Yen | null; approvedTotal: Yen } = {
    amount: def.budget.amount as Yen | null,
    approvedTotal: 0 as Yen,
  },
): Acceptance {
  const states = def.windows.map((w) => ({ w, s: windowState(windowOf(w), now) }));
  const open = states.find((x) => x.s.state === 'open');
  if (!open) {
    const next = states.find((x) => x.s.state === 'not_yet_open');
    const shown = next ?? states.at(-1);
    return {
      accepting: false,
      window: shown?.w ?? null,
      state: shown?.s ?? null,
      reasons: [
        reason(
          next ? 'programmes.window_not_open' : 'programmes.window_closed',
          shown?.w.source ?? `${def.sourceDocument} §windows`,
          { window: shown?.w.label.ja ?? '', windowEn: shown?.w.label.en ?? '' },
          'error',
        ),
      ],
    };
  }
  if (open.w.closesEarlyWhenBudgetExhausted && budgetExhausted(budget))
    return {
      accepting: false,
      window: open.w,
      state: open.s,
      reasons: [
        reason(
          'programmes.budget_exhausted',
          open.w.source,
          // Exhausted implies a stated budget.
          { budget: budget.amount ?? 0, approved: budget.approvedTotal },
          'error',
        ),
      ],
    };
  return { accepting: true, window: open.w, state: open.s, reasons: [] };
}

/**
 * Until when records must be kept: N years after the end of the grant's fiscal year (001 §5.2:
 * 10 years for accounts; §3.2(3)⑤: 5 years for submission e-mails). FY2025 + 10 → 2036-03-31.
 */
export function retentionUntil(
  def: TProgrammeDefinition,
  grantFiscalYear: number,
): { what: TProgrammeDefinition['retention'][number]['what']; until: string; source: string }[] {
  return def.retention.map((r) => ({
    what: r.what,
    until: `${grantFiscalYear + 1 + r.years}-03-31`,
    source: r.source,
  }));
}
