import { ZUploadAttachmentInput } from '@tsumiki/domain';
import { ZChangeDecisionInput, ZChangeRequestSubmission, ZRequestAnswer, ZResultsReportDraft } from '@tsumiki/domain/lifecycle';
import { listUndeliveredMail } from '@tsumiki/db';
import { z } from 'zod';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { STAFF_ROLES } from '../review/review.access';
import { changeRequestsForStaff, changeRequestsOfApplicant, decideChange, requestChange } from './change-requests.service';
import { answerRequest, answersForStaff, reportDraftOf, saveReportDraft, submitReport, timelineOf, uploadAfterSubmission } from './lifecycle.service';

const applicantProcedure = roleProcedure('applicant');
const staffProcedure = roleProcedure(...STAFF_ROLES);
const ZApplicationRef = z.object({ applicationId: z.uuid() });
const ZVersion = z.number().int().min(1);

/** The applicant's side after submission, and the office's decision on change requests. */
export const lifecycleRouter = createTRPCRouter({
  timeline: applicantProcedure.input(ZApplicationRef).query(({ ctx, input }) => timelineOf(ctx, input.applicationId)),

  /** 追加資料の提出: text and files, by the due date. */
  answer: applicantProcedure.input(ZRequestAnswer.extend({ applicationId: z.uuid(), version: ZVersion })).mutation(({ ctx, input }) => answerRequest(ctx, input)),

  /** Files for an answer, a correction, a change or the results report's evidence. */
  upload: applicantProcedure.input(ZUploadAttachmentInput).mutation(({ ctx, input }) => uploadAfterSubmission(ctx, input)),

  reportDraft: applicantProcedure.input(ZApplicationRef).query(({ ctx, input }) => reportDraftOf(ctx, input.applicationId)),
  saveReport: applicantProcedure
    .input(ZApplicationRef.extend({ version: ZVersion.nullable(), content: ZResultsReportDraft }))
    .mutation(({ ctx, input }) => saveReportDraft(ctx, input)),
  submitReport: applicantProcedure
    .input(ZApplicationRef.extend({ version: ZVersion, reportVersion: ZVersion }))
    .mutation(({ ctx, input }) => submitReport(ctx, input)),

  changes: applicantProcedure.input(ZApplicationRef).query(({ ctx, input }) => changeRequestsOfApplicant(ctx, input.applicationId)),
  requestChange: applicantProcedure
    .input(ZChangeRequestSubmission)
    .mutation(({ ctx, input }) => requestChange(ctx, input)),

  /**
   * Console: e-mail that did not leave — refused for good by the mail server (given up) or failed
   * and waiting for its next try — so the office can reach the person another way.
   */
  undeliveredMail: roleProcedure('programme_admin').query(async ({ ctx }) =>
    (await listUndeliveredMail(ctx.db)).map((m) => ({
      id: m.id,
      topic: m.topic,
      // An invitation names its own address (no account yet); other mail goes to the recipient user.
      to: typeof m.invitedEmail === 'string' ? m.invitedEmail : m.recipientEmail,
      attempts: m.attempts,
      error: m.lastError,
      givenUp: m.failedAt !== null,
      failedAt: m.failedAt,
      retryAt: m.retryAt,
      createdAt: m.createdAt,
    })),
  ),

  /** Console: the applicant's answers to the office's requests, with their files. */
  staffAnswers: staffProcedure.input(ZApplicationRef).query(({ ctx, input }) => answersForStaff(ctx, input.applicationId)),

  /** Console: the change requests of one application, before → after. */
  staffChanges: staffProcedure.input(ZApplicationRef).query(({ ctx, input }) => changeRequestsForStaff(ctx, input.applicationId)),
  decideChange: staffProcedure
    .input(ZChangeDecisionInput)
    .mutation(({ ctx, input }) => decideChange(ctx, input)),
});
