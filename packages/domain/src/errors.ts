import { catalogueEn } from './messages/catalogue-en';
import { catalogueJa } from './messages/catalogue-ja';
import { displayParams } from './display-params';

/** Every error a user can see has a code here, with its text in both languages (SPEC §1). */
export type ErrorCode = keyof typeof catalogueJa;
export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = { ja: catalogueJa, en: catalogueEn };

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(catalogueJa, code);

/**
 * The text for a code, with {{name}} placeholders filled; unknown codes fall back to the generic one.
 * A parameter that comes in both languages is `name` in Japanese and `nameEn` in English (a field
 * as the form labels it), so in English {{name}} takes `nameEn` when there is one.
 */
export function errorMessage(code: string, locale: Locale = 'ja', params: Record<string, string | number> = {}): string {
  const template = errorMessages[locale][isErrorCode(code) ? code : 'internal.error'];
  const shown = displayParams(params);
  const valueOf = (name: string) => (locale === 'en' ? (shown[`${name}En`] ?? shown[name]) : shown[name]);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(valueOf(name) ?? ''));
}

/** A domain refusal: carries a code the API maps to a tRPC error and the apps translate. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(errorMessage(code, 'en', params));
    this.name = 'DomainError';
  }
}
