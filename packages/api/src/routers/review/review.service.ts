import {
  appendAudit,
  deleteAssignment,
  findLedger,
  findScoreSheet,
  insertAssignment,
  insertConflictDeclaration,
  listAssignmentsOfApplications,
  listAttachmentsOfApplication,
  listAuditOfEntity,
  listBonusReviews,
  listCommitments,
  listLedgerEntries,
  listProgrammeIdsOfOffices,
  listReportLines,
  listRequestsOfApplication,
  listReviewQueue,
  listSubmissionsOfApplication,
  listTransitionsOfApplication,
  listUsersWithRole,
  saveLineReviews,
  type Executor,
  type QueueSort,
} from '@tsumiki/db';
import { isResultsReportUnderReview } from '@tsumiki/domain/lifecycle';
import { applicationFormDocument, budgetRowLabels } from '@tsumiki/domain/programmes';
import { formatJst, isRoundDraft, yen, type ExportTable, type Locale, type TApplicationStatus } from '@tsumiki/domain';
import {
  acceptanceOpen,
  assessBonus,
  availableEvents,
  ledgerSummary,
  reviewLines,
  STATUS_LABELS,
  transitionSpec,
  isFinalStep,
  ZBonusCode,
  type TConflictKind,
  type TLineReview,
  type TQueueCursor,
} from '@tsumiki/domain/review';
import { appError } from '../../errors';
import { exportFile, type ExportFormat } from '../../lib/spreadsheet';
import type { Context, SignedInAuth } from '../../trpc-types';
import type { OfficeProgrammes } from './queue-cache';
import {
  applicationForCaller,
  assertMayAssign,
  assertStaff,
  assertVersion,
  committeeReviewOf,
  conflictContext,
  frozenOf,
  officeIdsOf,
  programmeOfCaller,
  reviewFactsOf,
  rolesIn,
  STAFF_ROLES,
} from './review.access';
import { decisionOf } from './review-workflow.service';

type Ctx = Context & { auth: SignedInAuth };

export interface QueueInput {
  programmeId?: string | undefined;
  statuses?: TApplicationStatus[] | undefined;
  search?: string | undefined;
  minRequestedYen?: number | undefined;
  maxRequestedYen?: number | undefined;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
  after?: TQueueCursor | undefined;
}

/**
 * Staff see every application of their offices' programmes; a committee member only what is
 * assigned to them, each programme by the role held in its office. Whatever the role, nothing the
 * caller is conflicted with (the repository's one conflict filter). A first page without a search
 * or amount filter is kept in memory (queue-cache.ts) until a change to what it shows.
 */
export async function reviewQueue(ctx: Ctx, input: QueueInput): Promise<ReviewQueuePage> {
  const key = keptPageKey(ctx.auth, input);
  const kept = key ? ctx.reviewQueues?.read(key) : undefined;
  if (kept) return kept;
  const keep = key ? ctx.reviewQueues?.begin() : undefined;
  const page = await queuePage(ctx, input);
  // Under the programmes its rows come from: a change to another programme's proposals leaves it.
  if (key) keep?.(key, page, input.programmeId ? [input.programmeId] : page.programmes.map((p) => p.id));
  return page;
}

/**
 * Who asks and what, for a first page without a search or amount filter; null for any other
 * page. The viewer is part of it (their conflicts hide proposals), and so are their roles in each
 * office (they decide which programmes are seen whole).
 */
function keptPageKey(auth: SignedInAuth, input: QueueInput): string | null {
  const filtered = Boolean(input.search?.trim()) || input.minRequestedYen !== undefined || input.maxRequestedYen !== undefined;
  if (input.page !== 1 || input.after || filtered) return null;
  const roles = auth.memberships.map((m) => `${m.organisationId}:${m.role}`).sort();
  return JSON.stringify([auth.user.id, roles, input.programmeId ?? null, input.statuses ?? null, input.sort, input.direction, input.pageSize]);
}

/** The programmes of the caller's offices, from memory while no `*` notice has dropped them. */
async function programmesOfOffices(ctx: Ctx): Promise<OfficeProgrammes> {
  const offices = officeIdsOf(ctx.auth);
  const cache = ctx.reviewQueues?.officeProgrammes;
  const key = [...offices].sort().join(' ');
  const kept = cache?.read(key);
  if (kept) return kept;
  const keep = cache?.begin();
  const programmes = await listProgrammeIdsOfOffices(ctx.db, offices);
  keep?.(key, programmes);
  return programmes;
}

async function queuePage(ctx: Ctx, input: QueueInput) {
  const programmes = await programmesOfOffices(ctx);
  const staffOffices = officeIdsOf(ctx.auth, STAFF_ROLES);
  const isStaff = (p: (typeof programmes)[number]) => staffOffices.includes(p.office_organisation_id);
  const page = await listReviewQueue(ctx.db, {
    viewerId: ctx.auth.user.id,
    programmeIds: programmes.filter(isStaff).map((p) => p.id),
    assignedProgrammeIds: programmes.filter((p) => !isStaff(p)).map((p) => p.id),
    programmeId: input.programmeId,
    statuses: input.statuses,
    search: input.search,
    minRequestedYen: input.minRequestedYen,
    maxRequestedYen: input.maxRequestedYen,
    sort: input.sort,
    direction: input.direction,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
    after: input.after,
  });
  return {
    ...page,
    page: input.page,
    pageSize: input.pageSize,
    programmes: programmes.map((p) => ({ id: p.id, kind: p.kind, nameJa: p.name_ja, nameEn: p.name_en })),
  };
}

export type ReviewQueuePage = Awaited<ReturnType<typeof queuePage>>;

/** The queue as a file, up to 5,000 rows under the same filters. */
export async function exportQueue(ctx: Ctx, input: Omit<QueueInput, 'page' | 'pageSize'> & { format: ExportFormat }) {
  // Read from the database, never kept: a file of up to 5,000 rows is asked for once.
  const { rows } = await queuePage(ctx, { ...input, page: 1, pageSize: 5_000 });
  const en = ctx.locale === 'en';
  const table: ExportTable = {
    name: en ? 'Review queue' : '審査一覧',
    header: en
      ? ['Tracking number', 'Title', 'Applicant', 'Programme', 'Status', 'Requested grant (yen)', 'Submitted (JST)', 'Assigned members']
      : ['受付番号', '事業名', '申請者', '公募', '状況', '申請助成額（円）', '提出日時（日本時間）', '割当委員数'],
    rows: rows.map((r) => [
      r.trackingNumber ?? '',
      r.title,
      en ? r.applicantNameEn : r.applicantNameJa,
      en ? r.programmeNameEn : r.programmeNameJa,
      STATUS_LABELS[r.status][en ? 'en' : 'ja'],
      r.requestedGrantYen,
      r.submittedAt ? formatJst(r.submittedAt) : '',
      r.assignedCount,
    ]),
  };
  const stamp = formatJst(ctx.now()).slice(0, 10).replace(/\D/g, '');
  return exportFile([table], input.format, `review-queue-${stamp}`);
}

/** One application as the console shows it; a committee member sees only what scoring needs. */
export async function openApplication(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  const { application, programme } = access;
  const frozen = await frozenOf(ctx.db, application, programme);
  const staff = access.kind === 'staff';
  const [versions, attachments, transitions, requests, decision, assignments, bonusReviews, reportLines, sheet] = await Promise.all([
    listSubmissionsOfApplication(ctx.db, application.id),
    listAttachmentsOfApplication(ctx.db, application.id),
    staff ? listTransitionsOfApplication(ctx.db, application.id) : Promise.resolve([]),
    staff ? listRequestsOfApplication(ctx.db, application.id) : Promise.resolve([]),
    staff ? decisionOf(ctx.db, application.id) : Promise.resolve(null),
    staff ? listAssignmentsOfApplications(ctx.db, [application.id]) : Promise.resolve([]),
    listBonusReviews(ctx.db, [application.id]),
    staff ? listReportLines(ctx.db, application.id) : Promise.resolve([]),
    access.kind === 'member' ? findScoreSheet(ctx.db, application.id, ctx.auth.user.id) : Promise.resolve(undefined),
  ]);
  const context = { committeeReview: committeeReviewOf(programme), now: ctx.now() };
  const events = [...new Set(access.roles.flatMap((role) => availableEvents(application.status, role, context)))];
  const facts = reviewFactsOf(frozen.content);
  return {
    access: access.kind,
    roles: access.roles,
    application: {
      id: application.id,
      title: application.title,
      status: application.status,
      version: application.version,
      trackingNumber: application.tracking_number,
      requestedGrantYen: application.requested_grant_yen,
      submittedAt: application.submitted_at,
      organisationId: application.applicant_organisation_id,
    },
    programme: { id: programme.id, kind: frozen.kind, nameJa: programme.name_ja, nameEn: programme.name_en, committeeReview: context.committeeReview },
    submission: frozen.submission
      ? {
          versionNo: frozen.submission.version_no,
          title: frozen.submission.title,
          content: frozen.content,
          submittedAt: frozen.submission.submitted_at,
          // The forms as the applicant saw them before submitting, with each figure explained.
          forms: applicationFormDocument({ content: frozen.content, result: frozen.assessment.result, definition: frozen.rules, title: frozen.submission.title }),
        }
      : null,
    versions: versions.map((v) => ({ versionNo: v.version_no, submittedAt: v.submitted_at, requestedGrantYen: v.requested_grant_yen })),
    eligibility: frozen.assessment.result?.eligibility ?? null,
    grant: frozen.assessment.result?.grant ?? null,
    breakdown: staff ? (frozen.assessment.result?.breakdown ?? null) : null,
    reasons: frozen.assessment.result?.reasons ?? [],
    // Each budget row by id as the application's screens name it (「建築物の建築実証（2行目）」), for the reasons' {{line}}.
    rowLabels: Object.fromEntries(budgetRowLabels(frozen.rules, frozen.content)),
    issues: frozen.assessment.issues,
    maximumYen: frozen.maximum,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, type: a.declared_type, sizeBytes: a.size_bytes, createdAt: a.created_at })),
    history: transitions.map((t) => ({
      id: t.id,
      event: t.event,
      from: t.from_status,
      to: t.to_status,
      actorName: t.actorName,
      actorRole: t.actor_role,
      reason: t.reason,
      dueAt: t.due_at,
      amountYen: t.amount_yen,
      notifiedApplicant: t.notified_applicant,
      at: t.occurred_at,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      message: r.message,
      issuedAt: r.issued_at,
      dueAt: r.due_at,
      // A correction is answered by a later submitted version.
      answeredAt: r.answered_at ?? (r.kind === 'correction' ? (versions.find((v) => v.submitted_at > r.issued_at)?.submitted_at ?? null) : null),
    })),
    events: events.map((event) => {
      const spec = transitionSpec(event)!;
      return { event, label: spec.label, inputs: spec.inputs, to: spec.to, final: isFinalStep(event) };
    }),
    decision,
    assignments: assignments.map((a) => ({ memberId: a.member_id, memberName: a.memberName, assignedAt: a.assigned_at })),
    bonus: frozen.rules.bonusItems.length > 0 ? assessBonus(frozen.rules, facts, bonusReviews.flatMap((r) => bonusReviewOf(r))) : null,
    reportLines: reportLines.map((l) => ({
      lineId: l.line_id,
      category: l.category,
      description: l.description,
      amountYen: l.amount_yen,
      decision: l.decision,
      acceptedYen: l.accepted_yen,
      reason: l.reason,
    })),
    sheet: sheet ? { status: sheet.status, version: sheet.version, scores: sheet.scores, overallComment: sheet.overall_comment, submittedAt: sheet.submitted_at } : null,
  };
}

export function bonusReviewOf(r: { item: string; decision: 'confirmed' | 'rejected'; reason: string | null; reviewer_id: string; reviewed_at: Date }) {
  const item = ZBonusCode.safeParse(r.item);
  return item.success ? [{ item: item.data, decision: r.decision, ...(r.reason ? { reason: r.reason } : {}), reviewerId: r.reviewer_id, reviewedAt: r.reviewed_at }] : [];
}

/** The whole history for the audit view: every audit row of the application, oldest first. */
export async function auditOf(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  assertStaff(access);
  const rows = await listAuditOfEntity(ctx.db, 'application', applicationId);
  return rows.map((r) => ({ id: r.id, at: r.occurred_at, action: r.action, actorUserId: r.actor_user_id, before: r.before, after: r.after }));
}

/** Committee members of the programme's office, with whether each could be assigned (conflicts checked). */
export async function assignableMembers(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  assertStaff(access);
  const members = await listUsersWithRole(ctx.db, 'committee', [access.programme.office_organisation_id]);
  const assigned = new Set((await listAssignmentsOfApplications(ctx.db, [applicationId])).map((a) => a.member_id));
  return Promise.all(
    members.map(async (m) => {
      const refusal = await assertMayAssign(ctx.db, m.id, access.application).then(
        () => null,
        (error: unknown) => ((error as { cause?: { code?: string } }).cause?.code ?? 'conflict.conflicted'),
      );
      return { id: m.id, displayName: m.displayName, email: m.email, assigned: assigned.has(m.id), blockedBy: refusal };
    }),
  );
}

export async function assignMember(ctx: Ctx, input: { applicationId: string; memberId: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true });
    assertStaff(access);
    const members = await listUsersWithRole(trx, 'committee', [access.programme.office_organisation_id]);
    if (!members.some((m) => m.id === input.memberId)) throw appError('review.member_not_found');
    await assertMayAssign(trx, input.memberId, access.application);
    const created = await insertAssignment(trx, { applicationId: input.applicationId, memberId: input.memberId, assignedBy: ctx.auth.user.id });
    if (created) await auditAssignment(trx, ctx, 'review.assign', input);
    return { assigned: true, created: !!created };
  });
}

export async function unassignMember(ctx: Ctx, input: { applicationId: string; memberId: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true });
    assertStaff(access);
    const removed = await deleteAssignment(trx, input.applicationId, input.memberId);
    if (removed) await auditAssignment(trx, ctx, 'review.unassign', input);
    return { removed: !!removed };
  });
}

function auditAssignment(trx: Executor, ctx: Ctx, action: string, input: { applicationId: string; memberId: string }) {
  return appendAudit(trx, {
    actorUserId: ctx.auth.user.id,
    action,
    entityType: 'application',
    entityId: input.applicationId,
    after: { memberId: input.memberId },
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });
}

/**
 * A committee member's declaration before opening an assigned proposal. A declared conflict
 * removes the assignment at once: from then on the member sees nothing of the proposal.
 */
export async function declareConflict(ctx: Ctx, input: { applicationId: string; conflicts: { kind: TConflictKind; note?: string | undefined }[] }) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true, declaration: 'not_yet' });
    if (access.kind !== 'member') throw appError('auth.forbidden_role', { roles: 'committee' });
    const at = ctx.now();
    const conflicts = input.conflicts.map((c) => ({ kind: c.kind, ...(c.note ? { note: c.note } : {}) }));
    await insertConflictDeclaration(trx, { applicationId: input.applicationId, programmeId: access.programme.id, memberId: ctx.auth.user.id, conflicts, at });
    let revoked = false;
    if (conflicts.length > 0) revoked = !!(await deleteAssignment(trx, input.applicationId, ctx.auth.user.id));
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'review.declare_conflict',
      entityType: 'application',
      entityId: input.applicationId,
      after: { conflicts, assignmentRevoked: revoked },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { conflicted: conflicts.length > 0, assignmentRevoked: revoked };
  });
}

/** What a member must do before opening a proposal: declare, or nothing (or a refusal). */
export async function declarationStatus(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId, { declaration: 'not_yet' });
  if (access.kind !== 'member') return { required: false, title: access.application.title };
  const c = await conflictContext(ctx.db, ctx.auth.user.id, access.application);
  // Only the title is shown before declaring: a member must know what they declare about.
  return { required: !c.declarations.some((d) => d.proposalId === applicationId), title: access.application.title };
}

export async function saveReportLineReviews(ctx: Ctx, input: { applicationId: string; version: number; reviews: TLineReview[] }) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true });
    assertStaff(access);
    assertVersion(access.application, input.version);
    if (!isResultsReportUnderReview(access.application.status)) {
      throw appError('workflow.not_allowed_from_status', { status: STATUS_LABELS[access.application.status].ja, statusEn: STATUS_LABELS[access.application.status].en, event: '実績報告の審査', eventEn: 'Review the results report' });
    }
    const rows = await listReportLines(trx, input.applicationId);
    if (rows.length === 0) throw appError('review.report_missing');
    // The domain checks reasons and reductions line by line; a partial review is allowed while working.
    // With the description, so a refusal names the line as the applicant wrote it, not by its id.
    const lines = rows.map((r) => ({ id: r.line_id, category: r.category, ...(r.description ? { description: r.description } : {}), amount: yen(r.amount_yen) }));
    const reviewed = reviewLines(lines.filter((l) => input.reviews.some((r) => r.lineId === l.id)), input.reviews);
    if (!reviewed.ok) throw appError(reviewed.code, reviewed.params);
    const at = ctx.now();
    await saveLineReviews(
      trx,
      input.applicationId,
      reviewed.value.map((l) => ({ lineId: l.id, decision: l.decision, acceptedAmount: l.accepted, reason: l.reason ?? null })),
      ctx.auth.user.id,
      at,
    );
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'review.review_report_lines',
      entityType: 'application',
      entityId: input.applicationId,
      after: { reviews: reviewed.value },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { reviewed: reviewed.value.length, acceptedYen: reviewed.value.reduce((s, l) => s + l.accepted, 0) };
  });
}

/** Budget, committed, remaining, each commitment and the latest entries of a programme's ledger. */
export async function ledgerOf(ctx: Ctx, programmeId: string) {
  const programme = await programmeOfCaller(ctx.db, ctx.auth, programmeId, STAFF_ROLES);
  const [row, commitments, entries] = await Promise.all([findLedger(ctx.db, programme.id), listCommitments(ctx.db, programme.id), listLedgerEntries(ctx.db, programme.id, ctx.auth.user.id)]);
  const ledger = {
    programmeId: programme.id,
    budget: yen(row?.budget_yen ?? programme.budget_yen),
    commitments: commitments.map((c) => ({ applicationId: c.applicationId, amount: yen(c.amount) })),
    version: row?.version ?? 0,
  };
  return {
    programme: { id: programme.id, nameJa: programme.name_ja, nameEn: programme.name_en, kind: programme.kind },
    opened: !!row,
    version: ledger.version,
    summary: ledgerSummary(ledger),
    acceptanceOpen: acceptanceOpen(ledger),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      applicationId: e.application_id,
      title: e.title,
      trackingNumber: e.trackingNumber,
      amountYen: e.amount_yen,
      committedAfterYen: e.committed_after_yen,
      budgetAfterYen: e.budget_after_yen,
      versionAfter: e.version_after,
      at: e.occurred_at,
    })),
  };
}

/** The rounds the caller reviews: a draft round takes no applications yet, so it has nothing to review. */
export const programmesOfCaller = async (ctx: Ctx, locale: Locale) =>
  (await programmesOfOffices(ctx)).filter((p) => !isRoundDraft(p.status)).map((p) => ({
    id: p.id,
    kind: p.kind,
    name: locale === 'en' ? p.name_en : p.name_ja,
    budgetYen: p.budget_yen,
    roles: rolesIn(ctx.auth, p),
  }));
