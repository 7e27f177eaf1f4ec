import {
  appendAudit,
  countRecentAttemptsOfClient,
  enqueueOutbox,
  findOrganisationByCorporateNumber,
  findUserByEmail,
  insertInvitation,
  insertOrganisation,
  isUniqueViolation,
  recordSignInAttempt,
} from '@tsumiki/db';
import {
  INVITATION_TTL_MS,
  SIGN_IN_FAILURE_WINDOW_MS,
  SIGN_UP_EXISTING_ADDRESS_TOPIC,
  SIGN_UP_MAX_PER_CLIENT,
  SIGN_UP_TOPIC,
  type TOrganisationSignUpInput,
} from '@tsumiki/domain';
import { newSessionToken } from '../../auth/session-token';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { minutesUntil } from './auth.service';

/** The one answer to every accepted sign-up, whether or not the address already has an account. */
const MAIL_SENT = { status: 'mail_sent' } as const;

/**
 * An applicant organisation registers itself with its 法人番号. The answer never says whether the
 * address has an account (that would let anyone test addresses): a new address gets the
 * organisation and a single-use link to choose a name and password (an invitation it sends
 * itself); a registered address gets nothing made and an e-mail saying someone tried. Throttled per
 * client like sign-in, counting every attempt (a scripted registration run is what this stops).
 */
export async function signUp(ctx: Context, input: TOrganisationSignUpInput) {
  const now = ctx.now();
  const clientKey = `sign-up:${ctx.request.ip ?? 'unknown'}`;
  const recent = await countRecentAttemptsOfClient(ctx.db, clientKey, new Date(now.getTime() - SIGN_IN_FAILURE_WINDOW_MS));
  if (recent.count >= SIGN_UP_MAX_PER_CLIENT) {
    throw appError('organisation.sign_up_rate_limited', { minutes: minutesUntil(recent.oldest, now) });
  }
  // Counted by client only; recorded as not failed so it never counts against the address's sign-in.
  await recordSignInAttempt(ctx.db, { email: input.user.email, clientKey, succeeded: true });

  // The 法人番号 is public (国税庁's register), so saying it is taken reveals nothing about the address.
  if (await findOrganisationByCorporateNumber(ctx.db, input.organisation.corporateNumber)) throw appError('organisation.corporate_number_taken');
  const origin = ctx.request.origin ?? ctx.allowedOrigins[0] ?? '';
  const existing = await findUserByEmail(ctx.db, input.user.email);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (existing) {
        await enqueueOutbox(trx, {
          topic: SIGN_UP_EXISTING_ADDRESS_TOPIC,
          recipientUserId: null,
          payload: { to: existing.email, organisationName: input.organisation.name, signInLink: `${origin}/` },
        });
        await appendAudit(trx, {
          actorUserId: null,
          action: 'auth.sign_up_existing_address',
          entityType: 'user',
          entityId: existing.id,
          after: { organisationName: input.organisation.name, corporateNumber: input.organisation.corporateNumber },
          requestId: ctx.request.requestId,
          ip: ctx.request.ip,
        });
        return;
      }
      const organisation = await insertOrganisation(trx, {
        kind: 'applicant',
        name_ja: input.organisation.name,
        name_en: input.organisation.name,
        short_name_ja: null,
        corporate_number: input.organisation.corporateNumber,
        address: input.organisation.address,
        representative: input.organisation.representative,
      });
      const { token, tokenHash } = newSessionToken();
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
      const invitation = await insertInvitation(trx, { organisationId: organisation.id, email: input.user.email, tokenHash, invitedBy: null, expiresAt });
      await enqueueOutbox(trx, {
        topic: SIGN_UP_TOPIC,
        recipientUserId: null,
        payload: { to: invitation.email, organisationName: organisation.name_ja, link: `${origin}/invitations/${token}`, expiresAt: expiresAt.toISOString() },
      });
      await appendAudit(trx, {
        actorUserId: null,
        action: 'organisation.sign_up',
        entityType: 'organisation',
        entityId: organisation.id,
        after: { name: organisation.name_ja, corporateNumber: organisation.corporate_number, invitationId: invitation.id, email: invitation.email },
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      });
    });
  } catch (error) {
    // Two sign-ups racing for one number: the loser hears what the check above says.
    if (isUniqueViolation(error)) throw appError('organisation.corporate_number_taken');
    throw error;
  }
  return MAIL_SENT;
}
