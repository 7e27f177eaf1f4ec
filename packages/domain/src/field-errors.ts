import { z } from 'zod';
import { isErrorCode, type ErrorCode } from './errors';
import { formatJst } from './time';

/**
 * What a refused field says: a catalogue code and the limits its message names, from a zod issue.
 * A schema's own message (a catalogue code) wins; otherwise the issue's kind and limits choose a
 * generic message for the field ("500文字以内で入力してください。"), never the generic
 * "unexpected error" of an unknown code.
 */
export interface FieldIssue {
  readonly path: string;
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
}

type Issue = z.core.$ZodIssue;

const limit = (origin: string, value: number | bigint): string | number =>
  origin === 'date' ? formatJst(new Date(Number(value))) : typeof value === 'bigint' ? value.toString() : value;

function sizeCode(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): ErrorCode {
  const small = issue.code === 'too_small';
  switch (issue.origin) {
    case 'string':
      return small ? 'validation.too_short' : 'validation.too_long';
    case 'array':
    case 'set':
    case 'file':
      return small ? 'validation.too_few' : 'validation.too_many';
    case 'date':
      return small ? 'validation.date_too_early' : 'validation.date_too_late';
    default:
      if (small) return issue.inclusive === false ? 'validation.too_small_exclusive' : 'validation.too_small';
      return issue.inclusive === false ? 'validation.too_large_exclusive' : 'validation.too_large';
  }
}

const FORMAT_CODES: Partial<Record<string, ErrorCode>> = {
  email: 'validation.email_invalid',
  uuid: 'validation.id_invalid',
  guid: 'validation.id_invalid',
  url: 'validation.url_invalid',
};

/** The code the issue's kind gives, when the schema named none. */
function genericCode(issue: Issue): ErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      // A missing field says so; the global error map below marks it (the issue keeps no input).
      return issue.expected === 'int' ? 'validation.not_integer' : 'validation.invalid_type';
    case 'too_small':
    case 'too_big':
      return sizeCode(issue);
    case 'invalid_format':
      return FORMAT_CODES[issue.format] ?? 'validation.invalid_format';
    case 'invalid_value':
      return 'validation.invalid_choice';
    case 'unrecognized_keys':
      return 'validation.unknown_field';
    case 'not_multiple_of':
      return 'validation.not_integer';
    default:
      return 'validation.invalid';
  }
}

function paramsOf(issue: Issue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_small') params.minimum = limit(issue.origin, issue.minimum);
  if (issue.code === 'too_big') params.maximum = limit(issue.origin, issue.maximum);
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
  if (issue.code === 'custom' && issue.params) {
    for (const [k, v] of Object.entries(issue.params)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  return params;
}

/** A value nobody has given: what a cleared number input ('') or an unanswered choice (null) holds. */
const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * `typed`, when the caller has it (a form holds its values), is the value the issue is about: a
 * blank of the wrong type is a field not yet filled in ("入力してください。"), not a value of the
 * wrong kind (zod's own "expected number", in English, for a cleared number input).
 */
export function fieldIssueOf(issue: Issue, typed?: { readonly value: unknown }): FieldIssue {
  const own = isErrorCode(issue.message) ? issue.message : null;
  const blank = typed !== undefined && issue.code === 'invalid_type' && isBlank(typed.value);
  return { path: issue.path.map(String).join('.'), code: own ?? (blank ? 'validation.required' : genericCode(issue)), params: paramsOf(issue) };
}

/**
 * Makes zod name a missing field "required" wherever a schema gave no message of its own (the
 * issue alone cannot tell a missing value from a wrong one). Called once by the API and the apps.
 */
export function configureZodMessages() {
  z.config({
    customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'validation.required' : undefined),
  });
}
