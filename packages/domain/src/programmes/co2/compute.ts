import { z } from 'zod';
import { yen, type Yen } from '../../money';
import { fractionOf, sumYen, ZAmount } from '../shared/amounts';
import type { Facts } from '../shared/conditions';
import {
  CO2_CATEGORIES,
  FACTOR_KIND_NAMES,
  FACTOR_KINDS,
  MANAGED_DATABASES,
  RESIDUAL_VALUE_THRESHOLD,
} from './definition';
import { addDays, addYears, daysInclusive, minDate, ZIsoDate, type IsoDate } from '../shared/dates';
import type { TProgrammeDefinition } from '../shared/definition';
import { breakdownIssues } from '../shared/generic';
import { reason, type InputIssue, type Reason, type ReasonSubject } from '../shared/reasons';
import { ZDescription, ZLineId, ZQuantity, ZUnitPrice, type GrantResult, type LineResult } from '../shared/result';
import {
  capsFor,
  evaluateCriteria,
  pickRate,
  type CriterionResult,
  type EligibilityResult,
  type EligibilityStatus,
} from '../shared/rules';

/**
 * The CO2 emission-factor support engine (seeds/001). Costs are tax-inclusive and counted in
 * full up to the caps: ¥4,000,000 per factor, ¥10,000,000 per applicant (§2.5). A cost shared by
 * several factors is claimed once — split between them, never repeated (§2.5). Licences for
 * databases and tools count up to the results report unless the contract (or useful life) is a
 * year or less (§4.2(2)(5)).
 */

/** EN 15978 / ISO 21930 modules a factor's scope may cover. */
export const LIFE_CYCLE_MODULES = [
  'A1',
  'A2',
  'A3',
  'A4',
  'A5',
  'B1',
  'B2',
  'B3',
  'B4',
  'B5',
  'B6',
  'B7',
  'C1',
  'C2',
  'C3',
  'C4',
  'D',
] as const;
const CRADLE_TO_GATE = ['A1', 'A2', 'A3'];

const bool = z.boolean({ error: 'grant.fact_boolean' }).optional();

export const ZCo2Factor = z.strictObject({
  id: ZLineId,
  kind: z.enum(FACTOR_KINDS, { error: 'grant.co2.factor_kind_unknown' }),
  product: z
    .string({ error: 'grant.co2.product_required' })
    .trim()
    .min(1, { message: 'grant.co2.product_required' })
    .max(200),
  productCategory: z
    .string({ error: 'grant.co2.product_category_required' })
    .trim()
    .min(1, { message: 'grant.co2.product_category_required' })
    .max(100),
  /** 1) verification under ISO 14025 is part of the plan. */
  iso14025Verification: bool,
  /** 3) the PCR follows ISO 14025. */
  iso14025Compliant: bool,
  /** 2) 個社製品データ / 個社製品群データ / 業界代表データ. */
  dataType: z
    .enum(['company_product', 'company_product_group', 'industry_representative'], {
      error: 'grant.option_unknown',
    })
    .optional(),
  industryValueSetting: z.enum(['average', 'above_average'], { error: 'grant.option_unknown' }).optional(),
  aboveAverageReason: z.string().trim().max(1000).optional(),
  usesExistingData: bool,
  backgroundDatabase: z.string().trim().max(100).optional(),
  /** For a database not named in 001 (the list ends in 等): the applicant states it is managed. */
  backgroundDatabaseManaged: bool,
  thirdPartyReview: bool,
  refreshIntervalYears: z
    .number({ error: 'grant.co2.refresh_invalid' })
    .positive({ message: 'grant.co2.refresh_invalid' })
    .max(100)
    .optional(),
  stages: z
    .array(z.enum(LIFE_CYCLE_MODULES, { error: 'grant.co2.stage_unknown' }))
    .max(LIFE_CYCLE_MODULES.length)
    .optional(),
  a1a3ShownSeparately: bool,
  followsCfpGuideline: bool,
  buildingOnlyProduct: bool,
  iso21930ModuleSplit: bool,
  ruleMadeBy: z.enum(['industry_body', 'company'], { error: 'grant.option_unknown' }).optional(),
  genericRuleExists: bool,
  followsGenericRule: bool,
  developedByReport: bool,
  /** By the results report (原則), or next fiscal year when verification takes long (§2.2). */
  publication: z.enum(['results_report', 'next_fiscal_year'], { error: 'grant.option_unknown' }).optional(),
  expectedPublicationOn: ZIsoDate.optional(),
});
export type TCo2Factor = z.output<typeof ZCo2Factor>;

export const ZLicence = z.strictObject({
  /** A subscription (利用契約) or a purchase (購入, with a useful life). */
  acquisition: z.enum(['subscription', 'purchase'], { error: 'grant.option_unknown' }),
  start: ZIsoDate,
  /** Last day of a subscription. */
  end: ZIsoDate.optional(),
  /** 耐用年数 of a purchase, in years. */
  usefulLifeYears: z
    .number({ error: 'grant.co2.useful_life_invalid' })
    .int({ message: 'grant.co2.useful_life_invalid' })
    .min(1, { message: 'grant.co2.useful_life_invalid' })
    .max(50)
    .optional(),
  /** Overrides the date-based judgement of whether it stays usable after the project. */
  usableAfterProject: bool,
});
export type TLicence = z.output<typeof ZLicence>;

export const ZCo2Line = z.strictObject({
  id: ZLineId,
  category: z.enum(CO2_CATEGORIES, { error: 'grant.category_unknown' }),
  description: ZDescription.optional(),
  /** Tax-inclusive yen. */
  amount: ZAmount,
  unitPrice: ZUnitPrice.optional(),
  quantity: ZQuantity.optional(),
  /** When the cost arises (licences use their start date). */
  incurredOn: ZIsoDate.optional(),
  /** The factor the cost belongs to… */
  factorId: z.string().trim().min(1).max(64).optional(),
  /** …or its split between factors, when shared (claimed once: the shares may not add up to more than the amount). */
  shares: z
    .array(z.strictObject({ factorId: z.string().trim().min(1).max(64), amount: ZAmount }))
    .min(2, { message: 'grant.co2.shares_too_few' })
    .max(100)
    .optional(),
  /** Invoice or contract reference; the same one twice is the same cost twice. */
  evidenceRef: z.string().trim().max(100).optional(),
  /** ① outsourced: only the personnel share of the contract counts, with its person-days or hours. */
  outsourcing: z
    .strictObject({
      personnelShare: ZAmount,
      personDays: z.number().positive().max(100_000).optional(),
      hours: z.number().positive().max(1_000_000).optional(),
    })
    .optional(),
  licence: ZLicence.optional(),
  /** Work of next fiscal year (verification/publication moved there): apply again next year (§2.2). */
  nextFiscalYearWork: bool,
});
export type TCo2Line = z.output<typeof ZCo2Line>;

export const ZCo2GrantInput = z
  .strictObject({
    programme: z.literal('co2_factor_support'),
    applicant: z
      .strictObject({
        name: z.string().trim().max(200).optional(),
        kind: z.enum(['industry_body', 'company'], { error: 'grant.option_unknown' }).optional(),
      })
      .default({}),
    /** 承認通知日 and 成果報告日 (planned until known). */
    period: z
      .strictObject({ approvalDate: ZIsoDate.optional(), resultsReportDate: ZIsoDate.optional() })
      .default({}),
    factors: z.array(ZCo2Factor).max(100, { message: 'grant.too_many_lines' }),
    lines: z.array(ZCo2Line).max(2000, { message: 'grant.too_many_lines' }),
  })
  .superRefine((input, ctx) => {
    for (const issue of checkCo2Input(input))
      ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path, params: issue.params });
  });
export type TCo2GrantInput = z.output<typeof ZCo2GrantInput>;

/** A licence of more than a year needs the results-report date to be prorated. */
const needsProration = (l: TLicence) => !isOneYearOrLess(l);

export function checkCo2Input(input: Pick<TCo2GrantInput, 'factors' | 'lines' | 'period'>): InputIssue[] {
  const issues: InputIssue[] = [];
  const factorIds = new Set<string>();
  input.factors.forEach((f, i) => {
    if (factorIds.has(f.id))
      issues.push({
        code: 'grant.co2.factor_id_duplicate',
        path: ['factors', i, 'id'],
        params: { factor: f.id },
      });
    factorIds.add(f.id);
  });
  const { approvalDate, resultsReportDate } = input.period;
  if (approvalDate && resultsReportDate && resultsReportDate < approvalDate)
    issues.push({
      code: 'grant.co2.report_before_approval',
      path: ['period', 'resultsReportDate'],
      params: { approvalDate, resultsReportDate },
    });
  const lineIds = new Set<string>();
  input.lines.forEach((line, i) => {
    const at = ['lines', i];
    if (lineIds.has(line.id))
      issues.push({ code: 'grant.line_id_duplicate', path: [...at, 'id'], params: { line: line.id } });
    lineIds.add(line.id);
    if (line.factorId === undefined && line.shares === undefined)
      issues.push({
        code: 'grant.co2.allocation_required',
        path: [...at, 'factorId'],
        params: { line: line.id },
      });
    if (line.factorId !== undefined && line.shares !== undefined)
      issues.push({ code: 'grant.co2.allocation_both', path: [...at, 'shares'], params: { line: line.id } });
    if (line.factorId !== undefined && !factorIds.has(line.factorId))
      issues.push({
        code: 'grant.co2.factor_unknown',
        path: [...at, 'factorId'],
        params: { line: line.id, factor: line.factorId },
      });
    if (line.shares) {
      const ids = new Set<string>();
      line.shares.forEach((s, j) => {
        if (!factorIds.has(s.factorId))
          issues.push({
            code: 'grant.co2.factor_unknown',
            path: [...at, 'shares', j, 'factorId'],
            params: { line: line.id, factor: s.factorId },
          });
        if (ids.has(s.factorId))
          issues.push({
            code: 'grant.co2.share_factor_repeated',
            path: [...at, 'shares', j, 'factorId'],
            params: { line: line.id, factor: s.factorId },
          });
        ids.add(s.factorId);
      });
      const total = line.shares.reduce((s, x) => s + x.amount, 0);
      if (total > line.amount)
        issues.push({
          code: 'grant.co2.shared_cost_over_allocated',
          path: [...at, 'shares'],
          params: { line: line.id, shares: total, amount: line.amount },
        });
    }
    const isLicence = line.category === 'database' || line.category === 'tool';
    if (isLicence && !line.licence)
      issues.push({
        code: 'grant.co2.licence_required',
        path: [...at, 'licence'],
        params: { line: line.id },
      });
    if (!isLicence && line.licence)
      issues.push({
        code: 'grant.co2.licence_not_applicable',
        path: [...at, 'licence'],
        params: { line: line.id },
      });
    if (line.licence) {
      const l = line.licence;
      if (l.acquisition === 'subscription' && l.end === undefined)
        issues.push({
          code: 'grant.co2.licence_end_required',
          path: [...at, 'licence', 'end'],
          params: { line: line.id },
        });
      if (l.acquisition === 'subscription' && l.end !== undefined && l.end < l.start)
        issues.push({
          code: 'grant.co2.licence_end_before_start',
          path: [...at, 'licence', 'end'],
          params: { line: line.id },
        });
      if (l.acquisition === 'purchase' && l.usefulLifeYears === undefined)
        issues.push({
          code: 'grant.co2.useful_life_required',
          path: [...at, 'licence', 'usefulLifeYears'],
          params: { line: line.id },
        });
      const complete =
        l.acquisition === 'purchase'
          ? l.usefulLifeYears !== undefined
          : l.end !== undefined && l.end >= l.start;
      if (complete && needsProration(l) && !resultsReportDate)
        issues.push({
          code: 'grant.co2.report_date_required',
          path: ['period', 'resultsReportDate'],
          params: { line: line.id },
        });
    }
    if (line.outsourcing && line.category !== 'personnel')
      issues.push({
        code: 'grant.co2.outsourcing_not_personnel',
        path: [...at, 'outsourcing'],
        params: { line: line.id },
      });
    if (line.outsourcing && line.outsourcing.personnelShare > line.amount)
      issues.push({
        code: 'grant.co2.personnel_share_exceeds',
        path: [...at, 'outsourcing', 'personnelShare'],
        params: { line: line.id, share: line.outsourcing.personnelShare, amount: line.amount },
      });
    issues.push(...breakdownIssues(line, at));
  });
  return issues;
}

// ————— licences —————

/** The last day of the licence: the contract's end, or the day before the useful life runs out. */
export function licenceEnd(l: TLicence): IsoDate {
  if (l.acquisition === 'subscription') return l.end ?? l.start;
  return addDays(addYears(l.start, l.usefulLifeYears ?? 1), -1);
}

/**
 * "1年以下": a subscription ending before the first anniversary of its start (2025-06-01 →
 * 2026-05-31 is one year; → 2026-06-01 is more), or a purchase with a useful life of 1 year.
 */
export function isOneYearOrLess(l: TLicence): boolean {
  if (l.acquisition === 'purchase') return (l.usefulLifeYears ?? 1) <= 1;
  return l.end !== undefined && l.end < addYears(l.start, 1);
}

export interface LicenceJudgement {
  counted: Yen;
  full: boolean;
  /** Days of the whole term and days up to the results report, both counted inclusively. */
  termDays: number;
  usedDays: number;
  /** Still usable after the project (decides the ¥20,000 residual-value rule); null when unknown. */
  usableAfter: boolean | null;
}

/**
 * 001 §4.2(2)(5): the fee up to the results report counts, but a licence of a year or less counts
 * in full. Proration is by days: fee × (days from the start to the report, or to the end if
 * earlier) ÷ (days of the whole term), both inclusive, rounded down to the yen.
 */
export function judgeLicence(
  l: TLicence,
  amount: Yen,
  resultsReportDate: IsoDate | undefined,
): LicenceJudgement {
  const end = licenceEnd(l);
  const termDays = daysInclusive(l.start, end);
  const usableAfter = l.usableAfterProject ?? (resultsReportDate ? end > resultsReportDate : null);
  if (isOneYearOrLess(l)) return { counted: amount, full: true, termDays, usedDays: termDays, usableAfter };
  if (!resultsReportDate) return { counted: yen(0), full: false, termDays, usedDays: 0, usableAfter };
  const usedDays = daysInclusive(l.start, minDate(end, resultsReportDate));
  return {
    counted: fractionOf(amount, usedDays, termDays),
    full: usedDays >= termDays,
    termDays,
    usedDays,
    usableAfter,
  };
}

// ————— the computation —————

export interface Co2LineResult extends LineResult {
  allocations: { factorId: string; amount: Yen }[];
  licence?: LicenceJudgement;
  /** Forms the results report will need for this line (the ¥20,000 rule). */
  formsRequired: ('continued_use_approval_request' | 'residual_value_statement')[];
}

export interface Co2FactorResult {
  id: string;
  kind: TCo2Factor['kind'];
  kindNo: number;
  product: string;
  status: EligibilityStatus;
  /** Σ of the costs allocated to it. */
  claimed: Yen;
  /** After the rate and the per-factor cap. */
  grant: Yen;
  cap: Yen | null;
  capHit: boolean;
}

export interface Co2Breakdown {
  engine: 'co2_factor';
  lines: Co2LineResult[];
  factors: Co2FactorResult[];
  /** Σ of the factors' grants, before the per-applicant cap. */
  beforeApplicantCap: Yen;
  applicantCap: Yen | null;
  /** Facts for the required-documents list (which report documents apply). */
  documentFacts: Facts;
}

/** The facts one factor's criteria read, with what is derived from its scope and database. */
export function factorFacts(f: TCo2Factor): Facts {
  const stages = f.stages;
  // A database 001 names counts as managed; any other one is for the applicant to confirm
  // (the list ends in 等), so it stays unknown rather than failing.
  const named =
    f.backgroundDatabase !== undefined &&
    (MANAGED_DATABASES as readonly string[]).some(
      (d) => d.toLowerCase() === f.backgroundDatabase!.toLowerCase(),
    );
  const managed = f.backgroundDatabaseManaged ?? (named ? true : undefined);
  return {
    ...f,
    stages: stages ?? undefined,
    coversBeyondA3: stages ? stages.some((s) => !CRADLE_TO_GATE.includes(s)) : undefined,
    backgroundDatabaseManaged: managed,
  };
}

export function computeCo2(def: TProgrammeDefinition, input: TCo2GrantInput): GrantResult<Co2Breakdown> {
  const { approvalDate, resultsReportDate } = input.period;
  const section = def.sections[0]!;
  const T = { p42: '001 §4.2', p25: '001 §2.5' };

  // Eligibility: the application, then each factor.
  const appFacts: Facts = {
    factorCount: input.factors.length,
    productCategoryCount: new Set(input.factors.map((f) => f.productCategory)).size,
  };
  const app = evaluateCriteria(def.eligibility, appFacts);
  const perFactor = new Map(
    input.factors.map((f) => [
      f.id,
      evaluateCriteria(def.itemEligibility, factorFacts(f), { kind: 'factor', id: f.id }),
    ]),
  );

  const seenEvidence = new Map<string, string>();
  const lines: Co2LineResult[] = input.lines.map((line) => {
    const subject: ReasonSubject = { kind: 'line', id: line.id };
    const reasons: Reason[] = [];
    let counted: number = line.amount;
    let status: LineResult['status'] = 'counted';
    let licence: LicenceJudgement | undefined;
    const formsRequired: Co2LineResult['formsRequired'] = [];
    const exclude = (r: Reason) => {
      reasons.push(r);
      counted = 0;
      status = 'excluded';
    };
    const date = line.licence?.start ?? line.incurredOn;
    const duplicateOf = line.evidenceRef ? seenEvidence.get(line.evidenceRef) : undefined;
    if (line.evidenceRef && !duplicateOf) seenEvidence.set(line.evidenceRef, line.id);

    if (line.nextFiscalYearWork)
      exclude(reason('grant.co2.next_year_cost', '001 §2.2', { line: line.id }, 'error', subject));
    else if (duplicateOf)
      exclude(
        reason(
          'grant.co2.duplicate_evidence',
          T.p25,
          { line: line.id, other: duplicateOf, evidence: line.evidenceRef ?? '' },
          'error',
          subject,
        ),
      );
    else if (approvalDate && date && date < approvalDate)
      exclude(
        reason(
          line.licence ? 'grant.co2.licence_before_approval' : 'grant.co2.before_approval',
          line.licence ? '001 §4.2(2)(5)' : '001 §3.1, §4.2',
          { line: line.id, date, approvalDate },
          'error',
          subject,
        ),
      );
    else if (resultsReportDate && date && date > resultsReportDate)
      exclude(
        reason('grant.co2.after_report', T.p42, { line: line.id, date, resultsReportDate }, 'error', subject),
      );
    else {
      if (!date && (approvalDate || resultsReportDate))
        reasons.push(reason('grant.co2.date_unknown', T.p42, { line: line.id }, 'warning', subject));
      if (line.outsourcing) {
        counted = line.outsourcing.personnelShare;
        if (counted < line.amount) status = 'partly_counted';
        reasons.push(
          reason(
            'grant.co2.outsourced_personnel_share',
            '001 §2.4①, §4.2(1)',
            { line: line.id, amount: line.amount, share: counted },
            'info',
            subject,
          ),
        );
        if (line.outsourcing.personDays === undefined && line.outsourcing.hours === undefined)
          reasons.push(
            reason(
              'grant.co2.outsourcing_breakdown_needed',
              '001 §4.2(1)',
              { line: line.id },
              'warning',
              subject,
            ),
          );
      }
      if (line.licence) {
        licence = judgeLicence(line.licence, line.amount, resultsReportDate);
        counted = licence.counted;
        if (licence.full)
          reasons.push(
            reason(
              'grant.co2.licence_full',
              '001 §4.2(2)(5)',
              { line: line.id, days: licence.termDays },
              'info',
              subject,
            ),
          );
        else {
          status = counted === 0 ? 'excluded' : 'partly_counted';
          reasons.push(
            reason(
              'grant.co2.licence_prorated',
              '001 §4.2(2)(5)',
              {
                line: line.id,
                amount: line.amount,
                usedDays: licence.usedDays,
                termDays: licence.termDays,
                counted,
                resultsReportDate: resultsReportDate ?? '',
              },
              'info',
              subject,
            ),
          );
        }
        if (line.amount >= RESIDUAL_VALUE_THRESHOLD) {
          if (licence.usableAfter === true) {
            formsRequired.push('continued_use_approval_request', 'residual_value_statement');
            reasons.push(
              reason(
                'grant.co2.residual_value_forms',
                '001 §4.3(2)(5)',
                { line: line.id, threshold: RESIDUAL_VALUE_THRESHOLD },
                'warning',
                subject,
              ),
            );
          } else if (licence.usableAfter === null)
            reasons.push(
              reason(
                'grant.co2.residual_value_maybe',
                '001 §4.3(2)(5)',
                { line: line.id, threshold: RESIDUAL_VALUE_THRESHOLD },
                'warning',
                subject,
              ),
            );
        }
      }
    }

    // Allocation to factors: a shared cost is split, never counted for each factor in full.
    const allocations: { factorId: string; amount: Yen }[] = [];
    if (line.factorId !== undefined) allocations.push({ factorId: line.factorId, amount: yen(counted) });
    else if (line.shares) {
      for (const s of line.shares)
        allocations.push({
          factorId: s.factorId,
          amount: line.amount > 0 ? fractionOf(yen(counted), s.amount, line.amount) : yen(0),
        });
      const allocated = line.shares.reduce((a, s) => a + s.amount, 0);
      reasons.push(
        reason(
          'grant.co2.shared_cost_split',
          T.p25,
          { line: line.id, factors: line.shares.map((s) => `${s.factorId}: ${s.amount}`).join(', ') },
          'info',
          subject,
        ),
      );
      if (allocated < line.amount)
        reasons.push(
          reason(
            'grant.co2.unallocated_part',
            T.p25,
            { line: line.id, amount: line.amount - allocated },
            'info',
            subject,
          ),
        );
    }
    // A factor that fails a requirement takes none of the cost.
    for (const a of allocations) {
      if (a.amount > 0 && perFactor.get(a.factorId)?.status === 'ineligible') {
        reasons.push(
          reason(
            'grant.co2.factor_ineligible_cost',
            '001 §2.1',
            { line: line.id, factor: a.factorId, amount: a.amount },
            'error',
            subject,
          ),
        );
        a.amount = yen(0);
      }
    }
    const allocatedTotal = sumYen(allocations.map((a) => a.amount));
    if (counted > 0 && allocatedTotal === 0) status = 'excluded';
    else if (allocatedTotal < line.amount && status === 'counted') status = 'partly_counted';
    return {
      id: line.id,
      section: section.code,
      category: line.category,
      ...(line.description ? { description: line.description } : {}),
      amount: line.amount,
      counted: allocatedTotal,
      taxTreatment: def.costCategories.find((c) => c.code === line.category)?.taxTreatment ?? 'taxable',
      status,
      reasons,
      allocations,
      ...(licence ? { licence } : {}),
      formsRequired,
    };
  });

  // Per factor: the rate (the full cost), then ¥4,000,000.
  const { rule } = pickRate(section, {});
  const factorCap = capsFor(def, 'per_item', {}, { itemKind: 'factor' });
  const capReasons: Reason[] = [];
  const factors: Co2FactorResult[] = input.factors.map((f) => {
    const claimed = sumYen(
      lines.flatMap((l) => l.allocations.filter((a) => a.factorId === f.id).map((a) => a.amount)),
    );
    const rated = rule ? fractionOf(claimed, rule.rate.numerator, rule.rate.denominator) : yen(0);
    const capHit = factorCap.amount !== null && rated > factorCap.amount;
    const grant = capHit ? factorCap.amount! : rated;
    if (capHit)
      capReasons.push(
        reason(
          'grant.cap_applied',
          factorCap.caps[0]!.source,
          {
            cap: factorCap.caps[0]!.name.ja,
            capEn: factorCap.caps[0]!.name.en,
            amount: grant,
            before: rated,
          },
          'info',
          { kind: 'factor', id: f.id },
        ),
      );
    return {
      id: f.id,
      kind: f.kind,
      kindNo: FACTOR_KIND_NAMES[f.kind].no,
      product: f.product,
      status: perFactor.get(f.id)!.status,
      claimed,
      grant,
      cap: factorCap.amount,
      capHit,
    };
  });
  if (factors.length > 1)
    capReasons.push(
      reason(
        'grant.co2.cap_per_factor_each',
        T.p25,
        { count: factors.length, cap: factorCap.amount ?? 0 },
        'info',
      ),
    );

  // Per applicant: ¥10,000,000 in all.
  const beforeApplicantCap = sumYen(factors.map((f) => f.grant));
  const applicantCap = capsFor(def, 'per_applicant', {});
  let computed = beforeApplicantCap;
  let capHit: string | null = factors.some((f) => f.capHit) ? 'per_factor' : null;
  if (applicantCap.amount !== null && computed > applicantCap.amount) {
    capReasons.push(
      reason(
        'grant.cap_applied',
        applicantCap.caps[0]!.source,
        {
          cap: applicantCap.caps[0]!.name.ja,
          capEn: applicantCap.caps[0]!.name.en,
          amount: applicantCap.amount,
          before: computed,
        },
        'info',
      ),
    );
    computed = applicantCap.amount;
    capHit = applicantCap.caps[0]!.id;
  }

  const eligibility = co2Eligibility(app, perFactor, input.factors.length);
  const requested = sumYen(input.lines.map((l) => l.amount));
  const amount = eligibility.status === 'ineligible' ? yen(0) : computed;
  const finalReasons: Reason[] = [];
  if (eligibility.status === 'ineligible' && computed > 0)
    finalReasons.push(reason('grant.ineligible_no_grant', '001 §2.1', { computed }, 'error'));
  else if (eligibility.status === 'undetermined')
    finalReasons.push(reason('grant.provisional', '001 §2.1', { computed }, 'warning'));

  const has = (c: string) => input.lines.some((l) => l.category === c);
  const documentFacts: Facts = {
    hasPersonnelCost: has('personnel'),
    hasLicenceCost: has('database') || has('tool'),
    hasVerificationCost: has('verification'),
    hasPublicationCost: has('publication'),
    residualValueFormsNeeded: lines.some((l) => l.formsRequired.length > 0),
    publication: input.factors.some((f) => f.publication === 'next_fiscal_year')
      ? 'next_fiscal_year'
      : 'results_report',
  };

  return {
    programme: def.code,
    eligibility,
    grant: {
      requested,
      eligibleCost: sumYen(lines.map((l) => l.counted)),
      base: sumYen(factors.map((f) => f.claimed)),
      computed,
      amount,
      ownShare: yen(Math.max(0, requested - amount)),
      capHit,
      cap: applicantCap.amount,
    },
    breakdown: {
      engine: 'co2_factor',
      lines,
      factors,
      beforeApplicantCap,
      applicantCap: applicantCap.amount,
      documentFacts,
    },
    reasons: [...eligibility.reasons, ...lines.flatMap((l) => l.reasons), ...capReasons, ...finalReasons],
  };
}

/**
 * The application is eligible when its own criteria hold and at least one factor is; a factor
 * that fails only loses its own costs. Every factor's criteria stay in the list, named by factor.
 */
function co2Eligibility(
  app: EligibilityResult,
  perFactor: Map<string, EligibilityResult>,
  factorCount: number,
): EligibilityResult {
  const factorResults = [...perFactor.values()];
  const criteria: CriterionResult[] = [...app.criteria, ...factorResults.flatMap((r) => r.criteria)];
  const reasons = [...app.reasons, ...factorResults.flatMap((r) => r.reasons)];
  let status: EligibilityStatus = app.status;
  if (status !== 'ineligible' && factorCount > 0 && factorResults.every((r) => r.status === 'ineligible')) {
    status = 'ineligible';
    reasons.push(reason('eligibility.co2.no_eligible_factor', '001 §2.1', {}, 'error'));
  } else if (status === 'eligible' && factorResults.some((r) => r.status === 'undetermined'))
    status = 'undetermined';
  return { status, criteria, reasons };
}
