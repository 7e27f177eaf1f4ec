import type { Yen } from './money';

/**
 * Reading an amount typed into a form. The rule is to take what the person typed or say why not —
 * never to take something else: 「-500000」 is not 500,000 and 「1000.5」 is not 10,005. Full-width
 * digits and separators (「１，０００」) are how Japanese keyboards type numbers, so they are read
 * as their half-width forms; anything that is not a whole, non-negative number of yen within the
 * field's maximum is refused with a message that states the maximum.
 */
export type YenInputResult =
  | { readonly ok: true; readonly value: Yen | null }
  | { readonly ok: false; readonly code: YenInputProblem; readonly params: { readonly max: string } };

export type YenInputProblem = 'money.input_negative' | 'money.input_decimal' | 'money.input_too_large' | 'money.input_separator' | 'money.input_not_number';

const MINUS = /^[-−‐‑–—ー－]/u;
/** Digits with commas every three places from the right, or no commas at all. */
const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/u;

/** The typed text in half-width form, with a ¥ before or 円 after and spaces around dropped. */
export function normaliseNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, '')
    .replace(/^[¥\\]/u, '')
    .replace(/円$/u, '')
    .replace(/、/gu, ',');
}

/** Integer yen from what was typed: null for a blank field; refused (with the maximum) otherwise. */
export function parseYenInput(text: string, max: number): YenInputResult {
  const params = { max: new Intl.NumberFormat('en-US').format(max) };
  const refuse = (code: YenInputProblem): YenInputResult => ({ ok: false, code, params });
  const t = normaliseNumberText(text);
  if (t === '') return { ok: true, value: null };
  if (MINUS.test(t)) return refuse('money.input_negative');
  if (/^[\d,]*\.\d*$/u.test(t) && /\d/u.test(t)) return refuse('money.input_decimal');
  if (!/^[\d,]+$/u.test(t) || !/\d/u.test(t)) return refuse('money.input_not_number');
  if (!GROUPED.test(t)) return refuse('money.input_separator');
  const digits = t.replaceAll(',', '').replace(/^0+(?=\d)/u, '');
  // Compared as digits first, so a 20-digit number is "over the maximum", not a rounded float.
  if (digits.length > String(max).length || Number(digits) > max) return refuse('money.input_too_large');
  return { ok: true, value: Number(digits) as Yen };
}

/** How an amount is shown back in a yen field (separators, half-width): what parseYenInput reads. */
export const yenInputText = (value: number | null | undefined): string => (typeof value === 'number' ? new Intl.NumberFormat('en-US').format(value) : '');
