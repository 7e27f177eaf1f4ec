import { z } from 'zod';
import { sumYen, ZAmount } from '../shared/amounts';
import { choiceValues, OTHER_NATIONAL_SUBSIDY_CHOICES, RATE_DECISION_CHOICES, RATE_REQUEST_CHOICES } from '../shared/choices';
import { type Facts } from '../shared/conditions';
import { ZIsoDate } from '../shared/dates';
import { ZTaxTreatment } from '../shared/definition';
import { breakdownIssues } from '../shared/generic';
import { categoryNotInSectionParams } from '../shared/line-names';
import { type InputIssue } from '../shared/reasons';
import { ZDescription, ZLineId, ZQuantity, ZRemarks, ZUnit, ZUnitPrice } from '../shared/result';
import {
  CLT_COUNCIL_CATEGORIES,
  CLT_DEMO_CATEGORIES,
  CLT_DEMONSTRATION,
  CLT_INELIGIBLE_NATURES,
  type TCltSection,
} from './definition';
import { CLT_USES, DESIGN_ITEMS, isStructuralUse, WORK_TYPES } from './tables';

/**
 * What an applicant gives the CLT demonstration engine (seeds/003): budget lines per section, the
 * facts the eligibility and special-rate conditions read, the 表1 column, and the cross-field
 * checks zod runs on them.
 */
export const ZCltLine = z.strictObject({
  id: ZLineId,
  category: z.enum(
    [...new Set([...CLT_DEMO_CATEGORIES, ...CLT_COUNCIL_CATEGORIES])] as [string, ...string[]],
    { error: 'grant.category_unknown' },
  ),
  description: ZDescription.optional(),
  /** Tax-inclusive yen (注2: 消費税込の金額). */
  amount: ZAmount,
  unitPrice: ZUnitPrice.optional(),
  quantity: ZQuantity.optional(),
  unit: ZUnit.optional(),
  remarks: ZRemarks.optional(),
  taxTreatment: ZTaxTreatment.optional(),
  /** 表1 row, for construction works in the building demonstration. */
  workType: z.enum(WORK_TYPES, { error: 'grant.clt.work_type_unknown' }).optional(),
  /** 表1 qualifiers: metal fittings attached to CLT; wooden fittings inside; glazing that comes with metal fittings. */
  attachedToClt: z.boolean().optional(),
  interiorFitting: z.boolean().optional(),
  withMetalFittings: z.boolean().optional(),
  /** The amount is already only the CLT part (no floor-area apportionment). */
  directlyAttributable: z.boolean().optional(),
  /** 表2 row, for design and related costs. */
  designItem: z.enum(DESIGN_ITEMS, { error: 'grant.clt.design_item_unknown' }).optional(),
  /** Why a △ cost belongs to the demonstration. */
  explanation: z.string().trim().max(2000, { message: 'grant.explanation_too_long' }).optional(),
  /** A cost of a kind 2.6.3 never allows (kept in the budget to show the applicant's full cost). */
  excludedNature: z.enum(CLT_INELIGIBLE_NATURES, { error: 'grant.clt.nature_unknown' }).optional(),
  /** 計測機械: the useful life decides between buying (≤ 1 year) and leasing. */
  measuringInstrument: z
    .strictObject({
      usefulLifeYears: z
        .number({ error: 'grant.clt.useful_life_invalid' })
        .positive({ message: 'grant.clt.useful_life_invalid' })
        .max(100),
    })
    .optional(),
});
export type TCltLine = z.output<typeof ZCltLine>;

const ZSectionLines = z.strictObject({
  lines: z.array(ZCltLine).max(1000, { message: 'grant.too_many_lines' }),
});

const bool = z.boolean({ error: 'grant.fact_boolean' }).optional();
export const ZCltFacts = z.strictObject({
  mainUse: z.string().trim().max(100).optional(),
  mainUseDetachedHouse: bool,
  /** Storeys above ground (階数 地上). */
  storeys: z
    .number({ error: 'grant.clt.storeys_invalid' })
    .int({ message: 'grant.clt.storeys_invalid' })
    .min(1, { message: 'grant.clt.storeys_invalid' })
    .max(100, { message: 'grant.clt.storeys_invalid' })
    .optional(),
  totalFloorAreaM2: z
    .number({ error: 'grant.clt.area_invalid' })
    .positive({ message: 'grant.clt.area_invalid' })
    .max(10_000_000, { message: 'grant.clt.area_invalid' })
    .optional(),
  includesBuildingDemo: bool,
  includesDesignDemo: bool,
  includesPerformanceDemo: bool,
  isStructureNotBuilding: bool,
  hasRoofAndColumnsOrWalls: bool,
  firstTimeCltDesignerOrContractor: bool,
  fireRule2018Building: bool,
  buildsAdoptedDesignDemo: bool,
  constructionCertainAfterDesign: bool,
  councilExamines: bool,
  contentClear: bool,
  costComparison: bool,
  plannedCompletion: ZIsoDate.optional(),
  fundingPlanClear: bool,
  landSecured: bool,
  councilOperatorIsIndividual: bool,
  councilOperatorCanAccount: bool,
  /** 建築主等と協議会運営者が同じ (one applicant; engineer pay may not be claimed). */
  ownerIsCouncilOperator: bool,
  otherNationalSubsidy: z
    .enum(choiceValues(OTHER_NATIONAL_SUBSIDY_CHOICES), { error: 'grant.option_unknown' })
    .optional(),
  applicantIsCommitteeMember: bool,
  usesExistingModel: bool,
  nationwideChain: bool,
  woodUseAgreement: bool,
  ownerPlansFurtherBuildings: bool,
  technicalIngenuity: bool,
  /** Derived from cltUse when not given. */
  cltStructural: bool,
  cltPanelMethod: bool,
  /** People doing council work (技術者給: 概ね2名). */
  councilEngineers: z.number().int().min(0).max(100).optional(),
});
export type TCltFacts = z.output<typeof ZCltFacts>;

export const CLT_INPUT_SECTIONS = {
  building: 'building_demo',
  design: 'design_demo',
  performance: 'performance_demo',
  council: 'council',
} as const satisfies Record<string, TCltSection>;
export type CltInputSectionKey = keyof typeof CLT_INPUT_SECTIONS;
export const CLT_INPUT_KEYS = Object.keys(CLT_INPUT_SECTIONS) as CltInputSectionKey[];

export const ZCltGrantInput = z
  .strictObject({
    programme: z.literal('clt_demonstration'),
    facts: ZCltFacts.default({}),
    rate: z
      .strictObject({
        requested: z.enum(choiceValues(RATE_REQUEST_CHOICES), { error: 'grant.option_unknown' }).default('standard'),
        /** The committee's finding (003 §2.4); 'pending' until the review. */
        committeeDecision: z
          .enum(choiceValues(RATE_DECISION_CHOICES), { error: 'grant.option_unknown' })
          .default('pending'),
      })
      .default({ requested: 'standard', committeeDecision: 'pending' }),
    /** The 表1 column. Needed as soon as a line has a work type. */
    cltUse: z.enum(CLT_USES, { error: 'grant.clt.clt_use_unknown' }).optional(),
    /** 表1 footnote 1): a mixed structure that can be separated is apportioned by floor area. */
    mixedStructure: z
      .strictObject({
        separable: z.boolean({ error: 'grant.fact_boolean' }),
        cltFloorAreaM2: z
          .number({ error: 'grant.clt.area_invalid' })
          .positive({ message: 'grant.clt.area_invalid' })
          .max(10_000_000),
        totalFloorAreaM2: z
          .number({ error: 'grant.clt.area_invalid' })
          .positive({ message: 'grant.clt.area_invalid' })
          .max(10_000_000),
      })
      .refine((m) => m.cltFloorAreaM2 <= m.totalFloorAreaM2, {
        message: 'grant.clt.clt_area_exceeds_total',
        path: ['cltFloorAreaM2'],
      })
      .optional(),
    /** For 諸経費: the works of the whole contract, without overheads, and the contract's overheads. */
    works: z
      .strictObject({ totalExcludingOverheads: ZAmount.optional(), overheadsTotal: ZAmount.optional() })
      .optional(),
    building: ZSectionLines.optional(),
    design: ZSectionLines.optional(),
    performance: ZSectionLines.optional(),
    council: ZSectionLines.optional(),
  })
  .superRefine((input, ctx) => {
    for (const issue of checkCltInput(input))
      ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path, params: issue.params });
  });
export type TCltGrantInput = z.output<typeof ZCltGrantInput>;
type CltInputShape = Omit<TCltGrantInput, 'facts' | 'rate'>;

/** Cross-field checks; zod calls them, and they return catalogue codes with the line named. */
export function checkCltInput(input: CltInputShape): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  let hasWorkType = false;
  for (const key of CLT_INPUT_KEYS) {
    const lines = input[key]?.lines ?? [];
    const allowed: readonly string[] = key === 'council' ? CLT_COUNCIL_CATEGORIES : CLT_DEMO_CATEGORIES;
    lines.forEach((line, i) => {
      const at = [key, 'lines', i];
      if (seen.has(line.id))
        issues.push({ code: 'grant.line_id_duplicate', path: [...at, 'id'], params: { line: line.id } });
      seen.add(line.id);
      if (!allowed.includes(line.category))
        issues.push({
          code: 'grant.category_not_in_section',
          path: [...at, 'category'],
          params: categoryNotInSectionParams(CLT_DEMONSTRATION, line.id, CLT_INPUT_SECTIONS[key], line.category, allowed),
        });
      if (line.workType !== undefined) {
        hasWorkType = true;
        if (key !== 'building')
          issues.push({
            code: 'grant.clt.work_type_outside_building',
            path: [...at, 'workType'],
            params: { line: line.id },
          });
        if (line.designItem !== undefined)
          issues.push({
            code: 'grant.clt.work_and_design_item',
            path: [...at, 'designItem'],
            params: { line: line.id },
          });
      }
      if (line.designItem !== undefined && key !== 'building' && key !== 'design')
        issues.push({
          code: 'grant.clt.design_item_outside_design',
          path: [...at, 'designItem'],
          params: { line: line.id },
        });
      if (line.measuringInstrument !== undefined && line.category !== 'supplies')
        issues.push({
          code: 'grant.clt.instrument_not_supplies',
          path: [...at, 'measuringInstrument'],
          params: { line: line.id },
        });
      issues.push(...breakdownIssues(line, at));
    });
  }
  if (hasWorkType && input.cltUse === undefined)
    issues.push({ code: 'grant.clt.clt_use_required', path: ['cltUse'], params: {} });
  const works =
    input.building?.lines.filter((l) => l.workType !== undefined && l.workType !== 'overheads') ?? [];
  const listed = sumYen(works.map((l) => l.amount));
  if (input.works?.totalExcludingOverheads !== undefined && input.works.totalExcludingOverheads < listed)
    issues.push({
      code: 'grant.clt.works_total_too_small',
      path: ['works', 'totalExcludingOverheads'],
      params: { total: input.works.totalExcludingOverheads, listed },
    });
  return issues;
}

/** Facts the engine derives from the budget and the 表1 column, unless the applicant gave them. */
export function cltFacts(input: TCltGrantInput): Facts {
  const f: Record<string, Facts[string]> = { ...input.facts };
  const has = (k: CltInputSectionKey) => (input[k]?.lines.length ?? 0) > 0;
  f.includesBuildingDemo ??= has('building');
  f.includesDesignDemo ??= has('design');
  f.includesPerformanceDemo ??= has('performance');
  if (input.cltUse !== undefined) {
    f.cltStructural ??= isStructuralUse(input.cltUse);
    f.cltPanelMethod ??= input.cltUse === 'panel_only' || input.cltUse === 'panel_with_other';
  }
  return f;
}
