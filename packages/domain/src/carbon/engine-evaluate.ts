import { CATEGORY_CODES, CATEGORY_INDEX, type TCategoryCode } from './categories';
import { SCENARIO_DEFAULTS, type TScenarioDefaultId } from './defaults';
import { assemble, type MaterialAccumulator } from './engine-assemble';
import type { ResolvedKey, TPreparedAssessment } from './engine-prepare';
import { DATA_TYPES, type TDataType, type TEmissionFactor } from './factors';
import type { LineKey } from './line-groups';
import type { TScenario } from './model';
import { MODULE_COUNT, MODULE_INDEX, moduleValues, STAGE_GROUPS, sumModules, type TModuleValues } from './modules';
import type { TAssessOutcome, TCarbonIssue, TLineList } from './result';

// Local copies of imported constants used in loops: after transpilation to CommonJS an imported
// binding is a getter call on every access.
const NM = MODULE_COUNT;
const IX = MODULE_INDEX;
const NC = CATEGORY_CODES.length;

/* Evaluation: the scenario, the per-key coefficients, and every roll-up. */

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

/**
 * One key's coefficient per module (kg-CO2e per unit of the key's summed quantity) under the
 * scenario, written into `coef`; notes which defaults it used.
 */
function keyCoefficients(
  coef: Float64Array,
  r: ResolvedKey,
  f: TEmissionFactor,
  key: LineKey,
  s: ResolvedScenario,
  years: number,
  a4Share: number,
  a5Share: number,
  used: Set<TScenarioDefaultId>,
): { usesA4Rate: boolean; usesA5Rate: boolean; noMass: boolean } {
  let usesA4Rate = false;
  let usesA5Rate = false;
  let noMass = false;
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
  } else {
    noMass = true;
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
  return { usesA4Rate, usesA5Rate, noMass };
}

/** The building-level row (sources that are not BoQ lines), and the module totals: categories 1→6, then that row. */
function buildingRowAndTotals(
  prepared: TPreparedAssessment,
  s: ResolvedScenario,
  cat: Float64Array,
  catStorage: Float64Array,
) {
  const { parts } = prepared;
  const years = prepared.period.years;
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

  return { bld, totals, d1, storageTotal };
}

/** A scenario can reuse and recycle at most all of a category's material. */
function scenarioIssues(s: ResolvedScenario): TCarbonIssue[] {
  const issues: TCarbonIssue[] = [];
  for (const c of CATEGORY_CODES) {
    if (s.reuse[c] + s.recycling[c] > 1)
      issues.push({
        code: 'carbon.eol_rates_exceed_one',
        params: { category: c },
        path: ['scenario', 'recyclingRate', c],
      });
  }
  return issues;
}

/**
 * A scenario's coefficients laid out once: one row per key, one column per module (kg-CO2e per
 * unit of the key's summed quantity), and what each key lacks. Everything after this is
 * multiply-adds of the summed quantities with these rows, so a scenario variant or a trial set of
 * quantities costs the keys, not the lines.
 */
interface ScenarioTable {
  s: ResolvedScenario;
  /** Row k, column m at k × NM + m. */
  coefs: Float64Array;
  a1a3Key: Float64Array;
  a1a3Total: number;
  missingKeys: Uint8Array;
  anyMissing: boolean;
  noMassKeys: Uint8Array;
  used: Set<TScenarioDefaultId>;
}

function scenarioTable(
  prepared: TPreparedAssessment,
  scenario: TScenario,
): { ok: true; table: ScenarioTable } | { ok: false; issues: TCarbonIssue[] } {
  const { keys, resolved, sums, counts } = prepared;
  const years = prepared.period.years;
  const s = resolveScenario(scenario);
  const issues = scenarioIssues(s);
  if (issues.length > 0) return { ok: false, issues };
  const used = new Set<TScenarioDefaultId>();
  const K = keys.length;

  // A1–A3 per key first: when site totals give A4/A5, replacements take them as a share of it.
  const a1a3Key = new Float64Array(K);
  let a1a3Total = 0;
  for (let k = 0; k < K; k++) {
    a1a3Key[k] = sums[k]! * resolved[k]!.a1a3;
    a1a3Total += a1a3Key[k]!;
  }
  const a4Share = s.siteA4 !== undefined ? (a1a3Total > 0 ? s.siteA4 / a1a3Total : 0) : s.a4Rate;
  const a5Share = s.siteA5 !== undefined ? (a1a3Total > 0 ? s.siteA5 / a1a3Total : 0) : s.a5Rate;

  const coefs = new Float64Array(K * NM);
  const noMassKeys = new Uint8Array(K);
  const missingKeys = new Uint8Array(K);
  let anyMissing = false;
  let usesA4Rate = false;
  let usesA5Rate = false;
  for (let k = 0; k < K; k++) {
    const r = resolved[k]!;
    if (r.factor === undefined || r.problem !== undefined) {
      missingKeys[k] = 1;
      anyMissing = true;
      continue;
    }
    const row = coefs.subarray(k * NM, (k + 1) * NM);
    const rates = keyCoefficients(row, r, r.factor, keys[k]!, s, years, a4Share, a5Share, used);
    usesA4Rate ||= rates.usesA4Rate;
    usesA5Rate ||= rates.usesA5Rate;
    if (rates.noMass && counts[k]! > 0) noMassKeys[k] = 1;
  }
  if (usesA4Rate) used.add('a4Rate');
  if (usesA5Rate) used.add('a5Rate');
  if (scenario.maintenanceKgCo2ePerYear === undefined) used.add('maintenancePerYear');
  if (scenario.refurbishments === undefined) used.add('refurbishment');
  return {
    ok: true,
    table: { s, coefs, a1a3Key, a1a3Total, missingKeys, anyMissing, noMassKeys, used },
  };
}

/** Σ quantity × coefficient into each category's modules and storage, keys in first-seen order. */
function categoryTotals(prepared: TPreparedAssessment, t: ScenarioTable) {
  const { keys, resolved, sums, counts } = prepared;
  const { coefs, missingKeys } = t;
  const cat = new Float64Array(NC * NM);
  const catStorage = new Float64Array(NC);
  const catLines = new Int32Array(NC);
  for (let k = 0; k < keys.length; k++) {
    const ci = CATEGORY_INDEX[keys[k]!.category];
    catLines[ci] = catLines[ci]! + counts[k]!;
    if (missingKeys[k]) continue;
    const q = sums[k]!;
    const base = ci * NM;
    const row = k * NM;
    for (let m = 0; m < NM; m++) cat[base + m] = cat[base + m]! + q * coefs[row + m]!;
    // Storage is what the building holds: the installed quantity once, not again per replacement.
    catStorage[ci] = catStorage[ci]! + q * resolved[k]!.storage;
  }
  return { cat, catStorage, catLines };
}

/** The same sums per material (within its category, by factor), and A1–A3 per data type. */
function materialTotals(prepared: TPreparedAssessment, t: ScenarioTable) {
  const { keys, resolved, sums, counts } = prepared;
  const { coefs, missingKeys, a1a3Key } = t;
  const materialIndex = new Map<string, number>();
  const materialRows: MaterialAccumulator[] = [];
  const byDataType = emptyByDataType();
  for (let k = 0; k < keys.length; k++) {
    if (missingKeys[k]) continue;
    const r = resolved[k]!;
    const f = r.factor!;
    const key = keys[k]!;
    const ci = CATEGORY_INDEX[key.category];
    const q = sums[k]!;
    const mKey = `${ci}\u0001${key.materialKey}\u0001${f.id}`;
    let mi = materialIndex.get(mKey);
    if (mi === undefined) {
      mi = materialRows.length;
      materialIndex.set(mKey, mi);
      materialRows.push({ key: k, category: ci, modules: new Float64Array(NM), storage: 0, quantity: 0, lines: 0 });
    }
    const row = materialRows[mi]!;
    const c = k * NM;
    for (let m = 0; m < NM; m++) row.modules[m] = row.modules[m]! + q * coefs[c + m]!;
    row.storage += q * r.storage;
    row.quantity += q * r.conv;
    row.lines += counts[k]!;
    byDataType[f.dataType].kgCo2e += a1a3Key[k]!;
  }
  return { materialRows, byDataType };
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
  const table = scenarioTable(prepared, scenarioOverride ?? prepared.input.scenario);
  if (!table.ok) return table;
  const t = table.table;
  const { cat, catStorage, catLines } = categoryTotals(prepared, t);
  const { materialRows, byDataType } = materialTotals(prepared, t);
  const { bld, totals, d1, storageTotal } = buildingRowAndTotals(prepared, t.s, cat, catStorage);
  const noMass: TLineList = { count: 0, lineIds: [] };
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
      a1a3Total: t.a1a3Total,
      missingKeys: t.missingKeys,
      anyMissing: t.anyMissing,
      noMassKeys: t.noMassKeys,
      noMass,
      used: t.used,
    }),
  };
}

/**
 * A scenario's module totals and whole-life carbon alone, equal to the last bit to what
 * `evaluatePrepared` reports (`result.modules`, `result.stages.wholeLife`) but without building
 * the result's tables and lists: what comparing many variants or searching for the best one needs.
 */
export function evaluateTotals(
  prepared: TPreparedAssessment,
  scenarioOverride?: TScenario,
): { ok: true; modules: TModuleValues; wholeLife: number } | { ok: false; issues: TCarbonIssue[] } {
  const table = scenarioTable(prepared, scenarioOverride ?? prepared.input.scenario);
  if (!table.ok) return table;
  const { cat, catStorage } = categoryTotals(prepared, table.table);
  const modules = moduleValues(buildingRowAndTotals(prepared, table.table.s, cat, catStorage).totals);
  return { ok: true, modules, wholeLife: sumModules(modules, STAGE_GROUPS.wholeLife) };
}
