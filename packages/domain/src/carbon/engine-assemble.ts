import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  METHOD_NAMES,
  methodCoverage,
  SUB_ITEMS,
  type TCategoryCode,
} from './categories';
import { listedNamesParams } from '../display-params';
import { SCENARIO_DEFAULTS, type TScenarioDefaultId, type TSourced } from './defaults';
import type { TPreparedAssessment } from './engine-prepare';
import { ENERGY_FACTORS } from './energy';
import { DATA_TYPES, effectiveA1a3, isOlderThanFiveYears, type TDataType } from './factors';
import {
  EU_ROWS,
  MODULE_COUNT,
  MODULE_INDEX,
  MODULES,
  moduleValues,
  STAGE_GROUPS,
  sumModules,
  type TModule,
  type TModuleValues,
} from './modules';
import {
  LINE_ID_LIST_LIMIT,
  type TCarbonResult,
  type TCarbonWarning,
  type TCategoryRow,
  type TFactorUsed,
  type TLineList,
  type TMaterialRow,
} from './result';

const NM = MODULE_COUNT;
const IX = MODULE_INDEX;

function limitedIds(ids: string[], id: string) {
  if (ids.length < LINE_ID_LIST_LIMIT) ids.push(id);
}

export interface MaterialAccumulator {
  key: number;
  category: number;
  modules: Float64Array;
  storage: number;
  quantity: number;
  lines: number;
}

export interface Accumulated {
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

/** Material rows within categories (categories in order, first appearance within each), then the same rows added up across categories in that order. */
function materialTables(prepared: TPreparedAssessment, acc: Accumulated) {
  const { keys, resolved } = prepared;
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

  return { byMaterial, byCategoryMaterial };
}

/** Data quality, per factor used (and the A1–A3 share of each data type). */
function factorsUsedOf(prepared: TPreparedAssessment, acc: Accumulated): TFactorUsed[] {
  const { resolved, counts } = prepared;
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

  return used;
}

/** The lines each list names (missing factors, no mass, outside the method, user-entered factors). */
function lineLists(prepared: TPreparedAssessment, acc: Accumulated, used: readonly TFactorUsed[]) {
  const { input, keys, resolved, counts, lineGroups } = prepared;
  const lines = input.boq;
  const keyOfLine = lineGroups.keyOfLine;
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
  // The product stage rests on the BoQ alone: with no line it has nothing to compute from.
  if (lines.length === 0) modulesWithoutInput.push('A1-A3');
  if (input.refrigerants.length === 0 && input.blowingAgents.length === 0) modulesWithoutInput.push('B1');
  if (input.energy.length === 0) modulesWithoutInput.push('B6');
  if (!input.water) modulesWithoutInput.push('B7');

  return {
    missing,
    userEnteredLines,
    coverage,
    outside,
    enteredSubItems,
    emptySubItems,
    modulesWithoutInput,
  };
}

/** Defaults and assumptions used, and the factors and energy figures to flag. */
function qualityFlags(prepared: TPreparedAssessment, acc: Accumulated, used: readonly TFactorUsed[]) {
  const { input, parts } = prepared;
  const years = prepared.period.years;
  const defaultsUsed: TSourced<unknown>[] = [...acc.used].map((id) => SCENARIO_DEFAULTS[id]);
  if (prepared.period.sourceStatus === 'assumption') {
    defaultsUsed.unshift({
      id: 'evaluationPeriod',
      value: years,
      source: prepared.period.source,
      sourceStatus: 'assumption',
      basis: prepared.period.rule,
      name: { ja: '評価期間', en: 'Evaluation period' },
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

  return {
    defaultsUsed,
    assumptionsUsed,
    unreviewedCfp,
    olderThan5Years,
    expired,
    energyFactorsOlderThan5Years,
  };
}

function resultWarnings(
  prepared: TPreparedAssessment,
  acc: Accumulated,
  used: readonly TFactorUsed[],
  lists: ReturnType<typeof lineLists>,
  flags: ReturnType<typeof qualityFlags>,
): TCarbonWarning[] {
  const { input } = prepared;
  const building = input.project.building;
  const lines = input.boq;
  const { missing, userEnteredLines, coverage, outside, enteredSubItems } = lists;
  const { assumptionsUsed, unreviewedCfp, olderThan5Years, expired, energyFactorsOlderThan5Years } = flags;
  const warnings: TCarbonWarning[] = [];
  if (lines.length === 0) warnings.push({ code: 'carbon.warn_boq_empty', params: {} });
  // Warnings name materials and factors by their names (and owners), never by their keys or ids.
  const missingName = new Map(
    prepared.keys.map((k, i) => {
      const params = prepared.resolved[i]?.problem?.params;
      return [k.materialKey, { ja: String(params?.material ?? k.materialKey), en: String(params?.materialEn ?? k.materialKey) }];
    }),
  );
  const factorNames = (id: string) => {
    const f = used.find((x) => x.id === id);
    return { factor: f?.nameJa ?? id, factorEn: f?.nameEn ?? id };
  };
  for (const u of unreviewedCfp) {
    const f = used.find((x) => x.id === u.factorId);
    warnings.push({
      code: 'carbon.warn_unreviewed_cfp',
      params: { factor: f?.owner ?? u.factorId, material: f?.nameJa ?? u.materialKey, materialEn: f?.nameEn ?? u.materialKey },
    });
  }
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
        ...listedNamesParams('factors', entered.map((f) => ({ ja: f.nameJa, en: f.nameEn }))),
      },
    });
  }
  for (const o of olderThan5Years)
    warnings.push({
      code: 'carbon.warn_factor_old',
      params: { ...factorNames(o.factorId), publishedOn: o.publishedOn },
    });
  for (const e of expired)
    warnings.push({
      code: 'carbon.warn_factor_expired',
      params: { ...factorNames(e.factorId), validUntil: e.validUntil },
    });
  for (const e of energyFactorsOlderThan5Years)
    warnings.push({
      code: 'carbon.warn_energy_factor_old',
      params: { carrier: e.carrier, publishedOn: e.publishedOn },
    });
  if (missing.count > 0)
    warnings.push({
      code: 'carbon.warn_incomplete_missing_factors',
      params: { count: missing.count, ...listedNamesParams('materials', missing.materials.map((m) => missingName.get(m) ?? { ja: m, en: m })) },
    });
  if (acc.noMass.count > 0)
    warnings.push({ code: 'carbon.warn_lines_without_mass', params: { count: acc.noMass.count } });
  if (outside.count > 0) {
    warnings.push({
      code: 'carbon.warn_lines_outside_method',
      params: {
        count: outside.count,
        method: METHOD_NAMES[input.method].ja,
        methodEn: METHOD_NAMES[input.method].en,
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
      // The screens' names for the defaults, not their ids: the warning is read by applicants.
      params: {
        count: assumptionsUsed.length,
        ...listedNamesParams('items', assumptionsUsed.map((a) => ({ ja: a.name?.ja ?? a.id, en: a.name?.en ?? a.id }))),
      },
    });

  return warnings;
}

/** EN 15978's reporting rows, with D split into D1 (materials) and D2 (exported energy). */
function euRows(modules: TModuleValues, acc: Accumulated, area: number): TCarbonResult['eu'] {
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

  return eu;
}

export function assemble(prepared: TPreparedAssessment, acc: Accumulated): TCarbonResult {
  const { input, parts } = prepared;
  const building = input.project.building;
  const area = building.grossFloorAreaM2;
  const years = prepared.period.years;
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

  const { byMaterial, byCategoryMaterial } = materialTables(prepared, acc);
  const used = factorsUsedOf(prepared, acc);
  const lists = lineLists(prepared, acc, used);
  const { missing, userEnteredLines, coverage, outside, emptySubItems, modulesWithoutInput } = lists;
  const flags = qualityFlags(prepared, acc, used);
  const warnings = resultWarnings(prepared, acc, used, lists, flags);
  const eu = euRows(modules, acc, area);
  const d2 = acc.bld[IX.D]!;

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
      unreviewedCfp: flags.unreviewedCfp,
      olderThan5Years: flags.olderThan5Years,
      expired: flags.expired,
      energyFactorsOlderThan5Years: flags.energyFactorsOlderThan5Years,
      missingFactors: missing,
      userEnteredLines,
      linesWithoutMass: acc.noMass,
      defaultsUsed: flags.defaultsUsed,
      assumptionsUsed: flags.assumptionsUsed,
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
