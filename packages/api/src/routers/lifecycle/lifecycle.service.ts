import {
  appendAudit,
  attachmentIdsOfApplication,
  findLatestSubmission,
  findProgrammeById,
  findRequestForUpdate,
  findResultsReport,
  insertRequestAnswer,
  listAnswersOfApplication,
  listAttachmentsOfApplication,
  listChangeRequestsOfApplication,
  listRequestsOfApplication,
  listSubmissionsOfApplication,
  listTransitionsOfApplication,
  markResultsReportSubmitted,
  saveResultsReport,
  type Executor,
} from '@tsumiki/db';
import {
  applicantActions,
  applicantTimeline,
  checkAnswerable,
  checkResultsReport,
  emptyResultsReportDraft,
  reportCategories,
  reportedLines,
  type TRequestAnswer,
  type TResultsReportDraft,
} from '@tsumiki/domain/lifecycle';
import type { TApplicationContent } from '@tsumiki/domain/programmes';
import type { TAttachmentType } from '@tsumiki/domain';
import { appError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationOfCaller } from '../applications/applications.service';
import { programmeKindOf } from '../applications/submission.service';
import { uploadAttachment } from '../attachments/attachments.service';
import { applicationForCaller, assertStaff } from '../review/review.access';
import { applicantStep } from '../review/review-workflow.service';

type Ctx = Context & { auth: SignedInAuth };

/** The application's history as the applicant sees it, with the requests to answer and what they may do now. */
export async function timelineOf(ctx: Ctx, applicationId: string) {
  const application = await applicationOfCaller(ctx.db, ctx.auth, applicationId);
  const [submissions, transitions, requests, answers, changes] = await Promise.all([
    listSubmissionsOfApplication(ctx.db, application.id),
    listTransitionsOfApplication(ctx.db, application.id),
    listRequestsOfApplication(ctx.db, application.id),
    listAnswersOfApplication(ctx.db, application.id),
    listChangeRequestsOfApplication(ctx.db, application.id),
  ]);
  const changeVersions = new Set(changes.map((c) => c.resulting_version_no).filter((v) => v !== null));
  const originOf = (versionNo: number) => (versionNo === 1 ? 'submission' : changeVersions.has(versionNo) ? 'change' : 'resubmission');
  const entries = applicantTimeline({
    submissions: submissions.map((s) => ({ versionNo: s.version_no, submittedAt: s.submitted_at, requestedGrantYen: s.requested_grant_yen, origin: originOf(s.version_no) })),
    transitions: transitions.map((t) => ({ id: t.id, event: t.event, from: t.from_status, to: t.to_status, at: t.occurred_at, reason: t.reason, dueAt: t.due_at, amountYen: t.amount_yen })),
    requests: requests.map((r) => ({ id: r.id, kind: r.kind, message: r.message, issuedAt: r.issued_at, dueAt: r.due_at, answeredAt: r.answered_at })),
    changes: changes.map((c) => ({ id: c.id, kind: c.kind, status: c.status, submittedAt: c.submitted_at, decidedAt: c.decided_at, decisionReason: c.decision_reason })),
    now: ctx.now(),
  });
  return {
    applicationId: application.id,
    status: application.status,
    version: application.version,
    trackingNumber: application.tracking_number,
    entries,
    requests: requests.map((r) => {
      const answer = answers.find((a) => a.request_id === r.id);
      return {
        id: r.id,
        kind: r.kind,
        message: r.message,
        issuedAt: r.issued_at,
        dueAt: r.due_at,
        answeredAt: r.answered_at,
        answer: answer ? { message: answer.message, attachmentIds: answer.attachment_ids, answeredAt: answer.answered_at } : null,
      };
    }),
    may: applicantActions(application.status),
  };
}

/**
 * 追加資料の提出: the answer's text and files, and the workflow step (information_requested →
 * resubmitted), in one transaction; refused after the due date (to the minute, JST) or twice.
 */
export async function answerRequest(ctx: Ctx, input: TRequestAnswer & { applicationId: string; version: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const application = await applicationOfCaller(trx, ctx.auth, input.applicationId, true);
    const request = await findRequestForUpdate(trx, application.id, input.requestId);
    const answerable = checkAnswerable(request ? { kind: request.kind, dueAt: request.due_at, answeredAt: request.answered_at } : undefined, ctx.now(), ['information']);
    if (!answerable.ok) throw appError(answerable.code, answerable.params);
    const owned = await attachmentIdsOfApplication(trx, application.id, input.attachmentIds);
    if (input.attachmentIds.some((id) => !owned.has(id))) throw appError('lifecycle.answer_attachment_unknown');
    const step = await applicantStep(trx, ctx, { applicationId: application.id, version: input.version, event: 'answer_request' });
    const answer = await insertRequestAnswer(trx, {
      requestId: input.requestId,
      applicationId: application.id,
      message: input.message,
      attachmentIds: input.attachmentIds,
      answeredBy: ctx.auth.user.id,
      answeredAt: ctx.now(),
    });
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'lifecycle.answer',
      entityType: 'application',
      entityId: application.id,
      after: { requestId: input.requestId, answerId: answer.id, attachmentIds: input.attachmentIds, length: input.message.length },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return step;
  });
}

export function uploadAfterSubmission(ctx: Ctx, input: { applicationId: string; fileName: string; declaredType: TAttachmentType; contentBase64: string }) {
  return uploadAttachment(ctx, input, (status) => applicantActions(status).upload);
}

async function frozenContent(db: Executor, applicationId: string): Promise<TApplicationContent | null> {
  return (await findLatestSubmission(db, applicationId))?.content ?? null;
}

/** The results-report draft as saved (or empty), with the programme's categories. */
export async function reportDraftOf(ctx: Ctx, applicationId: string) {
  const application = await applicationOfCaller(ctx.db, ctx.auth, applicationId);
  const programme = await findProgrammeById(ctx.db, application.programme_id);
  if (!programme) throw appError('application.not_found');
  const kind = programmeKindOf(programme);
  const [draft, frozen, rules] = await Promise.all([findResultsReport(ctx.db, application.id), frozenContent(ctx.db, application.id), rulesOfApplication(ctx.db, application)]);
  return {
    kind,
    status: application.status,
    applicationVersion: application.version,
    content: draft?.content ?? emptyResultsReportDraft(),
    version: draft?.version ?? null,
    updatedAt: draft?.updated_at ?? null,
    submittedAt: draft?.submitted_at ?? null,
    categories: reportCategories(rules),
    /** The rules the application was submitted under: the report's categories, names and checks come from them. */
    rules,
    /** The frozen content's checklist (application phase), which the report phase answers. */
    frozenChecklist: frozen?.programme === 'clt_demonstration' ? (frozen.checklist ?? null) : null,
  };
}

/** Autosave: never blocked by validation; on the version read, so two windows never overwrite each other. */
export async function saveReportDraft(ctx: Ctx, input: { applicationId: string; version: number | null; content: TResultsReportDraft }) {
  return ctx.db.transaction().execute(async (trx) => {
    const application = await applicationOfCaller(trx, ctx.auth, input.applicationId, true);
    if (!applicantActions(application.status).report) throw appError('results.not_allowed_in_status', { status: application.status });
    const saved = await saveResultsReport(trx, { applicationId: application.id, expectedVersion: input.version, content: input.content, userId: ctx.auth.user.id, at: ctx.now() });
    if (!saved) throw appError('results.draft_version_conflict');
    return { version: saved.version, updatedAt: saved.updated_at };
  });
}

/**
 * 実績報告の提出: the saved draft checked by the domain (every problem with its path), then the
 * workflow step `report_results` with the reported lines, in one transaction.
 */
export async function submitReport(ctx: Ctx, input: { applicationId: string; version: number; reportVersion: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const application = await applicationOfCaller(trx, ctx.auth, input.applicationId, true);
    if (!applicantActions(application.status).report) throw appError('results.not_allowed_in_status', { status: application.status });
    const programme = await findProgrammeById(trx, application.programme_id);
    if (!programme) throw appError('application.not_found');
    const draft = await findResultsReport(trx, application.id);
    if (!draft || draft.version !== input.reportVersion) throw appError('results.draft_version_conflict');
    const check = checkResultsReport(await rulesOfApplication(trx, application), draft.content, await frozenContent(trx, application.id), ctx.now());
    if (check.issues.length > 0 || !check.report || !check.summary) return { ok: false as const, issues: check.issues };
    const step = await applicantStep(trx, ctx, { applicationId: application.id, version: input.version, event: 'report_results', lines: reportedLines(check.report) });
    await markResultsReportSubmitted(trx, application.id, ctx.now());
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'results.submit',
      entityType: 'application',
      entityId: application.id,
      after: { reportVersion: draft.version, totalYen: check.summary.totalYen, byCategory: check.summary.byCategory, personnelCostYen: check.summary.personnelCostYen, lines: check.report.lines.length },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { ok: true as const, status: step.status, version: step.version, summary: check.summary };
  });
}

/** The console's view of the applicant's answers: the text, the files (by name) and who answered when. */
export async function answersForStaff(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  assertStaff(access);
  const [answers, requests, attachments] = await Promise.all([
    listAnswersOfApplication(ctx.db, applicationId),
    listRequestsOfApplication(ctx.db, applicationId),
    listAttachmentsOfApplication(ctx.db, applicationId),
  ]);
  return answers.map((a) => {
    const request = requests.find((r) => r.id === a.request_id);
    return {
      id: a.id,
      requestId: a.request_id,
      requestMessage: request?.message ?? '',
      dueAt: request?.due_at ?? null,
      message: a.message,
      answeredAt: a.answered_at,
      late: request ? a.answered_at.getTime() >= request.due_at.getTime() : false,
      files: a.attachment_ids.map((id) => ({ id, fileName: attachments.find((f) => f.id === id)?.file_name ?? id })),
    };
  });
}
