import { z } from 'zod';
import { CATEGORY_CODES, DEFAULT_SUB_ITEM, subItem, ZCategoryCode, ZMethod } from './categories';
import { ZEnergyCarrier } from './energy';
import { ZEmissionFactor, ZIsoDate } from './factors';
import { ZGas, ZGwpSet } from './gwp';
import { ZBuildingUse } from './period';
import { ZUnit } from './units';

const nonNegative = (code = 'carbon.number_negative') =>
  z
    .number({ error: 'carbon.number_invalid' })
    .finite({ message: 'carbon.number_invalid' })
    .nonnegative({ message: code });
const positive = z
  .number({ error: 'carbon.number_invalid' })
  .finite({ message: 'carbon.number_invalid' })
  .positive({ message: 'carbon.number_not_positive' });
/** A fraction 0–1 (leak rates, recycling rates): never a percentage, so 2 cannot mean 2%. */
const fraction = z
  .number({ error: 'carbon.number_invalid' })
  .min(0, { message: 'carbon.rate_out_of_range' })
  .max(1, { message: 'carbon.rate_out_of_range' });

export const STRUCTURES = ['RC', 'S', 'SRC', 'W', 'CLT', 'mixed'] as const;
export type TStructure = (typeof STRUCTURES)[number];
export const STRUCTURE_NAMES: Record<TStructure, { ja: string; en: string }> = {
  RC: { ja: '鉄筋コンクリート造', en: 'Reinforced concrete' },
  S: { ja: '鉄骨造', en: 'Steel' },
  SRC: { ja: '鉄骨鉄筋コンクリート造', en: 'Steel-reinforced concrete' },
  W: { ja: '木造', en: 'Timber' },
  CLT: { ja: 'CLT造', en: 'CLT' },
  mixed: { ja: '混構造', en: 'Mixed' },
};

export const ZBuilding = z.object({
  use: ZBuildingUse,
  structure: z.enum(STRUCTURES, { error: 'carbon.structure_unknown' }),
  grossFloorAreaM2: z
    .number({ error: 'carbon.floor_area_required' })
    .finite({ message: 'carbon.floor_area_required' })
    .positive({ message: 'carbon.floor_area_required' }),
  storeysAboveGround: z.number().int().min(0).optional(),
  storeysBelowGround: z.number().int().min(0).optional(),
  /** 省エネ地域区分 or prefecture; recorded, not used in the arithmetic. */
  region: z.string().optional(),
  works: z.enum(['new', 'renovation'], { error: 'carbon.works_unknown' }).default('new'),
  ageYears: z
    .number({ error: 'carbon.number_invalid' })
    .int()
    .min(0, { message: 'carbon.number_negative' })
    .optional(),
  structuralWork: z.boolean().optional(),
  /** 品確法 劣化対策等級 (1–3), which sets the housing evaluation period. */
  durabilityGrade: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { error: 'carbon.durability_grade_invalid' })
    .optional(),
});
export type TBuilding = z.infer<typeof ZBuilding>;

/**
 * One line of the bill of quantities. The sub-item may be left out for categories that have only
 * one (1 直接仮設, 6 その他). Physical properties (density, thickness …) on the line override the
 * factor's and are needed only when the line's unit differs from the factor's declared unit.
 */
export const ZBoqLine = z
  .object({
    id: z.string({ error: 'carbon.line_id_required' }).min(1, { message: 'carbon.line_id_required' }),
    category: ZCategoryCode,
    subItem: z.string().optional(),
    materialKey: z
      .string({ error: 'carbon.material_key_required' })
      .min(1, { message: 'carbon.material_key_required' }),
    quantity: z
      .number({ error: 'carbon.quantity_invalid' })
      .finite({ message: 'carbon.quantity_invalid' })
      .nonnegative({ message: 'carbon.quantity_negative' }),
    unit: ZUnit,
    /** Pin a factor from the library (or the project's own factors) by id. */
    factorId: z.string().min(1).optional(),
    density: positive.optional(),
    thickness: positive.optional(),
    kgPerPiece: positive.optional(),
    kgPerMetre: positive.optional(),
    label: z.string().optional(),
  })
  .transform((line, ctx) => {
    const code = line.subItem ?? DEFAULT_SUB_ITEM[line.category];
    if (code === undefined) {
      ctx.addIssue({ code: 'custom', message: 'carbon.sub_item_required', path: ['subItem'] });
      return z.NEVER;
    }
    const item = subItem(code);
    if (!item) {
      ctx.addIssue({ code: 'custom', message: 'carbon.sub_item_unknown', path: ['subItem'] });
      return z.NEVER;
    }
    if (item.category !== line.category) {
      ctx.addIssue({ code: 'custom', message: 'carbon.sub_item_mismatch', path: ['subItem'] });
      return z.NEVER;
    }
    return { ...line, subItem: code };
  });
export type TBoqLine = z.output<typeof ZBoqLine>;
export type TBoqLineInput = z.input<typeof ZBoqLine>;

const ZGasEntry = z.object({
  id: z.string().min(1, { message: 'carbon.line_id_required' }),
  gas: ZGas,
  /** Only for gas 'custom'. */
  gwp: positive.optional(),
  label: z.string().optional(),
});
const customGwp = <T extends { gas: string; gwp?: number | undefined }>(entry: T, ctx: z.RefinementCtx) => {
  if (entry.gas === 'custom' && entry.gwp === undefined)
    ctx.addIssue({ code: 'custom', message: 'carbon.gwp_required', path: ['gwp'] });
  if (entry.gas !== 'custom' && entry.gwp !== undefined)
    ctx.addIssue({ code: 'custom', message: 'carbon.gwp_not_allowed', path: ['gwp'] });
};

/** A refrigerant circuit: B1 = charge × annual leak rate × GWP × years; C1 adds the loss at disposal. */
export const ZRefrigerant = ZGasEntry.extend({
  chargeKg: nonNegative(),
  annualLeakRate: fraction,
  /** Share of the charge lost when the equipment is scrapped (C1); left out when not given. */
  endOfLifeLossRate: fraction.optional(),
}).superRefine(customGwp);
export type TRefrigerant = z.infer<typeof ZRefrigerant>;

/** Blowing agent in foam insulation: lost at a yearly rate, at most all of it. */
export const ZBlowingAgent = ZGasEntry.extend({
  agentKg: nonNegative(),
  annualLossRate: fraction,
}).superRefine(customGwp);
export type TBlowingAgent = z.infer<typeof ZBlowingAgent>;

/** Annual delivered energy of one carrier (the design value, before on-site generation). */
export const ZEnergyUse = z.object({
  carrier: ZEnergyCarrier,
  annualQuantity: nonNegative(),
  unit: ZUnit,
  /** kg-CO2 per the entry's unit; replaces the carrier's default (e.g. the gas supplier's own). */
  factorKgCo2ePerUnit: nonNegative().optional(),
  factorSource: z.string().optional(),
});
export type TEnergyUse = z.infer<typeof ZEnergyUse>;

/** On-site generation: what is used on site nets B6; what is exported is reported in D2. */
export const ZRenewable = z
  .object({
    id: z.string().min(1, { message: 'carbon.line_id_required' }),
    annualGenerationKWh: nonNegative(),
    selfConsumedKWh: nonNegative(),
    label: z.string().optional(),
  })
  .refine((r) => r.selfConsumedKWh <= r.annualGenerationKWh, {
    message: 'carbon.self_consumption_exceeds_generation',
    path: ['selfConsumedKWh'],
  });
export type TRenewable = z.infer<typeof ZRenewable>;

export const ZWater = z.object({
  annualM3: nonNegative(),
  /** Supply and sewage together, kg-CO2e per m³ (no national figure is cited, so it is required). */
  factorKgCo2ePerM3: z
    .number({ error: 'carbon.water_factor_required' })
    .finite()
    .nonnegative({ message: 'carbon.number_negative' }),
  factorSource: z.string().optional(),
});

const categoryFractions = z.partialRecord(ZCategoryCode, fraction);
const cycleKey = z
  .string()
  .refine((k) => (CATEGORY_CODES as readonly string[]).includes(k) || subItem(k) !== undefined, {
    message: 'carbon.sub_item_unknown',
  });

/** Scenario parameters. Anything left out takes its default from SCENARIO_DEFAULTS (and is listed). */
export const ZScenario = z.object({
  /** A4 and A5 as shares of A1–A3 (J-CAT's 工事分倍率). */
  a4Rate: fraction.optional(),
  a5Rate: fraction.optional(),
  /** Measured or planned transport (A4) and site (A5) totals; they replace the shares. */
  siteA4KgCo2e: nonNegative().optional(),
  siteA5KgCo2e: nonNegative().optional(),
  maintenanceKgCo2ePerYear: nonNegative().optional(),
  /** B3 per year as a share of the category's A1–A3. */
  repairRatePerYear: categoryFractions.optional(),
  /** Years between replacements by category or sub-item ("4", "4.4"); null = lasts the period. */
  replacementCycleYears: z.record(cycleKey, positive.nullable()).optional(),
  refurbishments: z
    .array(z.object({ id: z.string().min(1), label: z.string().min(1), kgCo2e: nonNegative() }))
    .optional(),
  reuseRate: categoryFractions.optional(),
  recyclingRate: categoryFractions.optional(),
  endOfLifePerKg: z
    .object({ c1: nonNegative(), c2: nonNegative(), c3: nonNegative(), c4: nonNegative() })
    .partial()
    .optional(),
});
export type TScenario = z.infer<typeof ZScenario>;

/** The input's fields; ZAssessmentInput adds the checks across lines. */
export const ZAssessmentBase = z.object({
  project: z.object({
    id: z.string().optional(),
    name: z
      .string({ error: 'carbon.project_name_required' })
      .min(1, { message: 'carbon.project_name_required' }),
    building: ZBuilding,
  }),
  /** The date the assessment speaks for: factor ages and validity are judged against it. */
  assessmentDate: ZIsoDate,
  method: ZMethod,
  /** Overrides the period J-CAT's rule gives. */
  evaluationPeriodYears: z
    .number({ error: 'carbon.period_invalid' })
    .int({ message: 'carbon.period_invalid' })
    .positive({ message: 'carbon.period_not_positive' })
    .optional(),
  gwpSet: ZGwpSet.default('AR5'),
  boq: z.array(ZBoqLine),
  refrigerants: z.array(ZRefrigerant).default([]),
  blowingAgents: z.array(ZBlowingAgent).default([]),
  energy: z.array(ZEnergyUse).default([]),
  /** kg-CO2 per kWh for purchased electricity and for on-site generation netted against it. */
  gridFactorKgCo2ePerKWh: nonNegative().optional(),
  gridFactorSource: z.string().optional(),
  renewables: z.array(ZRenewable).default([]),
  water: ZWater.optional(),
  scenario: ZScenario.default({}),
  /** The project's own factors (EPDs of procured products …), added to the library. */
  factors: z.array(ZEmissionFactor).default([]),
  /** Return a result even when some lines have no factor; it is then marked incomplete. */
  allowIncomplete: z.boolean().default(false),
});

export const ZAssessmentInput = ZAssessmentBase.superRefine((input, ctx) => {
  const seen = new Set<string>();
  input.boq.forEach((line, index) => {
    if (seen.has(line.id))
      ctx.addIssue({ code: 'custom', message: 'carbon.line_id_duplicate', path: ['boq', index, 'id'] });
    seen.add(line.id);
  });
});
export type TAssessmentInput = z.output<typeof ZAssessmentInput>;
export type TAssessmentInputRaw = z.input<typeof ZAssessmentInput>;
