import { toCsv, type Cell } from '../export';
import { CATEGORY_CODES, CATEGORY_NAMES, METHOD_NAMES, type TCategoryCode } from './categories';
import { DATA_TYPE_NAMES, DATA_TYPES } from './factors';
import type { TCarbonResult, TFactorUsed } from './result';
import {
  MODULE_NAMES,
  MODULES,
  STAGE_GROUP_NAMES,
  STAGE_GROUPS,
  type TModule,
  type TModuleValues,
  type TStageGroup,
} from './modules';
import type { TBuildingUse } from './period';
import type { TUnit } from './units';

/**
 * A figure for display: "1,234 kg-CO₂e", "1.2 t-CO₂e", "12.3 kg-CO₂e/m²". Rounding happens here
 * and only here; results and exports keep full precision.
 */
export function formatCarbon(
  value: number,
  options: { unit?: 'kg' | 't'; per?: '' | 'm2' | 'm2year'; digits?: number; locale?: 'ja' | 'en' } = {},
): string {
  const unit = options.unit ?? 'kg';
  const shown = unit === 't' ? value / 1000 : value;
  const text = new Intl.NumberFormat(options.locale === 'en' ? 'en-US' : 'ja-JP', {
    maximumFractionDigits: options.digits ?? (unit === 't' ? 1 : 0),
    minimumFractionDigits: 0,
  }).format(shown);
  const per =
    options.per === 'm2'
      ? '/m²'
      : options.per === 'm2year'
        ? options.locale === 'en'
          ? '/m²·yr'
          : '/m²・年'
        : '';
  return `${text} ${unit}-CO₂e${per}`;
}

/**
 * The result as a table. Figures are unrounded (kg-CO2e): rounding is for display, and a file
 * someone re-adds in Excel must add up. Columns: section, key, name, kg-CO2e, per m², per m²·year.
 */
export function toCsvCells(result: TCarbonResult, locale: 'ja' | 'en' = 'ja'): Cell[][] {
  const name = (n: { ja: string; en: string }) => n[locale];
  const area = result.grossFloorAreaM2;
  const years = result.evaluationPeriod.years;
  const line = (section: string, key: string, label: string, kg: number): Cell[] => [
    section,
    key,
    label,
    kg,
    kg / area,
    kg / (area * years),
  ];
  const rows: Cell[][] = [
    locale === 'ja'
      ? ['区分', 'キー', '名称', 'kg-CO2e', 'kg-CO2e/m²', 'kg-CO2e/m²・年']
      : ['section', 'key', 'name', 'kg-CO2e', 'kg-CO2e/m2', 'kg-CO2e/m2/year'],
    ['project', 'name', result.project.name, null, null, null],
    ['project', 'method', name(METHOD_NAMES[result.method]), null, null, null],
    ['project', 'grossFloorAreaM2', String(area), null, null, null],
    ['project', 'evaluationPeriodYears', String(years), null, null, null],
    ['project', 'gwpSet', result.gwpSet, null, null, null],
    ['project', 'complete', String(result.complete), null, null, null],
  ];
  for (const m of MODULES) rows.push(line('module', m, name(MODULE_NAMES[m]), result.modules[m]));
  for (const g of Object.keys(STAGE_GROUPS) as TStageGroup[])
    rows.push(line('stage', g, name(STAGE_GROUP_NAMES[g]), result.stages[g]));
  rows.push(line('stage', 'D', name(MODULE_NAMES.D), result.stages.d));
  rows.push(
    line(
      'stage',
      'biogenicStorage',
      locale === 'ja' ? '炭素貯蔵量（別掲）' : 'Biogenic storage (reported apart)',
      result.stages.biogenicStorage,
    ),
  );
  for (const r of result.eu) rows.push(line('eu', r.key, r[locale], r.kgCo2e));
  for (const c of result.byCategory)
    rows.push(line('category', c.category, name(CATEGORY_NAMES[c.category]), c.wholeLife));
  rows.push(
    line(
      'category',
      'building',
      locale === 'ja'
        ? '建物全体（冷媒・エネルギー・水など）'
        : 'Building level (refrigerant, energy, water …)',
      result.buildingLevel.wholeLife,
    ),
  );
  for (const m of result.byMaterial)
    rows.push(
      line(
        'material',
        m.factorId ?? m.materialKey,
        `${m.materialKey} ${name({ ja: m.nameJa, en: m.nameEn })}`,
        m.wholeLife,
      ),
    );
  for (const t of DATA_TYPES) {
    const share = result.dataQuality.a1a3ByDataType[t];
    rows.push(['data_type', t, name(DATA_TYPE_NAMES[t]), share.kgCo2e, share.share, null]);
  }
  for (const a of result.dataQuality.assumptionsUsed)
    rows.push(['assumption', a.id, a.basis ?? a.source, null, null, null]);
  for (const w of result.warnings) rows.push(['warning', w.code, JSON.stringify(w.params), null, null, null]);
  return rows;
}

/** The same table as strings (numbers in full precision). */
export function toCsvRows(result: TCarbonResult, locale: 'ja' | 'en' = 'ja'): string[][] {
  return toCsvCells(result, locale).map((r) => r.map((c) => (c == null ? '' : String(c))));
}

/** CSV text that Excel in Japan opens cleanly (BOM, CRLF; formula-like text neutralised). */
export const toCsvText = (result: TCarbonResult, locale: 'ja' | 'en' = 'ja'): string =>
  toCsv(toCsvCells(result, locale));

export const CARBON_JSON_FORMAT = { format: 'tsumiki-carbon-result', version: 1 } as const;

/** The whole result as JSON, with a format tag so a reader knows what it holds. */
export function toJson(result: TCarbonResult): string {
  return JSON.stringify({ ...CARBON_JSON_FORMAT, result }, null, 2);
}

/* ------------------------------------------------------------------------------------------ */
/* LCAx (https://github.com/ocni-dtu/lcax, the `lcax` npm package, model 3.0: lcax.d.ts).        */
/* A plain object of that shape; no dependency on the package.                                  */
/* ------------------------------------------------------------------------------------------ */

export const LCAX_MODULES = [
  'a0',
  'a1a3',
  'a4',
  'a5',
  'b1',
  'b2',
  'b3',
  'b4',
  'b5',
  'b6',
  'b7',
  'b8',
  'c1',
  'c2',
  'c3',
  'c4',
  'd',
] as const;
export type TLcaxModule = (typeof LCAX_MODULES)[number];
export type TLcaxImpactCategory = Record<TLcaxModule, number | null>;
export type TLcaxImpacts = { gwp: TLcaxImpactCategory };
type TLcaxUnit = 'm' | 'm2' | 'm3' | 'kg' | 'tones' | 'pcs' | 'kwh' | 'l' | 'unknown';
type TLcaxAnyValue = { string: string } | { number: { float: number } | { int: number } } | { bool: boolean };

export interface TLcaxProduct {
  type: 'product';
  id: string;
  name: string;
  description: string | null;
  referenceServiceLife: number;
  impactData: TLcaxEpd[];
  quantity: number;
  unit: TLcaxUnit;
  transport: null;
  results: TLcaxImpacts;
  metaData: Record<string, TLcaxAnyValue> | null;
}
/**
 * A factor embedded as LCAx EPD data, so another tool recomputes the result without Tsumiki's
 * library: GWP per declared unit by module, its source in `source` and `metaData`.
 */
export interface TLcaxEpd {
  type: 'EPD';
  id: string;
  name: string;
  declaredUnit: TLcaxUnit;
  version: string;
  publishedDate: string;
  validUntil: string;
  source: { name: string; url: string | null } | null;
  referenceServiceLife: number | null;
  standard: 'en15804a1' | 'en15804a2' | 'unknown';
  comment: string | null;
  location: 'jpn';
  subtype: 'generic' | 'specific' | 'industry' | 'representative';
  conversions: null;
  impacts: TLcaxImpacts;
  metaData: Record<string, TLcaxAnyValue> | null;
}
export interface TLcaxAssembly {
  type: 'assembly';
  id: string;
  name: string;
  description: string | null;
  comment: string | null;
  quantity: number;
  unit: TLcaxUnit;
  classification: { system: string; code: string; name: string }[] | null;
  products: TLcaxProduct[];
  results: TLcaxImpacts;
  metaData: Record<string, TLcaxAnyValue> | null;
}
export interface TLcaxProject {
  id: string;
  name: string;
  description: string | null;
  comment: string | null;
  location: { country: 'jpn'; city: string | null; address: string | null };
  owner: string | null;
  formatVersion: string;
  lciaMethod: string | null;
  classificationSystems: string[] | null;
  referenceStudyPeriod: number | null;
  lifeCycleModules: TLcaxModule[];
  impactCategories: 'gwp'[];
  assemblies: TLcaxAssembly[];
  results: TLcaxImpacts;
  projectInfo: Record<string, unknown> | null;
  projectPhase:
    | 'strategic_design'
    | 'concept_design'
    | 'technical_design'
    | 'construction'
    | 'post_completion'
    | 'in_use'
    | 'other';
  softwareInfo: {
    lcaSoftware: string;
    lcaSoftwareVersion: string | null;
    goalAndScopeDefinition: string | null;
    calculationType: string | null;
  };
  metaData: Record<string, TLcaxAnyValue> | null;
}

const LCAX_OF: Record<Exclude<TModule, 'A1-A3'>, TLcaxModule> & { 'A1-A3': TLcaxModule } = {
  'A1-A3': 'a1a3',
  A4: 'a4',
  A5: 'a5',
  B1: 'b1',
  B2: 'b2',
  B3: 'b3',
  B4: 'b4',
  B5: 'b5',
  B6: 'b6',
  B7: 'b7',
  C1: 'c1',
  C2: 'c2',
  C3: 'c3',
  C4: 'c4',
  D: 'd',
};

function impacts(values: TModuleValues): TLcaxImpacts {
  // A0 (pre-construction) and B8 (user activities) are not assessed: null, not 0.
  const gwp = Object.fromEntries(LCAX_MODULES.map((m) => [m, null])) as TLcaxImpactCategory;
  for (const m of MODULES) gwp[LCAX_OF[m]] = values[m];
  return { gwp };
}

/** Module values per one declared unit (what a quantity multiplies); zero quantity → zero per unit. */
function perUnit(values: TModuleValues, quantity: number): TModuleValues {
  return Object.fromEntries(MODULES.map((m) => [m, quantity > 0 ? values[m] / quantity : 0])) as TModuleValues;
}

const SUBTYPE: Partial<Record<string, TLcaxEpd['subtype']>> = { epd_company: 'specific', epd_industry: 'industry', generic: 'generic' };

/**
 * A product's factor as EPD data: A1–A3 is the factor's own figure; the other modules are what the
 * J-CAT method derived from it for this project (A4/A5 shares, B, C), per declared unit, so that
 * quantity × impacts gives back Tsumiki's result module by module.
 */
function embeddedEpd(id: string, name: string, unit: TLcaxUnit, modules: TModuleValues, quantity: number, used: TFactorUsed | undefined, result: TCarbonResult): TLcaxEpd {
  return {
    type: 'EPD',
    id,
    name,
    declaredUnit: unit,
    version: '1',
    publishedDate: used?.publishedOn ?? result.assessmentDate,
    validUntil: used?.validUntil ?? result.assessmentDate,
    source: used ? { name: `${used.owner}: ${used.source}`, url: null } : { name: 'Tsumiki (J-CAT method)', url: null },
    referenceServiceLife: null,
    standard: 'unknown',
    comment: 'GWP per declared unit by module as assessed by Tsumiki: A1-A3 from the factor, the other modules from the J-CAT scenario of this project.',
    location: 'jpn',
    subtype: SUBTYPE[used?.dataType ?? ''] ?? 'representative',
    conversions: null,
    impacts: impacts(perUnit(modules, quantity)),
    metaData: used ? { factorId: text(used.id), dataType: text(used.dataType), owner: text(used.owner), source: text(used.source) } : null,
  };
}

const LCAX_UNIT: Record<TUnit, TLcaxUnit> = {
  kg: 'kg',
  t: 'tones',
  m3: 'm3',
  m2: 'm2',
  m: 'm',
  piece: 'pcs',
  kWh: 'kwh',
  L: 'l',
  MJ: 'unknown',
  Nm3: 'unknown',
};
const TYPOLOGY: Record<TBuildingUse, string> = {
  office: 'office',
  retail: 'commercial',
  housing: 'residential',
  school: 'educational',
  hospital: 'health',
  hotel: 'commercial',
  factory: 'industrial',
  warehouse: 'industrial',
  other: 'other',
};
const text = (s: string): TLcaxAnyValue => ({ string: s });
const float = (n: number): TLcaxAnyValue => ({ number: { float: n } });

/** One J-CAT work category as an LCAx assembly, with one product per material and factor. */
function categoryAssembly(result: TCarbonResult, c: TCategoryCode, ci: number, factorById: ReadonlyMap<string, TFactorUsed>): TLcaxAssembly {
  const category = result.byCategory[ci]!;
  const products = result.byCategoryMaterial
    .filter((m) => m.category === c)
    .map((m): TLcaxProduct => ({
      type: 'product',
      id: `${c}:${m.materialKey}:${m.factorId ?? 'none'}`,
      name: m.nameJa,
      description: m.nameEn,
      referenceServiceLife: result.evaluationPeriod.years,
      impactData: [
        embeddedEpd(m.factorId ?? `${c}:${m.materialKey}`, m.nameJa, m.declaredUnit ? LCAX_UNIT[m.declaredUnit] : 'unknown', m.modules, m.quantity, factorById.get(m.factorId ?? ''), result),
      ],
      quantity: m.quantity,
      unit: m.declaredUnit ? LCAX_UNIT[m.declaredUnit] : 'unknown',
      transport: null,
      results: impacts(m.modules),
      metaData: {
        dataType: text(m.dataType ?? ''),
        biogenicStorageKgCo2e: float(m.biogenicStorage),
        lineCount: { number: { int: m.lineCount } },
      },
    }));
  return {
    type: 'assembly',
    id: `jcat-${c}`,
    name: CATEGORY_NAMES[c].ja,
    description: CATEGORY_NAMES[c].en,
    comment: null,
    quantity: 1,
    unit: 'pcs',
    classification: [{ system: 'J-CAT 工事科目', code: c, name: CATEGORY_NAMES[c].ja }],
    products,
    results: impacts(category.modules),
    metaData: { biogenicStorageKgCo2e: float(category.biogenicStorage) },
  };
}

/**
 * The building-level figures (refrigerants, blowing agents, energy, water, site, maintenance,
 * refurbishment) as one assembly.
 */
function buildingLevelAssembly(result: TCarbonResult): TLcaxAssembly {
  return {
    type: 'assembly',
    id: 'building-level',
    name: '建物全体（冷媒・発泡剤・エネルギー・水・現場・維持・改修）',
    description:
      'Building level: refrigerants, blowing agents, energy, water, site, maintenance, refurbishment',
    comment: null,
    quantity: 1,
    unit: 'pcs',
    classification: null,
    // One product carrying the building-level figures, so a tool that sums products gets them too.
    products: [
      {
        type: 'product',
        id: 'building-level',
        name: '建物全体',
        description: 'Building level',
        referenceServiceLife: result.evaluationPeriod.years,
        impactData: [embeddedEpd('tsumiki:building-level', '建物全体', 'pcs', result.buildingLevel.modules, 1, undefined, result)],
        quantity: 1,
        unit: 'pcs',
        transport: null,
        results: impacts(result.buildingLevel.modules),
        metaData: null,
      },
    ],
    results: impacts(result.buildingLevel.modules),
    metaData: null,
  };
}

/** The building as LCAx describes it; what Tsumiki does not record is null or "unknown". */
function projectInfo(result: TCarbonResult): TLcaxProject['projectInfo'] {
  const b = result.building;
  return {
    buildingType: b.works === 'renovation' ? 'retrofit_works' : 'new_construction_works',
    buildingTypology: [TYPOLOGY[b.use]],
    certifications: null,
    buildingMass: null,
    buildingHeight: null,
    grossFloorArea: { value: b.grossFloorAreaM2, unit: 'm2', definition: '延床面積 (gross floor area)' },
    heatedFloorArea: null,
    buildingFootprint: null,
    floorsAboveGround: b.storeysAboveGround ?? 0,
    floorsBelowGround: b.storeysBelowGround ?? null,
    roofType: 'unknown',
    frameType: b.structure,
    buildingCompletionYear: null,
    buildingPermitYear: null,
    energyDemandHeating: null,
    energySupplyHeating: null,
    energyDemandElectricity: null,
    energySupplyElectricity: null,
    exportedElectricity: result.operational.exportedKWh,
    generalEnergyClass: 'unknown',
    localEnergyClass: null,
    buildingUsers: null,
    buildingModelScope: null,
  };
}

/**
 * The result as an LCAx project: one assembly per J-CAT work category with one product per
 * material and factor, plus a building-level assembly (refrigerants, energy, water). GWP only, by
 * module; biogenic storage and D1/D2 go in metaData, so nothing is netted.
 */
export function toLcax(
  result: TCarbonResult,
  options: { projectPhase?: TLcaxProject['projectPhase'] } = {},
): TLcaxProject {
  const slug = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  const projectId = result.project.id ?? `tsumiki-${slug(result.project.name)}-${result.assessmentDate}`;
  const factorById = new Map(result.dataQuality.factorsUsed.map((f) => [f.id, f]));
  const assemblies: TLcaxAssembly[] = [
    ...CATEGORY_CODES.map((c, ci) => categoryAssembly(result, c, ci, factorById)),
    buildingLevelAssembly(result),
  ];
  const b = result.building;
  return {
    id: projectId,
    name: result.project.name,
    description: null,
    comment: result.complete
      ? null
      : 'Incomplete: some lines have no factor or no mass (see Tsumiki data-quality summary).',
    location: { country: 'jpn', city: null, address: b.region ?? null },
    owner: null,
    formatVersion: '3.0.0',
    lciaMethod: `IPCC ${result.gwpSet} GWP100`,
    classificationSystems: ['J-CAT 工事科目'],
    referenceStudyPeriod: result.evaluationPeriod.years,
    lifeCycleModules: MODULES.map((m) => LCAX_OF[m]),
    impactCategories: ['gwp'],
    assemblies,
    results: impacts(result.modules),
    projectInfo: projectInfo(result),
    projectPhase: options.projectPhase ?? 'other',
    softwareInfo: {
      lcaSoftware: 'Tsumiki',
      lcaSoftwareVersion: null,
      goalAndScopeDefinition: `Whole-life carbon by the J-CAT method (${METHOD_NAMES[result.method].en}), ${result.evaluationPeriod.years} years (${result.evaluationPeriod.ruleEn}).`,
      calculationType: METHOD_NAMES[result.method].ja,
    },
    metaData: {
      biogenicStorageKgCo2e: float(result.stages.biogenicStorage),
      d1KgCo2e: float(result.d.d1),
      d2KgCo2e: float(result.d.d2),
      complete: { bool: result.complete },
      assessmentDate: text(result.assessmentDate),
      assumptionsUsed: text(result.dataQuality.assumptionsUsed.map((a) => a.id).join(', ')),
    },
  };
}
