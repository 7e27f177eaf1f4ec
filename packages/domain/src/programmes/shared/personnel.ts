import { z } from 'zod';
import { yen, type Yen } from '../../money';
import { countRule, type NumberInputRule } from '../../number-input';
import { sumYen, ZAmount } from './amounts';
import { ZIsoDate } from './dates';
import { reason, type ProgrammeCode, type Reason } from './reasons';
import { listedNamesParams } from '../../display-params';

/**
 * 補助事業等の実施に要する人件費の算定等の適正化について (seeds/003 別添), which the CLT
 * programme uses for 技術者給 (003 §2.6.2(1)).
 *
 *   人件費 = 時間単価 × 直接作業時間数
 *   時間単価 = (年間総支給額 + 年間法定福利費) ÷ 年間理論総労働時間   (円未満切り捨て)
 *
 * Time is kept in whole minutes so 7.75-hour days and 5.25-hour entries stay exact.
 */

const SRC = '003 別添';

/**
 * Pay components. 年間総支給額 includes salary, allowances (管理職・都市・住宅・家族・通勤・期末
 * 手当等) and bonuses, and excludes overtime pay and welfare-type benefits (食事手当等).
 */
export const PAY_KINDS = [
  'base_salary',
  'management_allowance',
  'city_allowance',
  'housing_allowance',
  'family_allowance',
  'commuting_allowance',
  'term_end_allowance',
  'bonus',
  'other_allowance',
  'overtime_allowance',
  'meal_allowance',
  'other_welfare_benefit',
] as const;
export type TPayKind = (typeof PAY_KINDS)[number];
export const EXCLUDED_PAY_KINDS: readonly TPayKind[] = [
  'overtime_allowance',
  'meal_allowance',
  'other_welfare_benefit',
];
/** How personnel.pay_excluded names the excluded components (never by their codes). */
const EXCLUDED_PAY_NAMES: Partial<Record<TPayKind, { ja: string; en: string }>> = {
  overtime_allowance: { ja: '時間外手当', en: 'overtime pay' },
  meal_allowance: { ja: '食事手当', en: 'meal allowance' },
  other_welfare_benefit: { ja: 'その他の福利厚生面の手当', en: 'other welfare-type benefits' },
};

/** 年間法定福利費: the employer's share only. */
export const WELFARE_KINDS = [
  'health_insurance',
  'pension_insurance', // 厚生年金保険料（厚生年金基金の掛金部分を含む）
  'labour_insurance',
  'child_allowance_contribution',
  'disability_employment_levy',
  'absence_compensation', // 労働基準法の休業補償
] as const;

const ZPayComponent = z.strictObject({
  kind: z.enum(PAY_KINDS, { error: 'personnel.pay_kind_unknown' }),
  amount: ZAmount,
});
const ZWelfareComponent = z.strictObject({
  kind: z.enum(WELFARE_KINDS, { error: 'personnel.welfare_kind_unknown' }),
  amount: ZAmount,
});

/** 年間所定営業日数 as typed: whole days, at most a leap year's. */
export const BUSINESS_DAYS_RULE = countRule(1, 366);
/** 1日当たりの所定労働時間 as typed: hours with at most two decimals, at most a day. */
export const HOURS_PER_DAY_RULE: NumberInputRule = { min: 0.01, max: 24, decimals: 2 };

/** Whole minutes from hours with at most two decimals (7.75 → 465). */
const ZHoursPerDay = z
  .number({ error: 'personnel.hours_per_day_invalid' })
  .positive({ message: 'personnel.hours_per_day_invalid' })
  .max(HOURS_PER_DAY_RULE.max, { message: 'personnel.hours_per_day_invalid' })
  .refine((h) => Math.abs(h * 60 - Math.round(h * 60)) < 1e-9, {
    message: 'personnel.hours_per_day_invalid',
  });

const annualBasis = {
  personId: z.string().trim().min(1).max(64),
  name: z.string().trim().max(100).optional(),
  /** Last year's, last fiscal year's or the latest 12 months' actual pay (前年・前年度・直近1年間の支給実績). */
  pay: z.array(ZPayComponent).min(1, { message: 'personnel.pay_required' }).max(50),
  welfare: z.array(ZWelfareComponent).max(20).default([]),
  /** 年間所定営業日数, from the business calendar of the same period. */
  businessDays: z
    .number({ error: 'personnel.business_days_invalid' })
    .int({ message: 'personnel.business_days_invalid' })
    .min(BUSINESS_DAYS_RULE.min, { message: 'personnel.business_days_invalid' })
    .max(BUSINESS_DAYS_RULE.max, { message: 'personnel.business_days_invalid' }),
  /** 1日当たりの所定労働時間, from the work rules. */
  hoursPerDay: ZHoursPerDay,
};

export const ZStaff = z.discriminatedUnion(
  'type',
  [
    /** 正職員 / 嘱託職員. */
    z.strictObject({ type: z.literal('regular'), ...annualBasis }),
    z.strictObject({ type: z.literal('contract'), ...annualBasis }),
    /**
     * 出向者: pay and welfare are the amounts the recipient bears (交付先が負担する額); when
     * the seconding employer's totals are given they bound them.
     */
    z.strictObject({
      type: z.literal('seconded'),
      ...annualBasis,
      totalPay: ZAmount.optional(),
      totalWelfare: ZAmount.optional(),
    }),
    /** 管理者等 (no overtime pay): theoretical hours, or actual total hours when overtime is proven. */
    z.strictObject({
      type: z.literal('manager'),
      ...annualBasis,
      overtime: z
        .strictObject({
          /** 当該補助事業等及び自主事業等における時間外の従事時間数の合計, in hours. */
          annualOvertimeHours: z
            .number({ error: 'personnel.overtime_hours_invalid' })
            .min(0, { message: 'personnel.overtime_hours_invalid' })
            .max(8784),
          /** Proven by time cards as well as the diary (タイムカード等により立証). */
          provenByTimeCards: z.boolean(),
        })
        .optional(),
    }),
  ],
  { error: 'personnel.staff_type_unknown' },
);
export type TStaff = z.output<typeof ZStaff>;

export interface HourlyRate {
  personId: string;
  rate: Yen;
  grossPay: Yen;
  excludedPay: Yen;
  welfare: Yen;
  /** 年間理論総労働時間 in minutes. */
  theoreticalMinutes: number;
  /** The minutes divided by: theoretical, or actual (managers with proven overtime). */
  divisorMinutes: number;
  basis: 'theoretical' | 'actual';
  reasons: Reason[];
}

function excludedPayParams(amount: Yen, kinds: readonly TPayKind[]): { amount: Yen; kinds: string; kindsEn: string } {
  const names = [...new Set(kinds)].map((k) => EXCLUDED_PAY_NAMES[k] ?? { ja: k, en: k });
  return { amount, ...listedNamesParams('kinds', names) };
}

/** The hourly rate of one person (円未満切り捨て). */
export function hourlyRate(staff: TStaff): HourlyRate {
  const subject = { kind: 'entry' as const, id: staff.personId };
  const reasons: Reason[] = [];
  const included = staff.pay.filter((p) => !EXCLUDED_PAY_KINDS.includes(p.kind));
  const excluded = staff.pay.filter((p) => EXCLUDED_PAY_KINDS.includes(p.kind));
  const grossPay = sumYen(included.map((p) => p.amount));
  const excludedPay = sumYen(excluded.map((p) => p.amount));
  const welfare = sumYen(staff.welfare.map((w) => w.amount));
  if (excludedPay > 0)
    reasons.push(
      reason(
        'personnel.pay_excluded',
        `${SRC} 2.`,
        excludedPayParams(excludedPay, excluded.map((p) => p.kind)),
        'info',
        subject,
      ),
    );
  const theoreticalMinutes = staff.businessDays * Math.round(staff.hoursPerDay * 60);
  let divisorMinutes = theoreticalMinutes;
  let basis: HourlyRate['basis'] = 'theoretical';
  if (staff.type === 'manager' && staff.overtime && staff.overtime.annualOvertimeHours > 0) {
    if (staff.overtime.provenByTimeCards) {
      divisorMinutes = theoreticalMinutes + Math.round(staff.overtime.annualOvertimeHours * 60);
      basis = 'actual';
      reasons.push(
        reason(
          'personnel.manager_actual_hours',
          `${SRC} 2. 管理者等(2)`,
          { theoretical: theoreticalMinutes / 60, actual: divisorMinutes / 60 },
          'info',
          subject,
        ),
      );
    } else
      reasons.push(
        reason('personnel.manager_overtime_unproven', `${SRC} 2. 管理者等`, {}, 'warning', subject),
      );
  }
  if (staff.type === 'seconded') {
    if (staff.totalPay !== undefined && grossPay > staff.totalPay)
      reasons.push(
        reason(
          'personnel.seconded_share_exceeds',
          `${SRC} 2. 出向者`,
          { borne: grossPay, total: staff.totalPay },
          'error',
          subject,
        ),
      );
    if (staff.totalWelfare !== undefined && welfare > staff.totalWelfare)
      reasons.push(
        reason(
          'personnel.seconded_share_exceeds',
          `${SRC} 2. 出向者`,
          { borne: welfare, total: staff.totalWelfare },
          'error',
          subject,
        ),
      );
    reasons.push(
      reason(
        'personnel.seconded_borne_only',
        `${SRC} 2. 出向者`,
        { pay: grossPay, welfare },
        'info',
        subject,
      ),
    );
  }
  // (pay + welfare) ÷ hours = (pay + welfare) × 60 ÷ minutes, exact in BigInt, rounded down.
  const rate = yen(Number((BigInt(grossPay + welfare) * 60n) / BigInt(divisorMinutes)));
  reasons.push(
    reason(
      'personnel.rate_computed',
      `${SRC} 2.`,
      { pay: grossPay, welfare, hours: divisorMinutes / 60, rate },
      'info',
      subject,
    ),
  );
  return {
    personId: staff.personId,
    rate,
    grossPay,
    excludedPay,
    welfare,
    theoreticalMinutes,
    divisorMinutes,
    basis,
    reasons,
  };
}

/** 人件費 = 時間単価 × 直接作業時間数, with minutes: rate × minutes ÷ 60, rounded down. */
export function personnelCost(rate: Yen, directMinutes: number): Yen {
  if (!Number.isInteger(directMinutes) || directMinutes < 0)
    throw new RangeError(`Invalid minutes ${directMinutes}`);
  return yen(Number((BigInt(rate) * BigInt(directMinutes)) / 60n));
}

/** 1(2): staff dedicated to one project by their contract may be costed by day or by month. */
export const ZDedicatedStaff = z.discriminatedUnion(
  'method',
  [
    z.strictObject({
      method: z.literal('daily'),
      personId: z.string().trim().min(1).max(64),
      dedicatedByContract: z.boolean(),
      dailyRate: ZAmount,
      days: z.number().int().min(0).max(366),
    }),
    z.strictObject({
      method: z.literal('monthly'),
      personId: z.string().trim().min(1).max(64),
      dedicatedByContract: z.boolean(),
      monthlyPay: ZAmount,
      fullMonths: z.number().int().min(0).max(120),
      /** Months not worked in full: 日割り計算 over the days the employer's rules count in that month. */
      partialMonths: z
        .array(
          z
            .strictObject({
              workedDays: z.number().int().min(0).max(31),
              daysInMonth: z.number().int().min(1).max(31),
            })
            .refine((p) => p.workedDays <= p.daysInMonth, { message: 'personnel.worked_days_exceed_month' }),
        )
        .max(24)
        .default([]),
    }),
  ],
  { error: 'personnel.method_unknown' },
);
export type TDedicatedStaff = z.output<typeof ZDedicatedStaff>;

export function dedicatedCost(staff: TDedicatedStaff): { cost: Yen; reasons: Reason[] } {
  const subject = { kind: 'entry' as const, id: staff.personId };
  if (!staff.dedicatedByContract)
    return {
      cost: yen(0),
      reasons: [reason('personnel.dedicated_needs_contract', `${SRC} 1.(2)`, {}, 'error', subject)],
    };
  if (staff.method === 'daily') {
    const cost = yen(staff.dailyRate * staff.days);
    return {
      cost,
      reasons: [
        reason(
          'personnel.dedicated_daily',
          `${SRC} 1.(2)`,
          { rate: staff.dailyRate, days: staff.days, cost },
          'info',
          subject,
        ),
      ],
    };
  }
  const full = staff.monthlyPay * staff.fullMonths;
  const partial = staff.partialMonths.reduce(
    (s, p) => s + Number((BigInt(staff.monthlyPay) * BigInt(p.workedDays)) / BigInt(p.daysInMonth)),
    0,
  );
  const cost = yen(full + partial);
  return {
    cost,
    reasons: [
      reason(
        'personnel.dedicated_monthly',
        `${SRC} 1.(2)`,
        { pay: staff.monthlyPay, months: staff.fullMonths, partial, cost },
        'info',
        subject,
      ),
    ],
  };
}

/** What the rate was fixed on at the grant decision. */
export interface RateSnapshot {
  personId: string;
  employmentType: 'regular' | 'contract' | 'seconded' | 'manager';
  /** Share of pay the recipient bears, as a fraction (seconded staff). */
  borneShare?: { numerator: number; denominator: number };
  /** Managers: overtime on the project proven. */
  managerOvertime?: boolean;
}

/**
 * ※1: the rate is fixed at the grant decision and must be recomputed at the final amount when the
 * person, the employment type, the secondment share, or (for managers) project overtime changes.
 */
export function rateRecomputationTriggers(atDecision: RateSnapshot, now: RateSnapshot): Reason[] {
  const out: Reason[] = [];
  const src = `${SRC} 1.(1)※1`;
  const push = (code: ProgrammeCode) =>
    out.push(reason(code, src, { person: now.personId }, 'warning', { kind: 'entry', id: now.personId }));
  if (atDecision.personId !== now.personId) push('personnel.recompute_person_changed');
  if (atDecision.employmentType !== now.employmentType) push('personnel.recompute_employment_changed');
  const share = (s?: { numerator: number; denominator: number }) => (s ? s.numerator / s.denominator : null);
  if (share(atDecision.borneShare) !== share(now.borneShare)) push('personnel.recompute_share_changed');
  if (now.employmentType === 'manager' && !atDecision.managerOvertime && now.managerOvertime)
    push('personnel.recompute_manager_overtime');
  return out;
}

// ————— work diaries (業務日誌) —————

const ZClock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { message: 'personnel.time_invalid' });

export const OVERTIME_REASONS = ['weekday_indispensable', 'holiday_event'] as const;

export const ZDiaryEntry = z.strictObject({
  /** The project the time went to (e.g. "A"), or own business. */
  project: z.string().trim().min(1, { message: 'personnel.project_required' }).max(64),
  kind: z.enum(['this_project', 'other_project', 'own_business'], { error: 'personnel.entry_kind_unknown' }),
  start: ZClock,
  end: ZClock,
  description: z.string().trim().max(500).optional(),
  /** ③ the listed reasons for counting time outside contractual hours. */
  overtimeReason: z.enum(OVERTIME_REASONS, { error: 'personnel.overtime_reason_unknown' }).optional(),
});
export type TDiaryEntry = z.output<typeof ZDiaryEntry>;

export const ZDiaryDay = z.strictObject({
  personId: z.string().trim().min(1).max(64),
  date: ZIsoDate,
  /** ② written by the person. */
  writtenBy: z.string().trim().min(1).max(64),
  /** ⑦ checked and signed by the time manager (勤務時間管理者). */
  countersignedBy: z.string().trim().max(64).optional(),
  /** Contractual hours of the day (所定労働時間帯); outside them is overtime. */
  contractualHours: z.strictObject({ start: ZClock, end: ZClock }).optional(),
  /** ④ breaks (昼休み等), which are not working time. */
  breaks: z
    .array(z.strictObject({ start: ZClock, end: ZClock }))
    .max(10)
    .default([]),
  /** A non-working day (休日): all time is holiday work. */
  holiday: z.boolean().default(false),
  /** Holiday pay or a substitute day off (休日手当 or 代休). */
  holidayCompensated: z.boolean().optional(),
  entries: z.array(ZDiaryEntry).max(48),
});
export type TDiaryDay = z.output<typeof ZDiaryDay>;

export interface DiaryIssue {
  code: ProgrammeCode;
  level: 'warning' | 'error';
  personId: string;
  date: string;
  /** Index of the entry in the day's list; absent for day-level issues. */
  entry?: number;
  params: Record<string, string | number>;
}

export const minutesOf = (clock: string): number =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const overlap = (a: [number, number], b: [number, number]) =>
  Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

export interface DiaryCheck {
  issues: DiaryIssue[];
  /** Minutes per person per project of the entries without errors (own business included, as "own"). */
  minutes: Record<string, Record<string, number>>;
  /** Direct minutes on this project per person: what the cost multiplies. */
  directMinutes: Record<string, number>;
}

/**
 * Checks work diaries (別添 3.): one sheet per person per day, written by the person and
 * countersigned; entries within the day; no two entries at once (between projects, or with own
 * business); breaks excluded; time outside contractual hours only for the listed reasons (and on
 * holidays only with holiday pay or a substitute day). Entries with an error do not count.
 *
 * `managers` lists people whose overtime counts only when proven by time cards.
 */
export function checkDiaries(
  days: readonly TDiaryDay[],
  options: { managersWithProvenOvertime?: readonly string[]; managers?: readonly string[] } = {},
): DiaryCheck {
  const issues: DiaryIssue[] = [];
  const minutes: Record<string, Record<string, number>> = {};
  const directMinutes: Record<string, number> = {};
  const seen = new Set<string>();
  for (const day of days) {
    const at = { personId: day.personId, date: day.date };
    const key = `${day.personId}|${day.date}`;
    if (seen.has(key)) {
      issues.push({
        ...at,
        code: 'personnel.diary_duplicate_day',
        level: 'error',
        params: { person: day.personId, date: day.date },
      });
      continue;
    }
    seen.add(key);
    if (day.writtenBy !== day.personId)
      issues.push({
        ...at,
        code: 'personnel.diary_not_self_written',
        level: 'error',
        params: { person: day.personId, writer: day.writtenBy },
      });
    if (!day.countersignedBy)
      issues.push({
        ...at,
        code: 'personnel.diary_not_countersigned',
        level: 'warning',
        params: { date: day.date },
      });
    else if (day.countersignedBy === day.personId)
      issues.push({
        ...at,
        code: 'personnel.diary_self_countersigned',
        level: 'error',
        params: { date: day.date },
      });

    const bad = new Set<number>();
    const ranges = day.entries.map((e) => [minutesOf(e.start), minutesOf(e.end)] as [number, number]);
    day.entries.forEach((e, i) => {
      const [s, t] = ranges[i]!;
      const add = (
        code: ProgrammeCode,
        level: 'warning' | 'error',
        params: Record<string, string | number> = {},
      ) => {
        issues.push({
          ...at,
          entry: i,
          code,
          level,
          params: { project: e.project, start: e.start, end: e.end, ...params },
        });
        if (level === 'error') bad.add(i);
      };
      if (s >= 24 * 60) add('personnel.diary_outside_day', 'error');
      else if (t <= s) add('personnel.diary_time_order', 'error');
      for (const b of day.breaks) {
        const m = overlap([s, t], [minutesOf(b.start), minutesOf(b.end)]);
        if (m > 0)
          add('personnel.diary_break_included', 'error', {
            minutes: m,
            breakStart: b.start,
            breakEnd: b.end,
          });
      }
      day.entries.forEach((o, j) => {
        if (j !== i && overlap([s, t], ranges[j]!) > 0)
          add('personnel.diary_overlap', 'error', { other: o.project, otherStart: o.start, otherEnd: o.end });
      });
      const outside = day.holiday
        ? t - s
        : day.contractualHours
          ? t -
            s -
            overlap([s, t], [minutesOf(day.contractualHours.start), minutesOf(day.contractualHours.end)])
          : 0;
      if (outside > 0 && e.kind === 'this_project') {
        if (!e.overtimeReason) add('personnel.diary_overtime_reason_required', 'error', { minutes: outside });
        else if (e.overtimeReason === 'holiday_event' && !day.holiday)
          add('personnel.diary_overtime_reason_mismatch', 'error');
        else if (day.holiday && e.overtimeReason === 'holiday_event' && day.holidayCompensated !== true)
          add('personnel.diary_holiday_not_compensated', 'error');
        if (
          options.managers?.includes(day.personId) &&
          !options.managersWithProvenOvertime?.includes(day.personId)
        )
          add('personnel.diary_manager_overtime_unproven', 'error', { minutes: outside });
      }
      if (!e.description) add('personnel.diary_description_missing', 'warning');
    });
    day.entries.forEach((e, i) => {
      if (bad.has(i)) return;
      const [s, t] = ranges[i]!;
      const bucket = e.kind === 'own_business' ? 'own' : e.project;
      const person = (minutes[day.personId] ??= {});
      person[bucket] = (person[bucket] ?? 0) + (t - s);
      if (e.kind === 'this_project')
        directMinutes[day.personId] = (directMinutes[day.personId] ?? 0) + (t - s);
    });
  }
  return { issues, minutes, directMinutes };
}
