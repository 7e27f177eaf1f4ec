import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievement, formatPoints, formatRate, formatRateChange, formatRateInColumn, paceStatus, rollUp, runningYear, yearOnYear, ZFigure, type Figure } from './compute';
import { BUILTIN_METRICS, ZMetricDefinition } from './metrics';
import { elapsedMonths, fiscalMonthIndex, fiscalYearOfMonth, isSnapshotMonth, monthsOfFiscalYear, snapshotMonth } from './period';
import { compareSurveys, surveyDistribution, surveyHistory } from './survey';

describe('fiscal months', () => {
  it('knows the follow-up snapshot months (30 Sep, 31 Mar) and no others', () => {
    expect(['2025-09', '2026-03'].map(isSnapshotMonth)).toEqual([true, true]);
    expect(['2025-04', '2025-08', '2025-10', '2026-02'].map(isSnapshotMonth)).toEqual([false, false, false, false]);
  });

  it('runs April to March, and the end of January is ten months in', () => {
    expect(monthsOfFiscalYear(2024)[0]).toBe('2024-04');
    expect(monthsOfFiscalYear(2024)[11]).toBe('2025-03');
    // Kept once per year, handed out as copies: a caller that changes its list changes no one else's.
    monthsOfFiscalYear(2024).splice(0, 12);
    expect(monthsOfFiscalYear(2024)).toHaveLength(12);
    expect(fiscalYearOfMonth('2025-01')).toBe(2024);
    expect(fiscalYearOfMonth('2025-04')).toBe(2025);
    expect(fiscalMonthIndex('2025-01')).toBe(10);
    expect(elapsedMonths(2024, '2025-01')).toBe(10);
    expect(elapsedMonths(2024, '2024-03')).toBe(0);
    expect(elapsedMonths(2024, '2025-04')).toBe(12);
    expect(snapshotMonth(2024, 'H1')).toBe('2024-09');
    expect(snapshotMonth(2024, 'H2')).toBe('2025-03');
  });
});

describe('the figures of seeds/000', () => {
  it('日建連: January work-history records at 189% of the month’s target', () => {
    // Member targets summed for January and the records the members reported for it.
    const januaryTargets = [42_000, 35_500, 18_250, 4_250];
    const januaryActuals = [80_000, 66_000, 35_000, 8_000];
    const target = januaryTargets.reduce((a, b) => a + b);
    const actual = rollUp('flow', januaryActuals.map((n) => ({ numerator: n }))).value!;
    expect(formatRate(achievement(actual, target)!)).toBe('189%');
  });

  it('日空衛: 1.1 million records a year, about 52% by the end of January', () => {
    // Ten months reported, April to January, summing to 572,400 records.
    const reported = [51_200, 55_800, 58_100, 60_300, 49_900, 57_400, 60_100, 61_700, 63_000, 54_900];
    const monthly = Object.fromEntries(monthsOfFiscalYear(2024).slice(0, 10).map((m, i) => [m, reported[i]!]));
    const year = runningYear({ fiscalYear: 2024, asOf: '2025-01', monthly, annualTarget: 1_100_000 });
    expect(year.elapsedMonths).toBe(10);
    expect(year.cumulative).toBe(572_400);
    expect(formatRate(year.annualAchievement!)).toBe('52%');
    // Against the target for ten months (916,667) the pace is 62.4%: behind, and the linear
    // projection (686,880) misses the year's target.
    expect(year.proratedTarget).toBeCloseTo((1_100_000 * 10) / 12, 6);
    expect(formatRate(year.proratedAchievement!)).toBe('62.4%');
    expect(year.status).toBe('behind');
    expect(year.projection).toEqual({ method: 'linear', value: 686_880, achievement: 686_880 / 1_100_000 });
    expect(year.latestMonth).toEqual({ month: '2025-01', actual: 54_900, target: 1_100_000 / 12, achievement: 54_900 / (1_100_000 / 12) });
  });

  it('日本電設工業協会: a registration renewal rate of 80%', () => {
    const members: Figure[] = [
      { numerator: 150, denominator: 180 },
      { numerator: 90, denominator: 120 },
      { numerator: 40, denominator: 50 },
    ];
    const renewal = rollUp('ratio', members);
    expect(renewal.value).toBe(280 / 350);
    expect(formatRate(renewal.value!)).toBe('80%');
  });

  it('建専連: company-ID 40.7% and individual-ID 58.1% from members of very different sizes', () => {
    const companyIds: Figure[] = [
      { numerator: 37, denominator: 100 },
      { numerator: 370, denominator: 900 },
    ];
    const individualIds: Figure[] = [
      { numerator: 9_000, denominator: 10_000 },
      { numerator: 2_620, denominator: 10_000 },
      { numerator: 0, denominator: 0.000001 }, // a member with (almost) no workers barely moves the rate
    ];
    expect(formatRate(rollUp('ratio', companyIds).value!)).toBe('40.7%');
    expect(formatRate(rollUp('ratio', individualIds).value!)).toBe('58.1%');
    // Averaging the members' percentages would have said 39% and 38.7%.
    const naiveMean = (fs: Figure[]) => fs.reduce((s, f) => s + f.numerator / f.denominator!, 0) / fs.length;
    expect(formatRate(naiveMean(companyIds))).not.toBe('40.7%');
    expect(formatRate(naiveMean(individualIds))).not.toBe('58.1%');
  });

  it('全建: firms with no site where history can accumulate fell from 45.9% to 38.2%', () => {
    const r5 = surveyDistribution({
      fiscalYear: 2023,
      surveyed: 1_200,
      counts: { none: 390, under_20: 160, from_20_to_49: 140, from_50_to_79: 90, at_least_80: 70 },
    });
    const r6 = surveyDistribution({
      fiscalYear: 2024,
      surveyed: 1_150,
      counts: { none: 344, under_20: 170, from_20_to_49: 160, from_50_to_79: 120, at_least_80: 106 },
    });
    expect(formatRate(r5.shares.none)).toBe('45.9%');
    expect(formatRate(r6.shares.none)).toBe('38.2%');
    expect(formatPoints(compareSurveys(r6, r5).none)).toBe('-7.7 pt');
    // A change beside 前年同期比 carries its sign either way, so 18.6% is not read as a share of last year.
    expect(formatRateChange(0.186)).toBe('+18.6%');
    expect(formatRateChange(-0.032, 'en')).toBe('-3.2%');
    expect(formatRateChange(0)).toBe('0%');
    // In a column, every rate carries its one decimal, so 80% lines up under 45.9%.
    expect([r5.shares.none, 0.8, 1.89].map((v) => formatRateInColumn(v))).toEqual(['45.9%', '80.0%', '189.0%']);
    expect(formatRateInColumn(0.6304, 'en')).toBe('63.0%');
    // Changes in a column too: +10.0 pt under +5.7 pt, +13.0% under +9.9%; alone they stay short.
    expect([0.1, 0.057].map((v) => formatPoints(v, 'ja', 'column'))).toEqual(['+10.0 pt', '+5.7 pt']);
    expect([0.13, 0.099, 0].map((v) => formatRateChange(v, 'ja', 'column'))).toEqual(['+13.0%', '+9.9%', '0.0%']);
    expect(formatPoints(0.1)).toBe('+10 pt');
    expect(r5.responseRate).toBe(850 / 1_200);
    const shares = Object.values(r6.shares).reduce((a, b) => a + b);
    expect(shares).toBeCloseTo(1, 12);
  });

  it('日建連: business registration at about 50% in project-cost share while about 95% by count', () => {
    // Large members (by 事業費) lag; many small ones are registered.
    const members: Figure[] = [
      { numerator: 20, denominator: 100, weightYen: 1_000_000_000_000 },
      { numerator: 75, denominator: 100, weightYen: 700_000_000_000 },
      ...Array.from({ length: 30 }, () => ({ numerator: 99, denominator: 100, weightYen: 10_000_000_000 })),
    ];
    const byCount = rollUp('ratio', members, 'count');
    const byCost = rollUp('ratio', members, 'cost_weighted');
    expect(byCount.value).toBe((20 + 75 + 30 * 99) / (32 * 100));
    expect(Math.round(byCount.value! * 100)).toBe(96);
    expect(byCost.value).toBeCloseTo((0.2 * 1000 + 0.75 * 700 + 30 * 0.99 * 10) / (1000 + 700 + 300), 12);
    expect(Math.round(byCost.value! * 100)).toBe(51);
  });
});

describe('rules', () => {
  it('leaves members without a project cost out of the cost-weighted view and says so', () => {
    const r = rollUp('ratio', [{ numerator: 1, denominator: 2, weightYen: 100 }, { numerator: 1, denominator: 1 }], 'cost_weighted');
    expect(r).toMatchObject({ value: 0.5, included: 1, excluded: 1 });
  });

  it('has no achievement without a target, and statuses at the shown thresholds', () => {
    expect(achievement(10, 0)).toBeNull();
    expect(paceStatus(1)).toBe('on_track');
    expect(paceStatus(0.9)).toBe('at_risk');
    expect(paceStatus(0.8999)).toBe('behind');
    expect(paceStatus(null)).toBe('no_target');
  });

  it('projects seasonally when last year is complete', () => {
    const months = monthsOfFiscalYear(2025);
    const lastYear = Object.fromEntries(monthsOfFiscalYear(2024).map((m, i) => [m, i < 6 ? 100 : 300]));
    const monthly = Object.fromEntries(months.slice(0, 6).map((m) => [m, 120]));
    const year = runningYear({ fiscalYear: 2025, asOf: '2025-09', monthly, annualTarget: 2_400, previousYearMonthly: lastYear });
    // Last year the first half was 600 of 2,400: this year's 720 projects to 2,880.
    expect(year.projection).toEqual({ method: 'seasonal', value: 2_880, achievement: 1.2 });
  });

  it('compares rates in points and counts relatively', () => {
    expect(yearOnYear('ratio', 0.382, 0.459)?.kind).toBe('points');
    expect(yearOnYear('flow', 110, 100)?.change).toBeCloseTo(0.1, 12);
    expect(yearOnYear('stock', 5, 0)).toBeNull();
  });

  it('refuses a rate whose part exceeds its whole, and negative figures', () => {
    expect(ZFigure.safeParse({ numerator: 5, denominator: 4 }).error?.issues[0]?.message).toBe('ccus.numerator_exceeds_denominator');
    expect(ZFigure.safeParse({ numerator: -1 }).error?.issues[0]?.message).toBe('ccus.figure_negative');
  });

  it('ships metric definitions that validate, with unique codes', () => {
    for (const m of BUILTIN_METRICS) expect(ZMetricDefinition.parse(m)).toMatchObject({ code: m.code });
    expect(new Set(BUILTIN_METRICS.map((m) => m.code)).size).toBe(BUILTIN_METRICS.length);
  });

  it('a count roll-up over associations lies between the lowest and highest association rate', () => {
    const figure = fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([a, b]) => ({ numerator: Math.min(a, b), denominator: b }));
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 20 }), (figures) => {
        const rates = figures.map((f) => f.numerator / f.denominator);
        const value = rollUp('ratio', figures).value!;
        return value >= Math.min(...rates) - 1e-12 && value <= Math.max(...rates) + 1e-12;
      }),
    );
  });
});

describe('targets and reports', () => {
  it('takes rate targets as fractions up to 100% and counts as positive numbers', async () => {
    const { ZCcusTargetsInput } = await import('./targets');
    const base = { associationId: '00000000-0000-4000-8000-000000000001', fiscalYear: 2025 };
    const codes = (targets: { metricCode: string; annualTarget: number }[]) =>
      ZCcusTargetsInput.safeParse({ ...base, targets }).error?.issues.map((i) => i.message) ?? [];
    expect(codes([{ metricCode: 'registration_renewal_rate', annualTarget: 0.8 }, { metricCode: 'work_history_records', annualTarget: 1_100_000 }])).toEqual([]);
    expect(codes([{ metricCode: 'registration_renewal_rate', annualTarget: 80 }])).toEqual(['ccus.target_rate_out_of_range']);
    expect(codes([{ metricCode: 'work_history_records', annualTarget: 0 }])).toEqual(['ccus.target_not_positive']);
    // Not built in: may be the association's own metric, which the API checks with targetIssue.
    expect(codes([{ metricCode: 'own_metric', annualTarget: 1 }])).toEqual([]);
    const { targetIssue } = await import('./targets');
    expect(targetIssue('ratio', 1)).toBeNull();
    expect(targetIssue('ratio', 1.01)).toBe('ccus.target_rate_out_of_range');
    expect(targetIssue('stock', 0)).toBe('ccus.target_not_positive');
  });
});

describe('survey history', () => {
  it('compares each year with the one before only when that year exists', () => {
    const counts = (none: number) => ({ none, under_20: 10, from_20_to_49: 10, from_50_to_79: 10, at_least_80: 10 });
    const history = surveyHistory([
      { fiscalYear: 2024, surveyed: 100, counts: counts(40) },
      { fiscalYear: 2021, surveyed: 100, counts: counts(60) },
      { fiscalYear: 2023, surveyed: 100, counts: counts(60) },
    ]);
    expect(history.map((h) => h.fiscalYear)).toEqual([2021, 2023, 2024]);
    expect(history[0]!.change).toBeNull();
    expect(history[1]!.change).toBeNull(); // 2022 is missing: no year-on-year across a gap
    expect(history[2]!.change!.none).toBeCloseTo(0.5 - 0.6, 12);
  });
});
