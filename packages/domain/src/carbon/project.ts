import { z } from 'zod';
import { ZMethod } from './categories';
import { compareResults, type TComparison } from './compare';
import { assess } from './engine';
import { type TEmissionFactor } from './factors';
import { ZProjectFactor } from './user-factor';
import { ZGwpSet } from './gwp';
import { ZBlowingAgent, ZEnergyUse, ZRefrigerant, ZRenewable, ZScenario, ZWater, type TAssessmentInputRaw } from './model';
import type { TAssessOutcome } from './result';

/**
 * A carbon project as the calculator keeps it between sessions. It is a draft: lines may be
 * half-typed (a quantity not yet entered, a material still unknown), and the assessment, not the
 * save, says what is wrong with them, by line. What is stored is therefore checked for shape and
 * size only; `projectInput` turns it into the engine's input, which `assess` validates in full.
 */

const text = (max: number) => z.string().max(max, { message: 'validation.invalid' });
const optionalNumber = z.number().finite().nullable().optional();

export const ZBoqDraftLine = z.object({
  id: z.string().min(1, { message: 'carbon.line_id_required' }).max(64),
  category: text(8),
  subItem: text(16).optional(),
  materialKey: text(200),
  /** The material as the BoQ named it (「異形棒鋼」), kept beside the library key it was mapped to. */
  materialName: text(200).optional(),
  quantity: z.number().finite().nullable(),
  unit: text(16),
  factorId: text(200).optional(),
  label: text(500).optional(),
  density: optionalNumber,
  thickness: optionalNumber,
  kgPerPiece: optionalNumber,
  kgPerMetre: optionalNumber,
});
export type TBoqDraftLine = z.infer<typeof ZBoqDraftLine>;

/** The building as entered so far; the assessment names what is missing (use, structure, floor area …). */
export const ZBuildingDraft = z.object({
  use: text(32).optional(),
  structure: text(32).optional(),
  grossFloorAreaM2: optionalNumber,
  storeysAboveGround: optionalNumber,
  storeysBelowGround: optionalNumber,
  region: text(100).optional(),
  works: z.enum(['new', 'renovation']).default('new'),
  ageYears: optionalNumber,
  structuralWork: z.boolean().optional(),
  durabilityGrade: optionalNumber,
});
export type TBuildingDraft = z.infer<typeof ZBuildingDraft>;

export const ZProjectSettings = z.object({
  assessmentDate: text(10),
  method: ZMethod,
  evaluationPeriodYears: optionalNumber,
  gwpSet: ZGwpSet.default('AR5'),
  energy: z.array(ZEnergyUse).max(20).default([]),
  gridFactorKgCo2ePerKWh: optionalNumber,
  gridFactorSource: text(500).optional(),
  /** Operational inputs (B1, B6, B7), as the engine takes them. */
  refrigerants: z.array(ZRefrigerant).max(50).default([]),
  blowingAgents: z.array(ZBlowingAgent).max(50).default([]),
  renewables: z.array(ZRenewable).max(20).default([]),
  water: ZWater.optional(),
  /** Show a result marked incomplete while some lines still lack a factor. */
  allowIncomplete: z.boolean().default(false),
  /**
   * Factors the user entered for this project, each with its source, for materials the library
   * has no value for (or a product's own EPD); results name the lines that rest on them.
   */
  factors: z.array(ZProjectFactor).max(100, { message: 'validation.invalid' }).default([]),
});
export type TProjectSettings = z.infer<typeof ZProjectSettings>;

export const ZProjectScenario = z.object({
  id: z.string().min(1).max(32),
  name: z.string().trim().min(1, { message: 'validation.invalid' }).max(100),
  scenario: ZScenario,
});
export type TProjectScenario = z.infer<typeof ZProjectScenario>;

export const CARBON_BOQ_MAX_LINES = 20_000;

export const ZCarbonProjectContent = z.object({
  name: z.string().trim().min(1, { message: 'carbon.project_name_required' }).max(200, { message: 'validation.invalid' }),
  building: ZBuildingDraft,
  settings: ZProjectSettings,
  boq: z.array(ZBoqDraftLine).max(CARBON_BOQ_MAX_LINES, { message: 'carbon.import_too_many_rows' }),
  /** The first is the baseline; others are compared with it. */
  scenarios: z.array(ZProjectScenario).min(1).max(5),
});

export type TCarbonProjectContent = z.infer<typeof ZCarbonProjectContent>;

/** A new assessment: its name, and the organisation and application it belongs to when not the caller's first. */
export const ZNewCarbonProject = z.object({
  name: ZCarbonProjectContent.shape.name,
  organisationId: z.uuid().optional(),
  applicationId: z.uuid().nullable().default(null),
});
export type TCarbonProjectContentInput = z.input<typeof ZCarbonProjectContent>;

export const BASELINE_SCENARIO: TProjectScenario = { id: 'base', name: '基本案', scenario: {} };

/** A new project: today's date is passed in (the domain never reads the clock). */
export function newProjectContent(name: string, assessmentDate: string): TCarbonProjectContent {
  return {
    name,
    building: { works: 'new' },
    settings: { assessmentDate, method: 'standard', gwpSet: 'AR5', energy: [], refrigerants: [], blowingAgents: [], renewables: [], allowIncomplete: false, factors: [] },
    boq: [],
    scenarios: [BASELINE_SCENARIO],
  };
}

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;

/** The engine's raw input for one scenario of a project; `assess` validates and names every problem. */
export function projectInput(content: TCarbonProjectContent, scenarioId: string, projectId?: string): TAssessmentInputRaw {
  const scenario = content.scenarios.find((s) => s.id === scenarioId) ?? content.scenarios[0]!;
  const s = content.settings;
  const raw = {
    project: { ...(projectId ? { id: projectId } : {}), name: content.name, building: defined(content.building) },
    assessmentDate: s.assessmentDate,
    method: s.method,
    ...defined({ evaluationPeriodYears: s.evaluationPeriodYears, gridFactorKgCo2ePerKWh: s.gridFactorKgCo2ePerKWh, gridFactorSource: s.gridFactorSource }),
    gwpSet: s.gwpSet,
    energy: s.energy,
    refrigerants: s.refrigerants,
    blowingAgents: s.blowingAgents,
    renewables: s.renewables,
    ...(s.water ? { water: s.water } : {}),
    // The name as typed stays with the draft; the engine reads the library key.
    boq: content.boq.map(({ materialName: _typed, ...l }) => defined({ ...l, subItem: l.subItem === '' ? undefined : l.subItem, factorId: l.factorId === '' ? undefined : l.factorId })),
    scenario: scenario.scenario,
    allowIncomplete: s.allowIncomplete,
    factors: s.factors,
  };
  // Draft fields are looser than the engine's (a use not yet chosen); `assess` reports them.
  return raw as TAssessmentInputRaw;
}

export interface TProjectAssessment {
  scenarios: { id: string; name: string; outcome: TAssessOutcome }[];
  /** Each further scenario against the first (the baseline), per m², when both have results. */
  comparisons: { scenarioId: string; comparison: TComparison }[];
}

/** Every scenario of a project assessed with the given library, and compared with the baseline. */
export function assessProject(
  content: TCarbonProjectContent,
  library: readonly TEmissionFactor[],
  projectId?: string,
): TProjectAssessment {
  const scenarios = content.scenarios.map((s) => ({ id: s.id, name: s.name, outcome: assess(projectInput(content, s.id, projectId), { library }) }));
  const [base, ...others] = scenarios;
  const comparisons: TProjectAssessment['comparisons'] = [];
  if (base?.outcome.ok) {
    for (const other of others) {
      if (other.outcome.ok) comparisons.push({ scenarioId: other.id, comparison: compareResults(base.outcome.result, other.outcome.result, 'perM2') });
    }
  }
  return { scenarios, comparisons };
}
