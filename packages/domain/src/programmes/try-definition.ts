import { computeGrantFromJson, factLabeller } from './application-form';
import { toInputIssues, type TGrantResult } from './input';
import { ZProgrammeDefinition, type TProgrammeDefinition } from './shared/definition';
import type { InputIssue } from './shared/reasons';

/**
 * The editor's "try it": one sample application computed under the draft being edited and under
 * the published version, side by side. A draft that does not validate says why instead of a figure.
 */
export type TryOutcome =
  | { ok: true; result: TGrantResult }
  | { ok: false; stage: 'definition' | 'input'; issues: InputIssue[] };

export interface TryComparison {
  draft: TryOutcome;
  published: TryOutcome | null;
}

function tryUnder(definition: TProgrammeDefinition, sample: unknown): TryOutcome {
  const computed = computeGrantFromJson(definition, sample, factLabeller(definition));
  return computed.ok ? computed : { ok: false, stage: 'input', issues: computed.issues };
}

export function tryDefinition(draft: unknown, published: TProgrammeDefinition | null, sample: unknown): TryComparison {
  const parsed = ZProgrammeDefinition.safeParse(draft);
  return {
    draft: parsed.success ? tryUnder(parsed.data, sample) : { ok: false, stage: 'definition', issues: toInputIssues(parsed.error.issues, draft) },
    published: published ? tryUnder(published, sample) : null,
  };
}

/** What the editor shows as you type: the draft's refusals, field by field, with catalogue codes. */
export function definitionIssues(draft: unknown): InputIssue[] {
  const parsed = ZProgrammeDefinition.safeParse(draft);
  return parsed.success ? [] : toInputIssues(parsed.error.issues, draft);
}
