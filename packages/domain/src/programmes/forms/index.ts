import type { TApplicationContent } from '../content/schema';
import type { TGrantResult } from '../input';
import type { CltBreakdown } from '../clt/compute';
import type { Co2Breakdown } from '../co2/compute';
import type { TProgrammeDefinition } from '../shared/definition';
import type { GenericBreakdown } from '../shared/generic';
import type { GrantResult } from '../shared/result';
import { cltFormDocument } from './clt';
import { co2FormDocument, genericFormDocument } from './co2-lca';
import type { FormDocument, FormRow } from './model';

export type { FormBlock, FormColumn, FormDocument, FormExplanation, FormLocale, FormPart, FormRow, FormText, FormValue } from './model';
export { citeSource, formValueText } from './model';

export interface FormDocumentInput {
  content: TApplicationContent;
  /** The domain's grant computation of this content (assessApplication), or null when the budget does not compute. */
  result: TGrantResult | null;
  /** The rules the application computes with (its pinned version; for a draft the latest published). */
  definition: TProgrammeDefinition;
  /** The application's title, printed as 事業名 where the form has one. */
  title?: string;
}

/**
 * The application's forms, for its programme (the content's `programme` decides): what the portal
 * shows before 提出する, the console shows the reviewer, and the PDF prints.
 */
export function applicationFormDocument({ content, result, definition: def, title }: FormDocumentInput): FormDocument {
  switch (content.programme) {
    case 'clt_demonstration':
      return { programme: content.programme, parts: cltFormDocument({ content, result: result && isClt(result) ? result : null, def, ...(title !== undefined ? { title } : {}) }) };
    case 'co2_factor_support':
      return { programme: content.programme, parts: co2FormDocument({ content, result: result && isCo2(result) ? result : null, def }) };
    case 'lca_implementation':
    case 'generic_cost_share':
      return { programme: content.programme, parts: genericFormDocument({ content, result: result && isGeneric(result) ? result : null, def }) };
  }
}

const isClt = (r: TGrantResult): r is GrantResult<CltBreakdown> => r.breakdown.engine === 'clt';
const isCo2 = (r: TGrantResult): r is GrantResult<Co2Breakdown> => r.breakdown.engine === 'co2_factor';
const isGeneric = (r: TGrantResult): r is GrantResult<GenericBreakdown> => r.breakdown.engine === 'generic';

/**
 * The computed figures of the forms, each with its arithmetic and the section of the call it
 * follows (tax-excluded base, rate, rounding, caps): what the wizard shows live beside the budget,
 * worded once here for the confirm step, the console and the PDF alike.
 */
export function grantFigures(document: FormDocument): FormRow[] {
  return document.parts.flatMap((part) => part.blocks.flatMap((block) => (block.kind === 'fields' ? block.rows.filter((row) => row.explanation !== undefined) : [])));
}
