import { z } from 'zod';
import { DomainError } from './errors';
import { ZYen } from './money';
import { addJstYears, isWindowOpen, jstParts, ZJstDateTime, type Window } from './time';

/**
 * A round (公募回) is one call of a programme: its window, budget and notes, run by the programme
 * office that owns it. A draft is the office's own; publishing shows it to applicants; closing stops
 * it taking applications whatever its window says; reopening puts it back to published.
 */
export const ROUND_STATUSES = ['draft', 'published', 'closed'] as const;
export const ZRoundStatus = z.enum(ROUND_STATUSES);
export type TRoundStatus = z.infer<typeof ZRoundStatus>;

export const ROUND_ACTIONS = ['publish', 'close', 'reopen'] as const;
export const ZRoundAction = z.enum(ROUND_ACTIONS);
export type TRoundAction = z.infer<typeof ZRoundAction>;

/** Which action leads from which status, and where. */
const TRANSITIONS: Record<TRoundAction, { from: TRoundStatus; to: TRoundStatus }> = {
  publish: { from: 'draft', to: 'published' },
  close: { from: 'published', to: 'closed' },
  reopen: { from: 'closed', to: 'published' },
};

export const isRoundDraft = (status: TRoundStatus) => status === 'draft';
export const isRoundPublished = (status: TRoundStatus) => status === 'published';
export const isRoundClosed = (status: TRoundStatus) => status === 'closed';
/** Applicants see published and closed rounds (a closed call stays listed as closed); drafts are the office's own. */
export const isRoundVisibleToApplicants = (status: TRoundStatus) => !isRoundDraft(status);

/** The actions the office may take on a round in this status (the console offers exactly these). */
export const roundActions = (status: TRoundStatus): TRoundAction[] => ROUND_ACTIONS.filter((a) => TRANSITIONS[a].from === status);

/** The status after `action`, or a named refusal when the round is not in the status the action starts from. */
export function roundTransition(status: TRoundStatus, action: TRoundAction): TRoundStatus {
  const t = TRANSITIONS[action];
  if (t.from !== status) throw new DomainError('round.transition_not_allowed', { action, status });
  return t.to;
}

/**
 * A round takes applications when it is published and its window is open (opening inclusive,
 * closing exclusive). The one place this is decided; submission and draft creation ask here.
 */
export function roundAccepting(round: Window & { status: TRoundStatus }, now: Date): { accepting: true } | { accepting: false; why: 'round_not_published' | 'window_closed' } {
  if (!isRoundPublished(round.status)) return { accepting: false, why: 'round_not_published' };
  if (!isWindowOpen(round, now)) return { accepting: false, why: 'window_closed' };
  return { accepting: true };
}

/**
 * Where a round belongs in a list of calls: taking applications now (`open`, as decided by the
 * caller's acceptance rule, which may also close a call whose budget is spent), published with its
 * window still ahead (`upcoming`), or neither (`closed`: closed by the office, its window over, or
 * its budget exhausted). Only the first two belong under 公募中・公募予定.
 */
export type RoundListing = 'open' | 'upcoming' | 'closed';
/** A closed call is kept for reference, never listed under 公募中・公募予定. */
export const isListedClosed = (listing: RoundListing): boolean => listing === 'closed';
/** Published, its window still ahead: 受付前, not yet taking applications and not over either. */
export const isListedUpcoming = (listing: RoundListing): boolean => listing === 'upcoming';
export function roundListing(round: Window & { status: TRoundStatus }, now: Date, accepting: boolean): RoundListing {
  if (accepting) return 'open';
  return isRoundPublished(round.status) && now.getTime() < round.opensAt.getTime() ? 'upcoming' : 'closed';
}

const ZRoundNotes = z.string().trim().max(2000);
const ZRoundName = z.string().trim().min(1).max(200);
/** Codes appear in URLs and exports: lower-case letters, digits and hyphens. */
export const ZRoundCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'round.code_invalid' });

/** What the office sets on a round: the window (JST to the minute, SPEC §1), the budget in yen, notes. */
const ZRoundTermsShape = z.object({
  opensAt: ZJstDateTime,
  closesAt: ZJstDateTime,
  budgetYen: ZYen,
  notes: ZRoundNotes.default(''),
});
// Only compared once both ends are valid instants; a malformed end has its own issue already.
const windowInOrder = (v: { opensAt: Date; closesAt: Date }) =>
  !(v.opensAt instanceof Date && v.closesAt instanceof Date) || v.closesAt.getTime() > v.opensAt.getTime();
const WINDOW_ORDER = {
  message: 'round.window_ends_before_start',
  path: ['closesAt'],
  // Compared as soon as both ends are read, whatever else is still missing: a form shows it as typed.
  when: (payload: z.core.ParsePayload) => !payload.issues.some((i) => i.path?.[0] === 'opensAt' || i.path?.[0] === 'closesAt'),
};

export const ZRoundTerms = ZRoundTermsShape.refine(windowInOrder, WINDOW_ORDER);
export type TRoundTermsInput = z.input<typeof ZRoundTerms>;
export type TRoundTerms = z.output<typeof ZRoundTerms>;

/** A new round of a programme: its names and code, the fiscal year (年度) it belongs to, and its terms. */
export const ZRoundInput = ZRoundTermsShape.extend({
  code: ZRoundCode,
  nameJa: ZRoundName,
  nameEn: ZRoundName,
  fiscalYear: z.number().int().min(2000).max(2099),
}).refine(windowInOrder, WINDOW_ORDER);
export type TRoundInput = z.input<typeof ZRoundInput>;
export type TRound = z.output<typeof ZRoundInput>;

/** "2026-04-06T13:00", the JST wall-clock form the window inputs take and ZJstDateTime reads. */
export function jstInputValue(instant: Date): string {
  const p = jstParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** 令和N年度 / FY2025 / -r7 / -2025 in a name or code, moved on by one year. */
const nextYearText = (text: string) =>
  text
    .replace(/令和(\d+)年度/g, (_, n: string) => `令和${Number(n) + 1}年度`)
    .replace(/FY(\d{4})/g, (_, y: string) => `FY${Number(y) + 1}`);

export function nextRoundCode(code: string, fiscalYear: number): string {
  const reiwa = /-r(\d+)$/.exec(code);
  if (reiwa) return `${code.slice(0, reiwa.index)}-r${Number(reiwa[1]) + 1}`;
  const year = /-(\d{4})$/.exec(code);
  if (year) return `${code.slice(0, year.index)}-${Number(year[1]) + 1}`;
  return `${code}-${fiscalYear + 1}`;
}

/**
 * Codes a clone may take, in order: the next year's code, then that code with -2 … -9, so a round
 * cloned twice (two calls in one year) gets a free code instead of a refusal.
 */
export const roundCodeCandidates = (code: string): string[] => [code, ...Array.from({ length: 8 }, (_, i) => `${code}-${i + 2}`)];

export interface RoundToClone {
  code: string;
  nameJa: string;
  nameEn: string;
  fiscalYear: number;
  opensAt: Date;
  closesAt: Date;
  budgetYen: number;
  notes: string;
}

/**
 * Next year's round from last year's: the same window one year on (JST wall clock: 4月1日 stays
 * 4月1日), the fiscal year, names and code moved on, budget and notes kept for the office to revise.
 * The clone starts as a draft.
 */
export function cloneRoundForNextYear(round: RoundToClone): RoundToClone {
  return {
    code: nextRoundCode(round.code, round.fiscalYear),
    nameJa: nextYearText(round.nameJa),
    nameEn: nextYearText(round.nameEn),
    fiscalYear: round.fiscalYear + 1,
    opensAt: addJstYears(round.opensAt, 1),
    closesAt: addJstYears(round.closesAt, 1),
    budgetYen: round.budgetYen,
    notes: round.notes,
  };
}

/** A number field as a form holds it: '' until a number is typed. */
const ZTypedNumber = z.union([z.literal(''), z.number()]);
const givenNumber = (v: number | '') => (v === '' ? undefined : v);

/**
 * The console's round form as typed — the window as the inputs give it (JST, to the minute), a
 * blank number not yet given — read by the API's own schema: ZRoundInput for a new round,
 * ZRoundTerms for an existing one's terms (its code and names stay). Its issues are the form's.
 */
export function roundFormSchema(mode: 'create' | 'edit') {
  return z
    .object({ code: z.string(), nameJa: z.string(), nameEn: z.string(), fiscalYear: ZTypedNumber, opensAt: z.string(), closesAt: z.string(), budgetYen: ZTypedNumber, notes: z.string() })
    .transform((v, ctx) => {
      const terms = { opensAt: v.opensAt, closesAt: v.closesAt, budgetYen: givenNumber(v.budgetYen), notes: v.notes };
      const result =
        mode === 'create'
          ? ZRoundInput.safeParse({ ...terms, code: v.code, nameJa: v.nameJa, nameEn: v.nameEn, fiscalYear: givenNumber(v.fiscalYear) })
          : ZRoundTerms.safeParse(terms);
      if (result.success) return result.data;
      for (const issue of result.error.issues) ctx.addIssue({ ...issue });
      return z.NEVER;
    });
}
export type TRoundFormValues = z.input<ReturnType<typeof roundFormSchema>>;
