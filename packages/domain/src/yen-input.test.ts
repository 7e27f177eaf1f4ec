import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYenInput, yenInputText } from './yen-input';

const MAX = 1_000_000_000_000;
const FULL_WIDTH = (s: string) => s.replace(/[0-9,]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('reading a typed amount of yen', () => {
  it('reads half-width and full-width digits, with or without separators', () => {
    expect(parseYenInput('123456', MAX)).toEqual({ ok: true, value: 123_456 });
    expect(parseYenInput('１２３４５６', MAX)).toEqual({ ok: true, value: 123_456 });
    expect(parseYenInput('1,000', MAX)).toEqual({ ok: true, value: 1000 });
    expect(parseYenInput('１，０００', MAX)).toEqual({ ok: true, value: 1000 });
    expect(parseYenInput(' ¥39,600,000 ', MAX)).toEqual({ ok: true, value: 39_600_000 });
    expect(parseYenInput('39,600,000円', MAX)).toEqual({ ok: true, value: 39_600_000 });
    expect(parseYenInput('0', MAX)).toEqual({ ok: true, value: 0 });
  });

  it('reads a blank field as no amount', () => {
    expect(parseYenInput('', MAX)).toEqual({ ok: true, value: null });
    expect(parseYenInput('　 ', MAX)).toEqual({ ok: true, value: null });
  });

  it('refuses a negative amount instead of dropping the sign', () => {
    for (const text of ['-500000', '－500000', '−500,000', 'ー500000'])
      expect(parseYenInput(text, MAX)).toMatchObject({ ok: false, code: 'money.input_negative' });
  });

  it('refuses a decimal instead of dropping the point', () => {
    expect(parseYenInput('1000.5', MAX)).toMatchObject({ ok: false, code: 'money.input_decimal' });
    expect(parseYenInput('１０００．５', MAX)).toMatchObject({ ok: false, code: 'money.input_decimal' });
  });

  it('refuses an amount over the maximum and states the maximum', () => {
    expect(parseYenInput('12345678901234567890', MAX)).toEqual({ ok: false, code: 'money.input_too_large', params: { max: '1,000,000,000,000' } });
    expect(parseYenInput('1,000,001', 1_000_000)).toEqual({ ok: false, code: 'money.input_too_large', params: { max: '1,000,000' } });
    expect(parseYenInput('1,000,000', 1_000_000)).toEqual({ ok: true, value: 1_000_000 });
  });

  it('refuses separators in the wrong places and text that is not a number', () => {
    expect(parseYenInput('1,00', MAX)).toMatchObject({ ok: false, code: 'money.input_separator' });
    expect(parseYenInput('10,0000', MAX)).toMatchObject({ ok: false, code: 'money.input_separator' });
    expect(parseYenInput('1e6', MAX)).toMatchObject({ ok: false, code: 'money.input_not_number' });
    expect(parseYenInput('百万', MAX)).toMatchObject({ ok: false, code: 'money.input_not_number' });
    expect(parseYenInput(',', MAX)).toMatchObject({ ok: false, code: 'money.input_not_number' });
  });

  it('reads back every amount it shows, in either width (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.boolean(), fc.boolean(), (n, full, grouped) => {
        const shown = grouped ? yenInputText(n) : String(n);
        expect(parseYenInput(full ? FULL_WIDTH(shown) : shown, MAX)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('never takes a different amount than was typed: a value read is the typed digits (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789,.-－１２，． ¥円a'.split('')), maxLength: 20 }), (text) => {
        const read = parseYenInput(text, MAX);
        if (read.ok && read.value !== null) {
          const digits = text.normalize('NFKC').replace(/[^\d]/gu, '');
          expect(String(read.value)).toBe(digits.replace(/^0+(?=\d)/u, ''));
          expect(text.normalize('NFKC')).not.toMatch(/[-.]/u);
        }
      }),
    );
  });

  it('refuses every amount over the maximum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (max, over) => {
        expect(parseYenInput(String(max + over), max)).toMatchObject({ ok: false, code: 'money.input_too_large' });
      }),
    );
  });
});
