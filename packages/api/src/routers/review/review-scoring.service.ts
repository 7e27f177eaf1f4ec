import { isSheetSubmitted } from '@tsumiki/domain/review';
import {
  appendAudit,
  findDefinitionVersion,
  findLatestSubmission,
  findScoreSheet,
  insertBonusReview,
  listBonusReviews,
  listDeclarationsOfProgramme,
  listLatestSpecialRateFindings,
  listProposalsOfProgramme,
  listScoreSheets,
  listUnconflictedIds,
  listUsersWithRole,
  saveScoreSheet,
} from '@tsumiki/db';
import { yen } from '@tsumiki/domain';
import { assessApplication, emptyContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import {
  checkBonusReview,
  committeeSummary,
  IN_REVIEW_STATUSES,
  rubricFor,
  rubricMaximum,
  saveDraft,
  SELECTED_STATUSES,
  submitSheet,
  summaryForMember,
  summaryLimitedTo,
  type TBonusCode,
  storedFinding,
  type TScoreSheet,
} from '@tsumiki/domain/review';
import { appError } from '../../errors';
import { rulesOfApplication, rulesOfRound } from '../../lib/rules';
import type { Context, SignedInAuth } from '../../trpc-types';
import { applicationForCaller, assertStaff, committeeReviewOf, membersOf, programmeKindOf, programmeOfCaller, reviewFactsOf, rolesIn, STAFF_ROLES, toDeclaration } from './review.access';
import { bonusReviewOf } from './review.service';

type Ctx = Context & { auth: SignedInAuth };

export interface SheetInput {
  applicationId: string;
  /** The sheet version the member started from; null for a first save. */
  version: number | null;
  scores: { item: string; score?: number | null | undefined; comment?: string | undefined }[];
  overallComment?: string | undefined;
  submit: boolean;
}

/** The rubric and the member's own sheet; only an assigned, declared, unconflicted member gets here. */
export async function sheetOf(ctx: Ctx, applicationId: string) {
  const access = await applicationForCaller(ctx.db, ctx.auth, applicationId);
  if (access.kind !== 'member') throw appError('auth.forbidden_role', { roles: 'committee' });
  if (!committeeReviewOf(access.programme)) throw appError('review.scoring_not_applicable');
  const [sheet, rules] = await Promise.all([findScoreSheet(ctx.db, applicationId, ctx.auth.user.id), rulesOfApplication(ctx.db, access.application)]);
  // The sheet of the version the proposal was submitted under: a version published since changes nothing here.
  const rubric = rubricFor(rules);
  return {
    rubric,
    maximum: rubricMaximum(rubric),
    sheet: sheet ? { status: sheet.status, version: sheet.version, scores: sheet.scores, overallComment: sheet.overall_comment, submittedAt: sheet.submitted_at } : null,
  };
}

/** Saves a draft, or submits: the domain checks the rubric; the database the version read. */
export async function saveSheet(ctx: Ctx, input: SheetInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true });
    if (access.kind !== 'member') throw appError('auth.forbidden_role', { roles: 'committee' });
    if (!committeeReviewOf(access.programme)) throw appError('review.scoring_not_applicable');
    const stored = await findScoreSheet(trx, input.applicationId, ctx.auth.user.id);
    if ((stored?.version ?? null) !== input.version) throw appError('review.sheet_version_conflict');
    const toSheet = (status: 'draft' | 'submitted', scores: TScoreSheet['scores'], overall: string | null | undefined): TScoreSheet => ({
      proposalId: input.applicationId,
      memberId: ctx.auth.user.id,
      scores,
      ...(overall ? { overallComment: overall } : {}),
      status,
    });
    const previous = stored ? toSheet(stored.status, stored.scores, stored.overall_comment) : undefined;
    const rubric = rubricFor(await rulesOfApplication(trx, access.application));
    const draft = saveDraft(previous, toSheet('draft', input.scores, input.overallComment), rubric);
    if (!draft.ok) throw appError(draft.code, draft.params);
    const now = ctx.now();
    let sheet = draft.value;
    if (input.submit) {
      const submitted = submitSheet(draft.value, rubric, now);
      if (!submitted.ok) throw appError(submitted.code, submitted.params);
      sheet = submitted.value;
    }
    const saved = await saveScoreSheet(trx, {
      applicationId: input.applicationId,
      memberId: ctx.auth.user.id,
      expectedVersion: input.version,
      status: sheet.status,
      scores: sheet.scores.map((s) => ({ item: s.item, score: s.score ?? null, ...(s.comment ? { comment: s.comment } : {}) })),
      overallComment: sheet.overallComment ?? null,
      at: now,
    });
    if (!saved) throw appError('review.sheet_version_conflict');
    if (isSheetSubmitted(saved)) {
      await appendAudit(trx, {
        actorUserId: ctx.auth.user.id,
        action: 'review.submit_scores',
        entityType: 'application',
        entityId: input.applicationId,
        after: { scores: saved.scores, overallComment: saved.overall_comment },
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      });
    }
    return { status: saved.status, version: saved.version, submittedAt: saved.submitted_at };
  });
}

/** A reviewer confirms or rejects one bonus item, with a reason where the domain needs one. */
export async function reviewBonus(ctx: Ctx, input: { applicationId: string; item: TBonusCode; decision: 'confirmed' | 'rejected'; reason?: string | undefined }) {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await applicationForCaller(trx, ctx.auth, input.applicationId, { forUpdate: true });
    assertStaff(access);
    // Bonus items are those of the rules the application was submitted under.
    const rules = await rulesOfApplication(trx, access.application);
    if (rules.bonusItems.length === 0) throw appError('review.bonus_not_applicable');
    const submission = await findLatestSubmission(trx, input.applicationId);
    const facts = reviewFactsOf(submission?.content ?? emptyContent(programmeKindOf(access.programme)));
    const at = ctx.now();
    const review = { item: input.item, decision: input.decision, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}), reviewerId: ctx.auth.user.id, reviewedAt: at };
    const checked = checkBonusReview(rules, review, facts);
    if (!checked.ok) throw appError(checked.code, checked.params);
    await insertBonusReview(trx, { applicationId: input.applicationId, item: input.item, decision: input.decision, reason: review.reason ?? null, reviewerId: ctx.auth.user.id, at });
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'review.bonus_review',
      entityType: 'application',
      entityId: input.applicationId,
      after: { item: input.item, decision: input.decision, reason: review.reason ?? null },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { item: input.item, decision: input.decision };
  });
}

/**
 * The rules each proposal was submitted under, and the one the summary ranks them by: the version
 * most of them were submitted under (the newer on a tie), else the round's published one. A round's
 * proposals normally share one, its window having closed before review.
 */
async function pinnedRules(ctx: Ctx, round: { programme_definition_id: string }, proposals: readonly { definitionVersionId: string | null }[]) {
  const ids = [...new Set(proposals.flatMap((p) => (p.definitionVersionId ? [p.definitionVersionId] : [])))];
  const versions = (await Promise.all(ids.map((id) => findDefinitionVersion(ctx.db, id)))).flatMap((v) => (v ? [v] : []));
  const published = await rulesOfRound(ctx.db, round);
  const count = (id: string) => proposals.filter((p) => p.definitionVersionId === id).length;
  const [most] = versions.sort((a, b) => count(b.id) - count(a.id) || b.version - a.version);
  const byId = new Map(versions.map((v) => [v.id, v.definition]));
  return {
    common: most?.definition ?? published,
    of: (id: string | null): TProgrammeDefinition => (id ? byId.get(id) : undefined) ?? published,
  };
}

/**
 * The committee summary sheet with rankings: staff see every proposal under review or selected;
 * a committee member sees only the proposals they are not excluded from.
 */
export async function programmeSummary(ctx: Ctx, programmeId: string) {
  const programme = await programmeOfCaller(ctx.db, ctx.auth, programmeId);
  const staff = rolesIn(ctx.auth, programme).some((r) => (STAFF_ROLES as readonly string[]).includes(r));
  const kind = programmeKindOf(programme);
  // Every proposal: averages and exclusions need the whole committee's view; the caller's view is narrowed below.
  const proposals = await listProposalsOfProgramme(ctx.db, { programmeId: programme.id, statuses: [...IN_REVIEW_STATUSES, ...SELECTED_STATUSES], seenBy: null });
  const ids = proposals.map((p) => p.id);
  const [memberRows, declarations, sheets, bonusRows, findings, unconflicted] = await Promise.all([
    listUsersWithRole(ctx.db, 'committee', [programme.office_organisation_id]),
    listDeclarationsOfProgramme(ctx.db, programme.id),
    listScoreSheets(ctx.db, ids),
    listBonusReviews(ctx.db, ids),
    listLatestSpecialRateFindings(ctx.db, ids),
    listUnconflictedIds(ctx.db, ctx.auth.user.id, ids),
  ]);
  const findingOf = new Map(findings.map((f) => [f.application_id, f]));
  const [members, rules] = await Promise.all([membersOf(ctx.db, memberRows.map((m) => m.id)), pinnedRules(ctx, programme, proposals)]);
  const summary = committeeSummary({
    budget: yen(programme.budget_yen),
    rubric: rubricFor(rules.common),
    definition: rules.common,
    members,
    declarations: declarations.map(toDeclaration),
    sheets: sheets.map((s) => ({
      proposalId: s.application_id,
      memberId: s.member_id,
      scores: s.scores,
      ...(s.overall_comment ? { overallComment: s.overall_comment } : {}),
      status: s.status,
      ...(s.submitted_at ? { submittedAt: s.submitted_at } : {}),
    })),
    proposals: proposals.map((p) => {
      const facts = reviewFactsOf(p.content);
      return {
        parties: {
          id: p.id,
          programmeId: programme.id,
          applicantOrganisationIds: [p.organisationId],
          applicantUserIds: [...new Set([p.createdBy, p.submittedBy])],
          consultantOrganisationIds: [],
          consultantUserIds: [],
        },
        title: p.title,
        applicantName: ctx.locale === 'en' ? p.applicantNameEn : p.applicantNameJa,
        requestedAmount: yen(p.requestedGrantYen ?? 0),
        maximumAmount: yen(assessApplication(kind, p.content, undefined, rules.of(p.definitionVersionId)).result?.grant.amount ?? 0),
        submittedAt: p.firstSubmittedAt ?? p.submittedAt,
        facts,
        bonusReviews: bonusRows.filter((b) => b.application_id === p.id).flatMap(bonusReviewOf),
        ...(findingOf.has(p.id) ? { committeeFinding: storedFinding(rules.common, findingOf.get(p.id)!) } : {}),
      };
    }),
  });
  // Ranked again over what the caller may see, so a hidden proposal never shows through the numbering.
  const visible = summaryLimitedTo(staff ? summary : summaryForMember(summary, ctx.auth.user.id), (r) => unconflicted.has(r.proposalId));
  const names = new Map(memberRows.map((m) => [m.id, m.displayName]));
  const extra = new Map(proposals.map((p) => [p.id, { status: p.status, trackingNumber: p.trackingNumber }]));
  return {
    ...visible,
    rows: visible.rows.map((r) => ({
      ...r,
      ...extra.get(r.proposalId),
      // Committee members see scores, not who gave them.
      comments: staff ? r.comments.map((c) => ({ ...c, memberName: names.get(c.memberId) ?? '' })) : r.comments.map((c) => ({ ...c, memberId: '', memberName: '' })),
    })),
    members: staff ? memberRows : [],
  };
}
