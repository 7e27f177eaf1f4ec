import { describe, expect, it } from 'vitest';
import { ZJstDateTime, fiscalYearOf, formatJapaneseDate, formatJst, formatJstTime, formatWindowEnd, isWindowOpen, jstInstant } from './time';

describe('JST', () => {
  it('reads the CLT deadline 2026-04-06 13:00 JST as 04:00 UTC', () => {
    expect(jstInstant(2026, 4, 6, 13, 0).toISOString()).toBe('2026-04-06T04:00:00.000Z');
    expect(ZJstDateTime.parse('2026-04-06T13:00').toISOString()).toBe('2026-04-06T04:00:00.000Z');
  });
  it('refuses impossible dates', () => {
    expect(ZJstDateTime.safeParse('2026-02-30T10:00').success).toBe(false);
    expect(ZJstDateTime.safeParse('2026-04-06 13:00').success).toBe(false);
  });
  it('closes a window at the deadline minute exactly', () => {
    const w = { opensAt: jstInstant(2026, 3, 6), closesAt: jstInstant(2026, 4, 6, 13, 0) };
    expect(isWindowOpen(w, new Date('2026-04-06T03:59:59.999Z'))).toBe(true);
    expect(isWindowOpen(w, new Date('2026-04-06T04:00:00.000Z'))).toBe(false);
    expect(isWindowOpen(w, new Date('2026-03-05T14:59:59.999Z'))).toBe(false);
  });
  it('counts fiscal years from April in Japan time', () => {
    expect(fiscalYearOf(new Date('2026-03-31T14:59:00Z'))).toBe(2025); // 23:59 JST 31 March
    expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026); // 00:00 JST 1 April
  });
  it('formats both forms', () => {
    const t = jstInstant(2026, 4, 6, 13, 0);
    expect(formatJst(t)).toBe('2026-04-06 13:00 JST');
    // The time of day alone, in Japan: 04:07 UTC is 13:07 JST, 15:05 UTC the next day's 00:05.
    expect(formatJstTime(new Date('2026-04-06T04:07:00Z'))).toBe('13:07');
    expect(formatJstTime(new Date('2026-04-06T15:05:00Z'))).toBe('00:05');
    expect(formatJapaneseDate(t)).toBe('令和8年4月6日');
    expect(formatJapaneseDate(jstInstant(2019, 5, 1))).toBe('令和元年5月1日');
    expect(formatJapaneseDate(jstInstant(2019, 4, 30))).toBe('平成31年4月30日');
  });
});

describe('a window’s end as people read it', () => {
  it('shows a midnight close as 24:00 of the day before, and any other close time as it is', () => {
    expect(formatWindowEnd(jstInstant(2025, 12, 25))).toBe('2025-12-24 24:00 JST');
    expect(formatWindowEnd(jstInstant(2026, 1, 1))).toBe('2025-12-31 24:00 JST');
    expect(formatWindowEnd(jstInstant(2026, 4, 6, 13, 0))).toBe('2026-04-06 13:00 JST');
    expect(formatWindowEnd(jstInstant(2026, 3, 1))).toBe('2026-02-28 24:00 JST');
  });
});
