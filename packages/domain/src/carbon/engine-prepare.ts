import type { ErrorCode } from '../errors';
import { buildingParts, type BuildingParts } from './building-parts';
import type { TSourceStatus } from './defaults';
import {
  effectiveA1a3,
  indexFactors,
  selectFactor,
  type TEmissionFactor,
  type TFactorIndex,
} from './factors';
import { STARTER_LIBRARY } from './library';
import { groupLines, sumByKey, type LineKey, type TLineGroups } from './line-groups';
import { ZBoqLine, type TAssessmentInput, type TBoqLine } from './model';
import { evaluationPeriod } from './period';
import type { TCarbonIssue } from './result';
import { conversionFactor, kilogramsPer, type TConversionNeed } from './units';
import { zodIssues } from './zod-issues';

/* Preparation: everything that depends on the BoQ and the library but not on the scenario. */

export interface ResolvedKey {
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

export interface TPreparedAssessment {
  readonly input: TAssessmentInput;
  readonly period: { years: number; rule: string; ruleEn: string; source: string; sourceStatus: TSourceStatus };
  readonly keys: readonly LineKey[];
  readonly resolved: readonly ResolvedKey[];
  /** Σ quantity per key, in the lines' own unit. */
  readonly sums: Float64Array;
  readonly counts: Int32Array;
  /** The BoQ in columns: which key each line has, and its quantity. */
  readonly lineGroups: TLineGroups;
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
  /**
   * The lines already grouped by key, as `validateAssessmentInput` returns them for this same
   * input (validation reads every line anyway); grouped here when not given.
   */
  lineGroups?: TLineGroups;
  /**
   * Each line's quantity as a column (in the line's own unit), read instead of the lines' own:
   * an optimiser's trial quantities for the same lines, assessed without a line object being
   * read or written. The sums per key are added up from it in line order, as from the lines.
   * Checked as each line's quantity is, with the same issues as lines holding these quantities.
   */
  quantities?: Float64Array;
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
      ruleEn: `${input.evaluationPeriodYears} years as entered`,
      source: 'input',
      sourceStatus: 'cited',
    };
  } else {
    const p = evaluationPeriod(building);
    if (!p.ok) {
      issues.push({ code: p.code, params: p.params, path: ['project', 'building'] });
      period = { years: 0, rule: '', ruleEn: '', source: '', sourceStatus: 'cited' };
    } else {
      period = { years: p.years, rule: p.rule, ruleEn: p.ruleEn, source: p.source, sourceStatus: p.sourceStatus };
    }
  }

  // 1. Distinct keys, with each line's key and the quantities summed per key.
  const lines = input.boq;
  const n = lines.length;
  const lineGroups =
    options.lineGroups !== undefined && options.lineGroups.isFor(lines) ? options.lineGroups : groupLines(lines);
  const { keys, counts } = lineGroups;
  let sums = lineGroups.sums;
  if (options.quantities !== undefined) {
    const summed = sumByKey(lineGroups, options.quantities);
    if (!summed.allAccepted) return { ok: false, issues: quantityIssues(lines, options.quantities) };
    sums = summed.sums;
  }

  // 2. Factor and conversion per key.
  const index = factorIndex(options.library ?? STARTER_LIBRARY, input.factors);
  const entered = new Set(input.factors.map((f) => f.id));
  const resolved = keys.map((key) => resolveKey(key, index, input.assessmentDate, entered));
  const missing = resolved.some((r) => r.problem?.code === 'carbon.factor_missing');
  const blocking = resolved.some(
    (r) => r.problem !== undefined && (r.problem.code !== 'carbon.factor_missing' || !input.allowIncomplete),
  );
  if (blocking || (missing && !input.allowIncomplete)) {
    const keyOfLine = lineGroups.keyOfLine;
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
  return {
    ok: true,
    prepared: {
      input,
      period,
      keys,
      resolved,
      sums,
      counts,
      lineGroups,
      keyOfLine: lineGroups.keyOfLine,
      parts,
    },
  };
}

/**
 * The issues of a column of quantities that `sumByKey` did not accept: zod asked about the lines
 * holding a refused value only, for its own words and order.
 */
function quantityIssues(lines: readonly TBoqLine[], quantities: Float64Array): TCarbonIssue[] {
  const issues: TCarbonIssue[] = [];
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i]!;
    if (q >= 0 && q <= Number.MAX_VALUE) continue;
    const line = { ...lines[i]!, quantity: q };
    const parsed = ZBoqLine.safeParse(line);
    if (parsed.success) continue;
    // Placed where the line stands in the bill, so the issue names its line and row.
    const boq: unknown[] = [];
    boq[i] = line;
    issues.push(...zodIssues({ boq }, parsed.error.issues.map((issue) => ({ ...issue, path: ['boq', i, ...issue.path] }))));
  }
  return issues;
}

function resolveKey(
  key: LineKey,
  index: TFactorIndex,
  assessmentDate: string,
  entered: ReadonlySet<string>,
): ResolvedKey {
  const empty = {
    pinned: false,
    expired: false,
    old: false,
    userEntered: false,
    conv: 0,
    a1a3: 0,
    storage: 0,
    kg: NaN,
  };
  const selection = selectFactor(index, key.materialKey, key.factorId, assessmentDate);
  if (!selection.ok) {
    const code: ErrorCode =
      selection.reason === 'material_unknown'
        ? 'carbon.material_unknown'
        : selection.reason === 'factor_not_found'
          ? 'carbon.factor_not_found'
          : 'carbon.factor_missing';
    // Messages name a material by the library's name; a name the library does not know, as typed.
    const known = index.byMaterial.get(key.materialKey)?.[0];
    const params = {
      material: known?.nameJa ?? key.materialKey,
      materialEn: known?.nameEn ?? key.materialKey,
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
        params: { material: f.nameJa, factor: f.nameJa, from: key.unit, to: f.declaredUnit },
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
