import { z } from 'zod';
import { formatYen, fractionOf, rate, yen, type Rate, type Yen } from '../../money';

/**
 * Money helpers the programme rules share. Everything stays in integer yen; every division rounds
 * down (切り捨て, SPEC §1) and is done in BigInt so an amount near the safe-integer limit cannot
 * lose a yen to floating point.
 */

/**
 * The largest amount one budget line may carry: ¥1 trillion. No line of a ¥627M programme comes
 * near it, so anything larger is a typing slip (an extra zero row pasted from Excel), not a cost.
 */
export const MAX_LINE_YEN = 1_000_000_000_000;

/** An amount entered on a form: integer yen, 0 or more, not absurd. */
export const ZAmount = z
  .number({ error: 'grant.amount_not_number' })
  .int({ message: 'grant.amount_not_integer' })
  .min(0, { message: 'grant.amount_negative' })
  .max(MAX_LINE_YEN, { message: 'grant.amount_too_large' })
  .transform((n) => n as Yen);

export const ZERO = 0 as Yen;

export const sumYen = (amounts: Iterable<number>): Yen => {
  let total = 0;
  for (const a of amounts) total += a;
  return yen(total);
};
export const minYen = (a: number, b: number): Yen => yen(Math.min(a, b));

/** The programmes' proportions use money.ts's exact computation, re-exported where they look for it. */
export { fractionOf };

/** Consumption tax (消費税及び地方消費税) is 10% (SPEC §1). */
export const CONSUMPTION_TAX: Rate = rate(10, 100);

/**
 * The tax-exclusive part of a tax-inclusive amount: amount × 100/110, rounded down.
 *
 * Why round down: this is the base a subsidy rate is applied to, and rounding it up could let
 * a grant exceed the rate × the real cost by a yen. The worked examples in seeds/003 (39,600,000
 * → 36,000,000; 231,000 → 210,000) divide exactly, so they do not distinguish the two roundings.
 */
export function taxExclusive(taxInclusive: Yen): Yen {
  return fractionOf(taxInclusive, 100, 100 + CONSUMPTION_TAX.numerator);
}
/** The consumption tax contained in a tax-inclusive amount (its complement to taxExclusive). */
export const taxContained = (taxInclusive: Yen): Yen => yen(taxInclusive - taxExclusive(taxInclusive));

/** Rounds down to a unit (1 = the yen, 1,000 = 千円未満切り捨て). */
export function roundDownTo(amount: Yen, unit: number): Yen {
  if (!Number.isInteger(unit) || unit < 1) throw new RangeError(`Invalid rounding unit ${unit}`);
  return yen(amount - (amount % unit));
}

export const isWholeThousand = (amount: number): boolean => amount % 1000 === 0;

export type ThousandRounding = 'floor' | 'round' | 'ceil';

/**
 * An amount in thousand yen (千円), as the budget forms show it (003 様式4-1 注1: 金額は千円単位).
 * Forms round down unless told otherwise; `exact` says whether nothing was lost.
 */
export function toThousandYen(
  amount: Yen,
  mode: ThousandRounding = 'floor',
): { thousands: number; exact: boolean } {
  const remainder = amount % 1000;
  const floor = (amount - remainder) / 1000;
  const thousands =
    remainder === 0
      ? floor
      : mode === 'floor'
        ? floor
        : mode === 'ceil'
          ? floor + 1
          : remainder >= 500
            ? floor + 1
            : floor;
  return { thousands, exact: remainder === 0 };
}

/** "39,600千円" / "¥39,600 thousand". */
export function formatThousandYen(
  amount: Yen,
  locale: 'ja' | 'en' = 'ja',
  mode: ThousandRounding = 'floor',
): string {
  const { thousands } = toThousandYen(amount, mode);
  const n = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US').format(thousands);
  return locale === 'ja' ? `${n}千円` : `¥${n} thousand`;
}

/** "10,800,000円（10,800千円）": the exact amount and the form's thousand-yen view together. */
export function formatYenWithThousands(amount: Yen, locale: 'ja' | 'en' = 'ja'): string {
  const full = formatYen(amount, locale);
  const k = formatThousandYen(amount, locale);
  return locale === 'ja' ? `${full}（${k}）` : `${full} (${k})`;
}
