import { z } from 'zod';
import { ZAmount } from '../shared/amounts';
import { choiceValues, DATA_TYPE_CHOICES, INDUSTRY_BODY_OR_COMPANY_CHOICES, INDUSTRY_VALUE_SETTING_CHOICES, PUBLICATION_CHOICES } from '../shared/choices';
import { ZIsoDate } from '../shared/dates';
import { breakdownIssues } from '../shared/generic';
import { type InputIssue } from '../shared/reasons';
import { ZDescription, ZLineId, ZQuantity, ZRemarks, ZUnit, ZUnitPrice } from '../shared/result';
import { CO2_CATEGORIES, FACTOR_KINDS } from './definition';
import { isOneYearOrLess } from './licences';

/**
 * What an applicant gives the CO2 emission-factor engine (seeds/001): the factors, the cost lines
 * allocated to them, the project period, and the cross-field checks zod runs on them.
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
export const CRADLE_TO_GATE: readonly string[] = ['A1', 'A2', 'A3'];

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
    .enum(choiceValues(DATA_TYPE_CHOICES), { error: 'grant.option_unknown' })
    .optional(),
  industryValueSetting: z.enum(choiceValues(INDUSTRY_VALUE_SETTING_CHOICES), { error: 'grant.option_unknown' }).optional(),
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
  ruleMadeBy: z.enum(choiceValues(INDUSTRY_BODY_OR_COMPANY_CHOICES), { error: 'grant.option_unknown' }).optional(),
  genericRuleExists: bool,
  followsGenericRule: bool,
  developedByReport: bool,
  /** By the results report (原則), or next fiscal year when verification takes long (§2.2). */
  publication: z.enum(choiceValues(PUBLICATION_CHOICES), { error: 'grant.option_unknown' }).optional(),
  expectedPublicationOn: ZIsoDate.optional(),
});
export type TCo2Factor = z.output<typeof ZCo2Factor>;

export const ZLicence = z.strictObject({
  /** A subscription (利用契約) or a purchase (購入, with a useful life). */
  acquisition: z.enum(['subscription', 'purchase'], { error: 'grant.co2.licence_acquisition_required' }),
  start: z.string({ error: 'grant.co2.licence_start_required' }).pipe(ZIsoDate),
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
  unit: ZUnit.optional(),
  remarks: ZRemarks.optional(),
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
        kind: z.enum(choiceValues(INDUSTRY_BODY_OR_COMPANY_CHOICES), { error: 'grant.option_unknown' }).optional(),
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

type Co2InputShape = Pick<TCo2GrantInput, 'factors' | 'lines' | 'period'>;
type Path = (string | number)[];

export function checkCo2Input(input: Co2InputShape): InputIssue[] {
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
    issues.push(...allocationIssues(line, at, factorIds));
    issues.push(...licenceIssues(line, at, resultsReportDate));
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

/** A line belongs to one known factor, or is shared between known factors and claimed once. */
function allocationIssues(line: TCo2Line, at: Path, factorIds: ReadonlySet<string>): InputIssue[] {
  const issues: InputIssue[] = [];
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
  return issues;
}

/** Licence lines (databases and tools) carry their term; a long one needs the report date. */
function licenceIssues(line: TCo2Line, at: Path, resultsReportDate: string | undefined): InputIssue[] {
  const issues: InputIssue[] = [];
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
  return issues;
}
