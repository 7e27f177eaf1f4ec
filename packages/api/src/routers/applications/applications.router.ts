import { definitionForApplication, latestPublishedVersion, findLedger, findProgrammeById, listApplicationsOfOrganisations, listAttachmentsOfApplication, listSubmissionsOfApplication } from '@tsumiki/db';
import { ZCreateDraftInput, ZUpdateDraftInput } from '@tsumiki/domain';
import { ZImportFile } from '@tsumiki/domain/ccus';
import { z } from 'zod';
import { appError } from '../../errors';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { toProgrammeSummary } from '../programmes/programmes.router';
import { applicationOfCaller, createDraft, toApplicationView, updateDraft } from './applications.service';
import { applicationPdf } from './application-pdf.service';
import { budgetTemplate, previewBudgetImport } from './budget-import.service';
import { submitApplication } from './submission.service';

const applicantProcedure = roleProcedure('applicant');

export const applicationsRouter = createTRPCRouter({
  listMine: applicantProcedure.query(({ ctx }) =>
    listApplicationsOfOrganisations(
      ctx.db,
      ctx.auth.memberships.map((m) => m.organisationId),
    ),
  ),

  get: applicantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const application = await applicationOfCaller(ctx.db, ctx.auth, input.id);
    const [attachments, programme, ledger, submissions, rules] = await Promise.all([
      listAttachmentsOfApplication(ctx.db, application.id),
      findProgrammeById(ctx.db, application.programme_id),
      findLedger(ctx.db, application.programme_id),
      listSubmissionsOfApplication(ctx.db, application.id),
      definitionForApplication(ctx.db, application),
    ]);
    // The round's standing is under its programme's published version, whatever this application is pinned to.
    // A draft's rules are that version already.
    const roundRules =
      application.definition_version_id === null ? rules : programme ? await latestPublishedVersion(ctx.db, programme.programme_definition_id) : undefined;
    return {
      ...toApplicationView(application),
      attachments,
      programme: programme ? toProgrammeSummary(programme, roundRules?.definition, ctx.now(), { budgetYen: ledger?.budget_yen ?? null, committedYen: ledger?.committed_yen ?? null }) : null,
      /** The rules the form computes with: the version submitted under, or for a draft the latest published. */
      definition: rules ? { version: rules.version, pinned: application.definition_version_id !== null, rules: rules.definition } : null,
      // The frozen versions, newest first: what the office has received (content is read per version).
      submissions: submissions.map((s) => ({
        versionNo: s.version_no,
        submittedAt: s.submitted_at,
        requestedGrantYen: s.requested_grant_yen,
      })),
    };
  }),

  createDraft: applicantProcedure
    .input(ZCreateDraftInput.extend({ organisationId: z.uuid().optional() }))
    .mutation(({ ctx, input }) => createDraft(ctx, input)),

  updateDraft: applicantProcedure.input(ZUpdateDraftInput).mutation(({ ctx, input }) => updateDraft(ctx, input)),

  /** The application as a PDF that reads like the official forms: a submitted version as frozen, or the draft. */
  pdf: applicantProcedure
    .input(z.object({ id: z.uuid(), versionNo: z.number().int().min(1).optional() }))
    .query(({ ctx, input }) => applicationPdf(ctx, input)),

  /** The budget import template (Excel/CSV) of the application's programme, with the draft's current lines. */
  budgetTemplate: applicantProcedure
    .input(z.object({ applicationId: z.uuid(), format: z.enum(['xlsx', 'csv']) }))
    .query(({ ctx, input }) => budgetTemplate(ctx, input)),

  /** A budget file checked line by line; nothing changes until the editor takes the rows. */
  previewBudgetImport: applicantProcedure
    .input(z.object({ applicationId: z.uuid(), file: ZImportFile }))
    .mutation(({ ctx, input }) => previewBudgetImport(ctx, input)),

  /** 提出. The idempotency key is made by the client once per submit attempt and reused on retry. */
  submit: applicantProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().min(1), idempotencyKey: z.uuid() }))
    .mutation(({ ctx, input }) => submitApplication(ctx, input)),

  /** One frozen version as submitted, for the receipt and the printable form. */
  submission: applicantProcedure
    .input(z.object({ id: z.uuid(), versionNo: z.number().int().min(1) }))
    .query(async ({ ctx, input }) => {
      const application = await applicationOfCaller(ctx.db, ctx.auth, input.id);
      const version = (await listSubmissionsOfApplication(ctx.db, application.id)).find((s) => s.version_no === input.versionNo);
      if (!version) throw appError('application.not_found');
      return {
        versionNo: version.version_no,
        title: version.title,
        content: version.content,
        assessment: version.assessment,
        requestedGrantYen: version.requested_grant_yen,
        submittedAt: version.submitted_at,
        trackingNumber: application.tracking_number,
      };
    }),
});
