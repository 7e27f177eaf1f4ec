import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';
import { countRule, parseNumberInput } from './number-input';

describe('reading a count or a measure as typed', () => {
  const years = countRule(1, 50);
  const area = { min: 0.01, max: 1_000_000, decimals: 2 };

  it('reads full-width digits, separators and a unit after the number', () => {
    expect(parseNumberInput('３', years)).toEqual({ ok: true, value: 3 });
    expect(parseNumberInput('5年', years)).toEqual({ ok: true, value: 5 });
    expect(parseNumberInput('１，２３４．５６', area)).toEqual({ ok: true, value: 1234.56 });
    expect(parseNumberInput('120.5㎡', area)).toEqual({ ok: true, value: 120.5 });
    expect(parseNumberInput('  ', years)).toEqual({ ok: true, value: null });
  });

  it('refuses, never changes, a minus, a decimal where none is allowed, or a figure out of range', () => {
    expect(parseNumberInput('-3', years)).toMatchObject({ ok: false, code: 'number.input_negative' });
    expect(parseNumberInput('2.5', years)).toMatchObject({ ok: false, code: 'number.input_decimal' });
    expect(parseNumberInput('1.234', area)).toMatchObject({ ok: false, code: 'number.input_too_many_decimals' });
    expect(parseNumberInput('0', years)).toMatchObject({ ok: false, code: 'number.input_out_of_range' });
    expect(parseNumberInput('51', years)).toMatchObject({ ok: false, code: 'number.input_out_of_range' });
    expect(parseNumberInput('1,00', years)).toMatchObject({ ok: false, code: 'number.input_not_number' });
    expect(parseNumberInput('三', years)).toMatchObject({ ok: false, code: 'number.input_not_number' });
  });

  it('states the range in the message', () => {
    const read = parseNumberInput('2.5', years);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(errorMessage(read.code, 'ja', { ...read.params, field: '耐用年数' })).toBe('耐用年数に小数は入力できません。1以上50以下の整数で入力してください。');
    expect(errorMessage('number.input_out_of_range', 'en', { ...read.params, field: 'Useful life' })).toBe('Useful life must be between 1 and 50.');
  });
});
