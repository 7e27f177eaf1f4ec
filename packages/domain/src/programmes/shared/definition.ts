import { z } from 'zod';
import { ZCondition, type TCondition } from './conditions';
import { ZIsoDate, ZJstText } from './dates';
import { ENGINE_FACTS } from './engine-facts';

/**
 * A support programme as data (SPEC §4: "a new programme should be mostly data"). The definition
 * says what the documents say — categories, rates, caps, windows, forms, criteria — and names the
 * rule set (`engine`) that computes with it. The CO2 and CLT engines add what cannot be data
 * (licence proration, the construction-work matrix); everything else goes through the generic one.
 */

export const ZText = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
export type TText = z.infer<typeof ZText>;

/**
 * Where a rule comes from: a source document's number then where ("003 §2.5", "003 参考資料2 表1"),
 * or, for a programme an office defines itself, its own document and section ("公募要領 §3").
 */
export const ZSource = z.string().trim().min(1, { message: 'programmes.definition_source_required' }).max(200);

const code = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** An exact fraction, at most 1 (定額 = 1/1: the whole eligible cost, up to a cap). */
export const ZRateFraction = z
  .strictObject({ numerator: z.number().int().min(0), denominator: z.number().int().min(1) })
  .refine((r) => r.numerator <= r.denominator, { message: 'programmes.rate_above_one' });
export type TRateFraction = z.infer<typeof ZRateFraction>;

export const TAX_TREATMENTS = ['taxable', 'non_taxable'] as const;
export const ZTaxTreatment = z.enum(TAX_TREATMENTS, { error: 'programmes.definition_tax_treatment_required' });
export type TTaxTreatment = z.infer<typeof ZTaxTreatment>;

export const ZCostCategory = z.strictObject({
  code,
  name: ZText,
  /**
   * Whether the category's costs normally carry consumption tax. Pay (技術者給, 人件費) does not
   * (不課税), which is how the 様式4-2 example loses exactly ¥21,000 of its ¥1,031,000 budget.
   */
  taxTreatment: ZTaxTreatment,
  /** Eligibility notes (what is and is not included), shown beside the budget line. */
  notes: z.array(ZText).default([]),
  source: ZSource,
});
export type TCostCategory = z.infer<typeof ZCostCategory>;

export const ZRateRule = z.strictObject({
  id: code,
  rate: ZRateFraction,
  /** 'at_most': up to rate × cost (the usual 補助率); 'fixed_amount': 定額, the cost itself up to a cap. */
  basis: z.enum(['at_most', 'fixed_amount']).default('at_most'),
  when: ZCondition.optional(),
  name: ZText.optional(),
  source: ZSource,
});
export type TRateRule = z.infer<typeof ZRateRule>;

/** A part of the budget with its own rate (CLT: building / design / performance / council). */
export const ZSection = z.strictObject({
  code,
  name: ZText,
  categories: z.array(code).min(1),
  /** The first rule whose condition holds applies; none → the section gets nothing (e.g. ZEB Oriented offices). */
  rates: z.array(ZRateRule).min(1),
  source: ZSource,
});
export type TSection = z.infer<typeof ZSection>;

export const CAP_SCOPES = [
  'per_item',
  'per_section',
  'per_project',
  'per_applicant',
  'programme_budget',
] as const;
export const ZCap = z.strictObject({
  id: code,
  scope: z.enum(CAP_SCOPES),
  /** per_item: what an item is (a 'factor'); per_section: which section. */
  itemKind: code.optional(),
  section: code.optional(),
  amount: z.number().int().min(0, { message: 'programmes.definition_negative_cap' }),
  taxIncluded: z.boolean(),
  /** "程度" / "約": the document gives the figure as approximate. */
  approximate: z.boolean().default(false),
  /** 'hard' caps cut the grant; 'guideline' caps (程度) only explain that the amount is above the figure. */
  enforcement: z.enum(['hard', 'guideline']).default('hard'),
  /** Additive caps raise the matching base cap of the same scope (LCA: +¥4M when factors are developed). */
  additive: z.boolean().default(false),
  when: ZCondition.optional(),
  name: ZText,
  source: ZSource,
});
export type TCap = z.infer<typeof ZCap>;

export const ZWindow = z.strictObject({
  id: code,
  /** JST wall-clock, inclusive. */
  opensAt: ZJstText,
  /** JST wall-clock, exclusive ("12月24日まで" → 12-25T00:00; "4月6日13時必着" → 04-06T13:00). */
  closesAt: ZJstText,
  label: ZText,
  /** 001 §2.6: acceptance stops once the approved totals reach the budget. */
  closesEarlyWhenBudgetExhausted: z.boolean().default(false),
  source: ZSource,
});
export type TWindow = z.infer<typeof ZWindow>;

export const ZPageLimit = z.strictObject({
  paper: z.enum(['A4', 'A3']),
  min: z.number().int().min(1).optional(),
  max: z.number().int().min(1),
  /** "程度" / "程度まで": exceeding is a warning, not a refusal. */
  approximate: z.boolean().default(false),
});
export type TPageLimit = z.infer<typeof ZPageLimit>;

export const ZRequiredDocument = z.strictObject({
  code,
  name: ZText,
  phase: z.enum(['application', 'results_report']),
  /** Which file the office wants: the designated Excel form, a PDF, or any. */
  format: z.enum(['designated_excel', 'designated_form', 'pdf', 'any']),
  pages: ZPageLimit.optional(),
  /** Needed only when this holds (e.g. attachment 5 only when claiming the wood-use agreement bonus). */
  requiredWhen: ZCondition.optional(),
  /** May be left out when this holds (drawings for design/performance-only proposals). */
  omissibleWhen: ZCondition.optional(),
  /** One per party (owner and council operator) unless they are the same. */
  perParty: z.boolean().default(false),
  note: ZText.optional(),
  source: ZSource,
});
export type TRequiredDocument = z.infer<typeof ZRequiredDocument>;

export const ZCriterion = z.strictObject({
  /** The reason code reported when the criterion is not met. */
  code: z.string().regex(/^eligibility\.[a-z0-9_.]+$/),
  text: ZText,
  appliesWhen: ZCondition.optional(),
  requires: ZCondition,
  /** required → not met makes it ineligible; recommended (望ましい) → a warning; notice → information. */
  level: z.enum(['required', 'recommended', 'notice']),
  source: ZSource,
});
export type TCriterion = z.infer<typeof ZCriterion>;

/**
 * A question the application form asks (an eligibility question): its answer is a fact the
 * definition's conditions may read. The CLT and CO2 engines bring their own questions (ENGINE_FACTS).
 */
export const ZQuestion = z.strictObject({
  fact: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
  text: ZText,
  answer: z.enum(['yes_no', 'number', 'date', 'text']),
  source: ZSource,
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZEvaluationItem = z.strictObject({ code, text: ZText, source: ZSource });
/** An item of the scoring sheet: integer weights keep the totals exact, so a ranking never rounds. */
export const ZScoredItem = ZEvaluationItem.extend({
  weight: z.number().int({ message: 'programmes.definition_weight_invalid' }).min(1, { message: 'programmes.definition_weight_invalid' }).max(100, { message: 'programmes.definition_weight_invalid' }).default(1),
});

const ZScore = z.number().int({ message: 'programmes.definition_scale_invalid' }).min(0, { message: 'programmes.definition_scale_invalid' }).max(100, { message: 'programmes.definition_scale_invalid' });

/**
 * ASSUMPTION: 003 §3.3 lists the evaluation items and says the evaluation is overall (総合的に),
 * with no scale or weights. The default is five levels per item, each of weight 1, so a CLT sheet
 * totals 6–30; an office with its own sheet sets its scale, levels and weights here.
 */
export const DEFAULT_SCORING = {
  scale: { min: 1, max: 5 },
  levels: [
    { score: 5, text: { ja: '特に優れている', en: 'Outstanding' } },
    { score: 4, text: { ja: '優れている', en: 'Good' } },
    { score: 3, text: { ja: '標準的', en: 'Adequate' } },
    { score: 2, text: { ja: 'やや劣る', en: 'Weak' } },
    { score: 1, text: { ja: '劣る', en: 'Poor' } },
  ],
  assumption: true,
};

/** How each evaluation item is scored: whole numbers from min to max, and what each level means. */
export const ZScoring = z.strictObject({
  scale: z.strictObject({ min: ZScore, max: ZScore }),
  levels: z.array(z.strictObject({ score: ZScore, text: ZText })).max(101).default([]),
  /** True when the scale or weights are not in the call document. */
  assumption: z.boolean().default(false),
  source: ZSource.optional(),
});
export type TScoring = z.output<typeof ZScoring>;
export const ZBonusItem = z.strictObject({
  code,
  text: ZText,
  when: ZCondition,
  /** The documents give no weights (003 §3.3.2 only says points are cumulative); null = count it. */
  points: z.number().int().min(1).nullable().default(null),
  source: ZSource,
});
export type TBonusItem = z.infer<typeof ZBonusItem>;

/** A tick-box sheet (003 添付様式6): items in groups; ※ items may be "not applicable". */
export const ZChecklistDefinition = z.strictObject({
  code,
  name: ZText,
  groups: z.array(z.strictObject({ no: z.number().int().min(1), name: ZText })).min(1),
  items: z
    .array(
      z.strictObject({
        no: z.number().int().min(1),
        /** As printed (①…⑮). */
        label: z.string().min(1),
        group: z.number().int().min(1),
        text: ZText,
        /** The ※ condition under which the item applies; null = always applies. */
        onlyIf: ZText.nullable(),
      }),
    )
    .min(1),
  /** One sheet per party (owner and council operator) unless they are the same. */
  perParty: z.boolean().default(false),
  phases: z.array(z.enum(['application', 'results_report'])).min(1),
  source: ZSource,
});
export type TChecklistDefinition = z.output<typeof ZChecklistDefinition>;

export const ZIneligibleCost = z.strictObject({ code, text: ZText, source: ZSource });

export const ZRetention = z.strictObject({
  what: ZText,
  years: z.number().int().min(1),
  /** Counted from the end of the fiscal year of the grant (交付年度終了後). */
  from: z.enum(['end_of_grant_fiscal_year']),
  source: ZSource,
});

export const ENGINES = ['co2_factor', 'clt', 'generic'] as const;

export const ZProgrammeDefinition = z
  .strictObject({
    /** The programme's code; the three built-ins use their PROGRAMME_KINDS name. */
    code,
    engine: z.enum(ENGINES),
    name: ZText,
    operator: ZText,
    fiscalYear: z.number().int().min(2019).max(2100),
    /** The source document's number, or the title of the office's own call document. */
    sourceDocument: z.string().trim().min(1).max(200),
    money: z.strictObject({
      /** Whether the rate applies to the tax-inclusive cost or the cost without consumption tax. */
      taxBasis: z.enum(['tax_inclusive', 'tax_exclusive']),
      /** The grant is rounded down to this unit (1 = the yen, SPEC §1's default). */
      grantRoundingUnit: z.union([z.literal(1), z.literal(1000)]).default(1),
      /** The unit the forms ask amounts in (003 様式4-1 注1: 千円単位). */
      formUnit: z.union([z.literal(1), z.literal(1000)]).default(1),
      explanation: ZText,
      source: ZSource,
    }),
    windows: z.array(ZWindow).default([]),
    projectPeriod: z
      .strictObject({
        starts: ZText,
        /** The normal last day (003 §2.1(6): end of March 2026). */
        standardEnd: ZIsoDate.optional(),
        /** The latest day with carry-over (繰越) approval (003 §2.1(6), §3.6: 2027-02-19). */
        latestEnd: ZIsoDate.optional(),
        source: ZSource,
      })
      .optional(),
    budget: z.strictObject({
      amount: z.number().int().min(0).nullable(),
      approximate: z.boolean().default(false),
      expectedProjects: z.number().int().min(1).nullable().default(null),
      source: ZSource.optional(),
    }),
    costCategories: z.array(ZCostCategory).min(1),
    sections: z.array(ZSection).min(1),
    caps: z.array(ZCap).default([]),
    /** Order in which sections give way when a per-project cap cuts the total. */
    capReductionOrder: z.array(code).default([]),
    ineligibleCosts: z.array(ZIneligibleCost).default([]),
    questions: z.array(ZQuestion).default([]),
    eligibility: z.array(ZCriterion).default([]),
    /** Criteria checked per item (per emission factor for the CO2 programme). */
    itemEligibility: z.array(ZCriterion).default([]),
    /** Conditions of which one must hold for the special rate (003 §2.4). */
    specialRateConditions: z.array(ZEvaluationItem.extend({ when: ZCondition })).default([]),
    evaluationItems: z.array(ZScoredItem).default([]),
    scoring: ZScoring.default(DEFAULT_SCORING),
    bonusItems: z.array(ZBonusItem).default([]),
    requiredDocuments: z.array(ZRequiredDocument).default([]),
    checklists: z.array(ZChecklistDefinition).default([]),
    retention: z.array(ZRetention).default([]),
    notes: z.array(ZText.extend({ source: ZSource })).default([]),
  })
  .superRefine((def, ctx) => {
    const categories = new Set(def.costCategories.map((c) => c.code));
    const sections = new Set(def.sections.map((s) => s.code));
    def.sections.forEach((s, i) =>
      s.categories.forEach((c, j) => {
        if (!categories.has(c))
          ctx.addIssue({
            code: 'custom',
            message: 'programmes.definition_unknown_category',
            path: ['sections', i, 'categories', j],
          });
      }),
    );
    def.caps.forEach((cap, i) => {
      if (cap.scope === 'per_section' && (cap.section === undefined || !sections.has(cap.section)))
        ctx.addIssue({
          code: 'custom',
          message: 'programmes.definition_unknown_section',
          path: ['caps', i, 'section'],
        });
      if (cap.scope === 'per_item' && cap.itemKind === undefined)
        ctx.addIssue({
          code: 'custom',
          message: 'programmes.definition_item_kind_required',
          path: ['caps', i, 'itemKind'],
        });
    });
    def.capReductionOrder.forEach((s, i) => {
      if (!sections.has(s))
        ctx.addIssue({
          code: 'custom',
          message: 'programmes.definition_unknown_section',
          path: ['capReductionOrder', i],
        });
    });
    def.windows.forEach((w, i) => {
      if (w.closesAt <= w.opensAt)
        ctx.addIssue({
          code: 'custom',
          message: 'programmes.definition_window_order',
          path: ['windows', i, 'closesAt'],
        });
    });
    if (def.scoring.scale.min >= def.scoring.scale.max)
      ctx.addIssue({ code: 'custom', message: 'programmes.definition_scale_order', path: ['scoring', 'scale', 'max'] });
    def.scoring.levels.forEach((l, i) => {
      if (l.score < def.scoring.scale.min || l.score > def.scoring.scale.max)
        ctx.addIssue({ code: 'custom', message: 'programmes.definition_level_outside_scale', path: ['scoring', 'levels', i, 'score'] });
    });
    def.checklists.forEach((cl, i) => {
      const groups = new Set(cl.groups.map((g) => g.no));
      cl.items.forEach((it, j) => {
        if (!groups.has(it.group))
          ctx.addIssue({
            code: 'custom',
            message: 'programmes.definition_unknown_group',
            path: ['checklists', i, 'items', j, 'group'],
          });
      });
    });
    for (const { path, fact } of conditionFacts(def))
      if (!knownFacts(def).has(fact))
        ctx.addIssue({ code: 'custom', message: 'programmes.definition_unknown_fact', path, params: { fact } });
    const codes = [...def.eligibility, ...def.itemEligibility].map((c) => c.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({
        code: 'custom',
        message: 'programmes.definition_duplicate_code',
        path: ['eligibility'],
      });
  });

export type TProgrammeDefinition = z.output<typeof ZProgrammeDefinition>;

type DefinitionShape = Pick<
  TProgrammeDefinition,
  'engine' | 'questions' | 'costCategories' | 'sections' | 'caps' | 'eligibility' | 'itemEligibility' | 'specialRateConditions' | 'bonusItems' | 'requiredDocuments'
>;

/** The facts a definition's conditions may read: its engine's, its questions', and each category's cost. */
export function knownFacts(def: Pick<DefinitionShape, 'engine' | 'questions' | 'costCategories'>): Set<string> {
  return new Set<string>([
    ...ENGINE_FACTS[def.engine],
    ...def.questions.map((q) => q.fact),
    ...def.costCategories.map((c) => `cost.${c.code}`),
  ]);
}

type Path = (string | number)[];

function factsOf(cond: TCondition | undefined, path: Path): { path: Path; fact: string }[] {
  if (cond === undefined) return [];
  if ('all' in cond) return cond.all.flatMap((c, i) => factsOf(c, [...path, 'all', i]));
  if ('any' in cond) return cond.any.flatMap((c, i) => factsOf(c, [...path, 'any', i]));
  if ('not' in cond) return factsOf(cond.not, [...path, 'not']);
  return [{ path: [...path, 'fact'], fact: cond.fact }];
}

/** Every fact a definition's conditions read, with where the condition is. */
export function conditionFacts(def: DefinitionShape): { path: Path; fact: string }[] {
  const criteria = (list: readonly TCriterion[], key: string) =>
    list.flatMap((c, i) => [...factsOf(c.appliesWhen, [key, i, 'appliesWhen']), ...factsOf(c.requires, [key, i, 'requires'])]);
  return [
    ...def.sections.flatMap((s, i) => s.rates.flatMap((r, j) => factsOf(r.when, ['sections', i, 'rates', j, 'when']))),
    ...def.caps.flatMap((c, i) => factsOf(c.when, ['caps', i, 'when'])),
    ...criteria(def.eligibility, 'eligibility'),
    ...criteria(def.itemEligibility, 'itemEligibility'),
    ...def.specialRateConditions.flatMap((c, i) => factsOf(c.when, ['specialRateConditions', i, 'when'])),
    ...def.bonusItems.flatMap((b, i) => factsOf(b.when, ['bonusItems', i, 'when'])),
    ...def.requiredDocuments.flatMap((d, i) => [
      ...factsOf(d.requiredWhen, ['requiredDocuments', i, 'requiredWhen']),
      ...factsOf(d.omissibleWhen, ['requiredDocuments', i, 'omissibleWhen']),
    ]),
  ];
}
export type TProgrammeDefinitionInput = z.input<typeof ZProgrammeDefinition>;

/** Validates programme data; throws with the zod issues, since a broken built-in is a programming error. */
export function defineProgramme(data: TProgrammeDefinitionInput): TProgrammeDefinition {
  return ZProgrammeDefinition.parse(data);
}
