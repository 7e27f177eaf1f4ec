import { randomUUID } from 'node:crypto';
import {
  findApplicationById,
  findApplicationForUpdate,
  findOrganisationById,
  findProgrammeById,
  insertApplicationAudited,
  updateApplicationAudited,
  type Application,
  type Executor,
} from '@tsumiki/db';
import { APPLICATION_STATUSES, formatJst, isEditableByApplicant, roundAccepting, type TUpdateDraftInput } from '@tsumiki/domain';
import { emptyContent, withApplicantDefaults } from '@tsumiki/domain/programmes';
import { appError } from '../../errors';
import type { Context, SignedInAuth } from '../../trpc-types';

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
  const own = auth.memberships.some((m) => m.organisationId === application?.applicant_organisation_id);
  if (!application || !own) throw appError('application.not_found');
  return application;
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
    const [programme, organisation] = await Promise.all([findProgrammeById(db, input.programmeId), findOrganisationById(db, organisationId)]);
    if (!programme) throw appError('programme.not_found');
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
  // One connection for the read and the write: under a busy pool each acquisition is a wait.
  return ctx.db.connection().execute(async (db) => {
    const current = await applicationOfCaller(db, ctx.auth, input.id);
    if (!isEditableByApplicant(current.status)) throw appError('application.not_editable', { status: current.status });
    if (current.version !== input.version) {
      throw appError('application.version_conflict', { currentVersion: current.version });
    }
    // The content is typed by the router's schema; it must also be the content of this programme.
    if (input.content !== undefined && input.content.programme !== current.content.programme) throw appError('application.content_programme_mismatch');
    const title = input.title ?? current.title;
    const content = input.content ?? current.content;
    const updated = await updateApplicationAudited(
      db,
      {
        id: input.id,
        expectedVersion: input.version,
        statuses: EDITABLE_STATUSES,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.content !== undefined ? { content: input.content } : {}),
      },
      {
        actorUserId: ctx.auth.user.id,
        action: 'application.update_draft',
        entityType: 'application',
        entityId: current.id,
        before: { title: current.title, content: current.content, version: current.version },
        after: { title, content, version: current.version + 1 },
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      },
    );
    if (!updated) {
      // Someone wrote between the read and the write: say what the application is now.
      const now = await applicationOfCaller(db, ctx.auth, input.id);
      if (!isEditableByApplicant(now.status)) throw appError('application.not_editable', { status: now.status });
      throw appError('application.version_conflict', { currentVersion: now.version });
    }
    return toApplicationView(updated);
  });
}
