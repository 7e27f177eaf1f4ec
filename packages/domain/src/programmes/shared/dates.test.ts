import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yen } from '../../money';
import {
  formatThousandYen,
  formatYenWithThousands,
  roundDownTo,
  taxContained,
  taxExclusive,
  toThousandYen,
} from './amounts';
import { CLT_DEMONSTRATION } from '../clt/definition';
import { CO2_FACTOR_SUPPORT } from '../co2/definition';
import { acceptanceOpen } from '../../review/ledger';
import {
  addYears,
  daysInclusive,
  eraOfDate,
  fiscalYearLabel,
  fiscalYearOfDate,
  formatEraDate,
  fromDayNumber,
  isIsoDate,
  jstFromText,
  parseEraDate,
  westernYear,
  windowState,
} from './dates';
import { acceptance, submissionAcceptance, windowOf } from './documents';

describe('Japanese eras, both ways (SPEC §1)', () => {
  it('converts era years: 令和N = 2018+N, 平成N = 1988+N', () => {
    expect(westernYear('令和', 7)).toBe(2025);
    expect(westernYear('令和', 1)).toBe(2019);
    expect(westernYear('平成', 30)).toBe(2018);
    expect(() => westernYear('平成', 32)).toThrow(RangeError);
  });

  it('switches era on 2019-05-01, and writes the first year 元年', () => {
    expect(eraOfDate('2019-04-30')).toEqual({ era: '平成', year: 31 });
    expect(eraOfDate('2019-05-01')).toEqual({ era: '令和', year: 1 });
    expect(formatEraDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatEraDate('2026-04-06', { weekday: true })).toBe('令和8年4月6日(月)');
  });

  it('reads the documents’ dates, weekday and all', () => {
    // 003 §6.1 and 001 §3.2(1) print the weekday; they must agree with the calendar.
    expect(parseEraDate('令和8年3月6日（金）')).toBe('2026-03-06');
    expect(parseEraDate('令和8年4月6日(月)')).toBe('2026-04-06');
    expect(parseEraDate('令和7年4月1日(火)')).toBe('2025-04-01');
    expect(parseEraDate('令和7年12月24日(水)')).toBe('2025-12-24');
    expect(parseEraDate('令和9年2月19日')).toBe('2027-02-19');
    expect(parseEraDate('令和元年5月1日')).toBe('2019-05-01');
    expect(parseEraDate('令和８年４月６日')).toBe('2026-04-06');
  });

  it('refuses dates an era did not have, impossible days and wrong weekdays', () => {
    expect(parseEraDate('令和1年4月30日')).toBeNull();
    expect(parseEraDate('平成31年5月1日')).toBeNull();
    expect(parseEraDate('令和7年2月29日')).toBeNull();
    expect(parseEraDate('令和8年4月6日(火)')).toBeNull();
    expect(parseEraDate('2026年4月6日')).toBeNull();
  });

  it('round-trips every date from 平成 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6947, max: 40000 }), (n) => {
        const iso = fromDayNumber(n); // 1989-01-08 onwards
        expect(parseEraDate(formatEraDate(iso, { weekday: true }))).toBe(iso);
      }),
    );
  });

  it('names fiscal years as the government does', () => {
    expect(fiscalYearOfDate('2026-03-31')).toBe(2025);
    expect(fiscalYearOfDate('2026-04-01')).toBe(2026);
    expect(fiscalYearLabel(2025)).toBe('令和7年度');
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2018)).toBe('平成30年度');
  });

  it('counts days inclusively and adds years like a calendar', () => {
    expect(daysInclusive('2025-07-01', '2026-06-30')).toBe(365);
    expect(daysInclusive('2025-07-01', '2025-07-01')).toBe(1);
    expect(daysInclusive('2025-07-02', '2025-07-01')).toBe(0);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});

describe('JST windows to the minute', () => {
  const clt = CLT_DEMONSTRATION.windows[0]!;
  it('reads the CLT deadline as 13:00 JST on 2026-04-06', () => {
    expect(windowOf(clt).closesAt.toISOString()).toBe('2026-04-06T04:00:00.000Z');
    expect(jstFromText('2026-03-06T00:00').toISOString()).toBe('2026-03-05T15:00:00.000Z');
  });

  it('is open at 12:59 and closed at 13:00', () => {
    expect(windowState(windowOf(clt), jstFromText('2026-04-06T12:59'))).toEqual({
      state: 'open',
      minutesRemaining: 1,
    });
    expect(windowState(windowOf(clt), jstFromText('2026-04-06T13:00'))).toEqual({
      state: 'closed',
      minutesSinceClose: 0,
    });
    expect(acceptance(CLT_DEMONSTRATION, jstFromText('2026-04-06T13:00')).reasons[0]!.code).toBe(
      'programmes.window_closed',
    );
    expect(acceptance(CLT_DEMONSTRATION, jstFromText('2026-03-05T23:59')).reasons[0]!.code).toBe(
      'programmes.window_not_open',
    );
  });

  it('keeps the CO2 window open through 24 December and stops it when the budget is spent', () => {
    const late = jstFromText('2025-12-24T23:59');
    expect(acceptance(CO2_FACTOR_SUPPORT, late).accepting).toBe(true);
    expect(acceptance(CO2_FACTOR_SUPPORT, jstFromText('2025-12-25T00:00')).accepting).toBe(false);
    const spent = acceptance(CO2_FACTOR_SUPPORT, late, {
      amount: yen(50_000_000),
      approvedTotal: yen(50_000_000),
    });
    expect(spent.accepting).toBe(false);
    expect(spent.reasons[0]!.code).toBe('programmes.budget_exhausted');
    expect(
      acceptance(CO2_FACTOR_SUPPORT, late, { amount: yen(50_000_000), approvedTotal: yen(49_999_999) })
        .accepting,
    ).toBe(true);
  });

  it('decides a new submission once: the window, then the budget for a programme that closes early', () => {
    const window = { opensAt: jstFromText('2025-04-01T00:00'), closesAt: jstFromText('2025-12-25T00:00'), status: 'published' as const };
    const inside = jstFromText('2025-12-24T23:59');
    const spent = { amount: 50_000_000, approvedTotal: 50_000_000 };
    const left = { amount: 50_000_000, approvedTotal: 49_999_999 };
    expect(submissionAcceptance(CO2_FACTOR_SUPPORT, window, inside, left)).toEqual({ accepting: true });
    expect(submissionAcceptance(CO2_FACTOR_SUPPORT, window, inside, spent)).toEqual({ accepting: false, why: 'budget_exhausted' });
    expect(submissionAcceptance(CO2_FACTOR_SUPPORT, window, window.closesAt, left)).toEqual({ accepting: false, why: 'window_closed' });
    // A round the office has not published, or has closed, takes nothing even inside its window.
    expect(submissionAcceptance(CO2_FACTOR_SUPPORT, { ...window, status: 'draft' }, inside, left)).toEqual({ accepting: false, why: 'round_not_published' });
    expect(submissionAcceptance(CO2_FACTOR_SUPPORT, { ...window, status: 'closed' }, inside, left)).toEqual({ accepting: false, why: 'round_not_published' });
    // CLT does not close early: a spent budget does not stop its call.
    expect(submissionAcceptance(CLT_DEMONSTRATION, window, inside, spent)).toEqual({ accepting: true });
    // The workflow's guard reads the ledger the same way, at the same boundary.
    const ledger = (committed: number) => ({ programmeId: 'p', budget: yen(50_000_000), commitments: [{ applicationId: 'a', amount: yen(committed) }], version: 1 });
    expect(acceptanceOpen(ledger(49_999_999))).toBe(true);
    expect(acceptanceOpen(ledger(50_000_000))).toBe(false);
  });
});

describe('money helpers', () => {
  it('takes consumption tax out of a tax-inclusive amount, rounding the base down', () => {
    expect(taxExclusive(yen(39_600_000))).toBe(36_000_000);
    expect(taxExclusive(yen(231_000))).toBe(210_000);
    expect(taxExclusive(yen(1_000))).toBe(909); // 909.09…
    expect(taxContained(yen(1_000))).toBe(91);
  });

  it('shows thousand-yen views, rounding down unless asked', () => {
    expect(formatThousandYen(yen(39_600_000))).toBe('39,600千円');
    expect(formatThousandYen(yen(1_010_000), 'en')).toBe('¥1,010 thousand');
    expect(toThousandYen(yen(123_456))).toEqual({ thousands: 123, exact: false });
    expect(toThousandYen(yen(123_500), 'round').thousands).toBe(124);
    expect(toThousandYen(yen(123_001), 'ceil').thousands).toBe(124);
    expect(formatYenWithThousands(yen(10_800_000))).toBe('10,800,000円（10,800千円）');
    expect(roundDownTo(yen(1_010_999), 1000)).toBe(1_010_000);
  });

  it('never lets the tax-exclusive base plus its tax differ from the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (n) => {
        const ex = taxExclusive(yen(n));
        expect(ex + taxContained(yen(n))).toBe(n);
        expect(ex * 110).toBeLessThanOrEqual(n * 100);
        expect((ex + 1) * 110).toBeGreaterThan(n * 100);
      }),
    );
  });
});
