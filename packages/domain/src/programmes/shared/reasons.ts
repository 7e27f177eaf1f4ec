import type catalogue from '../../messages/errors.programmes.ja.json';

/**
 * Every result of a programme rule carries its reasons, so the portal and the console can show
 * *why*: the code (translated through the error catalogue), its parameters, and the section of
 * the source document the rule comes from ("003 §2.5", "001 §2.5 例3", "003 参考資料2 表1").
 */
export type ProgrammeCode = keyof typeof catalogue;

export type ReasonLevel =
  /** An explanation of how a number came about. */
  | 'info'
  /** Needs attention (a document to attach, a recommendation not followed) but changes nothing. */
  | 'warning'
  /** Excludes a cost, a factor, or makes the proposal ineligible. */
  | 'error';

export type ReasonSubject = {
  kind: 'line' | 'factor' | 'section' | 'criterion' | 'item' | 'entry' | 'document';
  id: string;
};

export interface Reason {
  code: ProgrammeCode;
  params: Record<string, string | number>;
  source: string;
  level: ReasonLevel;
  subject?: ReasonSubject;
}

export function reason(
  code: ProgrammeCode,
  source: string,
  params: Record<string, string | number> = {},
  level: ReasonLevel = 'info',
  subject?: ReasonSubject,
): Reason {
  return subject === undefined ? { code, params, source, level } : { code, params, source, level, subject };
}

/** A validation problem in an input, pointing at the field (for the form) and using catalogue codes. */
export interface InputIssue {
  code: ProgrammeCode;
  path: (string | number)[];
  params: Record<string, string | number>;
}
