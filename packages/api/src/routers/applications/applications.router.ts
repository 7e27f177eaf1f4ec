import { listApplicationsOfOrganisations, listAttachmentsOfApplication } from '@tsumiki/db';
import { ZCreateDraftInput, ZUpdateDraftInput } from '@tsumiki/domain';
import { z } from 'zod';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { applicationOfCaller, createDraft, toApplicationView, updateDraft } from './applications.service';

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
    const attachments = await listAttachmentsOfApplication(ctx.db, application.id);
    return { ...toApplicationView(application), attachments };
  }),

  createDraft: applicantProcedure
    .input(ZCreateDraftInput.extend({ organisationId: z.uuid().optional() }))
    .mutation(({ ctx, input }) => createDraft(ctx, input)),

  updateDraft: applicantProcedure.input(ZUpdateDraftInput).mutation(({ ctx, input }) => updateDraft(ctx, input)),
});
