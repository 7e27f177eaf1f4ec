import { isErrorCode, type ErrorCode } from '../errors';
import { evaluatePrepared } from './engine-evaluate';
import { prepareAssessment, type TAssessOptions } from './engine-prepare';
import { ZScenario, type TAssessmentInput, type TScenario } from './model';
import { validateAssessmentInput } from './validate';
import type { TAssessOutcome, TCarbonIssue } from './result';

export { evaluatePrepared, evaluateTotals, replacementCount } from './engine-evaluate';
export { prepareAssessment, type TAssessOptions, type TPreparedAssessment } from './engine-prepare';
export { groupLines, sumByKey, type TLineGroups } from './line-groups';
export { validateAssessmentInput, type TValidation } from './validate';

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
  const validated = validateAssessmentInput(raw);
  if (!validated.ok) return { ok: false, issues: zodIssues(raw, validated.error.issues) };
  return assessValidated(validated.input, { ...options, lineGroups: validated.lineGroups });
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
