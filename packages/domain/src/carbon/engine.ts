import { isErrorCode, type ErrorCode } from '../errors';
import {
  CATEGORY_CODES,
  CATEGORY_INDEX,
  CATEGORY_NAMES,
  METHOD_NAMES,
  methodCoverage,
  SUB_ITEMS,
  type TCategoryCode,
} from './categories';
import { SCENARIO_DEFAULTS, type TScenarioDefaultId, type TSourced, type TSourceStatus } from './defaults';
import { ENERGY_FACTORS, type TEnergyCarrier } from './energy';
import {
  DATA_TYPES,
  effectiveA1a3,
  indexFactors,
  isOlderThanFiveYears,
  selectFactor,
  type TDataType,
  type TEmissionFactor,
  type TFactorIndex,
} from './factors';
import { gwpOf } from './gwp';
import { STARTER_LIBRARY } from './library';
import { ZAssessmentInput, ZScenario, type TAssessmentInput, type TBoqLine, type TScenario } from './model';
import {
  LINE_ID_LIST_LIMIT,
  type TAssessOutcome,
  type TCarbonIssue,
  type TCarbonResult,
  type TCarbonWarning,
  type TCategoryRow,
  type TEnergyRow,
  type TFactorUsed,
  type TLineList,
  type TMaterialRow,
} from './result';
import {
  EU_ROWS,
  MODULE_INDEX,
  MODULE_COUNT,
  MODULES,
  moduleValues,
  STAGE_GROUPS,
  sumModules,
  type TModule,
  type TModuleValues,
} from './modules';
import { evaluationPeriod } from './period';
import { conversionFactor, kilogramsPer, type TConversionNeed, type TUnit } from './units';

// Local copies of imported constants used in loops: after transpilation to CommonJS an imported
// binding is a getter call on every access.
const NM = MODULE_COUNT;
const IX = MODULE_INDEX;
const NC = CATEGORY_CODES.length;

/* ------------------------------------------------------------------------------------------ */
/* Preparation: everything that depends on the BoQ and the library but not on the scenario.    */
/* ------------------------------------------------------------------------------------------ */

/** Lines that share all of these share every coefficient, so the engine works per key. */
interface LineKey {
  materialKey: string;
  subItem: string;
  category: TCategoryCode;
  unit: TUnit;
  factorId: string | undefined;
  density: number | undefined;
  thickness: number | undefined;
  kgPerPiece: number | undefined;
  kgPerMetre: number | undefined;
}

interface ResolvedKey {
  factor: TEmissionFactor | undefined;
  pinned: boolean;
  expired: boolean;
  old: boolean;
  /** The factor came with the input (entered for the project), not from the library. */
  userEntered: boolean;
  problem: { code: ErrorCode; params: Record<string, string | number> } | undefined;
  /** Line unit → declared unit. */
  conv: number;
  a1a3: number;
  storage: number;
  /** kg per line unit, NaN when unknown. */
  kg: number;
}

interface Bucket {
  list: number[];
  map: Map<string, number> | undefined;
}

const sameKey = (k: LineKey, l: TBoqLine) =>
  k.subItem === l.subItem &&
  k.unit === l.unit &&
  k.factorId === l.factorId &&
  k.density === l.density &&
  k.thickness === l.thickness &&
  k.kgPerPiece === l.kgPerPiece &&
  k.kgPerMetre === l.kgPerMetre;

const compositeKey = (
  l: Pick<TBoqLine, 'subItem' | 'unit' | 'factorId' | 'density' | 'thickness' | 'kgPerPiece' | 'kgPerMetre'>,
) =>
  `${l.subItem}\u0001${l.unit}\u0001${l.factorId ?? ''}\u0001${l.density ?? ''}\u0001${l.thickness ?? ''}\u0001${l.kgPerPiece ?? ''}\u0001${l.kgPerMetre ?? ''}`;

/** A linear scan is fastest for the few variants a material usually has; many variants get a map. */
const SCAN_LIMIT = 16;

interface BuildingParts {
  b1: number;
  c1: number;
  b6: number;
  b7: number;
  d2: number;
  annualB6: number;
  annualB7: number;
  energy: TEnergyRow[];
  selfConsumedKWh: number;
  exportedKWh: number;
  energyDefaultsUsed: TEnergyCarrier[];
}

export interface TPreparedAssessment {
  readonly input: TAssessmentInput;
  readonly period: { years: number; rule: string; source: string; sourceStatus: TSourceStatus };
  readonly keys: readonly LineKey[];
  readonly resolved: readonly ResolvedKey[];
  /** Σ quantity per key, in the lines' own unit. */
  readonly sums: Float64Array;
  readonly counts: Int32Array;
  readonly keyOfLine: Int32Array;
  readonly parts: BuildingParts;
}

const NEED_CODE: Record<TConversionNeed, ErrorCode> = {
  density: 'carbon.unit_needs_density',
  thickness: 'carbon.unit_needs_thickness',
  kg_per_piece: 'carbon.unit_needs_kg_per_piece',
  kg_per_metre: 'carbon.unit_needs_kg_per_metre',
  incompatible: 'carbon.unit_incompatible',
};

let starterIndex: TFactorIndex | undefined;
const libraryIndexes = new WeakMap<readonly TEmissionFactor[], TFactorIndex>();
function factorIndex(
  library: readonly TEmissionFactor[],
  projectFactors: readonly TEmissionFactor[],
): TFactorIndex {
  if (projectFactors.length > 0) return indexFactors(library, projectFactors);
  if (library === STARTER_LIBRARY) return (starterIndex ??= indexFactors(library));
  let index = libraryIndexes.get(library);
  if (!index) libraryIndexes.set(library, (index = indexFactors(library)));
  return index;
}

export interface TAssessOptions {
  /** The factor library; the starter library when not given. */
  library?: readonly TEmissionFactor[];
}

/**
 * Everything an assessment needs that does not depend on the scenario: the period, the factor
 * chosen for each distinct line key, unit conversions, and the building-level sources. Run it once
 * and `evaluatePrepared` as many scenario variants as needed. Expects input that has passed
 * ZAssessmentInput (as `assess` does); it does not re-validate.
 */
export function prepareAssessment(
  input: TAssessmentInput,
  options: TAssessOptions = {},
): { ok: true; prepared: TPreparedAssessment } | { ok: false; issues: TCarbonIssue[] } {
  const issues: TCarbonIssue[] = [];
  const building = input.project.building;
  let period: TPreparedAssessment['period'];
  if (input.evaluationPeriodYears !== undefined) {
    period = {
      years: input.evaluationPeriodYears,
      rule: `指定 ${input.evaluationPeriodYears}年`,
      source: 'input',
      sourceStatus: 'cited',
    };
  } else {
    const p = evaluationPeriod(building);
    if (!p.ok) {
      issues.push({ code: p.code, params: p.params, path: ['project', 'building'] });
      period = { years: 0, rule: '', source: '', sourceStatus: 'cited' };
    } else {
      period = { years: p.years, rule: p.rule, source: p.source, sourceStatus: p.sourceStatus };
    }
  }

  // 1. Distinct keys: one pass over the lines, no allocation per line.
  const lines = input.boq;
  const n = lines.length;
  const keyOfLine = new Int32Array(n);
  const keys: LineKey[] = [];
  const sumList: number[] = [];
  const countList: number[] = [];
  const buckets = new Map<string, Bucket>();
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    // Bills of quantities run in sections, so a line often repeats the previous line's key.
    if (previous >= 0 && line.materialKey === keys[previous]!.materialKey && sameKey(keys[previous]!, line)) {
      keyOfLine[i] = previous;
      sumList[previous] = sumList[previous]! + line.quantity;
      countList[previous] = countList[previous]! + 1;
      continue;
    }
    let bucket = buckets.get(line.materialKey);
    if (bucket === undefined) {
      bucket = { list: [], map: undefined };
      buckets.set(line.materialKey, bucket);
    }
    let k = -1;
    if (bucket.map === undefined) {
      const list = bucket.list;
      for (let j = 0; j < list.length; j++) {
        const candidate = list[j]!;
        if (sameKey(keys[candidate]!, line)) {
          k = candidate;
          break;
        }
      }
    } else {
      k = bucket.map.get(compositeKey(line)) ?? -1;
    }
    if (k < 0) {
      k = keys.length;
      keys.push({
        materialKey: line.materialKey,
        subItem: line.subItem,
        category: line.category,
        unit: line.unit,
        factorId: line.factorId,
        density: line.density,
        thickness: line.thickness,
        kgPerPiece: line.kgPerPiece,
        kgPerMetre: line.kgPerMetre,
      });
      sumList.push(0);
      countList.push(0);
      bucket.list.push(k);
      if (bucket.map !== undefined) bucket.map.set(compositeKey(line), k);
      else if (bucket.list.length > SCAN_LIMIT)
        bucket.map = new Map(bucket.list.map((j) => [compositeKey(keys[j]!), j]));
    }
    keyOfLine[i] = k;
    sumList[k] = sumList[k]! + line.quantity;
    countList[k] = countList[k]! + 1;
    previous = k;
  }
  const sums = Float64Array.from(sumList);
  const counts = Int32Array.from(countList);

  // 2. Factor and conversion per key.
  const index = factorIndex(options.library ?? STARTER_LIBRARY, input.factors);
  const entered = new Set(input.factors.map((f) => f.id));
  const resolved = keys.map((key) => resolveKey(key, index, input.assessmentDate, entered));
  const missing = resolved.some((r) => r.problem?.code === 'carbon.factor_missing');
  const blocking = resolved.some(
    (r) => r.problem !== undefined && (r.problem.code !== 'carbon.factor_missing' || !input.allowIncomplete),
  );
  if (blocking || (missing && !input.allowIncomplete)) {
    for (let i = 0; i < n; i++) {
      const problem = resolved[keyOfLine[i]!]!.problem;
      if (problem === undefined) continue;
      const line = lines[i]!;
      issues.push({
        code: problem.code,
        params: { ...problem.params, line: line.id, row: i + 1 },
        path: ['boq', i],
        lineId: line.id,
      });
    }
  }

  // 3. Building-level sources that do not depend on the scenario.
  const parts = buildingParts(input, period.years, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, prepared: { input, period, keys, resolved, sums, counts, keyOfLine, parts } };
}

function resolveKey(
  key: LineKey,
  index: TFactorIndex,
  assessmentDate: string,
  entered: ReadonlySet<string>,
): ResolvedKey {
  const empty = { pinned: false, expired: false, old: false, userEntered: false, conv: 0, a1a3: 0, storage: 0, kg: NaN };
  const selection = selectFactor(index, key.materialKey, key.factorId, assessmentDate);
  if (!selection.ok) {
    const code: ErrorCode =
      selection.reason === 'material_unknown'
        ? 'carbon.material_unknown'
        : selection.reason === 'factor_not_found'
          ? 'carbon.factor_not_found'
          : 'carbon.factor_missing';
    const params = {
      material: key.materialKey,
      factor: key.factorId ?? '',
      reason: selection.gapReason ?? '',
    };
    return { ...empty, factor: undefined, problem: { code, params } };
  }
  const f = selection.factor;
  const props = {
    density: key.density ?? f.density,
    thickness: key.thickness ?? f.thickness,
    kgPerPiece: key.kgPerPiece ?? f.kgPerPiece,
    kgPerMetre: key.kgPerMetre ?? f.kgPerMetre,
  };
  const conversion = conversionFactor(key.unit, f.declaredUnit, props);
  if (!conversion.ok) {
    return {
      ...empty,
      factor: f,
      problem: {
        code: NEED_CODE[conversion.need],
        params: { material: key.materialKey, factor: f.id, from: key.unit, to: f.declaredUnit },
      },
    };
  }
  const conv = conversion.factor;
  return {
    factor: f,
    pinned: selection.pinned,
    expired: selection.expired,
    old: selection.olderThan5Years,
    userEntered: entered.has(f.id),
    problem: undefined,
    conv,
    a1a3: (effectiveA1a3(f) ?? 0) * conv,
    storage: (f.biogenicStorage ?? 0) * conv,
    kg: kilogramsPer(key.unit, props) ?? NaN,
  };
}

function buildingParts(input: TAssessmentInput, years: number, issues: TCarbonIssue[]): BuildingParts {
  const gwpSet = input.gwpSet;
  const gwp = (entry: { gas: string; gwp?: number | undefined }) =>
    entry.gas === 'custom' ? (entry.gwp ?? 0) : gwpOf(entry.gas as Parameters<typeof gwpOf>[0], gwpSet);

  // B1: refrigerant top-ups replace what leaks each year (J-CAT: フロン充填量 × 想定漏洩率, l.1971).
  let b1 = 0;
  let c1 = 0;
  for (const r of input.refrigerants) {
    const g = gwp(r);
    b1 += r.chargeKg * r.annualLeakRate * g * years;
    c1 += r.chargeKg * (r.endOfLifeLossRate ?? 0) * g;
  }
  // Foam keeps losing its blowing agent until none is left; the loss cannot exceed the content.
  for (const a of input.blowingAgents) b1 += a.agentKg * Math.min(1, a.annualLossRate * years) * gwp(a);

  // B6: each carrier at its factor, less on-site generation used on site at the grid factor.
  const energy: TEnergyRow[] = [];
  const energyDefaultsUsed: TEnergyCarrier[] = [];
  let annualB6 = 0;
  let electricityKWh = 0;
  input.energy.forEach((e, index) => {
    const def = ENERGY_FACTORS[e.carrier];
    let factor: number;
    let source: string;
    let status: TSourceStatus = 'cited';
    let published: string | null = null;
    if (e.factorKgCo2ePerUnit !== undefined) {
      factor = e.factorKgCo2ePerUnit;
      source = e.factorSource ?? 'input';
    } else if (e.carrier === 'electricity' && input.gridFactorKgCo2ePerKWh !== undefined) {
      const conv = conversionFactor(e.unit, 'kWh');
      if (!conv.ok) {
        issues.push({
          code: 'carbon.energy_unit_mismatch',
          params: { carrier: e.carrier, unit: e.unit, expected: 'kWh' },
          path: ['energy', index, 'unit'],
        });
        return;
      }
      factor = input.gridFactorKgCo2ePerKWh * conv.factor;
      source = input.gridFactorSource ?? 'input';
    } else if (def.kgCo2ePerUnit === null) {
      issues.push({ code: 'carbon.grid_factor_required', params: {}, path: ['gridFactorKgCo2ePerKWh'] });
      return;
    } else {
      const conv = conversionFactor(e.unit, def.unit);
      if (!conv.ok) {
        issues.push({
          code: 'carbon.energy_unit_mismatch',
          params: { carrier: e.carrier, unit: e.unit, expected: def.unit },
          path: ['energy', index, 'unit'],
        });
        return;
      }
      factor = def.kgCo2ePerUnit * conv.factor;
      source = def.source;
      status = def.sourceStatus;
      published = def.publishedOn ?? null;
      energyDefaultsUsed.push(e.carrier);
    }
    if (e.carrier === 'electricity') {
      const toKWh = conversionFactor(e.unit, 'kWh');
      if (toKWh.ok) electricityKWh += e.annualQuantity * toKWh.factor;
    }
    const annual = e.annualQuantity * factor;
    annualB6 += annual;
    energy.push({
      carrier: e.carrier,
      annualQuantity: e.annualQuantity,
      unit: e.unit,
      factorKgCo2ePerUnit: factor,
      factorSource: source,
      factorSourceStatus: status,
      factorPublishedOn: published,
      annualKgCo2e: annual,
    });
  });
  let selfConsumedKWh = 0;
  let exportedKWh = 0;
  for (const r of input.renewables) {
    selfConsumedKWh += r.selfConsumedKWh;
    exportedKWh += r.annualGenerationKWh - r.selfConsumedKWh;
  }
  const grid = input.gridFactorKgCo2ePerKWh;
  if (input.renewables.length > 0 && grid === undefined)
    issues.push({ code: 'carbon.grid_factor_required', params: {}, path: ['gridFactorKgCo2ePerKWh'] });
  if (selfConsumedKWh > electricityKWh) {
    issues.push({
      code: 'carbon.self_consumption_exceeds_demand',
      params: { selfConsumed: selfConsumedKWh, demand: electricityKWh },
      path: ['renewables'],
    });
  }
  annualB6 -= selfConsumedKWh * (grid ?? 0);
  const annualB7 = input.water ? input.water.annualM3 * input.water.factorKgCo2ePerM3 : 0;
  return {
    b1,
    c1,
    b6: annualB6 * years,
    b7: annualB7 * years,
    // Exported generation displaces grid electricity outside the building: a D2 benefit, never B6.
    d2: exportedKWh > 0 ? -exportedKWh * (grid ?? 0) * years : 0,
    annualB6,
    annualB7,
    energy,
    selfConsumedKWh,
    exportedKWh,
    energyDefaultsUsed,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Evaluation: the scenario, the per-key coefficients, and every roll-up.                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * Replacements within the period (EN 15978: ⌈period ÷ service life⌉ − 1). A component whose life
 * equals or exceeds the period is never replaced; one lasting 30 years in a 60-year period is
 * replaced once, at year 30, not again at year 60 when the building is demolished.
 */
export function replacementCount(periodYears: number, cycleYears: number | null): number {
  if (cycleYears === null || cycleYears >= periodYears) return 0;
  return Math.ceil(periodYears / cycleYears) - 1;
}

interface ResolvedScenario {
  a4Rate: number;
  a5Rate: number;
  siteA4: number | undefined;
  siteA5: number | undefined;
  maintenancePerYear: number;
  refurbishment: number;
  repair: Record<TCategoryCode, number>;
  reuse: Record<TCategoryCode, number>;
  recycling: Record<TCategoryCode, number>;
  perKg: { c1: number; c2: number; c3: number; c4: number };
  cycle: (subItem: string, category: TCategoryCode) => { years: number | null; fromDefault: boolean };
  repairFromDefault: Record<TCategoryCode, boolean>;
  reuseFromDefault: Record<TCategoryCode, boolean>;
  recyclingFromDefault: Record<TCategoryCode, boolean>;
  perKgFromDefault: boolean;
}

function resolveScenario(s: TScenario): ResolvedScenario {
  const D = SCENARIO_DEFAULTS;
  const perCategory = (
    user: Partial<Record<TCategoryCode, number>> | undefined,
    def: Record<TCategoryCode, number>,
  ) => {
    const value = {} as Record<TCategoryCode, number>;
    const fromDefault = {} as Record<TCategoryCode, boolean>;
    for (const c of CATEGORY_CODES) {
      const u = user?.[c];
      value[c] = u ?? def[c];
      fromDefault[c] = u === undefined;
    }
    return { value, fromDefault };
  };
  const repair = perCategory(s.repairRatePerYear, D.repairRatePerYear.value);
  const reuse = perCategory(s.reuseRate, D.reuseRate.value);
  const recycling = perCategory(s.recyclingRate, D.recyclingRate.value);
  const userCycles = s.replacementCycleYears ?? {};
  const defaultCycles: Record<string, number | null> = D.replacementCycleYears.value;
  const perKgDefault = D.endOfLifePerKg.value;
  const perKgUser = s.endOfLifePerKg ?? {};
  return {
    a4Rate: s.a4Rate ?? D.a4Rate.value,
    a5Rate: s.a5Rate ?? D.a5Rate.value,
    siteA4: s.siteA4KgCo2e,
    siteA5: s.siteA5KgCo2e,
    maintenancePerYear: s.maintenanceKgCo2ePerYear ?? D.maintenancePerYear.value,
    refurbishment: (s.refurbishments ?? []).reduce((sum, r) => sum + r.kgCo2e, 0),
    repair: repair.value,
    reuse: reuse.value,
    recycling: recycling.value,
    perKg: {
      c1: perKgUser.c1 ?? perKgDefault.c1,
      c2: perKgUser.c2 ?? perKgDefault.c2,
      c3: perKgUser.c3 ?? perKgDefault.c3,
      c4: perKgUser.c4 ?? perKgDefault.c4,
    },
    // The more specific entry wins (a sub-item over its category); at the same level the
    // user's entry wins over the default. So "4.4: null" (insulation lasts) survives "4: 25".
    cycle: (item, category) => {
      if (item in userCycles) return { years: userCycles[item] ?? null, fromDefault: false };
      if (item in defaultCycles) return { years: defaultCycles[item] ?? null, fromDefault: true };
      if (category in userCycles) return { years: userCycles[category] ?? null, fromDefault: false };
      return { years: defaultCycles[category] ?? null, fromDefault: true };
    },
    repairFromDefault: repair.fromDefault,
    reuseFromDefault: reuse.fromDefault,
    recyclingFromDefault: recycling.fromDefault,
    perKgFromDefault:
      perKgUser.c1 === undefined ||
      perKgUser.c2 === undefined ||
      perKgUser.c3 === undefined ||
      perKgUser.c4 === undefined,
  };
}

const emptyByDataType = () =>
  Object.fromEntries(DATA_TYPES.map((t) => [t, { kgCo2e: 0, share: 0 }])) as Record<
    TDataType,
    { kgCo2e: number; share: number }
  >;

function limitedIds(ids: string[], id: string) {
  if (ids.length < LINE_ID_LIST_LIMIT) ids.push(id);
}

/**
 * One scenario over a prepared assessment. All material modules are linear in quantity, so each
 * distinct key gets one coefficient per module and the lines only had to be summed per key (in
 * `prepareAssessment`). Totals are added in a fixed order: keys in first-seen order into their
 * category, categories 1→6 then the building-level row into each module, modules in MODULES
 * order into each stage group.
 */
export function evaluatePrepared(
  prepared: TPreparedAssessment,
  scenarioOverride?: TScenario,
): TAssessOutcome {
  const { input, keys, resolved, sums, counts, parts } = prepared;
  const years = prepared.period.years;
  const s = resolveScenario(scenarioOverride ?? input.scenario);
  const issues: TCarbonIssue[] = [];
  for (const c of CATEGORY_CODES) {
    if (s.reuse[c] + s.recycling[c] > 1)
      issues.push({
        code: 'carbon.eol_rates_exceed_one',
        params: { category: c },
        path: ['scenario', 'recyclingRate', c],
      });
  }
  if (issues.length > 0) return { ok: false, issues };

  const used = new Set<TScenarioDefaultId>();
  const K = keys.length;

  // Pass 1: A1–A3 per key (needed first when site totals give A4/A5 as a share for replacements).
  const a1a3Key = new Float64Array(K);
  let a1a3Total = 0;
  for (let k = 0; k < K; k++) {
    a1a3Key[k] = sums[k]! * resolved[k]!.a1a3;
    a1a3Total += a1a3Key[k]!;
  }
  const a4Share = s.siteA4 !== undefined ? (a1a3Total > 0 ? s.siteA4 / a1a3Total : 0) : s.a4Rate;
  const a5Share = s.siteA5 !== undefined ? (a1a3Total > 0 ? s.siteA5 / a1a3Total : 0) : s.a5Rate;

  // Pass 2: every module per key, straight into category and material accumulators.
  const cat = new Float64Array(NC * NM);
  const catStorage = new Float64Array(NC);
  const catLines = new Int32Array(NC);
  const coef = new Float64Array(NM);
  const materialIndex = new Map<string, number>();
  const materialRows: MaterialAccumulator[] = [];
  const byDataType = emptyByDataType();
  const noMass: TLineList = { count: 0, lineIds: [] };
  const noMassKeys = new Uint8Array(K);
  const missingKeys = new Uint8Array(K);
  let anyMissing = false;
  let usesA4Rate = false;
  let usesA5Rate = false;

  for (let k = 0; k < K; k++) {
    const r = resolved[k]!;
    const key = keys[k]!;
    const ci = CATEGORY_INDEX[key.category];
    catLines[ci] = catLines[ci]! + counts[k]!;
    if (r.factor === undefined || r.problem !== undefined) {
      missingKeys[k] = 1;
      anyMissing = true;
      continue;
    }
    const f = r.factor;
    const declared = f.modules ?? {};
    const conv = r.conv;
    const a = r.a1a3;
    coef.fill(0);
    coef[IX.A1A3] = a;
    if (s.siteA4 !== undefined) coef[IX.A4] = 0;
    else if (declared.a4 !== undefined) coef[IX.A4] = declared.a4 * conv;
    else {
      coef[IX.A4] = s.a4Rate * a;
      usesA4Rate = true;
    }
    if (s.siteA5 !== undefined) coef[IX.A5] = 0;
    else if (declared.a5 !== undefined) coef[IX.A5] = declared.a5 * conv;
    else {
      coef[IX.A5] = s.a5Rate * a;
      usesA5Rate = true;
    }
    // End of life: declared modules where the EPD has them, otherwise mass × per-kg scenario.
    const reuse = s.reuse[key.category];
    const recycling = s.recycling[key.category];
    const hasDeclaredEol =
      declared.c1 !== undefined ||
      declared.c2 !== undefined ||
      declared.c3 !== undefined ||
      declared.c4 !== undefined;
    if (hasDeclaredEol) {
      coef[IX.C1] = (declared.c1 ?? 0) * conv;
      coef[IX.C2] = (declared.c2 ?? 0) * conv;
      coef[IX.C3] = (declared.c3 ?? 0) * conv;
      coef[IX.C4] = (declared.c4 ?? 0) * conv;
    } else if (!Number.isNaN(r.kg)) {
      const kg = r.kg;
      coef[IX.C1] = kg * s.perKg.c1;
      coef[IX.C2] = kg * s.perKg.c2;
      coef[IX.C3] = kg * recycling * s.perKg.c3;
      coef[IX.C4] = kg * (1 - reuse - recycling) * s.perKg.c4;
      if (s.perKgFromDefault) used.add('endOfLifePerKg');
      if (s.reuseFromDefault[key.category]) used.add('reuseRate');
      if (s.recyclingFromDefault[key.category]) used.add('recyclingRate');
    } else if (counts[k]! > 0) {
      noMassKeys[k] = 1;
    }
    // D1: the reused share avoids producing new product (only credit assumed), unless declared.
    let d = declared.d !== undefined ? declared.d * conv : -reuse * a;
    if (declared.d === undefined && s.reuseFromDefault[key.category]) used.add('reuseRate');
    // B3: a yearly share of the category's A1–A3 over the period.
    coef[IX.B3] = s.repair[key.category] * a * years;
    if (s.repairFromDefault[key.category]) used.add('repairRatePerYear');
    // B4: each replacement makes and installs the component again and disposes of the old one.
    const cycle = s.cycle(key.subItem, key.category);
    if (cycle.fromDefault) used.add('replacementCycleYears');
    const replacements = replacementCount(years, cycle.years);
    if (replacements > 0) {
      const a4 = declared.a4 !== undefined && s.siteA4 === undefined ? declared.a4 * conv : a4Share * a;
      const a5 = declared.a5 !== undefined && s.siteA5 === undefined ? declared.a5 * conv : a5Share * a;
      coef[IX.B4] = replacements * (a + a4 + a5 + coef[IX.C1]! + coef[IX.C2]! + coef[IX.C3]! + coef[IX.C4]!);
      d *= 1 + replacements;
    }
    coef[IX.D] = d;

    const q = sums[k]!;
    const base = ci * NM;
    const mKey = `${ci}\u0001${key.materialKey}\u0001${f.id}`;
    let mi = materialIndex.get(mKey);
    if (mi === undefined) {
      mi = materialRows.length;
      materialIndex.set(mKey, mi);
      materialRows.push({
        key: k,
        category: ci,
        modules: new Float64Array(NM),
        storage: 0,
        quantity: 0,
        lines: 0,
      });
    }
    const row = materialRows[mi]!;
    for (let m = 0; m < NM; m++) {
      const v = q * coef[m]!;
      cat[base + m] = cat[base + m]! + v;
      row.modules[m] = row.modules[m]! + v;
    }
    // Storage is what the building holds: the installed quantity once, not again per replacement.
    const storage = q * r.storage;
    catStorage[ci] = catStorage[ci]! + storage;
    row.storage += storage;
    row.quantity += q * conv;
    row.lines += counts[k]!;
    byDataType[f.dataType].kgCo2e += a1a3Key[k]!;
  }
  if (usesA4Rate) used.add('a4Rate');
  if (usesA5Rate) used.add('a5Rate');
  const scenario = scenarioOverride ?? input.scenario;
  if (scenario.maintenanceKgCo2ePerYear === undefined) used.add('maintenancePerYear');
  if (scenario.refurbishments === undefined) used.add('refurbishment');

  // The building-level row: sources that are not BoQ lines.
  const bld = new Float64Array(NM);
  bld[IX.A4] = s.siteA4 ?? 0;
  bld[IX.A5] = s.siteA5 ?? 0;
  bld[IX.B1] = parts.b1;
  bld[IX.B2] = s.maintenancePerYear * years;
  bld[IX.B5] = s.refurbishment;
  bld[IX.B6] = parts.b6;
  bld[IX.B7] = parts.b7;
  bld[IX.C1] = parts.c1;
  bld[IX.D] = parts.d2;

  // Module totals: categories 1→6, then the building row.
  const totals = new Float64Array(NM);
  let d1 = 0;
  for (let m = 0; m < NM; m++) {
    let t = 0;
    for (let c = 0; c < NC; c++) t += cat[c * NM + m]!;
    if (m === IX.D) d1 = t;
    totals[m] = t + bld[m]!;
  }
  let storageTotal = 0;
  for (let c = 0; c < NC; c++) storageTotal += catStorage[c]!;

  return {
    ok: true,
    result: assemble(prepared, {
      cat,
      catStorage,
      catLines,
      bld,
      totals,
      d1,
      storageTotal,
      materialRows,
      byDataType,
      a1a3Total,
      missingKeys,
      anyMissing,
      noMassKeys,
      noMass,
      used,
    }),
  };
}

interface MaterialAccumulator {
  key: number;
  category: number;
  modules: Float64Array;
  storage: number;
  quantity: number;
  lines: number;
}

interface Accumulated {
  cat: Float64Array;
  catStorage: Float64Array;
  catLines: Int32Array;
  bld: Float64Array;
  totals: Float64Array;
  d1: number;
  storageTotal: number;
  materialRows: MaterialAccumulator[];
  byDataType: Record<TDataType, { kgCo2e: number; share: number }>;
  a1a3Total: number;
  missingKeys: Uint8Array;
  anyMissing: boolean;
  noMassKeys: Uint8Array;
  noMass: TLineList;
  used: Set<TScenarioDefaultId>;
}

const wholeLifeOf = (values: TModuleValues) => sumModules(values, STAGE_GROUPS.wholeLife);

function assemble(prepared: TPreparedAssessment, acc: Accumulated): TCarbonResult {
  const { input, keys, resolved, counts, keyOfLine, parts } = prepared;
  const building = input.project.building;
  const area = building.grossFloorAreaM2;
  const years = prepared.period.years;
  const lines = input.boq;
  const modules = moduleValues(acc.totals);
  const stageValues = (values: TModuleValues) => ({
    upfront: sumModules(values, STAGE_GROUPS.upfront),
    embodied: sumModules(values, STAGE_GROUPS.embodied),
    operational: sumModules(values, STAGE_GROUPS.operational),
    wholeLife: sumModules(values, STAGE_GROUPS.wholeLife),
  });
  const stages = { ...stageValues(modules), d: modules.D, biogenicStorage: acc.storageTotal };
  const scale = (values: TModuleValues, by: number) => {
    const out = {} as TModuleValues;
    for (const m of MODULES) out[m] = values[m] / by;
    return out;
  };
  const perM2Modules = scale(modules, area);
  const perM2YearModules = scale(modules, area * years);

  const byCategory: TCategoryRow[] = CATEGORY_CODES.map((c, ci) => {
    const values = moduleValues(acc.cat, ci * NM);
    return {
      category: c,
      ...CATEGORY_NAMES[c],
      lineCount: acc.catLines[ci]!,
      modules: values,
      wholeLife: wholeLifeOf(values),
      biogenicStorage: acc.catStorage[ci]!,
    };
  });
  const bldValues = moduleValues(acc.bld);

  // Material rows within categories (categories in order, first appearance within each), then
  // the same rows added up across categories in that order.
  const inCategoryOrder = [...acc.materialRows].sort((a, b) => a.category - b.category);
  const materialRow = (row: MaterialAccumulator, category: TCategoryCode | null): TMaterialRow => {
    const f = resolved[row.key]!.factor!;
    const values = moduleValues(row.modules);
    return {
      category,
      materialKey: keys[row.key]!.materialKey,
      factorId: f.id,
      nameJa: f.nameJa,
      nameEn: f.nameEn,
      dataType: f.dataType,
      declaredUnit: f.declaredUnit,
      quantity: row.quantity,
      lineCount: row.lines,
      modules: values,
      wholeLife: wholeLifeOf(values),
      biogenicStorage: row.storage,
    };
  };
  const byCategoryMaterial = inCategoryOrder.map((row) => materialRow(row, CATEGORY_CODES[row.category]!));
  const across = new Map<string, MaterialAccumulator>();
  for (const row of inCategoryOrder) {
    const id = `${keys[row.key]!.materialKey}\u0001${resolved[row.key]!.factor!.id}`;
    const total = across.get(id);
    if (!total) {
      across.set(id, { ...row, modules: Float64Array.from(row.modules) });
      continue;
    }
    for (let m = 0; m < NM; m++) total.modules[m] = total.modules[m]! + row.modules[m]!;
    total.storage += row.storage;
    total.quantity += row.quantity;
    total.lines += row.lines;
  }
  const byMaterial = [...across.values()].map((row) => materialRow(row, null));

  // Data quality, per factor used.
  const factorsUsed = new Map<string, TFactorUsed>();
  resolved.forEach((r, k) => {
    const f = r.factor;
    if (!f || r.problem) return;
    const existing = factorsUsed.get(f.id);
    if (existing) {
      existing.lineCount += counts[k]!;
      existing.pinned ||= r.pinned;
      return;
    }
    factorsUsed.set(f.id, {
      id: f.id,
      materialKey: f.materialKey,
      nameJa: f.nameJa,
      nameEn: f.nameEn,
      dataType: f.dataType,
      owner: f.owner,
      source: f.source,
      publishedOn: f.publishedOn ?? null,
      validUntil: f.validUntil ?? null,
      declaredUnit: f.declaredUnit,
      a1a3Declared: f.a1a3 ?? 0,
      a1a3Used: effectiveA1a3(f) ?? 0,
      uplift: f.uplift ?? null,
      derivation: f.derivation ?? null,
      notes: f.notes ?? null,
      userEntered: r.userEntered,
      pinned: r.pinned,
      olderThan5Years: r.old,
      expired: r.expired,
      lineCount: counts[k]!,
    });
  });
  const used = [...factorsUsed.values()];
  for (const t of DATA_TYPES)
    acc.byDataType[t].share = acc.a1a3Total > 0 ? acc.byDataType[t].kgCo2e / acc.a1a3Total : 0;

  // Line lists: only walk the lines when some key needs naming.
  const missing: TLineList & { materials: string[] } = { count: 0, lineIds: [], materials: [] };
  const userEnteredLines: TLineList & { factorIds: string[] } = {
    count: 0,
    lineIds: [],
    factorIds: used.filter((f) => f.userEntered).map((f) => f.id),
  };
  const enteredKeys = new Uint8Array(keys.length);
  const coverage = methodCoverage(input.method);
  const notCoveredCodes = new Set(coverage.notCovered.map((x) => x.code));
  const outside: TLineList & { subItems: string[] } = { count: 0, lineIds: [], subItems: [] };
  const outsideKeys = new Uint8Array(keys.length);
  keys.forEach((key, k) => {
    if (notCoveredCodes.has(key.subItem)) {
      outsideKeys[k] = 1;
      if (!outside.subItems.includes(key.subItem)) outside.subItems.push(key.subItem);
    }
    if (!acc.missingKeys[k] && resolved[k]!.userEntered) enteredKeys[k] = 1;
    if (acc.missingKeys[k] && !missing.materials.includes(key.materialKey))
      missing.materials.push(key.materialKey);
  });
  // Counts come from the per-key line counts; the lines are walked only to name the first few
  // of each list, and the walk stops as soon as every list that needs names has them.
  let wantMissing = 0;
  let wantNoMass = 0;
  let wantOutside = 0;
  let wantEntered = 0;
  for (let k = 0; k < keys.length; k++) {
    if (enteredKeys[k]) wantEntered += counts[k]!;
    if (acc.missingKeys[k]) wantMissing += counts[k]!;
    if (acc.noMassKeys[k]) wantNoMass += counts[k]!;
    if (outsideKeys[k]) wantOutside += counts[k]!;
  }
  missing.count = wantMissing;
  acc.noMass.count = wantNoMass;
  outside.count = wantOutside;
  userEnteredLines.count = wantEntered;
  wantEntered = Math.min(wantEntered, LINE_ID_LIST_LIMIT);
  wantMissing = Math.min(wantMissing, LINE_ID_LIST_LIMIT);
  wantNoMass = Math.min(wantNoMass, LINE_ID_LIST_LIMIT);
  wantOutside = Math.min(wantOutside, LINE_ID_LIST_LIMIT);
  for (
    let i = 0;
    i < lines.length &&
    (missing.lineIds.length < wantMissing ||
      acc.noMass.lineIds.length < wantNoMass ||
      outside.lineIds.length < wantOutside ||
      userEnteredLines.lineIds.length < wantEntered);
    i++
  ) {
    const k = keyOfLine[i]!;
    if (acc.missingKeys[k]) limitedIds(missing.lineIds, lines[i]!.id);
    if (acc.noMassKeys[k]) limitedIds(acc.noMass.lineIds, lines[i]!.id);
    if (outsideKeys[k]) limitedIds(outside.lineIds, lines[i]!.id);
    if (enteredKeys[k]) limitedIds(userEnteredLines.lineIds, lines[i]!.id);
  }
  const enteredSubItems = new Set(keys.map((k) => k.subItem));
  const emptySubItems = SUB_ITEMS.filter(
    (x) => x.coverage[input.method] !== 'none' && !enteredSubItems.has(x.code),
  ).map((x) => x.code);
  const modulesWithoutInput: TModule[] = [];
  if (input.refrigerants.length === 0 && input.blowingAgents.length === 0) modulesWithoutInput.push('B1');
  if (input.energy.length === 0) modulesWithoutInput.push('B6');
  if (!input.water) modulesWithoutInput.push('B7');

  const defaultsUsed: TSourced<unknown>[] = [...acc.used].map((id) => SCENARIO_DEFAULTS[id]);
  if (prepared.period.sourceStatus === 'assumption') {
    defaultsUsed.unshift({
      id: 'evaluationPeriod',
      value: years,
      source: prepared.period.source,
      sourceStatus: 'assumption',
      basis: prepared.period.rule,
    });
  }
  const assumptionsUsed = defaultsUsed.filter((d) => d.sourceStatus === 'assumption');

  const unreviewedCfp = used
    .filter((f) => f.dataType === 'cfp_unreviewed')
    .map((f) => ({ factorId: f.id, materialKey: f.materialKey, lineCount: f.lineCount }));
  const olderThan5Years = used
    .filter((f) => f.olderThan5Years)
    .map((f) => ({ factorId: f.id, publishedOn: f.publishedOn ?? '' }));
  const expired = used
    .filter((f) => f.expired)
    .map((f) => ({ factorId: f.id, validUntil: f.validUntil ?? '' }));
  const energyFactorsOlderThan5Years = [...new Set(parts.energyDefaultsUsed)]
    .map((carrier) => ({ carrier, publishedOn: ENERGY_FACTORS[carrier].publishedOn ?? '' }))
    .filter(
      (e) =>
        e.publishedOn !== '' && isOlderThanFiveYears({ publishedOn: e.publishedOn }, input.assessmentDate),
    );

  const warnings: TCarbonWarning[] = [];
  if (lines.length === 0) warnings.push({ code: 'carbon.warn_boq_empty', params: {} });
  for (const u of unreviewedCfp)
    warnings.push({
      code: 'carbon.warn_unreviewed_cfp',
      params: { factor: u.factorId, material: u.materialKey },
    });
  for (const f of used)
    if (f.dataType === 'generic' && f.uplift)
      warnings.push({
        code: 'carbon.warn_generic_factor',
        params: { factorName: f.nameJa, factorNameEn: f.nameEn, uplift: f.uplift.factor },
      });
  if (userEnteredLines.count > 0) {
    const entered = used.filter((f) => f.userEntered);
    warnings.push({
      code: 'carbon.warn_user_entered_factors',
      params: {
        count: userEnteredLines.count,
        // A user's own factor is usually named once, in the language they work in.
        factors: entered.map((f) => f.nameJa).join('、'),
      },
    });
  }
  for (const o of olderThan5Years)
    warnings.push({
      code: 'carbon.warn_factor_old',
      params: { factor: o.factorId, publishedOn: o.publishedOn },
    });
  for (const e of expired)
    warnings.push({
      code: 'carbon.warn_factor_expired',
      params: { factor: e.factorId, validUntil: e.validUntil },
    });
  for (const e of energyFactorsOlderThan5Years)
    warnings.push({
      code: 'carbon.warn_energy_factor_old',
      params: { carrier: e.carrier, publishedOn: e.publishedOn },
    });
  if (missing.count > 0)
    warnings.push({
      code: 'carbon.warn_incomplete_missing_factors',
      params: { count: missing.count, materials: missing.materials.join(', ') },
    });
  if (acc.noMass.count > 0)
    warnings.push({ code: 'carbon.warn_lines_without_mass', params: { count: acc.noMass.count } });
  if (outside.count > 0) {
    warnings.push({
      code: 'carbon.warn_lines_outside_method',
      params: {
        count: outside.count,
        method: METHOD_NAMES[input.method].ja,
        subItems: outside.subItems.join(', '),
      },
    });
  }
  if (
    (building.structure === 'RC' || building.structure === 'SRC') &&
    coverage.optionalForRc.some((x) => !enteredSubItems.has(x.code))
  ) {
    warnings.push({ code: 'carbon.warn_formwork_recommended_rc', params: {} });
  }
  if (assumptionsUsed.length > 0)
    warnings.push({
      code: 'carbon.warn_assumptions_used',
      params: { count: assumptionsUsed.length, items: assumptionsUsed.map((a) => a.id).join(', ') },
    });

  const eu: TCarbonResult['eu'] = EU_ROWS.map((row) => {
    const kg = sumModules(modules, row.modules);
    return { key: row.key, ja: row.ja, en: row.en, optional: row.optional, kgCo2e: kg, perM2: kg / area };
  });
  const d2 = acc.bld[IX.D]!;
  eu.push({
    key: 'D1',
    ja: '再使用・リサイクル・回収の可能性（D1）',
    en: 'Reuse, recycling and recovery potential (D1)',
    optional: false,
    kgCo2e: acc.d1,
    perM2: acc.d1 / area,
  });
  eu.push({
    key: 'D2',
    ja: '外部供給されたユーティリティによる利益と負荷（D2）',
    en: 'Exported utilities (D2)',
    optional: false,
    kgCo2e: d2,
    perM2: d2 / area,
  });

  return {
    project: { id: input.project.id ?? null, name: input.project.name },
    building,
    assessmentDate: input.assessmentDate,
    method: input.method,
    gwpSet: input.gwpSet,
    grossFloorAreaM2: area,
    evaluationPeriod: prepared.period,
    complete: missing.count === 0 && acc.noMass.count === 0,
    modules,
    stages,
    perM2: {
      modules: perM2Modules,
      stages: { ...stageValues(perM2Modules), d: perM2Modules.D, biogenicStorage: acc.storageTotal / area },
    },
    perM2Year: { modules: perM2YearModules, stages: stageValues(perM2YearModules) },
    byCategory,
    buildingLevel: { modules: bldValues, wholeLife: wholeLifeOf(bldValues) },
    byMaterial,
    byCategoryMaterial,
    eu,
    d: { d1: acc.d1, d2 },
    operational: {
      energy: parts.energy,
      selfConsumedKWh: parts.selfConsumedKWh,
      exportedKWh: parts.exportedKWh,
      gridFactorKgCo2ePerKWh: input.gridFactorKgCo2ePerKWh ?? null,
      annualB6: parts.annualB6,
      annualB7: parts.annualB7,
    },
    dataQuality: {
      a1a3ByDataType: acc.byDataType,
      factorsUsed: used,
      unreviewedCfp,
      olderThan5Years,
      expired,
      energyFactorsOlderThan5Years,
      missingFactors: missing,
      userEnteredLines,
      linesWithoutMass: acc.noMass,
      defaultsUsed,
      assumptionsUsed,
    },
    coverage: {
      method: input.method,
      notCovered: coverage.notCovered,
      partial: coverage.partial,
      optionalForRc: coverage.optionalForRc,
      linesOutsideMethod: outside,
      emptySubItems,
      modulesWithoutInput,
    },
    warnings,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Entry points.                                                                                */
/* ------------------------------------------------------------------------------------------ */

/** The fast path for input that has already passed ZAssessmentInput (e.g. stored assessments). */
export function assessValidated(input: TAssessmentInput, options: TAssessOptions = {}): TAssessOutcome {
  const prepared = prepareAssessment(input, options);
  if (!prepared.ok) return prepared;
  return evaluatePrepared(prepared.prepared);
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let value = raw;
  for (const p of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}

/** Turns zod's issues into ours, naming the BoQ line where there is one. */
function zodIssues(
  raw: unknown,
  issues: readonly { message: string; path: PropertyKey[] }[],
): TCarbonIssue[] {
  const boq =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { boq?: unknown }).boq)
      ? (raw as { boq: unknown[] }).boq
      : [];
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const code: ErrorCode = isErrorCode(issue.message) ? issue.message : 'carbon.input_invalid';
    const params: Record<string, string | number> = { field: path.join('.') };
    const value = valueAt(raw, path);
    if (typeof value === 'string' || typeof value === 'number') params.value = value;
    let lineId: string | undefined;
    if (path[0] === 'boq' && typeof path[1] === 'number') {
      const row = boq[path[1]] as
        { id?: unknown; unit?: unknown; materialKey?: unknown; subItem?: unknown } | undefined;
      lineId = typeof row?.id === 'string' && row.id !== '' ? row.id : undefined;
      params.line = lineId ?? `#${path[1] + 1}`;
      params.row = path[1] + 1;
      if (row && typeof row.unit === 'string') params.unit = row.unit;
      if (row && typeof row.subItem === 'string') params.subItem = row.subItem;
    }
    return lineId === undefined ? { code, params, path } : { code, params, path, lineId };
  });
}

/**
 * Validates and assesses. Either a complete result, or issues that name what to fix (the line,
 * for BoQ problems); a result with lines missing factors is returned only when the input asks
 * for it (`allowIncomplete`), and is then marked incomplete.
 */
export function assess(raw: unknown, options: TAssessOptions = {}): TAssessOutcome {
  const parsed = ZAssessmentInput.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: zodIssues(raw, parsed.error.issues) };
  return assessValidated(parsed.data, options);
}

/** Validates a scenario on its own (for variants entered separately from the project). */
export function parseScenario(
  raw: unknown,
): { ok: true; scenario: TScenario } | { ok: false; issues: TCarbonIssue[] } {
  const parsed = ZScenario.safeParse(raw);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    issues: zodIssues(undefined, parsed.error.issues).map((i) => ({ ...i, path: ['scenario', ...i.path] })),
  };
}
