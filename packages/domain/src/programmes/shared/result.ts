import { z } from 'zod';
import { normaliseNumberText } from '../../yen-input';
import type { Yen } from '../../money';
import { ZAmount } from './amounts';
import type { TTaxTreatment } from './definition';
import type { InputIssue, Reason } from './reasons';
import type { EligibilityResult } from './rules';

/** What every grant computation returns, whatever the programme: `{ eligibility, grant, breakdown, reasons }`. */

export type LineStatus =
  /** Counted in full. */
  | 'counted'
  /** Counted in part (prorated licence, apportioned floor area, overheads share). */
  | 'partly_counted'
  /** Not counted (× in a table, outside the period, an ineligible kind of cost). */
  | 'excluded'
  /** △ without the explanation it needs, or a fact still missing: not counted until supplied. */
  | 'pending';

export interface LineResult {
  id: string;
  section: string;
  category: string;
  description?: string;
  /** As entered, tax-inclusive. */
  amount: Yen;
  /** What counts toward the grant, tax-inclusive. */
  counted: Yen;
  taxTreatment: TTaxTreatment;
  status: LineStatus;
  /** ○/△/× from the programme's table, where one applies. */
  mark?: '○' | '△' | '×';
  reasons: Reason[];
}

export interface GrantSummary {
  /** Σ of the budget as entered, tax-inclusive (申請する事業費). */
  requested: Yen;
  /** Σ counted, tax-inclusive. */
  eligibleCost: Yen;
  /** What the rates were applied to (tax removed where the programme's basis is tax-exclusive). */
  base: Yen;
  /** The grant the rules give, before eligibility is taken into account. */
  computed: Yen;
  /** The grant: `computed`, or 0 when the proposal is ineligible. */
  amount: Yen;
  /** requested − amount (自己負担額). */
  ownShare: Yen;
  /** The hard cap that cut the grant, if one did. */
  capHit: string | null;
  /** The binding per-project (or per-applicant) cap, if there is one. */
  cap: Yen | null;
}

export interface GrantResult<B> {
  programme: string;
  eligibility: EligibilityResult;
  grant: GrantSummary;
  breakdown: B;
  /** All reasons: eligibility, lines, sections, caps, in that order. */
  reasons: Reason[];
}

export type ValidationOutcome<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

export const ZLineId = z
  .string({ error: 'grant.line_id_required' })
  .trim()
  .min(1, { message: 'grant.line_id_required' })
  .max(64, { message: 'grant.line_id_too_long' });

export const ZDescription = z.string().trim().max(500, { message: 'grant.description_too_long' });

/** Quantities on a budget line (3 人日, 2.5 m³): positive, at most three decimals. */
export const ZQuantity = z
  .number({ error: 'grant.quantity_invalid' })
  .finite({ message: 'grant.quantity_invalid' })
  .positive({ message: 'grant.quantity_invalid' })
  .max(1_000_000_000, { message: 'grant.quantity_invalid' })
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, { message: 'grant.quantity_invalid' });

export const ZUnitPrice = ZAmount;

/**
 * A quantity as typed (「2.5」, full-width 「３」): the number, null for a blank field, or refused —
 * never a different number than was typed (a minus sign or a fourth decimal is refused, not dropped).
 */
export function parseQuantityInput(text: string): { ok: true; value: number | null } | { ok: false; code: 'grant.quantity_invalid' } {
  const t = normaliseNumberText(text);
  if (t === '') return { ok: true, value: null };
  if (!/^\d+(?:\.\d{1,3})?$/u.test(t)) return { ok: false, code: 'grant.quantity_invalid' };
  const read = ZQuantity.safeParse(Number(t));
  return read.success ? { ok: true, value: read.data } : { ok: false, code: 'grant.quantity_invalid' };
}

/** The unit of a line's quantity (本, 人日, 台). */
export const ZUnit = z.string().trim().max(20, { message: 'grant.unit_too_long' });

/**
 * 備考: the line's 積算内訳 in words where unit price × quantity does not fit (様式4-1 注1: 施工費の
 * 内訳 by trade, 技術者A ○千円×○人日 …).
 */
export const ZRemarks = z.string().trim().max(1000, { message: 'grant.remarks_too_long' });

/**
 * unit price × quantity, rounded down to the yen (the forms' yellow cells). Quantities have at
 * most three decimals, so the product is exact in thousandths.
 */
export function breakdownAmount(unitPrice: number, quantity: number): number {
  return Number((BigInt(unitPrice) * BigInt(Math.round(quantity * 1000))) / 1000n);
}

/** Facts an applicant supplies: answers keyed by name. */
export const ZFacts = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]*$/, { message: 'grant.fact_name_invalid' }),
  z.union([
    z.string().max(500),
    z.number().finite(),
    z.boolean(),
    z.array(z.string().max(100)).max(100),
    z.null(),
  ]),
);
