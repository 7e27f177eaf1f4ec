import { z } from 'zod';
import { ZProgrammeDefinition } from './shared/definition';
import { TEMPLATE_CODES } from './templates';

/** What the console sends to create and edit programmes (the API validates with these, the forms too). */

export const ZProgrammeDefinitionRef = z.strictObject({ id: z.uuid() });

export const ZProgrammeCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{2,49}$/, { message: 'programmes.code_invalid' });

/** Asked while the admin types a new programme's code, so a taken one is named before sending. */
export const ZProgrammeCodeCheck = z.strictObject({ code: ZProgrammeCode });
export type TProgrammeCodeCheck = z.output<typeof ZProgrammeCodeCheck>;

export const ZCreateProgrammeFromTemplate = z.strictObject({
  template: z.enum(TEMPLATE_CODES),
  code: ZProgrammeCode,
  nameJa: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  /** The office the programme belongs to; the admin's own office when they have only one. */
  officeOrganisationId: z.uuid().optional(),
});
export type TCreateProgrammeFromTemplate = z.output<typeof ZCreateProgrammeFromTemplate>;

/**
 * The console's new-programme form as chosen and typed: no template until one is picked, the
 * office '' when the admin has none to choose. Read as the API's ZCreateProgrammeFromTemplate.
 */
export const ZCreateProgrammeForm = ZCreateProgrammeFromTemplate.extend({
  template: z
    .enum(TEMPLATE_CODES)
    .nullable()
    .transform((v, ctx) => {
      if (v !== null) return v;
      ctx.addIssue({ code: 'custom', message: 'programmes.template_required' });
      return z.NEVER;
    }),
  officeOrganisationId: z
    .string()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.uuid().optional()),
});
export type TCreateProgrammeFormValues = z.input<typeof ZCreateProgrammeForm>;

export const ZUpdateDraftDefinition = z.strictObject({ versionId: z.uuid(), definition: ZProgrammeDefinition });
export type TUpdateDraftDefinition = z.output<typeof ZUpdateDraftDefinition>;

export const ZPublishDefinitionVersion = z.strictObject({
  versionId: z.uuid(),
  changeSummary: z.string().trim().min(1, { message: 'programmes.change_summary_required' }).max(2000),
});
export type TPublishDefinitionVersion = z.output<typeof ZPublishDefinitionVersion>;

/** The draft as the editor holds it (it may not validate yet) and a sample application's grant input. */
export const ZTryDefinitionInput = z.strictObject({
  programmeDefinitionId: z.uuid(),
  draft: z.unknown(),
  sample: z.unknown(),
});
export type TTryDefinitionInput = z.output<typeof ZTryDefinitionInput>;

/** A version is a draft the office edits until it is published; published versions never change. */
export const DEFINITION_VERSION_STATUSES = ['draft', 'published'] as const;
export type TDefinitionVersionStatus = (typeof DEFINITION_VERSION_STATUSES)[number];
export const isDraftVersion = (status: TDefinitionVersionStatus): boolean => status === 'draft';
/** Published: what applications compute with, never changed again. */
export const isPublishedVersion = (status: TDefinitionVersionStatus): boolean => status === 'published';
