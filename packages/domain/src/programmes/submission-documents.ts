import type { TProgrammeKind } from '../programme';
import type { TApplicationContent } from './content/schema';
import type { Facts } from './shared/conditions';
import { checkPageCount, requiredDocuments } from './shared/documents';
import type { TProgrammeDefinition } from './shared/definition';
import type { Reason } from './shared/reasons';

/**
 * Required documents at submission (003 §6.4, 001 §3.2(2)): what the call asks for that the
 * structured forms do not already produce must be attached, as many copies as parties; PDFs
 * over a page limit are flagged beside the file.
 */

/**
 * Documents the platform's structured forms replace: the wizard's sections are 様式1–3 and the
 * budget tables 様式4-1/4-2, its checklist section is 添付様式6 (CLT); the CO2 outline, parties and
 * schedule sections are those forms. Everything else in `requiredDocuments` is a file to attach.
 */
export const FORM_COVERS_DOCUMENTS: Readonly<Record<TProgrammeKind, readonly string[]>> = {
  clt_demonstration: ['form_1', 'form_2', 'form_3', 'form_4_1', 'form_4_2', 'attachment_6'],
  co2_factor_support: ['product_outline', 'parties', 'schedule'],
  lca_implementation: [],
  // The wizard is the application form and its budget table the cost breakdown; an office's other documents are attached.
  generic_cost_share: ['application_form', 'budget_breakdown'],
};

export interface AttachedDocument {
  /** The required document the file was attached as (null: attached without saying). */
  documentCode: string | null;
  /** Pages counted in a PDF; null when unknown. */
  pageCount: number | null;
  fileName?: string;
}

export interface DocumentIssue {
  code: 'application.document_missing';
  path: string;
  params: Record<string, string | number>;
}

/** The facts the document conditions read (owner = council operator, kinds, bonuses), from the content. */
export function documentFacts(content: TApplicationContent): Facts {
  return (content.programme === 'co2_factor_support' ? undefined : content.grant?.facts) ?? {};
}

/**
 * The application-phase documents to attach, with how many copies each needs. A document whose
 * condition is not answered (a bonus not ticked) is not asked for: ticking it makes it appear.
 */
export function documentsToAttach(kind: TProgrammeKind, def: TProgrammeDefinition, content: TApplicationContent) {
  const covered = new Set(FORM_COVERS_DOCUMENTS[kind]);
  return requiredDocuments(def, 'application', documentFacts(content)).filter(
    (r) => !covered.has(r.document.code) && (r.status === 'required' || r.status === 'omissible'),
  );
}

/** One issue per required document with fewer files than copies (omissible ones may be left out). */
export function missingDocuments(
  kind: TProgrammeKind,
  def: TProgrammeDefinition,
  content: TApplicationContent,
  attachments: readonly AttachedDocument[],
): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  for (const r of documentsToAttach(kind, def, content)) {
    if (r.status === 'omissible') continue;
    const attached = attachments.filter((a) => a.documentCode === r.document.code).length;
    if (attached < r.copies)
      issues.push({
        code: 'application.document_missing',
        path: `documents.${r.document.code}`,
        params: { document: r.document.name.ja, documentEn: r.document.name.en, copies: r.copies, attached },
      });
  }
  return issues;
}

/** Page-limit findings for the attached PDFs whose pages were counted (warnings beside the file). */
export function pageFindings(def: TProgrammeDefinition, attachments: readonly AttachedDocument[]): { attachment: AttachedDocument; reason: Reason }[] {
  const out: { attachment: AttachedDocument; reason: Reason }[] = [];
  for (const a of attachments) {
    const doc = def.requiredDocuments.find((d) => d.code === a.documentCode);
    if (!doc || a.pageCount === null) continue;
    const finding = checkPageCount(doc, a.pageCount);
    if (finding) out.push({ attachment: a, reason: finding });
  }
  return out;
}
