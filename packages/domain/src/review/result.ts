import { z } from 'zod';
import { DomainError, type ErrorCode } from '../errors';
import { formatYen, type Yen } from '../money';

/**
 * Review rules refuse rather than throw: the API turns a refusal into a tRPC error (or a 409 on a
 * race) and the console shows its text, while tests can look at the code without try/catch.
 */
export type Params = Readonly<Record<string, string | number>>;

export interface Refusal {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly params: Params;
}
export interface Accepted<T> {
  readonly ok: true;
  readonly value: T;
}
export type Outcome<T> = Accepted<T> | Refusal;

export const accept = <T>(value: T): Accepted<T> => ({ ok: true, value });
export const refuse = (code: ErrorCode, params: Params = {}): Refusal => ({ ok: false, code, params });

export const toDomainError = (refusal: Refusal): DomainError =>
  new DomainError(refusal.code, { ...refusal.params });

/** For callers that prefer exceptions (the API's transaction bodies): the value, or a DomainError. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw toDomainError(outcome);
}

/**
 * One parameter in both languages: the catalogue's Japanese text uses {{name}}, the English text
 * {{nameEn}} (the convention of the programme messages), because errorMessage fills one map.
 */
export function bilingual(name: string, ja: string, en: string): Record<string, string> {
  return { [name]: ja, [`${name}En`]: en };
}
export const yenParam = (name: string, amount: Yen): Record<string, string> =>
  bilingual(name, formatYen(amount, 'ja'), formatYen(amount, 'en'));

/** Ids of members, proposals, programmes: opaque strings (uuids in the database). */
export const ZId = z.string().trim().min(1).max(100);
