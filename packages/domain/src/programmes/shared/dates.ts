import { z } from 'zod';
import { jstInstant, jstParts, type Window } from '../../time';

/**
 * Calendar dates and Japanese eras for the programme rules. A plain date ("2026-04-06") is a day
 * on the Japanese calendar, never an instant: the results-report date or a completion date has no
 * time of day, so it is kept as a string and compared as one (ISO dates sort as strings).
 * Deadlines with a time of day are JST instants (SPEC §1), built with jstInstant.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Calendar dates in applications reach back further than deadlines (qualifications, founding), but not past 1900 nor beyond 2099. */
export const CALENDAR_DATE_RANGE = { minimum: '1900-01-01', maximum: '2099-12-31' } as const;

/** "2026-04-06": a day that exists (no 30 February), within CALENDAR_DATE_RANGE. */
export const ZIsoDate = z
  .string({ error: 'programmes.date_invalid' })
  .refine(isIsoDate, { message: 'programmes.date_invalid' })
  .refine((s) => s >= CALENDAR_DATE_RANGE.minimum && s <= CALENDAR_DATE_RANGE.maximum, { message: 'time.date_out_of_range', params: CALENDAR_DATE_RANGE });

/** "2026-04-06T13:00", read as JST wall-clock time, kept as text in programme data. */
export const ZJstText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'programmes.datetime_invalid' })
  .refine((s) => isIsoDate(s.slice(0, 10)) && Number(s.slice(11, 13)) <= 24 && Number(s.slice(14, 16)) < 60, {
    message: 'programmes.datetime_invalid',
  });

/** The instant of a JST text ("2026-04-06T13:00" → 04:00Z). */
export function jstFromText(s: string): Date {
  const [y, m, d, hh, mm] = [
    s.slice(0, 4),
    s.slice(5, 7),
    s.slice(8, 10),
    s.slice(11, 13),
    s.slice(14, 16),
  ].map(Number) as [number, number, number, number, number];
  return jstInstant(y, m, d, hh, mm);
}

const parts = (iso: IsoDate): [number, number, number] => [
  Number(iso.slice(0, 4)),
  Number(iso.slice(5, 7)),
  Number(iso.slice(8, 10)),
];
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (a day count, not an instant). */
export function dayNumber(iso: IsoDate): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}
export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
export const addDays = (iso: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(iso) + days);

/** Days from `from` to `to`, both counted (2025-06-01 → 2025-06-30 is 30 days); 0 when `to` is earlier. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/**
 * The same day n years later; 29 February becomes 28 February in a common year (the anniversary
 * a contract or a statute would use: 民法 §143, a period in years ends the day before the
 * corresponding day).
 */
export function addYears(iso: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(iso);
  const ty = y + years;
  const last = new Date(Date.UTC(ty, m, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);

/** The JST calendar date of an instant. */
export function jstDateOf(instant: Date): IsoDate {
  const p = jstParts(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Fiscal year (年度, April–March) of a date: 2026-03-31 is FY2025, 2026-04-01 FY2026. */
export function fiscalYearOfDate(iso: IsoDate): number {
  const [y, m] = parts(iso);
  return m >= 4 ? y : y - 1;
}
/** The last day of a fiscal year (FY2025 → 2026-03-31). */
export const fiscalYearEnd = (fiscalYear: number): IsoDate => `${fiscalYear + 1}-03-31`;

// ————— Japanese eras —————

export type Era = '令和' | '平成';
/** First day of each era: 平成 began 1989-01-08, 令和 2019-05-01 (令和1年 = 令和元年). */
export const ERA_START: Record<Era, IsoDate> = { 平成: '1989-01-08', 令和: '2019-05-01' };
const ERA_OFFSET: Record<Era, number> = { 平成: 1988, 令和: 2018 };

/** Western year of an era year: 令和8年 → 2026, 平成30年 → 2018 (SPEC §1: 令和N年 = 2018+N). */
export function westernYear(era: Era, eraYear: number): number {
  if (!Number.isInteger(eraYear) || eraYear < 1) throw new RangeError(`Invalid era year ${eraYear}`);
  if (era === '平成' && eraYear > 31) throw new RangeError('平成 ended in its 31st year (2019-04-30)');
  return ERA_OFFSET[era] + eraYear;
}

/** Era and era year of a date: 2019-04-30 is 平成31年, 2019-05-01 令和元年 (1). */
export function eraOfDate(iso: IsoDate): { era: Era; year: number } {
  if (iso < ERA_START.平成) throw new RangeError(`Dates before 平成 are not supported: ${iso}`);
  const era: Era = iso >= ERA_START.令和 ? '令和' : '平成';
  return { era, year: parts(iso)[0] - ERA_OFFSET[era] };
}

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
export const weekdayJa = (iso: IsoDate): string => WEEKDAYS_JA[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;

/** "令和8年4月6日", optionally "令和8年4月6日(月)"; the first year is written 元年. */
export function formatEraDate(iso: IsoDate, options: { weekday?: boolean } = {}): string {
  const { era, year } = eraOfDate(iso);
  const [, m, d] = parts(iso);
  const base = `${era}${year === 1 ? '元' : year}年${m}月${d}日`;
  return options.weekday ? `${base}(${weekdayJa(iso)})` : base;
}

/** Both forms, as the UI shows them (SPEC §1): "令和8年4月6日 (2026-04-06)". */
export const formatBothCalendars = (iso: IsoDate): string => `${formatEraDate(iso)} (${iso})`;

const toHalfWidth = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * Reads "令和8年4月6日", "令和元年5月1日", "平成31年4月30日", "令和８年４月６日（月）" (full-width
 * digits, spaces and a weekday allowed, as the documents write them). Returns null for a date
 * the era did not have (令和1年4月30日, 平成31年5月1日) or that does not exist. A weekday that
 * does not match the date is refused too: it is the usual sign of a mistyped day.
 */
export function parseEraDate(text: string): IsoDate | null {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(令和|平成)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日(?:[(（]([日月火水木金土])[)）])?$/.exec(s);
  if (!m) return null;
  const era = m[1] as Era;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  if (eraYear < 1 || (era === '平成' && eraYear > 31)) return null;
  const iso = `${westernYear(era, eraYear)}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`;
  if (!isIsoDate(iso) || eraOfDate(iso).era !== era) return null;
  if (m[5] !== undefined && weekdayJa(iso) !== m[5]) return null;
  return iso;
}

/**
 * A date as people type it in a sheet: "2026-06-01", "2026/6/1", full-width digits, or an era
 * date (parseEraDate). Null when it is not a day that exists within CALENDAR_DATE_RANGE.
 */
export function parseIsoDateText(text: string): IsoDate | null {
  const s = toHalfWidth(text).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  const iso = m ? `${m[1]!}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : parseEraDate(s);
  return iso !== null && ZIsoDate.safeParse(iso).success ? iso : null;
}

/** "令和7年度" for FY2025. FY2019 began under 平成 but is called 令和元年度, as the government does. */
export function fiscalYearLabel(fiscalYear: number): string {
  if (fiscalYear >= 2019) {
    const n = fiscalYear - ERA_OFFSET.令和;
    return `令和${n === 1 ? '元' : n}年度`;
  }
  return `平成${fiscalYear - ERA_OFFSET.平成}年度`;
}

// ————— JST windows and deadlines —————

export type WindowState =
  | { state: 'not_yet_open'; minutesUntilOpen: number }
  | { state: 'open'; minutesRemaining: number }
  | { state: 'closed'; minutesSinceClose: number };

/**
 * Where `now` stands against a window, to the minute (SPEC §1). The close is exclusive: at 13:00
 * on a "13時まで必着" day the window is closed, and at 12:59:59 it has 0 whole minutes left.
 */
export function windowState(window: Window, now: Date): WindowState {
  const t = now.getTime();
  const open = window.opensAt.getTime();
  const close = window.closesAt.getTime();
  if (t < open) return { state: 'not_yet_open', minutesUntilOpen: Math.ceil((open - t) / 60_000) };
  if (t < close) return { state: 'open', minutesRemaining: Math.floor((close - t) / 60_000) };
  return { state: 'closed', minutesSinceClose: Math.floor((t - close) / 60_000) };
}
