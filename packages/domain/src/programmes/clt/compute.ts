import { z } from 'zod';
import { yen, type Yen } from '../../money';
import { fractionOf, isWholeThousand, sumYen, ZAmount } from '../shared/amounts';
import { evaluate, type Facts } from '../shared/conditions';
import {
  CLT_COUNCIL_CATEGORIES,
  CLT_DEMO_CATEGORIES,
  CLT_INELIGIBLE_NATURES,
  INSTRUMENT_PRICE_GUIDE,
  type TCltSection,
} from './definition';
import {
  APPORTIONABLE_USES,
  CLT_USE_NAMES,
  CLT_USES,
  CONSTRUCTION_NOTES,
  DESIGN_ITEMS,
  designRow,
  isStructuralUse,
  judgeDesign,
  judgeWork,
  WORK_TYPES,
  workRow,
  type TCltUse,
  type TMark,
} from './tables';
import { ZIsoDate } from '../shared/dates';
import { ZTaxTreatment, type TProgrammeDefinition } from '../shared/definition';
import { assemble, breakdownIssues, stripReasons } from '../shared/generic';
import { reason, type InputIssue, type Reason } from '../shared/reasons';
import { ZDescription, ZLineId, ZQuantity, ZUnitPrice, type GrantResult, type LineResult } from '../shared/result';
import { bonusPoints, evaluateCriteria, type SectionResult } from '../shared/rules';

/**
 * The CLT demonstration engine (seeds/003). On top of the generic sections × rates × caps it
 * applies 表1 (which construction works count for the way CLT is used), 表2 (design costs), the
 * overheads share, floor-area apportionment for mixed structures, the costs 2.6.3 never allows,
 * the special rate of 2.4, and it lays the result out as 様式4-1 and 様式4-2.
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
  unit: z.string().trim().max(20, { message: 'grant.unit_too_long' }).optional(),
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
    .enum(['none', 'separable', 'same_content'], { error: 'grant.option_unknown' })
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
type InputSectionKey = keyof typeof CLT_INPUT_SECTIONS;
const SECTION_JA: Record<InputSectionKey, string> = {
  building: '建築物の建築実証',
  design: '建築物の設計実証',
  performance: '部材の性能実証等',
  council: '協議会運営費',
};
const INPUT_KEYS = Object.keys(CLT_INPUT_SECTIONS) as InputSectionKey[];

export const ZCltGrantInput = z
  .strictObject({
    programme: z.literal('clt_demonstration'),
    facts: ZCltFacts.default({}),
    rate: z
      .strictObject({
        requested: z.enum(['standard', 'special'], { error: 'grant.option_unknown' }).default('standard'),
        /** The committee's finding (003 §2.4); 'pending' until the review. */
        committeeDecision: z
          .enum(['pending', 'approved', 'rejected'], { error: 'grant.option_unknown' })
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
  for (const key of INPUT_KEYS) {
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
          params: {
            line: line.id,
            category: line.category,
            section: SECTION_JA[key],
            sectionEn: key,
            options: allowed.join(', '),
          },
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

export interface CltFormSection {
  section: TCltSection;
  byCategory: Record<string, Yen>;
  total: Yen;
  grant: Yen;
}
export interface CltForm {
  /** 申請する事業費 (tax-inclusive), 助成額, 自己負担額. */
  total: Yen;
  grant: Yen;
  ownShare: Yen;
  sections: CltFormSection[];
  byCategory: Record<string, Yen>;
}
export interface CltBreakdown {
  engine: 'clt';
  rate: {
    requested: 'standard' | 'special';
    applied: 'standard' | 'special';
    committeeDecision: 'pending' | 'approved' | 'rejected';
    specialConditionsMet: string[];
  };
  lines: LineResult[];
  sections: Omit<SectionResult, 'reasons'>[];
  capBeforeProjectCap: Yen;
  /** 様式4-1 (demonstration) and 様式4-2 (council), as the forms lay them out. */
  form4_1: CltForm;
  form4_2: CltForm;
  bonus: { items: { code: string; points: number; source: string }[]; total: number };
  overheads?: { eligibleWorks: Yen; worksTotal: Yen; overheadsTotal: Yen; limit: Yen };
  apportionment?: { cltFloorAreaM2: number; totalFloorAreaM2: number };
}

const T1 = '003 参考資料2 表1';
const T2 = '003 参考資料2 表2';

/** Facts the engine derives from the budget and the 表1 column, unless the applicant gave them. */
export function cltFacts(input: TCltGrantInput): Facts {
  const f: Record<string, Facts[string]> = { ...input.facts };
  const has = (k: InputSectionKey) => (input[k]?.lines.length ?? 0) > 0;
  f.includesBuildingDemo ??= has('building');
  f.includesDesignDemo ??= has('design');
  f.includesPerformanceDemo ??= has('performance');
  if (input.cltUse !== undefined) {
    f.cltStructural ??= isStructuralUse(input.cltUse);
    f.cltPanelMethod ??= input.cltUse === 'panel_only' || input.cltUse === 'panel_with_other';
  }
  return f;
}

export function computeClt(def: TProgrammeDefinition, input: TCltGrantInput): GrantResult<CltBreakdown> {
  const facts0 = cltFacts(input);
  const rateReasons: Reason[] = [];
  const met = def.specialRateConditions
    .filter((c) => evaluate(c.when, facts0).truth === 'true')
    .map((c) => c.code);
  const unknown = def.specialRateConditions.filter((c) => evaluate(c.when, facts0).truth === 'unknown');
  let applied: 'standard' | 'special' = 'standard';
  if (input.rate.requested === 'special') {
    if (input.rate.committeeDecision === 'rejected')
      rateReasons.push(reason('grant.clt.special_rejected', '003 §2.4', {}, 'warning'));
    else if (met.length === 0)
      rateReasons.push(
        unknown.length
          ? reason(
              'grant.clt.special_undetermined',
              '003 §2.4',
              { facts: [...new Set(unknown.flatMap((c) => evaluate(c.when, facts0).missing))].join(', ') },
              'warning',
            )
          : reason('grant.clt.special_conditions_not_met', '003 §2.4', {}, 'warning'),
      );
    else {
      applied = 'special';
      const metConditions = def.specialRateConditions.filter((c) => met.includes(c.code));
      const names = {
        conditions: metConditions.map((c) => c.text.ja).join('／'),
        conditionsEn: metConditions.map((c) => c.text.en).join('; '),
      };
      rateReasons.push(
        input.rate.committeeDecision === 'approved'
          ? reason('grant.clt.special_applied', '003 §2.4', names, 'info')
          : reason('grant.clt.special_pending_committee', '003 §2.4', names, 'warning'),
      );
    }
  }
  const facts: Facts = { ...facts0, rateVariant: applied };

  const eligibility = evaluateCriteria(def.eligibility, facts);
  const lines = judgeLines(def, input, facts);
  const overheads = applyOverheads(input, lines);
  const assembled = assemble(
    def,
    facts,
    eligibility,
    lines.map((l) => l.result),
  );
  const bonus = bonusPoints(def, facts);

  const categoriesOf = (code: string): string[] =>
    def.sections.find((s) => s.code === code)?.categories ?? [];
  const form = (keys: InputSectionKey[]): CltForm => {
    const codes = keys.map((k) => CLT_INPUT_SECTIONS[k]);
    const sections = codes
      .filter((code) => lines.some((l) => l.result.section === code))
      .map((code) => {
        const own = lines.filter((l) => l.result.section === code).map((l) => l.result);
        return {
          section: code,
          byCategory: byCategory(own, categoriesOf(code)),
          total: sumYen(own.map((l) => l.amount)),
          grant: assembled.sections.find((s) => s.section === code)?.grant ?? yen(0),
        };
      });
    const all = lines.filter((l) => (codes as string[]).includes(l.result.section)).map((l) => l.result);
    const total = sumYen(all.map((l) => l.amount));
    const grant = sumYen(sections.map((s) => s.grant));
    return {
      total,
      grant,
      ownShare: yen(Math.max(0, total - grant)),
      sections,
      byCategory: byCategory(all, [...new Set(codes.flatMap(categoriesOf))]),
    };
  };

  const sectionNotes: Reason[] = [];
  if (lines.some((l) => l.line.workType !== undefined))
    sectionNotes.push(
      reason(
        'grant.clt.table_is_guide',
        '003 参考資料2 §2',
        { note: CONSTRUCTION_NOTES.guide.ja, noteEn: CONSTRUCTION_NOTES.guide.en },
        'info',
        { kind: 'section', id: 'building_demo' },
      ),
    );
  if (
    input.cltUse !== undefined &&
    APPORTIONABLE_USES.includes(input.cltUse) &&
    lines.some((l) => l.line.workType !== undefined)
  )
    sectionNotes.push(
      reason(
        'grant.clt.small_use_may_be_assessed',
        T1 + ' 注2)',
        { note: CONSTRUCTION_NOTES.smallUse.ja, noteEn: CONSTRUCTION_NOTES.smallUse.en },
        'info',
        { kind: 'section', id: 'building_demo' },
      ),
    );
  if ((input.facts.councilEngineers ?? 0) > 2)
    sectionNotes.push(
      reason(
        'grant.clt.engineers_about_two',
        '003 §2.6.2(1)',
        { count: input.facts.councilEngineers ?? 0 },
        'warning',
        { kind: 'section', id: 'council' },
      ),
    );

  return {
    programme: def.code,
    eligibility,
    grant: assembled.grant,
    breakdown: {
      engine: 'clt',
      rate: {
        requested: input.rate.requested,
        applied,
        committeeDecision: input.rate.committeeDecision,
        specialConditionsMet: met,
      },
      lines: lines.map((l) => l.result),
      sections: stripReasons(assembled.sections),
      capBeforeProjectCap: assembled.capBeforeProjectCap,
      form4_1: form(['building', 'design', 'performance']),
      form4_2: form(['council']),
      bonus: { items: bonus.items, total: bonus.total },
      ...(overheads ? { overheads } : {}),
      ...(input.mixedStructure?.separable && input.cltUse && APPORTIONABLE_USES.includes(input.cltUse)
        ? {
            apportionment: {
              cltFloorAreaM2: input.mixedStructure.cltFloorAreaM2,
              totalFloorAreaM2: input.mixedStructure.totalFloorAreaM2,
            },
          }
        : {}),
    },
    reasons: [...rateReasons, ...sectionNotes, ...assembled.reasons, ...bonus.reasons],
  };
}

/** Σ per category, every category of the form shown (a row of 0 is still a row on the form). */
function byCategory(lines: readonly LineResult[], categories: readonly string[]): Record<string, Yen> {
  const out: Record<string, Yen> = Object.fromEntries(categories.map((c) => [c, yen(0)]));
  for (const l of lines) out[l.category] = yen((out[l.category] ?? 0) + l.amount);
  return out;
}

interface Judged {
  line: TCltLine;
  result: LineResult;
}

const CATEGORY_TAX: Record<string, 'taxable' | 'non_taxable'> = { engineer_pay: 'non_taxable' };

/** Applies 2.6.1, 2.6.3, 表1, 表2 and the council rules line by line (overheads come after). */
function judgeLines(def: TProgrammeDefinition, input: TCltGrantInput, facts: Facts): Judged[] {
  const out: Judged[] = [];
  for (const key of INPUT_KEYS) {
    const section = CLT_INPUT_SECTIONS[key];
    for (const line of input[key]?.lines ?? []) {
      const subject = { kind: 'line' as const, id: line.id };
      const reasons: Reason[] = [];
      const taxTreatment = line.taxTreatment ?? CATEGORY_TAX[line.category] ?? 'taxable';
      let counted: number = line.amount;
      let status: LineResult['status'] = 'counted';
      let mark: TMark | undefined;
      const exclude = (r: Reason, s: LineResult['status'] = 'excluded') => {
        reasons.push(r);
        counted = 0;
        status = s;
      };

      if (!isWholeThousand(line.amount))
        reasons.push(
          reason(
            'grant.clt.not_thousand_yen',
            '003 様式4-1 注1',
            { line: line.id, amount: line.amount },
            'warning',
            subject,
          ),
        );
      if (line.unitPrice === undefined)
        reasons.push(
          reason('grant.clt.breakdown_missing', '003 様式4-1 注1', { line: line.id }, 'warning', subject),
        );

      if (line.excludedNature !== undefined) {
        const nature = def.ineligibleCosts.find((c) => c.code === line.excludedNature);
        exclude(
          reason(
            'grant.clt.ineligible_cost',
            nature?.source ?? '003 §2.6.3',
            {
              line: line.id,
              nature: nature?.text.ja ?? line.excludedNature,
              natureEn: nature?.text.en ?? line.excludedNature,
            },
            'error',
            subject,
          ),
        );
      } else if (line.measuringInstrument !== undefined && line.measuringInstrument.usefulLifeYears > 1) {
        exclude(
          reason(
            'grant.clt.instrument_lease',
            '003 §2.6.1(1)',
            { line: line.id, years: line.measuringInstrument.usefulLifeYears },
            'error',
            subject,
          ),
        );
      } else if (line.category === 'engineer_pay' && facts.ownerIsCouncilOperator === true) {
        exclude(
          reason('grant.clt.engineer_pay_same_party', '003 §2.6.2(1)', { line: line.id }, 'error', subject),
        );
      } else if (line.workType !== undefined && line.workType !== 'overheads') {
        const row = workRow(line.workType)!;
        const use = input.cltUse as TCltUse;
        const j = judgeWork(row, use, line);
        mark = j.mark;
        const params = {
          line: line.id,
          work: row.name.ja,
          workEn: row.name.en,
          use: CLT_USE_NAMES[use].ja,
          useEn: CLT_USE_NAMES[use].en,
          mark: j.mark,
          ...(j.cell.note ? { note: j.cell.note } : {}),
        };
        if (j.mark === '×')
          exclude(
            reason(
              j.qualifier ? 'grant.clt.work_excluded_by_note' : 'grant.clt.work_not_claimable',
              T1,
              params,
              'error',
              subject,
            ),
          );
        else if (j.mark === '△' && !line.explanation)
          exclude(reason('grant.clt.explanation_required', T1, params, 'error', subject), 'pending');
        else if (j.mark === '△')
          reasons.push(reason('grant.clt.conditional_explained', T1, params, 'info', subject));
        else reasons.push(reason('grant.clt.work_claimable', T1, params, 'info', subject));
        if (
          counted > 0 &&
          input.mixedStructure?.separable &&
          APPORTIONABLE_USES.includes(use) &&
          line.workType !== 'clt' &&
          !line.directlyAttributable
        ) {
          const { cltFloorAreaM2: a, totalFloorAreaM2: t } = input.mixedStructure;
          const before = counted;
          // Areas to 0.01 m², so the ratio is exact in integers.
          counted = fractionOf(yen(counted), Math.round(a * 100), Math.round(t * 100));
          status = 'partly_counted';
          reasons.push(
            reason(
              'grant.clt.apportioned_by_area',
              T1 + ' 注1)',
              { line: line.id, clt: a, total: t, before, amount: counted },
              'info',
              subject,
            ),
          );
        } else if (
          input.mixedStructure &&
          !input.mixedStructure.separable &&
          APPORTIONABLE_USES.includes(use) &&
          counted > 0
        ) {
          reasons.push(
            reason('grant.clt.inseparable_whole', T1 + ' 注1)', { line: line.id }, 'info', subject),
          );
        }
      } else if (line.designItem !== undefined) {
        const row = designRow(line.designItem)!;
        const j = judgeDesign(row, input.cltUse);
        mark = j.mark;
        const params = {
          line: line.id,
          item: row.name.ja,
          itemEn: row.name.en,
          mark: j.mark,
          ...(j.cell.note ? { note: j.cell.note } : {}),
        };
        if (j.mark === '×') exclude(reason('grant.clt.design_not_claimable', T2, params, 'error', subject));
        else if (j.mark === '△' && !line.explanation)
          exclude(
            reason(
              'grant.clt.explanation_required',
              T2,
              { ...params, work: row.name.ja, workEn: row.name.en },
              'error',
              subject,
            ),
            'pending',
          );
        else if (j.mark === '△')
          reasons.push(
            reason(
              'grant.clt.conditional_explained',
              T2,
              { ...params, work: row.name.ja, workEn: row.name.en },
              'info',
              subject,
            ),
          );
        if (row.cell.structuralOnly && input.cltUse === undefined && counted > 0)
          reasons.push(
            reason('grant.clt.structural_design_needs_use', T2, { line: line.id }, 'warning', subject),
          );
      }
      if (
        status === 'counted' &&
        line.category === 'engineer_pay' &&
        facts.ownerIsCouncilOperator === undefined
      )
        reasons.push(
          reason(
            'grant.clt.engineer_pay_parties_unknown',
            '003 §2.6.2(1)',
            { line: line.id },
            'warning',
            subject,
          ),
        );
      if (
        status === 'counted' &&
        line.measuringInstrument !== undefined &&
        line.amount >= INSTRUMENT_PRICE_GUIDE
      )
        reasons.push(
          reason(
            'grant.clt.instrument_price_guide',
            '003 §2.6.1(1)',
            { line: line.id, amount: line.amount, guide: INSTRUMENT_PRICE_GUIDE },
            'warning',
            subject,
          ),
        );

      out.push({
        line,
        result: {
          id: line.id,
          section,
          category: line.category,
          ...(line.description ? { description: line.description } : {}),
          amount: line.amount,
          counted: yen(counted),
          taxTreatment,
          status,
          ...(mark ? { mark } : {}),
          reasons,
        },
      });
    }
  }
  return out;
}

/**
 * 諸経費: ○, but only up to the overheads prorated by the share of claimable works
 * (該当工事費割合で案分した金額以下). limit = overheads × claimable works ÷ all works, rounded
 * down; each overheads line is cut to what is left of that limit.
 */
function applyOverheads(input: TCltGrantInput, lines: Judged[]): CltBreakdown['overheads'] {
  const overheadLines = lines.filter((l) => l.line.workType === 'overheads' && l.result.status === 'counted');
  if (overheadLines.length === 0) return undefined;
  const workLines = lines.filter((l) => l.line.workType !== undefined && l.line.workType !== 'overheads');
  const eligibleWorks = sumYen(workLines.map((l) => l.result.counted));
  const listedWorks = sumYen(workLines.map((l) => l.line.amount));
  const worksTotal = input.works?.totalExcludingOverheads ?? listedWorks;
  const overheadsTotal = input.works?.overheadsTotal ?? sumYen(overheadLines.map((l) => l.line.amount));
  const limit = worksTotal > 0 ? fractionOf(overheadsTotal, eligibleWorks, worksTotal) : yen(0);
  let left: number = limit;
  for (const l of overheadLines) {
    const subject = { kind: 'line' as const, id: l.line.id };
    const counted = Math.min(l.line.amount, left);
    left -= counted;
    l.result.mark = '○';
    if (input.works?.totalExcludingOverheads === undefined)
      l.result.reasons.push(
        reason(
          'grant.clt.works_total_assumed',
          T1,
          { line: l.line.id, listed: listedWorks },
          'warning',
          subject,
        ),
      );
    l.result.reasons.push(
      reason(
        'grant.clt.overheads_prorated',
        T1,
        { line: l.line.id, overheads: overheadsTotal, eligibleWorks, worksTotal, limit, amount: counted },
        'info',
        subject,
      ),
    );
    if (counted < l.line.amount) {
      l.result.counted = yen(counted);
      l.result.status = counted === 0 ? 'excluded' : 'partly_counted';
    }
  }
  return { eligibleWorks, worksTotal, overheadsTotal, limit };
}
