import { insertMemberFirms, markDemoFigures, saveCcusReportIfVersion, upsertCcusSurvey, upsertCcusTarget, writeCcusFacts, type Executor, type NewCcusFact } from '@tsumiki/db';
import { fiscalYearOf } from '@tsumiki/domain';
import { monthsOfFiscalYear, snapshotMonth, SNAPSHOTS, type YearMonth } from '@tsumiki/domain/ccus';
import { CCUS_REPORTS_2025 } from './ccus-reports';
import { holdRate, reportedRate, reportedRateTarget, reportedRecords, reportedRecordsTarget, SEEDS_000_FISCAL_YEARS } from './ccus-seeds-000';

/** A small deterministic generator (mulberry32): the same demo on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Size of each association in the demo: member firms, and work-history records a month at the
 * start of the five years. Magnitudes follow SPEC §6 (5–6 million records a month nationally, of
 * which the eight associations' members make a share; 日空衛 about 1.1 million a year).
 */
const PROFILE: Record<string, { firms: number; recordsPerMonth: number; growth: number }> = {
  日建連: { firms: 60, recordsPerMonth: 900_000, growth: 0.18 },
  全建: { firms: 70, recordsPerMonth: 420_000, growth: 0.22 },
  全中建: { firms: 30, recordsPerMonth: 40_000, growth: 0.15 },
  建専連: { firms: 50, recordsPerMonth: 650_000, growth: 0.2 },
  日空衛: { firms: 30, recordsPerMonth: 42_000, growth: 0.16 }, // ~57,000 a month in FY2024, as reported
  日本電設工業協会: { firms: 30, recordsPerMonth: 70_000, growth: 0.17 },
  住団連: { firms: 20, recordsPerMonth: 35_000, growth: 0.12 },
  全建総連: { firms: 30, recordsPerMonth: 120_000, growth: 0.25 },
};

/** Seasonality of site work: a dip in August and at the turn of the year, a peak before March. */
const SEASON = [0.95, 1.0, 1.0, 1.02, 0.86, 1.0, 1.04, 1.05, 0.98, 0.88, 1.03, 1.19];

const RATE_METRICS: { code: string; start: number; yearly: number; target: number }[] = [
  { code: 'business_registration_rate', start: 0.55, yearly: 0.07, target: 0.9 },
  { code: 'worker_registration_rate', start: 0.45, yearly: 0.08, target: 0.85 },
  { code: 'site_registration_rate', start: 0.35, yearly: 0.09, target: 0.8 },
  { code: 'touch_rate', start: 0.3, yearly: 0.08, target: 0.7 },
  { code: 'registration_renewal_rate', start: 0.7, yearly: 0.03, target: 0.8 },
  { code: 'company_id_rate', start: 0.3, yearly: 0.04, target: 0.5 },
  { code: 'individual_id_rate', start: 0.45, yearly: 0.05, target: 0.65 },
  { code: 'kentaikyo_electronic_rate', start: 0.15, yearly: 0.08, target: 0.5 },
];

/**
 * Member surveys (share of a firm's sites where work history can accumulate). 全建's FY2023 and
 * FY2024 give seeds/000's 45.9% → 38.2% of firms with no such site; the other years continue the
 * trend. Counts are per bucket: none, <20%, 20–49%, 50–79%, ≥80%.
 */
const SURVEYS: Record<string, Record<number, { surveyed: number; counts: [number, number, number, number, number] }>> = {
  全建: {
    2022: { surveyed: 1_230, counts: [412, 150, 120, 75, 55] },
    2023: { surveyed: 1_200, counts: [390, 160, 140, 90, 70] },
    2024: { surveyed: 1_150, counts: [344, 170, 160, 120, 106] },
    2025: { surveyed: 1_140, counts: [301, 176, 172, 140, 131] },
  },
  全中建: {
    2024: { surveyed: 420, counts: [160, 70, 50, 30, 20] },
    2025: { surveyed: 410, counts: [138, 72, 60, 40, 25] },
  },
};

/** Skill-level shares (levels 1–4, white/blue/silver/gold) at the first year; evaluations move people up. */
const SKILL_START = [0.8, 0.12, 0.06, 0.02];

const FIRM_KINDS = ['建設', '工業', '組', '設備', '電工', '工務店', '興業', '技建'];
const FIRM_PLACES = ['北海', '東北', '関東', '中部', '北陸', '近畿', '中国', '四国', '九州', '沖縄', '東京', '横浜', '名古屋', '大阪', '福岡'];

type Profile = (typeof PROFILE)[string];

/** Work-history target and rate targets of one fiscal year: a little above or below what the year brings, so statuses differ. */
async function seedTargets(
  db: Executor,
  { associationId, name, fiscalYear, y, index, yearTotal, monthly }: { associationId: string; name: string; fiscalYear: number; y: number; index: number; yearTotal: number; monthly: Map<YearMonth, number> },
): Promise<void> {
  const ambition = 0.92 + ((index * 37 + y * 11) % 20) / 100;
  await upsertCcusTarget(db, {
    associationId,
    metricCode: 'work_history_records',
    fiscalYear,
    annualTarget: reportedRecordsTarget(name, fiscalYear, monthly) ?? Math.round((yearTotal * ambition) / 1_000) * 1_000,
    monthlyTargets: null,
    userId: null,
  });
  for (const metric of RATE_METRICS) {
    await upsertCcusTarget(db, {
      associationId,
      metricCode: metric.code,
      fiscalYear,
      annualTarget: reportedRateTarget(name, metric.code, fiscalYear) ?? Math.min(1, metric.target + y * 0.01),
      monthlyTargets: null,
      userId: null,
    });
  }
}

/** One follow-up snapshot's facts: association totals (workers by skill level, prime sites) and every member firm's rates. */
function snapshotFacts(
  { name, profile, firms, firmSkill, rand }: { name: string; profile: Profile; firms: readonly { id: string }[]; firmSkill: readonly number[]; rand: () => number },
  fiscalYear: number,
  y: number,
  snapshot: (typeof SNAPSHOTS)[number],
): NewCcusFact[] {
  const month = snapshotMonth(fiscalYear, snapshot);
  const rows: NewCcusFact[] = [];
  const progress = y + (snapshot === 'H2' ? 0.5 : 0);
  // Association totals: registered workers by skill level, and prime-contract sites registered
  // (日本電設工業協会: about 350 in FY2024, seeds/000).
  const workers = Math.round((profile.recordsPerMonth / 20) * (1 + profile.growth) ** progress);
  const moved = Math.min(0.3, 0.03 * progress);
  const shares = [SKILL_START[0]! - moved, SKILL_START[1]! + moved * 0.55, SKILL_START[2]! + moved * 0.3, SKILL_START[3]! + moved * 0.15];
  shares.forEach((share, level) =>
    rows.push({ memberFirmId: null, metricCode: `skill_level_${level + 1}_workers`, periodMonth: `${month}-01`, numerator: Math.round(workers * share), denominator: null, weightYen: null }),
  );
  rows.push({
    memberFirmId: null,
    metricCode: 'prime_sites_registered',
    periodMonth: `${month}-01`,
    numerator: Math.round(profile.firms * 11.67 * 1.1 ** (fiscalYear - 2024) * (snapshot === 'H1' ? 0.92 : 1)),
    denominator: null,
    weightYen: null,
  });
  for (const metric of RATE_METRICS) {
    const members: NewCcusFact[] = [];
    for (const [f, firm] of firms.entries()) {
      const denominator = 10 + Math.round(rand() * 400);
      const rate = Math.max(0, Math.min(1, metric.start + metric.yearly * progress + firmSkill[f]! * 0.3 + (rand() - 0.5) * 0.08));
      members.push({
        memberFirmId: firm.id,
        metricCode: metric.code,
        periodMonth: `${month}-01`,
        numerator: Math.round(rate * denominator),
        denominator,
        weightYen: null,
      });
    }
    const documented = reportedRate(name, metric.code, month, fiscalYear);
    if (documented !== undefined) holdRate(members, documented);
    rows.push(...members);
  }
  return rows;
}

async function seedSurveysAndReport(db: Executor, association: { id: string; short_name_ja: string | null }, reporterUserId: string): Promise<void> {
  for (const [fiscalYear, survey] of Object.entries(SURVEYS[association.short_name_ja ?? ''] ?? {})) {
    const [none, under20, from20, from50, atLeast80] = survey.counts;
    await upsertCcusSurvey(db, {
      associationId: association.id,
      fiscalYear: Number(fiscalYear),
      surveyed: survey.surveyed,
      counts: { none, under_20: under20, from_20_to_49: from20, from_50_to_79: from50, at_least_80: atLeast80 },
    });
  }
  const report = CCUS_REPORTS_2025[association.short_name_ja ?? ''];
  if (report) await saveCcusReportIfVersion(db, { associationId: association.id, fiscalYear: 2025, ...report, userId: reporterUserId }, 0);
}

export interface CcusDemoSummary {
  firms: number;
  facts: number;
  fiscalYears: number[];
}

/**
 * Five fiscal years of CCUS figures for the eight associations, up to the last complete month:
 * association totals of work-history records each month, member firms' rates at the two
 * follow-up snapshots (30 Sep, 31 Mar), and targets for every year.
 */
export async function seedCcusDemo(
  db: Executor,
  associations: readonly { id: string; short_name_ja: string | null }[],
  now: Date,
  reporterUserId: string,
): Promise<CcusDemoSummary> {
  const currentYear = fiscalYearOf(now);
  const lastFive = [currentYear - 4, currentYear - 3, currentYear - 2, currentYear - 1, currentYear];
  const fiscalYears = [...new Set([...SEEDS_000_FISCAL_YEARS, ...lastFive])].sort((a, b) => a - b);
  const nowMonth = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
  const reported = (m: YearMonth) => m < nowMonth; // the running month is not reported yet
  let facts = 0;
  let firmCount = 0;

  for (const [index, association] of associations.entries()) {
    const name = association.short_name_ja ?? '';
    const profile = PROFILE[name];
    if (!profile) continue;
    const rand = random(1_000 + index);

    const firms = await insertMemberFirms(
      db,
      association.id,
      Array.from({ length: profile.firms }, (_, i) => ({
        name: `${FIRM_PLACES[i % FIRM_PLACES.length]!}${FIRM_KINDS[(i * 7 + index) % FIRM_KINDS.length]!}${i >= FIRM_PLACES.length ? ` 第${Math.floor(i / FIRM_PLACES.length) + 1}` : ''}株式会社`,
        // 事業費: a few large firms and many small ones (¥50M to ~¥300bn).
        projectCostYen: Math.round(50_000_000 * Math.exp(rand() * 8.7)),
      })),
    );
    firmCount += firms.length;
    const firmSkill = firms.map(() => rand() - 0.5);

    const rows: NewCcusFact[] = [];
    for (const [y, fiscalYear] of fiscalYears.entries()) {
      const months = monthsOfFiscalYear(fiscalYear);
      const yearBase = profile.recordsPerMonth * (1 + profile.growth) ** (fiscalYear - fiscalYears[0]!);
      let yearTotal = 0;
      const monthly = new Map<YearMonth, number>();
      for (const [m, month] of months.entries()) {
        const generated = Math.round(yearBase * SEASON[m]! * (0.94 + rand() * 0.12));
        const value = reportedRecords(name, month) ?? generated;
        monthly.set(month, value);
        yearTotal += value;
        if (reported(month)) {
          rows.push({ memberFirmId: null, metricCode: 'work_history_records', periodMonth: `${month}-01`, numerator: value, denominator: null, weightYen: null });
        }
      }
      await seedTargets(db, { associationId: association.id, name, fiscalYear, y, index, yearTotal, monthly });
      for (const snapshot of SNAPSHOTS) {
        const month = snapshotMonth(fiscalYear, snapshot);
        if (!reported(month)) continue;
        rows.push(...snapshotFacts({ name, profile, firms, firmSkill, rand }, fiscalYear, y, snapshot));
      }
    }
    await writeCcusFacts(db, association.id, rows, null);
    await seedSurveysAndReport(db, association, reporterUserId);
    facts += rows.length;
  }
  await markDemoFigures(db, associations.filter((a) => PROFILE[a.short_name_ja ?? '']).map((a) => a.id));
  return { firms: firmCount, facts, fiscalYears };
}
