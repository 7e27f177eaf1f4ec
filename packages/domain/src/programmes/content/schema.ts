import { z } from 'zod';
import { DomainError } from '../../errors';
import type { TProgrammeKind } from '../../programme';
import { ZCltFacts, ZCltLine } from '../clt/input';
import { CLT_USES } from '../clt/tables';
import { ZCo2Factor, ZCo2Line, ZLicence } from '../co2/input';
import { ZLcaLine } from '../input';
import { ZGenericLine } from '../shared/generic';
import { ZAmount } from '../shared/amounts';
import { ZApplicationAnswer } from '../shared/checklist';
import { choiceValues, INDUSTRY_BODY_OR_COMPANY_CHOICES, RATE_DECISION_CHOICES, RATE_REQUEST_CHOICES } from '../shared/choices';
import { ZIsoDate } from '../shared/dates';
import { setAtPath } from '../shared/paths';
import { ZFacts } from '../shared/result';

/**
 * Application content, typed per programme: what the portal's forms write (application-form.ts,
 * budget-tables.ts) and what the database holds in applications.content, the frozen
 * application_submissions.content and change_requests.proposed_content.
 *
 * A draft must always save, so every part is optional and a budget line may be half filled in
 * (`{ id, amount: 0 }` when the row was just added); each value that is given has its type and
 * range. Whether the application is complete is the form's and the grant rules' question
 * (assessApplication), not this schema's. Unknown keys are refused: they are typos or a form the
 * schema has not caught up with, and either way nothing should be stored that nobody reads.
 */

const text = (max: number) => z.string().max(max, { message: 'application.field_invalid' }).optional();
const yesNo = z.boolean({ error: 'application.field_invalid' }).optional();

const ZApplicantPart = z
  .strictObject({
    name: text(200),
    representative: text(100),
    address: text(300),
    contactName: text(100),
    contactEmail: text(254),
    contactPhone: text(30),
  })
  .optional();

const ZPledgePart = z.strictObject({ agreed: yesNo }).optional();

/** A company added to the parties after selection (001 §2.6), by an approved change request. */
export const ZAddedCompany = z.strictObject({
  name: z.string({ error: 'change.company_name_required' }).trim().min(1, { message: 'change.company_name_required' }).max(200, { message: 'change.company_name_too_long' }),
  role: z.string({ error: 'change.company_role_required' }).trim().min(1, { message: 'change.company_role_required' }).max(500, { message: 'change.company_role_too_long' }),
  corporateNumber: z
    .string()
    .trim()
    .regex(/^\d{13}$/, { message: 'change.corporate_number_invalid' })
    .optional(),
});
export type TAddedCompany = z.output<typeof ZAddedCompany>;
const ZPartiesPart = z.strictObject({ added: z.array(ZAddedCompany).max(100).optional() }).optional();

/** What the CO2 and LCA forms share: 事業概要. */
const ZOutlinePart = z.strictObject({ purpose: text(6000), parties: text(3000), schedule: text(3000) }).optional();

/**
 * Budget lines as typed: the choices are the programme's (they come from selects), but amounts,
 * quantities and texts only need to be numbers and strings, so a draft with a negative or absurd
 * amount still saves and the submission check names the line (grant input schemas in clt/, co2/).
 */
const typedOnly = {
  description: z.string().max(10_000).optional(),
  amount: z.number({ error: 'grant.amount_not_number' }).optional(),
  unitPrice: z.number({ error: 'grant.amount_not_number' }).optional(),
  quantity: z.number({ error: 'grant.quantity_invalid' }).optional(),
};
const ZCltLineDraft = ZCltLine.partial().extend({ ...typedOnly, explanation: z.string().max(10_000).optional() });
// A licence's term is typed a cell at a time, so a draft holds it half filled in.
const ZCo2LineDraft = ZCo2Line.partial().extend({ ...typedOnly, licence: ZLicence.partial().optional() });
const ZLcaLineDraft = ZLcaLine.partial().extend(typedOnly);
// Section and category are the definition's (checkLinesAgainstDefinition names a line that uses another).
const ZGenericLineDraft = ZGenericLine.partial().extend(typedOnly);

/** A CLT section of 様式4-1/4-2: its budget lines, possibly half filled in. */
const ZCltSectionDraft = z.strictObject({ lines: z.array(ZCltLineDraft).max(1000, { message: 'grant.too_many_lines' }) }).optional();

const ZCltGrantDraft = z.strictObject({
  facts: ZCltFacts.optional(),
  rate: z
    .strictObject({
      requested: z.enum(choiceValues(RATE_REQUEST_CHOICES), { error: 'grant.option_unknown' }).optional(),
      committeeDecision: z.enum(choiceValues(RATE_DECISION_CHOICES), { error: 'grant.option_unknown' }).optional(),
    })
    .optional(),
  cltUse: z.enum(CLT_USES, { error: 'grant.clt.clt_use_unknown' }).optional(),
  mixedStructure: z
    .strictObject({
      separable: z.boolean({ error: 'grant.fact_boolean' }).optional(),
      cltFloorAreaM2: z.number({ error: 'grant.clt.area_invalid' }).positive({ message: 'grant.clt.area_invalid' }).optional(),
      totalFloorAreaM2: z.number({ error: 'grant.clt.area_invalid' }).positive({ message: 'grant.clt.area_invalid' }).optional(),
    })
    .optional(),
  works: z.strictObject({ totalExcludingOverheads: ZAmount.optional(), overheadsTotal: ZAmount.optional() }).optional(),
  building: ZCltSectionDraft,
  design: ZCltSectionDraft,
  performance: ZCltSectionDraft,
  council: ZCltSectionDraft,
});

export const ZCltContent = z.strictObject({
  programme: z.literal('clt_demonstration'),
  applicant: ZApplicantPart,
  building: z.strictObject({ site: text(300), structure: text(300) }).optional(),
  plan: z.strictObject({ content: text(6000), schedule: text(3000) }).optional(),
  councilOperator: z.strictObject({ name: text(200) }).optional(),
  checklist: z
    .strictObject({
      answers: z.record(z.string().regex(/^[1-9]\d{0,2}$/, { message: 'checklist.item_unknown' }), ZApplicationAnswer).optional(),
      acknowledged: yesNo,
    })
    .optional(),
  pledge: ZPledgePart,
  parties: ZPartiesPart,
  grant: ZCltGrantDraft.optional(),
});

export const ZCo2Content = z.strictObject({
  programme: z.literal('co2_factor_support'),
  applicant: ZApplicantPart,
  outline: ZOutlinePart,
  pledge: ZPledgePart,
  parties: ZPartiesPart,
  grant: z
    .strictObject({
      applicant: z
        .strictObject({
          name: text(200),
          kind: z.enum(choiceValues(INDUSTRY_BODY_OR_COMPANY_CHOICES), { error: 'grant.option_unknown' }).optional(),
        })
        .optional(),
      period: z.strictObject({ approvalDate: ZIsoDate.optional(), resultsReportDate: ZIsoDate.optional() }).optional(),
      factors: z.array(ZCo2Factor.partial()).max(100, { message: 'grant.too_many_lines' }).optional(),
      lines: z.array(ZCo2LineDraft).max(2000, { message: 'grant.too_many_lines' }).optional(),
    })
    .optional(),
});

export const ZLcaContent = z.strictObject({
  programme: z.literal('lca_implementation'),
  applicant: ZApplicantPart,
  outline: ZOutlinePart,
  pledge: ZPledgePart,
  parties: ZPartiesPart,
  grant: z
    .strictObject({
      // Answers to the pinned version's questions: their names and types are checked against it (checkFactsAgainstQuestions).
      facts: ZFacts.optional(),
      lines: z.array(ZLcaLineDraft).max(2000, { message: 'grant.too_many_lines' }).optional(),
    })
    .optional(),
});

/** A programme made from the generic cost-share template: its sections and categories are the definition's. */
export const ZGenericContent = z.strictObject({
  programme: z.literal('generic_cost_share'),
  applicant: ZApplicantPart,
  outline: ZOutlinePart,
  pledge: ZPledgePart,
  parties: ZPartiesPart,
  grant: z
    .strictObject({
      facts: ZFacts.optional(),
      lines: z.array(ZGenericLineDraft).max(2000, { message: 'grant.too_many_lines' }).optional(),
    })
    .optional(),
});

export const MAX_CONTENT_BYTES = 1_000_000;

/** Every programme's content, told apart by `programme` (the programme kind). */
const ZContentOfAnyProgramme = z.discriminatedUnion('programme', [ZCltContent, ZCo2Content, ZLcaContent, ZGenericContent], {
  error: 'application.content_programme_unknown',
});

/** Content as it is received: of any programme, and at most MAX_CONTENT_BYTES written out. */
export const ZApplicationContent = ZContentOfAnyProgramme.refine((c) => JSON.stringify(c).length <= MAX_CONTENT_BYTES, { message: 'application.content_too_large' });
/**
 * The stored JSON's shape: amounts are plain integers here (a parse gives the same values, checked),
 * so content typed by hand in seeds and tests needs no yen() around every number.
 */
export type TApplicationContent = z.input<typeof ZApplicationContent>;
export type TCltContent = z.input<typeof ZCltContent>;
export type TCo2Content = z.input<typeof ZCo2Content>;
export type TLcaContent = z.input<typeof ZLcaContent>;
export type TGenericContent = z.input<typeof ZGenericContent>;
export type TContentOf<K extends TProgrammeKind> = Extract<TApplicationContent, { programme: K }>;

/** The content of a new draft: nothing filled in yet. */
export const emptyContent = (kind: TProgrammeKind): TApplicationContent => ({ programme: kind });

/** What the applicant's organisation record and the signed-in person already say about 様式1's applicant. */
export interface ApplicantDefaults {
  name?: string | null;
  representative?: string | null;
  address?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
}

type ApplicantPart = NonNullable<TApplicationContent['applicant']>;

/**
 * The applicant block (様式1) with the organisation's own record filled in where nothing is
 * written yet: a value the applicant typed, even one that differs from the record, is never
 * replaced. Values longer than the form takes are left out rather than cut.
 */
export function withApplicantDefaults<T extends TApplicationContent>(content: T, defaults: ApplicantDefaults): T {
  const applicant: ApplicantPart = { ...content.applicant };
  const limits: Readonly<Record<keyof ApplicantDefaults, number>> = { name: 200, representative: 100, address: 300, contactName: 100, contactEmail: 254 };
  for (const key of Object.keys(limits) as (keyof ApplicantDefaults)[]) {
    const given = defaults[key]?.trim();
    const typed = applicant[key];
    if (given && given.length <= limits[key] && (typed === undefined || typed.trim() === '')) applicant[key] = given;
  }
  return Object.keys(applicant).length > 0 ? { ...content, applicant } : content;
}

/**
 * Reads stored content (of `kind`, when given). A value that does not fit is a ContentShapeError
 * naming the application and the first field that did not fit, never a cast. Its size was
 * measured when it was received: written out again on every read (an application is read several
 * times a request), the measure was some 1.5 % of the API's CPU in an applicant-only load.
 */
export function parseApplicationContent(applicationId: string, raw: unknown, kind?: TProgrammeKind): TApplicationContent {
  const parsed = ZContentOfAnyProgramme.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentShapeError(applicationId, issue ? issue.path.map(String).join('.') : '', issue?.message ?? '');
  }
  if (kind !== undefined && parsed.data.programme !== kind) throw new ContentShapeError(applicationId, 'programme', `expected ${kind}, found ${parsed.data.programme}`);
  return parsed.data;
}

/** Content of one programme, read where only that programme's content makes sense. */
export function contentOf<K extends TProgrammeKind>(kind: K, content: TApplicationContent): TContentOf<K> | null {
  return isContentOf(kind, content) ? content : null;
}
const isContentOf = <K extends TProgrammeKind>(kind: K, c: TApplicationContent): c is TContentOf<K> => c.programme === kind;

/** Stored content that does not fit its programme's schema: a coded error naming the application. */
export class ContentShapeError extends DomainError {
  constructor(
    readonly applicationId: string,
    readonly path: string,
    readonly detail: string,
  ) {
    super('application.content_invalid', { application: applicationId, path: path || '(root)' });
    this.name = 'ContentShapeError';
    this.message = `Application ${applicationId}: content does not fit its programme's schema at "${path || '(root)'}" (${detail})`;
  }
}

/**
 * A copy of `content` with the value at a dotted path set (removed when undefined), as the forms
 * edit it, read back through the schema: a value of the wrong type is refused with the field named.
 */
export function contentWithValueAt(content: TApplicationContent, path: string, value: unknown): TApplicationContent {
  // The edited value itself is kept (not the parse's output), so text is not trimmed while typed.
  const next = setAtPath(content, path.split('.'), value);
  if (!isApplicationContent(next)) throw new DomainError('application.field_invalid', { field: path, fieldEn: path });
  return next;
}

export const isApplicationContent = (value: unknown): value is TApplicationContent => ZApplicationContent.safeParse(value).success;
