import { listApplicationsOfOrganisations, listSubmissionsOfApplication } from '@tsumiki/db';
import { ZCreateDraftInput, ZUpdateDraftInput } from '@tsumiki/domain';
import { ZImportFile } from '@tsumiki/domain/ccus';
import { z } from 'zod';
import { appError } from '../../errors';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { applicationOfCaller, applicationPage, createDraft, updateDraft } from './applications.service';
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

  get: applicantProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => applicationPage(ctx, input.id)),

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
