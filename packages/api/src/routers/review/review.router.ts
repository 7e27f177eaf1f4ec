import { ZCommitteeFinding, ZDeclareConflictInput, ZReportLineReviewsInput, ZReviewBonusInput, ZTransitionInput, ZQueueCursor, ZQueueFilters, ZSaveSheetInput, ZSavedView } from '@tsumiki/domain/review';
import { z } from 'zod';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { CONSOLE_ROLES, STAFF_ROLES } from './review.access';
import { programmeSummary, reviewBonus, saveSheet, sheetOf } from './review-scoring.service';
import {
  assignableMembers,
  assignMember,
  auditOf,
  declarationStatus,
  declareConflict,
  exportQueue,
  ledgerOf,
  openApplication,
  programmesOfCaller,
  reviewQueue,
  saveReportLineReviews,
  unassignMember,
} from './review.service';
import { applyApplicantTransition, applyStaffTransition } from './review-workflow.service';
import { exportPublicationList, programmeStatisticsOf, publicationList } from './reports.service';
import { recordSpecialRate, specialRateOf } from './special-rate.service';
import { compareVersions } from './version-comparison.service';
import { deleteView, savedViews, saveView, updateView } from './views.service';

const consoleProcedure = roleProcedure(...CONSOLE_ROLES);
const staffProcedure = roleProcedure(...STAFF_ROLES);

const ZApplicationRef = z.object({ applicationId: z.uuid() });
const ZYenInput = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const reviewRouter = createTRPCRouter({
  /** The programmes of the caller's offices, with the roles held in each. */
  programmes: consoleProcedure.query(({ ctx }) => programmesOfCaller(ctx, ctx.locale)),

  /** One page of the queue with the count per status. */
  queue: consoleProcedure
    .input(
      ZQueueFilters.extend({
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(1).max(200).default(50),
        // The previous page's nextCursor: the page after it, however deep (then `page` is not used).
        after: ZQueueCursor.optional(),
      }),
    )
    .query(({ ctx, input }) => reviewQueue(ctx, input)),

  exportQueue: staffProcedure
    .input(ZQueueFilters.extend({ format: z.enum(['csv', 'xlsx']) }))
    .query(({ ctx, input }) => exportQueue(ctx, input)),

  /** The caller's saved views of the queue, with the count of each. */
  views: consoleProcedure.query(({ ctx }) => savedViews(ctx)),
  saveView: consoleProcedure.input(ZSavedView).mutation(({ ctx, input }) => saveView(ctx, input)),
  updateView: consoleProcedure.input(ZSavedView.extend({ id: z.uuid(), version: z.number().int().min(1) })).mutation(({ ctx, input }) => updateView(ctx, input)),
  deleteView: consoleProcedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => deleteView(ctx, input.id)),

  /** Before a committee member opens a proposal: must they declare first? */
  declarationStatus: consoleProcedure.input(ZApplicationRef).query(({ ctx, input }) => declarationStatus(ctx, input.applicationId)),

  /** The application as submitted (frozen), its assessment, attachments, history and the caller's actions. */
  open: consoleProcedure.input(ZApplicationRef).query(({ ctx, input }) => openApplication(ctx, input.applicationId)),

  /** Two submitted versions side by side (default: the last two): fields, budget lines and the recomputed amounts. */
  compareVersions: staffProcedure
    .input(ZApplicationRef.extend({ from: z.number().int().min(1).optional(), to: z.number().int().min(1).optional() }))
    .query(({ ctx, input }) => compareVersions(ctx, input)),

  audit: staffProcedure.input(ZApplicationRef).query(({ ctx, input }) => auditOf(ctx, input.applicationId)),

  /** Any workflow step of the console through the domain's state machine (money steps included). */
  transition: staffProcedure.input(ZTransitionInput).mutation(({ ctx, input }) => applyStaffTransition(ctx, input)),

  /** The applicant's steps on the review side: withdraw, answer a request, report results. */
  respond: roleProcedure('applicant')
    .input(
      ZTransitionInput.extend({
        event: z.enum(['withdraw', 'answer_request', 'report_results']),
        lines: z
          .array(z.object({ id: z.string().trim().min(1).max(64), category: z.string().trim().min(1).max(100), description: z.string().max(500).optional(), amount: ZYenInput }))
          .max(2000)
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => applyApplicantTransition(ctx, input)),

  members: staffProcedure.input(ZApplicationRef).query(({ ctx, input }) => assignableMembers(ctx, input.applicationId)),
  assign: staffProcedure.input(ZApplicationRef.extend({ memberId: z.uuid() })).mutation(({ ctx, input }) => assignMember(ctx, input)),
  unassign: staffProcedure.input(ZApplicationRef.extend({ memberId: z.uuid() })).mutation(({ ctx, input }) => unassignMember(ctx, input)),

  declareConflict: roleProcedure('committee').input(ZDeclareConflictInput).mutation(({ ctx, input }) => declareConflict(ctx, input)),

  sheet: roleProcedure('committee').input(ZApplicationRef).query(({ ctx, input }) => sheetOf(ctx, input.applicationId)),
  saveSheet: roleProcedure('committee').input(ZSaveSheetInput).mutation(({ ctx, input }) => saveSheet(ctx, input)),

  reviewBonus: staffProcedure
    .input(ZReviewBonusInput)
    .mutation(({ ctx, input }) => reviewBonus(ctx, input)),

  /** Rankings and the committee summary sheet of a programme. */
  summary: consoleProcedure.input(z.object({ programmeId: z.uuid() })).query(({ ctx, input }) => programmeSummary(ctx, input.programmeId)),

  ledger: staffProcedure.input(z.object({ programmeId: z.uuid() })).query(({ ctx, input }) => ledgerOf(ctx, input.programmeId)),

  /** The special-rate (1/2) criteria of the CLT definition against the facts, with the committee's finding. */
  specialRate: consoleProcedure.input(ZApplicationRef).query(({ ctx, input }) => specialRateOf(ctx, input.applicationId)),
  recordSpecialRate: staffProcedure.input(ZApplicationRef.extend(ZCommitteeFinding.shape)).mutation(({ ctx, input }) => recordSpecialRate(ctx, input)),

  /** The selection list for publication (事業名, 実施者, 概要) and its CSV/Excel file. */
  publication: staffProcedure.input(z.object({ programmeId: z.uuid() })).query(({ ctx, input }) => publicationList(ctx, input.programmeId)),
  exportPublication: staffProcedure
    .input(z.object({ programmeId: z.uuid(), format: z.enum(['csv', 'xlsx']) }))
    .query(({ ctx, input }) => exportPublicationList(ctx, input)),
  /** Counts by status, requested and granted totals, breakdowns and the score distribution of a programme. */
  statistics: staffProcedure.input(z.object({ programmeId: z.uuid() })).query(({ ctx, input }) => programmeStatisticsOf(ctx, input.programmeId)),

  reviewReportLines: staffProcedure
    .input(ZReportLineReviewsInput)
    .mutation(({ ctx, input }) => saveReportLineReviews(ctx, input)),
});
