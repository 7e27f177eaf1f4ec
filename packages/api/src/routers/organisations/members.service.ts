import {
  appendAudit,
  deleteMembership,
  enqueueOutbox,
  findInvitationByTokenHash,
  findMembership,
  findOrganisationById,
  findUserByEmail,
  insertInvitation,
  isMemberByEmail,
  listInvitationsOfOrganisation,
  listMembersOfOrganisation,
  markInvitationAccepted,
  revokeInvitations,
} from '@tsumiki/db';
import { INVITATION_TOPIC, INVITATION_TTL_MS, invitationState, type TAcceptInvitationInput, type TInviteMemberInput } from '@tsumiki/domain';
import { hashPassword } from '../../auth/password';
import { hashSessionToken, newSessionToken } from '../../auth/session-token';
import type { Context } from '../../context';
import { appError } from '../../errors';
import type { SignedInAuth } from '../../trpc-types';
import { enrolApplicant, signedInView } from '../auth/auth.service';

type SignedIn = Context & { auth: SignedInAuth };

/** The organisation if the caller is one of its applicants; any other is "not found". */
function ownOrganisationId(ctx: SignedIn, organisationId: string): string {
  if (!ctx.auth.memberships.some((m) => m.organisationId === organisationId)) throw appError('organisation.not_found');
  return organisationId;
}

export async function myOrganisations(ctx: SignedIn) {
  const ids = [...new Set(ctx.auth.memberships.map((m) => m.organisationId))];
  const found = await Promise.all(ids.map((id) => findOrganisationById(ctx.db, id)));
  return found
    .filter((o) => o !== undefined)
    .map((o) => ({
      id: o.id,
      name: o.name_ja,
      corporateNumber: o.corporate_number,
      address: o.address,
      representative: o.representative,
    }));
}

export async function listMembers(ctx: SignedIn, organisationId: string) {
  const id = ownOrganisationId(ctx, organisationId);
  const [members, invitations] = await Promise.all([listMembersOfOrganisation(ctx.db, id), listInvitationsOfOrganisation(ctx.db, id)]);
  const now = ctx.now();
  return {
    members: members.map((m) => ({ ...m, isMe: m.userId === ctx.auth.user.id })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      createdAt: i.created_at,
      expiresAt: i.expires_at,
      state: invitationState({ acceptedAt: i.accepted_at, revokedAt: i.revoked_at, expiresAt: i.expires_at }, now),
    })),
  };
}

/**
 * Invites a colleague: a single-use link valid for a week, e-mailed through the outbox in the same
 * transaction. A new invitation to the same address withdraws the open ones, so only the latest
 * link works. The link is logged for development, where no mail is sent.
 */
export async function inviteMember(ctx: SignedIn, input: TInviteMemberInput) {
  const organisationId = ownOrganisationId(ctx, input.organisationId);
  if (await isMemberByEmail(ctx.db, organisationId, input.email)) throw appError('invitation.already_member', { email: input.email });
  const { token, tokenHash } = newSessionToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const link = `${ctx.request.origin ?? ctx.allowedOrigins[0] ?? ''}/invitations/${token}`;
  const invitation = await ctx.db.transaction().execute(async (trx) => {
    const organisation = await findOrganisationById(trx, organisationId);
    if (!organisation) throw appError('organisation.not_found');
    await revokeInvitations(trx, { organisationId, email: input.email, by: ctx.auth.user.id, at: now });
    const created = await insertInvitation(trx, { organisationId, email: input.email, tokenHash, invitedBy: ctx.auth.user.id, expiresAt });
    await enqueueOutbox(trx, {
      topic: INVITATION_TOPIC,
      recipientUserId: null,
      payload: {
        to: input.email,
        organisationName: organisation.name_ja,
        invitedBy: ctx.auth.user.displayName,
        link,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'organisation.invite',
      entityType: 'organisation',
      entityId: organisationId,
      after: { invitationId: created.id, email: created.email, expiresAt },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return created;
  });
  // The link is a bearer secret: it travels only in the e-mail (the dev mail catcher in development), never in logs.
  ctx.log.info({ invitationId: invitation.id }, 'organisation invitation queued');
  return { id: invitation.id, email: invitation.email, expiresAt: invitation.expires_at };
}

export async function revokeInvitation(ctx: SignedIn, input: { organisationId: string; invitationId: string }) {
  const organisationId = ownOrganisationId(ctx, input.organisationId);
  return ctx.db.transaction().execute(async (trx) => {
    const revoked = await revokeInvitations(trx, { organisationId, id: input.invitationId, by: ctx.auth.user.id, at: ctx.now() });
    if (revoked.length === 0) throw appError('invitation.not_found');
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'organisation.revoke_invitation',
      entityType: 'organisation',
      entityId: organisationId,
      before: { invitationId: input.invitationId, email: revoked[0]!.email },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { ok: true as const };
  });
}

/** Removes a member's access to the organisation (not the account, nor what they wrote). */
export async function removeMember(ctx: SignedIn, input: { organisationId: string; membershipId: string }) {
  const organisationId = ownOrganisationId(ctx, input.organisationId);
  return ctx.db.transaction().execute(async (trx) => {
    const membership = await findMembership(trx, input.membershipId);
    if (!membership || membership.organisation_id !== organisationId) throw appError('member.not_found');
    if (membership.user_id === ctx.auth.user.id) throw appError('member.cannot_remove_self');
    await deleteMembership(trx, membership.id);
    await appendAudit(trx, {
      actorUserId: ctx.auth.user.id,
      action: 'organisation.remove_member',
      entityType: 'organisation',
      entityId: organisationId,
      before: { membershipId: membership.id, userId: membership.user_id, role: membership.role },
      requestId: ctx.request.requestId,
      ip: ctx.request.ip,
    });
    return { ok: true as const };
  });
}

/** What the accept page shows before the invitee chooses a password. */
export async function describeInvitation(ctx: Context, token: string) {
  const invitation = await findInvitationByTokenHash(ctx.db, hashSessionToken(token));
  if (!invitation) throw appError('invitation.not_found');
  const state = invitationState(
    { acceptedAt: invitation.accepted_at, revokedAt: invitation.revoked_at, expiresAt: invitation.expires_at },
    ctx.now(),
  );
  // A sign-up's link is an invitation nobody sent: the first contact completing the registration.
  const purpose = invitation.invited_by === null ? ('registration' as const) : ('invitation' as const);
  return { organisationName: invitation.organisationNameJa, email: invitation.email, expiresAt: invitation.expires_at, state, purpose };
}

/** The invitee sets a name and password: a new applicant account in the organisation, signed in. */
export async function acceptInvitation(ctx: Context, input: TAcceptInvitationInput) {
  const passwordHash = await hashPassword(input.password);
  const { user, session } = await ctx.db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByTokenHash(trx, hashSessionToken(input.token), true);
    if (!invitation) throw appError('invitation.not_found');
    const now = ctx.now();
    const state = invitationState(
      { acceptedAt: invitation.accepted_at, revokedAt: invitation.revoked_at, expiresAt: invitation.expires_at },
      now,
    );
    if (state === 'expired') throw appError('invitation.expired');
    if (state !== 'pending') throw appError('invitation.not_found');
    if (await findUserByEmail(trx, invitation.email)) throw appError('invitation.email_registered');
    const enrolled = await enrolApplicant(ctx, trx, {
      organisationId: invitation.organisation_id,
      email: invitation.email,
      displayName: input.displayName,
      passwordHash,
      action: 'organisation.accept_invitation',
      after: { invitationId: invitation.id },
    });
    if (!(await markInvitationAccepted(trx, { id: invitation.id, userId: enrolled.user.id, at: now }))) throw appError('invitation.not_found');
    return enrolled;
  });
  return signedInView(ctx, user, session);
}
