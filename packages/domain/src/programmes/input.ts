import { z } from 'zod';
import { listedNamesParams } from '../display-params';
import type { TProgrammeKind } from '../programme';
import { CLT_DEMONSTRATION } from './clt/definition';
import { computeClt, type CltBreakdown } from './clt/compute';
import { ZCltGrantInput, type TCltGrantInput } from './clt/input';
import { CO2_FACTOR_SUPPORT } from './co2/definition';
import { computeCo2, type Co2Breakdown } from './co2/compute';
import { ZCo2GrantInput, type TCo2GrantInput } from './co2/input';
import type { TProgrammeDefinition } from './shared/definition';
import {
  checkFactsAgainstQuestions,
  checkLinesAgainstDefinition,
  computeGeneric,
  ZGenericGrantInput,
  ZGenericLine,
  type GenericBreakdown,
  type TGenericGrantInput,
} from './shared/generic';
import { GENERIC_COST_SHARE } from './generic/definition';
import { LCA_IMPLEMENTATION } from './lca/definition';
import { PROGRAMME_TEMPLATES } from './templates';
import { optionNamesParams } from './shared/choices';
import { sectionUnknownParams } from './shared/line-names';
import type { InputIssue } from './shared/reasons';
import type { GrantResult, ValidationOutcome } from './shared/result';
import { isProgrammeCode, type FactLabeller } from './shared/rules';

/**
 * The entry points the API and the CLI (`tsumiki grant compute <programme> <input.json>`) call:
 * validate a JSON input for a programme, and compute `{ eligibility, grant, breakdown, reasons }`.
 */

export const BUILTIN_PROGRAMMES: Readonly<Record<TProgrammeKind, TProgrammeDefinition>> = {
  co2_factor_support: CO2_FACTOR_SUPPORT,
  clt_demonstration: CLT_DEMONSTRATION,
  lca_implementation: LCA_IMPLEMENTATION,
  generic_cost_share: GENERIC_COST_SHARE,
};

export const programmeByCode = (code: string): TProgrammeDefinition | undefined =>
  Object.hasOwn(BUILTIN_PROGRAMMES, code) ? BUILTIN_PROGRAMMES[code as TProgrammeKind] : undefined;

/**
 * Whether a definition's lines may leave the section out: the LCA form's (its one section is
 * implied). Every other generic-engine form names each line's section.
 */
export const lineSectionImplied = (def: Pick<TProgrammeDefinition, 'engine' | 'code'>): boolean => def.engine === 'generic' && def.code === 'lca_implementation';

/** Lines of a single-section programme may leave the section out. */
export const ZLcaLine = ZGenericLine.extend({
  section: z.literal('lca', { error: 'grant.section_unknown' }).default('lca'),
});
export const ZLcaGrantInput = ZGenericGrantInput.extend({
  programme: z.literal('lca_implementation'),
  // The questions are the definition's (validateGrantInput checks the answers against the version).
  lines: z.array(ZLcaLine).max(2000, { message: 'grant.too_many_lines' }),
});
export type TLcaGrantInput = z.output<typeof ZLcaGrantInput>;

/** One input schema for every built-in programme, told apart by `programme`. */
export const ZGrantComputeInput = z.discriminatedUnion(
  'programme',
  [ZCo2GrantInput, ZCltGrantInput, ZLcaGrantInput],
  { error: 'programmes.unknown' },
);
export type TGrantComputeInput = z.output<typeof ZGrantComputeInput>;

export type TGrantResult =
  GrantResult<Co2Breakdown> | GrantResult<CltBreakdown> | GrantResult<GenericBreakdown>;

/**
 * Computes a grant for an already-validated input. The definition decides the engine; a data-only
 * programme (ZEB, timber-building support…) takes the generic input.
 */
export function computeGrant(
  programme: TProgrammeDefinition,
  input: TCo2GrantInput,
  labelOf?: FactLabeller,
): GrantResult<Co2Breakdown>;
export function computeGrant(
  programme: TProgrammeDefinition,
  input: TCltGrantInput,
  labelOf?: FactLabeller,
): GrantResult<CltBreakdown>;
export function computeGrant(
  programme: TProgrammeDefinition,
  input: TGenericGrantInput | TLcaGrantInput,
  labelOf?: FactLabeller,
): GrantResult<GenericBreakdown>;
export function computeGrant(
  programme: TProgrammeDefinition,
  input: TGrantComputeInput | TGenericGrantInput,
  labelOf?: FactLabeller,
): TGrantResult;
export function computeGrant(
  programme: TProgrammeDefinition,
  input: TGrantComputeInput | TGenericGrantInput,
  labelOf?: FactLabeller,
): TGrantResult {
  switch (programme.engine) {
    case 'co2_factor':
      if (input.programme !== 'co2_factor_support')
        throw new TypeError(`Input for ${input.programme} given to ${programme.code}`);
      return computeCo2(programme, input as TCo2GrantInput, labelOf);
    case 'clt':
      if (input.programme !== 'clt_demonstration')
        throw new TypeError(`Input for ${input.programme} given to ${programme.code}`);
      return computeClt(programme, input as TCltGrantInput, labelOf);
    case 'generic':
      return computeGeneric(programme, input as TGenericGrantInput, labelOf);
  }
}

/** Which schema reads input for a definition. */
function schemaFor(def: TProgrammeDefinition): z.ZodType {
  if (def.engine === 'co2_factor') return ZCo2GrantInput;
  if (def.engine === 'clt') return ZCltGrantInput;
  return lineSectionImplied(def) ? ZLcaGrantInput : ZGenericGrantInput;
}

/**
 * Validates raw JSON for a programme. `programme` may be left out of the JSON (the CLI names it
 * on the command line); if present it must agree. Issues name the field and use catalogue codes.
 */
export function validateGrantInput(
  programme: TProgrammeDefinition | string,
  raw: unknown,
): ValidationOutcome<TGrantComputeInput | TGenericGrantInput> {
  const def = typeof programme === 'string' ? programmeByCode(programme) : programme;
  if (!def) return { ok: false, issues: [{ code: 'programmes.unknown', path: ['programme'], params: unknownProgrammeParams(typeof programme === 'string' ? programme : programme.code) }] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, issues: [{ code: 'grant.input_not_object', path: [], params: {} }] };
  const given = (raw as { programme?: unknown }).programme;
  if (given !== undefined && given !== def.code)
    return {
      ok: false,
      issues: [
        {
          code: 'grant.programme_mismatch',
          path: ['programme'],
          params: { given: typeof given === 'string' ? given : JSON.stringify(given), ...programmeNameAndCode(def) },
        },
      ],
    };
  const withProgramme = { ...raw, programme: def.code };
  const parsed = schemaFor(def).safeParse(withProgramme);
  if (!parsed.success) return { ok: false, issues: toInputIssues(parsed.error.issues, withProgramme).map((i) => withSectionNames(def, i, withProgramme)) };
  const value = parsed.data as TGrantComputeInput | TGenericGrantInput;
  if (def.engine === 'generic') {
    const generic = value as TGenericGrantInput;
    const issues = [...checkFactsAgainstQuestions(def, generic.facts), ...checkLinesAgainstDefinition(def, generic.lines)];
    if (issues.length) return { ok: false, issues };
  }
  return { ok: true, value };
}

/**
 * programmes.unknown's parameters: what was given, and the programmes there are by the names the
 * screens show (「令和7年度 CLT建築実証事業」), Japanese in `options` and English in `optionsEn`.
 * A code is for typing; whoever must type one (the CLI) shows it beside the name itself.
 */
export function unknownProgrammeParams(given: unknown): { programme: string; options: string; optionsEn: string } {
  const names = Object.values(PROGRAMME_TEMPLATES).map((t) => t.name);
  return {
    programme: typeof given === 'string' ? given : (JSON.stringify(given) ?? ''),
    ...listedNamesParams('options', names.map((n) => ({ ja: `「${n.ja}」`, en: `“${n.en}”` }))),
  };
}

/** A programme where its code must be typed (the `programme` of an input file): its name, with the code beside it. */
const programmeNameAndCode = (def: Pick<TProgrammeDefinition, 'code' | 'name'>) => ({ programme: `「${def.name.ja}」（${def.code}）`, programmeEn: `“${def.name.en}” (${def.code})` });

/** A section zod refused (not text, or not the one an LCA line implies) names the line and the definition's sections. */
function withSectionNames(def: TProgrammeDefinition, issue: InputIssue, raw: unknown): InputIssue {
  if (issue.code !== 'grant.section_unknown') return issue;
  const line = valueAt(raw, [...issue.path.slice(0, -1), 'id']);
  return { ...issue, params: { ...issue.params, ...sectionUnknownParams(def, typeof line === 'string' ? line : '') } };
}

export function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let value = raw;
  for (const p of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[p];
  }
  return value;
}

type ZIssue = z.core.$ZodIssue;

/** zod's issues → ours: catalogue codes, the field path, and the parameters the message needs. */
export function toInputIssues(issues: readonly ZIssue[], raw: unknown): InputIssue[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const params: Record<string, string | number> = { field: path.join('.') || '(input)' };
    const value = valueAt(raw, path);
    if (typeof value === 'string' || typeof value === 'number') params.value = value;
    if (issue.code === 'custom' && issue.params)
      for (const [k, v] of Object.entries(issue.params))
        if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    // The allowed values by the names the form shows them under (業界団体、個社), never their codes.
    if (issue.code === 'invalid_value') Object.assign(params, optionNamesParams(issue.values));
    if (issue.code === 'too_small') params.minimum = String(issue.minimum);
    if (issue.code === 'too_big') params.maximum = String(issue.maximum);
    if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
    if (issue.code === 'invalid_type') params.expected = issue.expected;
    // The input names no programme there is (the union of the built-ins refused its `programme`).
    if (issue.message === 'programmes.unknown') return { code: 'programmes.unknown', path: ['programme'], params: unknownProgrammeParams(valueAt(raw, ['programme'])) };
    if (isProgrammeCode(issue.message)) return { code: issue.message, path, params };
    switch (issue.code) {
      case 'invalid_type':
        return { code: value === undefined ? 'grant.field_required' : 'grant.field_type', path, params };
      case 'unrecognized_keys':
        return { code: 'grant.field_unknown', path, params };
      case 'invalid_value':
        return { code: 'grant.option_unknown', path, params };
      case 'too_small':
      case 'too_big':
        return { code: 'grant.field_out_of_range', path, params };
      default:
        return { code: 'grant.field_invalid', path, params };
    }
  });
}
