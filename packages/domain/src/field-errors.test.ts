import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMessage } from './errors';
import { configureZodMessages, fieldIssueOf } from './field-errors';
import { ZIsoDate } from './programmes/shared/dates';
import { INPUT_DATE_MAX, INPUT_DATE_MIN, INPUT_DATE_RANGE, ZInputDate, ZJstDateTime } from './time';

configureZodMessages();

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues.map((i) => {
    const f = fieldIssueOf(i);
    return { ...f, ja: errorMessage(f.code, 'ja', f.params) };
  });
};

describe('each refused field says what is wrong with it', () => {
  const schema = z.object({
    name: z.string().max(5),
    note: z.string().min(2),
    count: z.number().int().min(1).max(10),
    share: z.number().positive(),
    email: z.email(),
    id: z.uuid(),
    kind: z.enum(['a', 'b']),
    tags: z.array(z.string()).max(2),
    missing: z.string(),
  });
  const issues = issuesOf(schema, { name: 'abcdefg', note: 'x', count: 11, share: 0, email: 'no', id: 'x', kind: 'c', tags: ['1', '2', '3'] });
  const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));

  it('maps sizes to messages that name the limit', () => {
    expect(byPath.name).toMatchObject({ code: 'validation.too_long', ja: '5文字以内で入力してください。' });
    expect(byPath.note).toMatchObject({ code: 'validation.too_short', ja: '2文字以上で入力してください。' });
    expect(byPath.count).toMatchObject({ code: 'validation.too_large', ja: '10以下の値を入力してください。' });
    expect(byPath.share).toMatchObject({ code: 'validation.too_small_exclusive', ja: '0より大きい値を入力してください。' });
    expect(byPath.tags).toMatchObject({ code: 'validation.too_many', ja: '2件以内にしてください。' });
  });

  it('maps formats, choices and a missing field', () => {
    expect(byPath.email!.code).toBe('validation.email_invalid');
    expect(byPath.id!.code).toBe('validation.id_invalid');
    expect(byPath.kind!.code).toBe('validation.invalid_choice');
    expect(byPath.missing).toMatchObject({ code: 'validation.required', ja: '入力してください。' });
  });

  it('never falls back to the generic unexpected-error text', () => {
    for (const i of issues) expect(i.ja).not.toContain('予期しないエラー');
  });

  it('keeps a schema’s own catalogue code, with its limits', () => {
    const own = issuesOf(z.object({ t: z.string().max(3, { message: 'views.name_too_long' }) }), { t: 'abcd' });
    expect(own[0]).toMatchObject({ code: 'views.name_too_long', params: { maximum: 3 } });
  });
});

describe('dates people type stay within a sensible range', () => {
  it('refuses the year 275760 and 1900 with a message naming the range', () => {
    for (const value of [new Date(8.64e15), new Date('1900-01-01T00:00:00Z')]) {
      const [issue] = issuesOf(ZInputDate, value);
      expect(issue!.code).toBe('time.date_out_of_range');
      expect(issue!.ja).toBe('日付は2000-01-01から2099-12-31までの範囲で入力してください。');
    }
    expect(errorMessage('time.date_out_of_range', 'en', INPUT_DATE_RANGE)).toBe('Enter a date from 2000-01-01 to 2099-12-31.');
  });

  it('accepts the bounds themselves and refuses an invalid date', () => {
    expect(ZInputDate.parse(INPUT_DATE_MIN)).toEqual(INPUT_DATE_MIN);
    expect(ZInputDate.parse(INPUT_DATE_MAX)).toEqual(INPUT_DATE_MAX);
    expect(ZInputDate.safeParse(new Date(Number.NaN)).success).toBe(false);
  });

  it('bounds JST text too', () => {
    expect(issuesOf(ZJstDateTime, '9999-01-01T00:00')[0]!.code).toBe('time.date_out_of_range');
    expect(ZJstDateTime.parse('2026-04-06T13:00')).toEqual(new Date('2026-04-06T04:00:00Z'));
  });

  it('bounds calendar dates in applications more widely (a qualification from 1985 is fine)', () => {
    expect(ZIsoDate.parse('1985-04-01')).toBe('1985-04-01');
    const [issue] = issuesOf(ZIsoDate, '1899-12-31');
    expect(issue!.ja).toBe('日付は1900-01-01から2099-12-31までの範囲で入力してください。');
    expect(issuesOf(ZIsoDate, '2100-01-01')[0]!.code).toBe('time.date_out_of_range');
  });
});

describe('a form’s blank field', () => {
  const schema = z.object({ count: z.number().int(), done: z.boolean(), kind: z.enum(['a', 'b']) });
  const codes = (values: Record<string, unknown>, withValue: boolean) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) throw new Error('expected a refusal');
    return parsed.error.issues.map((i) => fieldIssueOf(i, withValue ? { value: values[String(i.path[0])] } : undefined).code);
  };

  it('is unanswered when the form gives the value: a cleared number (empty text) or an unanswered yes/no (null); an unchosen option asks for a choice', () => {
    expect(codes({ count: '', done: null, kind: null }, true)).toEqual(['validation.required', 'validation.required', 'validation.invalid_choice']);
    expect(errorMessage('validation.required', 'ja', {})).toBe('入力してください。');
  });

  it('is still of the wrong kind when something was given, or when the caller has no value to show', () => {
    expect(codes({ count: 'x', done: 'yes', kind: 'c' }, true)).toEqual(['validation.invalid_type', 'validation.invalid_type', 'validation.invalid_choice']);
    expect(codes({ count: '', done: true, kind: 'a' }, false)).toEqual(['validation.invalid_type']);
  });
});
