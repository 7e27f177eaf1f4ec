import { ZUploadAttachmentInput } from '@tsumiki/domain';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { uploadAttachment } from './attachments.service';

export const attachmentsRouter = createTRPCRouter({
  upload: roleProcedure('applicant')
    .input(ZUploadAttachmentInput)
    .mutation(({ ctx, input }) => uploadAttachment(ctx, input)),
});
