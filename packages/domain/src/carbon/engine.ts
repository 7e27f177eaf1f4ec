import { evaluatePrepared } from './engine-evaluate';
import { prepareAssessment, type TAssessOptions } from './engine-prepare';
import { ZScenario, type TAssessmentInput, type TScenario } from './model';
import { validateAssessmentInput } from './validate';
import type { TAssessOutcome, TCarbonIssue } from './result';
import { zodIssues } from './zod-issues';

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
