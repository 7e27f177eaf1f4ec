import { appendAudit, revokeAllSessionsOfUser, revokeSession, updateUserLocale } from '@tsumiki/db';
import { ZOrganisationSignUpInput, ZSecondFactorEnrolInput, ZSecondFactorVerifyInput, ZSignInInput } from '@tsumiki/domain';
import { z } from 'zod';
import { authenticationProcedure, createTRPCRouter, publicProcedure, signedInProcedure } from '../../trpc';
import { signIn } from './auth.service';
import { confirmEnrolment, verifySecondFactor } from './second-factor.service';
import { signUp } from './sign-up.service';

export const authRouter = createTRPCRouter({
  /** The signed-in user and their roles, or null. Never an error, so apps can show sign-in. */
  me: publicProcedure.query(({ ctx }) => {
    if (ctx.auth.state !== 'signed-in') return null;
    const { user, memberships, expiresAt } = ctx.auth;
    return { user, memberships, expiresAt };
  }),

  /** The password; for staff who must prove a second factor, a pending sign-in instead of a session. */
  signIn: authenticationProcedure.input(ZSignInInput).mutation(({ ctx, input }) => signIn(ctx, input)),

  /** The second step: the authenticator app's code or a recovery code, then the session. */
  verifySecondFactor: authenticationProcedure.input(ZSecondFactorVerifyInput).mutation(({ ctx, input }) => verifySecondFactor(ctx, input)),

  /** Enrolment's last step: the app's first code confirms the secret; the recovery codes come back once. */
  confirmSecondFactorEnrolment: authenticationProcedure
    .input(ZSecondFactorEnrolInput)
    .mutation(({ ctx, input }) => confirmEnrolment(ctx, input)),

  /** An applicant organisation registers itself and its first user, who is then signed in. */
  signUp: authenticationProcedure.input(ZOrganisationSignUpInput).mutation(({ ctx, input }) => signUp(ctx, input)),

  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (trx) => {
      await revokeSession(trx, ctx.auth.sessionId);
      await appendAudit(trx, {
        actorUserId: ctx.auth.user.id,
        action: 'auth.sign_out',
        entityType: 'user',
        entityId: ctx.auth.user.id,
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      });
    });
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  /** Ends every session of this user, on every device. */
  signOutEverywhere: signedInProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (trx) => {
      await revokeAllSessionsOfUser(trx, ctx.auth.user.id);
      await appendAudit(trx, {
        actorUserId: ctx.auth.user.id,
        action: 'auth.sign_out_everywhere',
        entityType: 'user',
        entityId: ctx.auth.user.id,
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      });
    });
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  setLocale: signedInProcedure.input(z.object({ locale: z.enum(['ja', 'en']) })).mutation(async ({ ctx, input }) => {
    await updateUserLocale(ctx.db, ctx.auth.user.id, input.locale);
    return { ok: true as const };
  }),
});
