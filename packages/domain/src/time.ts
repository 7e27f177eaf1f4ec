import { z } from 'zod';

/** Deadlines are Japan time (UTC+9, no daylight saving) to the minute (SPEC §1). */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface JstParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export function jstParts(instant: Date): JstParts {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The instant of a JST wall-clock time, e.g. jstInstant(2026, 4, 6, 13, 0) for 13:00 JST. */
export function jstInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - JST_OFFSET_MS);
}

/**
 * The range of instants a person may enter (deadlines, due dates): 2000-01-01 to 2099-12-31 JST.
 * Anything outside is a typo or a probe (the largest Date is in the year 275760), never a deadline.
 */
export const INPUT_DATE_MIN = jstInstant(2000, 1, 1);
export const INPUT_DATE_MAX = jstInstant(2099, 12, 31, 23, 59);
export const INPUT_DATE_RANGE = { minimum: '2000-01-01', maximum: '2099-12-31' } as const;
const inInputRange = (d: Date) => d.getTime() >= INPUT_DATE_MIN.getTime() && d.getTime() <= INPUT_DATE_MAX.getTime();

/** An instant a person entered, within INPUT_DATE_MIN..INPUT_DATE_MAX. */
export const ZInputDate = /* @__PURE__ */ z.date().refine(inInputRange, { message: 'time.date_out_of_range', params: INPUT_DATE_RANGE });

/** "2026-04-06T13:00" read as JST. */
export const ZJstDateTime = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'time.invalid_jst_datetime' })
  .transform((s, ctx) => {
    const [date, time] = s.split('T') as [string, string];
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    const instant = jstInstant(y, m, d, hh, mm);
    const back = jstParts(instant);
    if (back.year !== y || back.month !== m || back.day !== d || back.hour !== hh || back.minute !== mm) {
      ctx.addIssue({ code: 'custom', message: 'time.invalid_jst_datetime' });
      return z.NEVER;
    }
    if (!inInputRange(instant)) {
      ctx.addIssue({ code: 'custom', message: 'time.date_out_of_range', params: INPUT_DATE_RANGE });
      return z.NEVER;
    }
    return instant;
  });

/**
 * The same JST wall-clock time `years` later (a window moved to next year's call); 2月29日 becomes
 * 2月28日 in a year without it, never 3月1日.
 */
export function addJstYears(instant: Date, years: number): Date {
  const p = jstParts(instant);
  const year = p.year + years;
  const lastDay = new Date(Date.UTC(year, p.month, 0)).getUTCDate();
  const seconds = instant.getTime() % 60_000;
  return new Date(jstInstant(year, p.month, Math.min(p.day, lastDay), p.hour, p.minute).getTime() + (seconds < 0 ? seconds + 60_000 : seconds));
}

/** Japanese fiscal year (年度): April to March. */
export function fiscalYearOf(instant: Date): number {
  const { year, month } = jstParts(instant);
  return month >= 4 ? year : year - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-04-06 13:00 JST". */
export function formatJst(instant: Date): string {
  const p = jstParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} JST`;
}

/** The time of day in Japan (12:34), for a moment the reader knows is today, such as the last autosave. */
export function formatJstTime(instant: Date): string {
  const p = jstParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The last moment of a window as people read it. Windows close exclusively, so a call that takes
 * applications to the end of 24 December closes at 2025-12-25 00:00; shown as such it reads as
 * Christmas Day. A close at midnight is shown as 24:00 of the day before ("2025-12-24 24:00 JST"),
 * the way the documents write 「令和7年12月24日(水)まで」; any other close time as it is.
 */
export function formatWindowEnd(closesAt: Date): string {
  const p = jstParts(closesAt);
  if (p.hour !== 0 || p.minute !== 0) return formatJst(closesAt);
  const day = jstParts(new Date(closesAt.getTime() - 1));
  return `${day.year}-${pad(day.month)}-${pad(day.day)} 24:00 JST`;
}

/** 令和 began 2019-05-01; 平成 1989-01-08 to 2019-04-30. */
export function japaneseEra(instant: Date): { era: '令和' | '平成'; year: number } {
  const p = jstParts(instant);
  const reiwaStart = p.year > 2019 || (p.year === 2019 && p.month >= 5);
  return reiwaStart ? { era: '令和', year: p.year - 2018 } : { era: '平成', year: p.year - 1988 };
}

/** "令和8年4月6日". */
export function formatJapaneseDate(instant: Date): string {
  const p = jstParts(instant);
  const { era, year } = japaneseEra(instant);
  return `${era}${year === 1 ? '元' : year}年${p.month}月${p.day}日`;
}

export interface Window {
  opensAt: Date;
  closesAt: Date;
}
/** Open from opensAt (inclusive) to closesAt (exclusive: a 13:00 deadline refuses 13:00:00). */
export function isWindowOpen(window: Window, now: Date): boolean {
  return now.getTime() >= window.opensAt.getTime() && now.getTime() < window.closesAt.getTime();
}
