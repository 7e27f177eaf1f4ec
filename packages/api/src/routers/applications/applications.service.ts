import { randomUUID } from 'node:crypto';
import {
  definitionForApplication,
  findApplicationById,
  findApplicationForUpdate,
  findApplicationWithDocuments,
  findDefinitionVersion,
  findRoundForNewDraft,
  insertApplicationAudited,
  saveDraftAudited,
  type Application,
  type Executor,
} from '@tsumiki/db';
import { APPLICATION_STATUSES, formatJst, isEditableByApplicant, roundAccepting, type TUpdateDraftInput } from '@tsumiki/domain';
import { emptyContent, withApplicantDefaults } from '@tsumiki/domain/programmes';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';
import { toProgrammeSummary } from '../programmes/programmes.router';

export function toApplicationView(a: Application) {
  return {
    id: a.id,
    programmeId: a.programme_id,
    organisationId: a.applicant_organisation_id,
    title: a.title,
    status: a.status,
    content: a.content,
    version: a.version,
    submittedAt: a.submitted_at,
    trackingNumber: a.tracking_number,
    requestedGrantYen: a.requested_grant_yen,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  };
}

/**
 * The application if it belongs to one of the caller's applicant organisations. Anything else is
 * "not found": another organisation's draft does not even admit to existing.
 */
export async function applicationOfCaller(db: Executor, auth: SignedInAuth, id: string, forUpdate = false) {
  const application = forUpdate ? await findApplicationForUpdate(db, id) : await findApplicationById(db, id);
  if (!application || !isOwnApplication(auth, application)) throw appError('application.not_found');
  return application;
}

export const isOwnApplication = (auth: SignedInAuth, application: { applicant_organisation_id: string }) =>
  auth.memberships.some((m) => m.organisationId === application.applicant_organisation_id);

/**
 * The applicant's page of one application: the application, its documents, its round with the
 * round's standing, which rules its form computes with, and its submitted versions. One statement;
 * the rules come from the per-process cache of published versions.
 */
export async function applicationPage(ctx: Context & { auth: SignedInAuth }, id: string) {
  const found = await findApplicationWithDocuments(ctx.db, id);
  if (!found || !isOwnApplication(ctx.auth, found.application)) throw appError('application.not_found');
  const { application, attachments, submissions, round: programme } = found;
  // The round's standing is under its programme's latest published version, whatever this
  // application is pinned to; a draft computes with that version too.
  const latest = programme?.published_version_id ? await findDefinitionVersion(ctx.db, programme.published_version_id) : undefined;
  const rules = programme ? await definitionForApplication(ctx.db, application, programme) : undefined;
  return {
    ...toApplicationView(application),
    attachments,
    programme: programme
      ? toProgrammeSummary(programme, latest?.definition, ctx.now(), { budgetYen: programme.ledger_budget_yen, committedYen: programme.ledger_committed_yen })
      : null,
    /**
     * Which rules the form computes with: the version submitted under, or for a draft the latest
     * published. The rules themselves (some 24 kB) are programmes.rules of this version, read once.
     */
    definition: rules ? { versionId: rules.id, version: rules.version, pinned: application.definition_version_id !== null } : null,
    // The frozen versions, newest first: what the office has received (content is read per version).
    submissions: submissions.map((s) => ({ versionNo: s.version_no, submittedAt: s.submitted_at, requestedGrantYen: s.requested_grant_yen })),
  };
}

export async function createDraft(
  ctx: Context & { auth: SignedInAuth },
  input: { programmeId: string; title: string; organisationId?: string | undefined },
) {
  const organisationId = input.organisationId ?? ctx.auth.memberships[0]?.organisationId;
  if (!organisationId || !ctx.auth.memberships.some((m) => m.organisationId === organisationId)) {
    throw appError('organisation.not_found');
  }
  // One connection for the reads and the write: under a busy pool each acquisition is a wait.
  return ctx.db.connection().execute(async (db) => {
    const programme = await findRoundForNewDraft(db, input.programmeId, organisationId);
    if (!programme) throw appError('programme.not_found');
    const organisation = programme.applicant;
    const window = { opensAt: programme.window_opens_at, closesAt: programme.window_closes_at };
    const accepting = roundAccepting({ ...window, status: programme.status }, ctx.now());
    if (!accepting.accepting && accepting.why === 'round_not_published') throw appError('round.not_accepting');
    if (!accepting.accepting) {
      throw appError('programme.window_closed', { window: `${formatJst(window.opensAt)} – ${formatJst(window.closesAt)}` });
    }
    // 様式1 starts from what the organisation's record and the person signed in already say.
    const content = withApplicantDefaults(emptyContent(programme.kind), {
      name: organisation?.name_ja,
      representative: organisation?.representative,
      address: organisation?.address,
      contactName: ctx.auth.user.displayName,
      contactEmail: ctx.auth.user.email,
    });
    const id = randomUUID();
    const created = await insertApplicationAudited(
      db,
      { id, programmeId: programme.id, organisationId, createdBy: ctx.auth.user.id, title: input.title, content },
      {
        actorUserId: ctx.auth.user.id,
        action: 'application.create_draft',
        entityType: 'application',
        entityId: id,
        after: { title: input.title, programmeId: programme.id, status: 'draft' },
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      },
    );
    return toApplicationView(created);
  });
}

/** What an applicant's own writes may find the application in (drafts, and returns being corrected). */
const EDITABLE_STATUSES = APPLICATION_STATUSES.filter(isEditableByApplicant);

/**
 * Saves a draft only on top of the version the editor read; anything else is a conflict, not a
 * lost edit. Checked against what was read, then written with its audit row in one statement
 * whose version and status conditions stand in for a row lock (autosave is the busiest write).
 */
export async function updateDraft(ctx: Context & { auth: SignedInAuth }, input: TUpdateDraftInput) {
  // One statement with every check in it; only when it writes nothing is the application read, to say why.
  const saved = await saveDraftAudited(
    ctx.db,
    {
      id: input.id,
      expectedVersion: input.version,
      statuses: EDITABLE_STATUSES,
      organisationIds: ctx.auth.memberships.map((m) => m.organisationId),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.content !== undefined ? { content: input.content } : {}),
    },
    { actorUserId: ctx.auth.user.id, action: 'application.update_draft', requestId: ctx.request.requestId, ip: ctx.request.ip },
  );
  if (saved) return toApplicationView(saved);
  const current = await applicationOfCaller(ctx.db, ctx.auth, input.id);
  if (!isEditableByApplicant(current.status)) throw appError('application.not_editable', { status: current.status });
  if (current.version !== input.version) throw appError('application.version_conflict', { currentVersion: current.version });
  // The content is typed by the router's schema; it must also be the content of this programme.
  if (input.content !== undefined && input.content.programme !== current.content.programme) throw appError('application.content_programme_mismatch');
  // Every check passes now: someone wrote between the save and this read.
  throw appError('application.version_conflict', { currentVersion: current.version });
}
