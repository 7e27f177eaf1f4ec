import { normaliseNumberText } from './yen-input';

/**
 * Reading a count (storeys, years) or a measure (floor area in m²) typed into a form, by the same
 * rule as amounts (parseYenInput): take what was typed or say why not. 「-3」 is not 3 and 「2.5」
 * storeys is not 25; full-width digits and separators are read as their half-width forms. The
 * message states the range the field takes, so the person knows what to type instead.
 */
export type NumberInputProblem = 'number.input_negative' | 'number.input_decimal' | 'number.input_too_many_decimals' | 'number.input_out_of_range' | 'number.input_not_number';

export type NumberInputResult =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly code: NumberInputProblem; readonly params: { readonly min: string; readonly max: string; readonly decimals: string } };

export interface NumberInputRule {
  readonly min: number;
  readonly max: number;
  /** Decimal places allowed (0 for a count). */
  readonly decimals: number;
}

const MINUS = /^[-−‐‑–—ー－]/u;
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/u;
const format = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(n);

export function parseNumberInput(text: string, rule: NumberInputRule): NumberInputResult {
  const params = { min: format(rule.min), max: format(rule.max), decimals: String(rule.decimals) };
  const refuse = (code: NumberInputProblem): NumberInputResult => ({ ok: false, code, params });
  const t = normaliseNumberText(text).replace(/(?:m2|㎡|m²|年|階)$/u, '');
  if (t === '') return { ok: true, value: null };
  if (MINUS.test(t)) return refuse('number.input_negative');
  const [whole = '', fraction, ...rest] = t.split('.');
  if (rest.length > 0 || !GROUPED.test(whole) || (fraction !== undefined && !/^\d+$/u.test(fraction))) return refuse('number.input_not_number');
  if (fraction !== undefined && rule.decimals === 0) return refuse('number.input_decimal');
  if (fraction !== undefined && fraction.length > rule.decimals) return refuse('number.input_too_many_decimals');
  const digits = whole.replaceAll(',', '');
  if (digits.length > 15) return refuse('number.input_out_of_range');
  const value = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  if (value < rule.min || value > rule.max) return refuse('number.input_out_of_range');
  return { ok: true, value };
}

/** A whole number of years, storeys or people: no decimals, within [min, max]. */
export const countRule = (min: number, max: number): NumberInputRule => ({ min, max, decimals: 0 });
