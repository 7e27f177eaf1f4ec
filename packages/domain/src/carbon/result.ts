import type { ErrorCode } from '../errors';
import type { TCategoryCode, TMethod, TSubItem } from './categories';
import type { TSourced, TSourceStatus } from './defaults';
import type { TEnergyCarrier } from './energy';
import type { TDataType, TDerivationStep } from './factors';
import type { TGwpSet } from './gwp';
import type { TAssessmentInput } from './model';
import type { TModule, TModuleValues, TStageGroup } from './modules';
import type { TUnit } from './units';

/** Something in the input that stops an assessment, with where it is and what to fix. */
export interface TCarbonIssue {
  code: ErrorCode;
  params: Record<string, string | number>;
  /** Where in the input, e.g. ['boq', 12, 'quantity']. */
  path: (string | number)[];
  /** The BoQ line the issue is about, when it is about one. */
  lineId?: string;
}
export interface TCarbonWarning {
  code: ErrorCode;
  params: Record<string, string | number>;
}
/** What an assessment returns: a result, or the issues that stop one. */
export type TAssessOutcome = { ok: true; result: TCarbonResult } | { ok: false; issues: TCarbonIssue[] };

/** Lists of line ids in a result stop here; the count is always exact. */
export const LINE_ID_LIST_LIMIT = 100;
export interface TLineList {
  count: number;
  lineIds: string[];
}

export interface TCategoryRow {
  category: TCategoryCode;
  ja: string;
  en: string;
  lineCount: number;
  modules: TModuleValues;
  wholeLife: number;
  biogenicStorage: number;
}

export interface TMaterialRow {
  /** Set in byCategoryMaterial; null in byMaterial, which adds up all categories. */
  category: TCategoryCode | null;
  materialKey: string;
  factorId: string | null;
  nameJa: string;
  nameEn: string;
  dataType: TDataType | null;
  declaredUnit: TUnit | null;
  /** Σ quantity converted to the factor's declared unit. */
  quantity: number;
  lineCount: number;
  modules: TModuleValues;
  wholeLife: number;
  biogenicStorage: number;
}

export interface TFactorUsed {
  id: string;
  materialKey: string;
  nameJa: string;
  nameEn: string;
  dataType: TDataType;
  owner: string;
  source: string;
  publishedOn: string | null;
  validUntil: string | null;
  declaredUnit: TUnit;
  a1a3Declared: number;
  a1a3Used: number;
  uplift: { factor: number; basis: string } | null;
  /** How a generic factor was built from published figures; null for declared data. */
  derivation: TDerivationStep[] | null;
  notes: string | null;
  /** Entered by the user for this project (with its source), not taken from the library. */
  userEntered: boolean;
  pinned: boolean;
  olderThan5Years: boolean;
  expired: boolean;
  lineCount: number;
}

export interface TEnergyRow {
  carrier: TEnergyCarrier;
  annualQuantity: number;
  unit: TUnit;
  factorKgCo2ePerUnit: number;
  factorSource: string;
  factorSourceStatus: TSourceStatus;
  factorPublishedOn: string | null;
  annualKgCo2e: number;
}

export interface TCarbonResult {
  project: { id: string | null; name: string };
  building: TAssessmentInput['project']['building'];
  assessmentDate: string;
  method: TMethod;
  gwpSet: TGwpSet;
  grossFloorAreaM2: number;
  evaluationPeriod: { years: number; rule: string; ruleEn: string; source: string; sourceStatus: TSourceStatus };
  /** True only when every line has a factor and a mass for C1–C4. */
  complete: boolean;
  modules: TModuleValues;
  stages: Record<TStageGroup, number> & { d: number; biogenicStorage: number };
  perM2: {
    modules: TModuleValues;
    stages: Record<TStageGroup, number> & { d: number; biogenicStorage: number };
  };
  perM2Year: { modules: TModuleValues; stages: Record<TStageGroup, number> };
  /** Categories 1–6 in order, then the building-level sources; each module total is their sum. */
  byCategory: TCategoryRow[];
  /** Refrigerants, energy, water, site totals, maintenance and refurbishment. */
  buildingLevel: { modules: TModuleValues; wholeLife: number };
  /** Per material across categories, in order of first appearance. */
  byMaterial: TMaterialRow[];
  /** Per material within each category (categories 1→6): the assemblies of an LCAx export. */
  byCategoryMaterial: TMaterialRow[];
  eu: { key: string; ja: string; en: string; optional: boolean; kgCo2e: number; perM2: number }[];
  /** D split: D1 reuse/recycling of materials, D2 exported energy. */
  d: { d1: number; d2: number };
  operational: {
    energy: TEnergyRow[];
    selfConsumedKWh: number;
    exportedKWh: number;
    gridFactorKgCo2ePerKWh: number | null;
    annualB6: number;
    annualB7: number;
  };
  dataQuality: {
    a1a3ByDataType: Record<TDataType, { kgCo2e: number; share: number }>;
    factorsUsed: TFactorUsed[];
    unreviewedCfp: { factorId: string; materialKey: string; lineCount: number }[];
    olderThan5Years: { factorId: string; publishedOn: string }[];
    expired: { factorId: string; validUntil: string }[];
    energyFactorsOlderThan5Years: { carrier: TEnergyCarrier; publishedOn: string }[];
    missingFactors: TLineList & { materials: string[] };
    /** Lines whose factor the user entered for the project rather than took from the library. */
    userEnteredLines: TLineList & { factorIds: string[] };
    linesWithoutMass: TLineList;
    defaultsUsed: TSourced<unknown>[];
    assumptionsUsed: TSourced<unknown>[];
  };
  coverage: {
    method: TMethod;
    notCovered: TSubItem[];
    partial: TSubItem[];
    optionalForRc: TSubItem[];
    linesOutsideMethod: TLineList & { subItems: string[] };
    /** Sub-items the method covers for which no line was entered. */
    emptySubItems: string[];
    /** Modules with no input at all (no refrigerants → B1 …), so a zero is not read as measured. */
    modulesWithoutInput: TModule[];
  };
  warnings: TCarbonWarning[];
}

/**
 * What a module's figure says: nothing was entered that it could be computed from (no BoQ line
 * for the product stage, no refrigerant for B1 …), the inputs computed to zero, or a figure.
 */
export type TModuleFigure = 'no_input' | 'zero' | 'figure';
export function moduleFigure(result: Pick<TCarbonResult, 'modules' | 'coverage'>, m: TModule): TModuleFigure {
  if (result.coverage.modulesWithoutInput.includes(m)) return 'no_input';
  return result.modules[m] === 0 ? 'zero' : 'figure';
}
