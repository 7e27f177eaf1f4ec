import { describe, expect, it } from 'vitest';
import { yen } from '../../money';
import {
  checkApplicationChecklist,
  checkReportChecklist,
  checklistsRequired,
  ZChecklistApplication,
} from './checklist';
import {
  checkDiaries,
  dedicatedCost,
  hourlyRate,
  personnelCost,
  rateRecomputationTriggers,
  ZDedicatedStaff,
  ZDiaryDay,
  ZStaff,
} from './personnel';

const staff = (raw: object) => ZStaff.parse(raw);
const base = {
  personId: 'p1',
  pay: [
    { kind: 'base_salary', amount: 4_800_000 },
    { kind: 'bonus', amount: 1_200_000 },
    { kind: 'commuting_allowance', amount: 120_000 },
    { kind: 'overtime_allowance', amount: 300_000 },
    { kind: 'meal_allowance', amount: 60_000 },
  ],
  welfare: [
    { kind: 'health_insurance', amount: 300_000 },
    { kind: 'pension_insurance', amount: 560_000 },
    { kind: 'labour_insurance', amount: 40_000 },
  ],
  businessDays: 245,
  hoursPerDay: 7.75,
};

describe('hourly rate (003 別添 2.)', () => {
  it('regular staff: (pay without overtime and meal allowances + welfare) ÷ theoretical hours, rounded down', () => {
    // Pay 4,800,000 + 1,200,000 + 120,000 = 6,120,000 (overtime 300,000 and meals 60,000 left out);
    // welfare 900,000; hours 245 × 7.75 = 1,898.75. 7,020,000 ÷ 1,898.75 = 3,697.17… → 3,697.
    const r = hourlyRate(staff({ type: 'regular', ...base }));
    expect(r).toMatchObject({
      grossPay: 6_120_000,
      excludedPay: 360_000,
      welfare: 900_000,
      theoreticalMinutes: 113_925,
      rate: 3_697,
      basis: 'theoretical',
    });
    expect(r.reasons.map((x) => x.code)).toEqual(['personnel.pay_excluded', 'personnel.rate_computed']);
  });

  it('seconded staff: only the share the recipient bears', () => {
    // Borne: 3,000,000 pay + 450,000 welfare over 1,960 h (245 × 8) = 1,760.20… → 1,760.
    const r = hourlyRate(
      staff({
        type: 'seconded',
        personId: 's',
        pay: [{ kind: 'base_salary', amount: 3_000_000 }],
        welfare: [{ kind: 'health_insurance', amount: 450_000 }],
        businessDays: 245,
        hoursPerDay: 8,
        totalPay: 6_000_000,
      }),
    );
    expect(r.rate).toBe(1_760);
    expect(r.reasons.map((x) => x.code)).toContain('personnel.seconded_borne_only');
  });

  it('managers: theoretical hours unless overtime is proven by time cards, then actual total hours', () => {
    const m = { type: 'manager', ...base };
    expect(hourlyRate(staff(m)).rate).toBe(3_697);
    const unproven = hourlyRate(
      staff({ ...m, overtime: { annualOvertimeHours: 200, provenByTimeCards: false } }),
    );
    expect(unproven.rate).toBe(3_697);
    expect(unproven.reasons.map((x) => x.code)).toContain('personnel.manager_overtime_unproven');
    // 7,020,000 ÷ (1,898.75 + 200) = 3,344.8… → 3,344.
    const proven = hourlyRate(
      staff({ ...m, overtime: { annualOvertimeHours: 200, provenByTimeCards: true } }),
    );
    expect(proven).toMatchObject({ rate: 3_344, basis: 'actual', divisorMinutes: 125_925 });
  });

  it('cost = rate × direct hours, in minutes, rounded down', () => {
    expect(personnelCost(yen(3_697), 8 * 60 + 15)).toBe(30_500); // 3,697 × 8.25 = 30,500.25
    expect(() => personnelCost(yen(1), -1)).toThrow(RangeError);
  });

  it('dedicated staff: daily rate × days, or monthly pay × months pro rata by day', () => {
    expect(
      dedicatedCost(
        ZDedicatedStaff.parse({
          method: 'daily',
          personId: 'd',
          dedicatedByContract: true,
          dailyRate: 25_000,
          days: 40,
        }),
      ).cost,
    ).toBe(1_000_000);
    // 400,000 × 3 + 400,000 × 10/30 = 1,200,000 + 133,333 = 1,333,333.
    const monthly = ZDedicatedStaff.parse({
      method: 'monthly',
      personId: 'd',
      dedicatedByContract: true,
      monthlyPay: 400_000,
      fullMonths: 3,
      partialMonths: [{ workedDays: 10, daysInMonth: 30 }],
    });
    expect(dedicatedCost(monthly).cost).toBe(1_333_333);
    expect(dedicatedCost({ ...monthly, dedicatedByContract: false }).reasons[0]!.code).toBe(
      'personnel.dedicated_needs_contract',
    );
  });

  it('says when the rate fixed at the grant decision must be recomputed', () => {
    const at = { personId: 'p1', employmentType: 'manager' as const, managerOvertime: false };
    expect(rateRecomputationTriggers(at, at)).toEqual([]);
    expect(rateRecomputationTriggers(at, { ...at, managerOvertime: true }).map((r) => r.code)).toEqual([
      'personnel.recompute_manager_overtime',
    ]);
    expect(
      rateRecomputationTriggers(at, { ...at, personId: 'p2', employmentType: 'contract' }).map((r) => r.code),
    ).toEqual(['personnel.recompute_person_changed', 'personnel.recompute_employment_changed']);
    const sec = {
      personId: 's',
      employmentType: 'seconded' as const,
      borneShare: { numerator: 1, denominator: 2 },
    };
    expect(
      rateRecomputationTriggers(sec, { ...sec, borneShare: { numerator: 2, denominator: 3 } }).map(
        (r) => r.code,
      ),
    ).toEqual(['personnel.recompute_share_changed']);
  });
});

describe('work diaries (003 別添 3.)', () => {
  const day = (entries: object[], more: object = {}) =>
    ZDiaryDay.parse({
      personId: 'p1',
      date: '2026-07-01',
      writtenBy: 'p1',
      countersignedBy: 'boss',
      contractualHours: { start: '09:00', end: '17:45' },
      breaks: [{ start: '12:00', end: '13:00' }],
      entries,
      ...more,
    });
  const e = (project: string, start: string, end: string, kind = 'this_project', more: object = {}) => ({
    project,
    kind,
    start,
    end,
    description: '検討会資料準備',
    ...more,
  });

  it('sums the direct hours of a clean day (the sample diary’s day 1: A 3h, B 5.25h)', () => {
    // Sample: A(3h) 9:00–12:00, B(5.25h) 13:00–18:15 (B is another project, past 17:45 but not ours).
    const r = checkDiaries([day([e('A', '09:00', '12:00'), e('B', '13:00', '18:15', 'other_project')])]);
    expect(r.issues).toEqual([]);
    expect(r.directMinutes).toEqual({ p1: 180 });
    expect(r.minutes).toEqual({ p1: { A: 180, B: 315 } });
  });

  it('refuses overlaps between projects and with own business, on both entries', () => {
    const r = checkDiaries([day([e('A', '09:00', '11:00'), e('D', '10:30', '12:00', 'own_business')])]);
    expect(r.issues.map((i) => [i.entry, i.code])).toEqual([
      [0, 'personnel.diary_overlap'],
      [1, 'personnel.diary_overlap'],
    ]);
    expect(r.directMinutes).toEqual({});
  });

  it('refuses time inside a break, reversed times and times beyond the day', () => {
    const r = checkDiaries([
      day([e('A', '11:00', '12:30'), e('A', '15:00', '14:00'), e('A', '24:00', '24:00')]),
    ]);
    expect(r.issues.map((i) => i.code)).toEqual([
      'personnel.diary_break_included',
      'personnel.diary_time_order',
      'personnel.diary_outside_day',
    ]);
    expect(r.issues[0]!.params.minutes).toBe(30);
  });

  it('counts overtime only for the listed reasons, holidays only when compensated, managers only when proven', () => {
    const late = day([e('A', '17:45', '19:45')]);
    expect(checkDiaries([late]).issues.map((i) => i.code)).toEqual([
      'personnel.diary_overtime_reason_required',
    ]);
    const reasoned = day([
      e('A', '17:45', '19:45', 'this_project', { overtimeReason: 'weekday_indispensable' }),
    ]);
    expect(checkDiaries([reasoned]).directMinutes).toEqual({ p1: 120 });
    expect(checkDiaries([reasoned], { managers: ['p1'] }).issues.map((i) => i.code)).toEqual([
      'personnel.diary_manager_overtime_unproven',
    ]);
    expect(
      checkDiaries([reasoned], { managers: ['p1'], managersWithProvenOvertime: ['p1'] }).directMinutes,
    ).toEqual({ p1: 120 });
    const holiday = day([e('A', '10:00', '16:00', 'this_project', { overtimeReason: 'holiday_event' })], {
      holiday: true,
      breaks: [],
    });
    expect(checkDiaries([holiday]).issues.map((i) => i.code)).toEqual([
      'personnel.diary_holiday_not_compensated',
    ]);
    expect(checkDiaries([{ ...holiday, holidayCompensated: true }]).directMinutes).toEqual({ p1: 360 });
  });

  it('wants one sheet per person per day, written by the person and countersigned by someone else', () => {
    const ok = day([e('A', '09:00', '10:00')]);
    const r = checkDiaries([
      ok,
      ok,
      { ...ok, date: '2026-07-02', writtenBy: 'clerk', countersignedBy: undefined },
      { ...ok, date: '2026-07-03', countersignedBy: 'p1' },
    ]);
    expect(r.issues.map((i) => [i.date, i.code, i.level])).toEqual([
      ['2026-07-01', 'personnel.diary_duplicate_day', 'error'],
      ['2026-07-02', 'personnel.diary_not_self_written', 'error'],
      ['2026-07-02', 'personnel.diary_not_countersigned', 'warning'],
      ['2026-07-03', 'personnel.diary_self_countersigned', 'error'],
    ]);
  });
});

describe('environmental checklist (003 添付様式6)', () => {
  const all = (answer: string) =>
    Object.fromEntries(Array.from({ length: 15 }, (_, i) => [String(i + 1), answer]));

  it('accepts "will do" everywhere, or "not applicable" on the ※ items only', () => {
    expect(
      checkApplicationChecklist(ZChecklistApplication.parse({ answers: all('will_do'), acknowledged: true })),
    ).toEqual([]);
    const na = {
      ...all('will_do'),
      '1': 'not_applicable',
      '2': 'not_applicable',
      '6': 'not_applicable',
      '9': 'not_applicable',
      '10': 'not_applicable',
      '14': 'not_applicable',
    };
    expect(
      checkApplicationChecklist(ZChecklistApplication.parse({ answers: na, acknowledged: true })),
    ).toEqual([]);
    const wrong = checkApplicationChecklist(
      ZChecklistApplication.parse({
        answers: { ...all('will_do'), '3': 'not_applicable' },
        acknowledged: true,
      }),
    );
    expect(wrong.map((i) => [i.code, i.item])).toEqual([['checklist.not_applicable_not_allowed', 3]]);
  });

  it('needs every item answered and the acknowledgement ticked', () => {
    const { '15': _skip, ...fourteen } = all('will_do');
    const r = checkApplicationChecklist(ZChecklistApplication.parse({ answers: fourteen }));
    expect(r.map((i) => i.code)).toEqual(['checklist.item_unanswered', 'checklist.acknowledgement_required']);
    expect(
      checkApplicationChecklist(
        ZChecklistApplication.parse({ answers: { ...all('will_do'), '16': 'will_do' }, acknowledged: true }),
      ).map((i) => i.code),
    ).toEqual(['checklist.item_unknown']);
    expect(ZChecklistApplication.safeParse({ answers: { x: 'will_do' } }).success).toBe(false);
  });

  it('at the report, every "will do" must be "done"', () => {
    const application = ZChecklistApplication.parse({
      answers: { ...all('will_do'), '1': 'not_applicable' },
      acknowledged: true,
    });
    const done = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [String(i + 2), 'done' as const]));
    expect(checkReportChecklist(application, { answers: done })).toEqual([]);
    const { '7': _seven, ...missing } = done;
    expect(checkReportChecklist(application, { answers: missing }).map((i) => [i.code, i.item])).toEqual([
      ['checklist.item_not_done', 7],
    ]);
    expect(checklistsRequired(false)).toBe(2);
    expect(checklistsRequired(true)).toBe(1);
  });
});
