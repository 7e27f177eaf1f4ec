import carbonEn from './messages/errors.carbon.en.json';
import carbonJa from './messages/errors.carbon.ja.json';
import en from './messages/errors.en.json';
import lifecycleEn from './messages/errors.lifecycle.en.json';
import lifecycleJa from './messages/errors.lifecycle.ja.json';
import onboardingEn from './messages/errors.onboarding.en.json';
import onboardingJa from './messages/errors.onboarding.ja.json';
import operationsEn from './messages/errors.operations.en.json';
import operationsJa from './messages/errors.operations.ja.json';
import ja from './messages/errors.ja.json';
import programmesEn from './messages/errors.programmes.en.json';
import programmesJa from './messages/errors.programmes.ja.json';
import reviewEn from './messages/errors.review.en.json';
import reviewJa from './messages/errors.review.ja.json';
import validationEn from './messages/errors.validation.en.json';
import validationJa from './messages/errors.validation.ja.json';

// One catalogue, kept in one file per area so each area's codes sit beside each other.
const catalogueJa = { ...ja, ...carbonJa, ...programmesJa, ...reviewJa, ...onboardingJa, ...lifecycleJa, ...operationsJa, ...validationJa };
const catalogueEn = { ...en, ...carbonEn, ...programmesEn, ...reviewEn, ...onboardingEn, ...lifecycleEn, ...operationsEn, ...validationEn };

/** Every error a user can see has a code here, with its text in both languages (SPEC §1). */
export type ErrorCode = keyof typeof catalogueJa;
export type Locale = 'ja' | 'en';
export const LOCALES: readonly Locale[] = ['ja', 'en'];
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = { ja: catalogueJa, en: catalogueEn };

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(catalogueJa, code);

/** The text for a code, with {{name}} placeholders filled; unknown codes fall back to the generic one. */
export function errorMessage(code: string, locale: Locale = 'ja', params: Record<string, string | number> = {}): string {
  const template = errorMessages[locale][isErrorCode(code) ? code : 'internal.error'];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
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
