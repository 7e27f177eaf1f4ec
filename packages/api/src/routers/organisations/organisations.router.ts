import { listOrganisations } from '@tsumiki/db';
import { ZAcceptInvitationInput, ZInvitationToken, ZInviteMemberInput } from '@tsumiki/domain';
import { z } from 'zod';
import { authenticationProcedure, createTRPCRouter, publicProcedure, roleProcedure } from '../../trpc';
import {
  acceptInvitation,
  describeInvitation,
  inviteMember,
  listMembers,
  myOrganisations,
  removeMember,
  revokeInvitation,
} from './members.service';

const applicantProcedure = roleProcedure('applicant');

export const organisationsRouter = createTRPCRouter({
  /** The eight industry associations: the ministry sees all, association staff see their own. */
  listAssociations: roleProcedure('ministry', 'association_reporter', 'association_viewer').query(async ({ ctx }) => {
    const all = await listOrganisations(ctx.db, 'association');
    const isMinistry = ctx.auth.memberships.some((m) => m.role === 'ministry');
    const own = new Set(ctx.auth.memberships.map((m) => m.organisationId));
    return all
      .filter((o) => isMinistry || own.has(o.id))
      .map((o) => ({ id: o.id, nameJa: o.name_ja, nameEn: o.name_en, shortNameJa: o.short_name_ja }));
  }),

  /** The caller's applicant organisations with what they registered. */
  mine: applicantProcedure.query(({ ctx }) => myOrganisations(ctx)),

  /** Members and invitations of one of the caller's organisations. */
  members: applicantProcedure.input(z.object({ organisationId: z.uuid() })).query(({ ctx, input }) => listMembers(ctx, input.organisationId)),

  invite: applicantProcedure.input(ZInviteMemberInput).mutation(({ ctx, input }) => inviteMember(ctx, input)),

  revokeInvitation: applicantProcedure
    .input(z.object({ organisationId: z.uuid(), invitationId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input)),

  removeMember: applicantProcedure
    .input(z.object({ organisationId: z.uuid(), membershipId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMember(ctx, input)),

  /** Public: the invitation link is the credential. */
  invitation: publicProcedure.input(z.object({ token: ZInvitationToken })).query(({ ctx, input }) => describeInvitation(ctx, input.token)),

  acceptInvitation: authenticationProcedure.input(ZAcceptInvitationInput).mutation(({ ctx, input }) => acceptInvitation(ctx, input)),
});
