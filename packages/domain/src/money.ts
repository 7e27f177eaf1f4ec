import { z } from 'zod';

/** Money is an integer number of yen (SPEC §1). The brand keeps plain numbers out. */
export type Yen = number & { readonly __brand: 'Yen' };

export const ZYen = /* @__PURE__ */ z
  .number()
  .int({ message: 'money.not_integer' })
  .min(0, { message: 'money.negative' })
  .max(Number.MAX_SAFE_INTEGER)
  .transform((n) => n as Yen);

export function yen(amount: number): Yen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not an integer number of yen: ${amount}`);
  return amount as Yen;
}

/** A rate as an exact fraction (3/10, 1/2); applying it rounds down to the yen (切り捨て). */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
}
export const rate = (numerator: number, denominator: number): Rate => {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`Invalid rate ${numerator}/${denominator}`);
  }
  return { numerator, denominator };
};
/**
 * amount × numerator ÷ denominator, rounded down: the one exact-rate computation (grant rates,
 * tax removal, proration by days or floor area). BigInt keeps the product exact even for amounts
 * near the safe-integer limit; the denominator must be positive.
 */
export function fractionOf(amount: Yen, numerator: number, denominator: number): Yen {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  return Number((BigInt(amount) * BigInt(numerator)) / BigInt(denominator)) as Yen;
}
export const applyRate = (amount: Yen, r: Rate): Yen => fractionOf(amount, r.numerator, r.denominator);

export function formatYen(amount: Yen, locale: 'ja' | 'en' = 'ja'): string {
  const n = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US').format(amount);
  return locale === 'ja' ? `${n}円` : `¥${n}`;
}
