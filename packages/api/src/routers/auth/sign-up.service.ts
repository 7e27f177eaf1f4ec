import {
  countRecentAttemptsOfClient,
  findOrganisationByCorporateNumber,
  findUserByEmail,
  insertOrganisation,
  isUniqueViolation,
  recordSignInAttempt,
} from '@tsumiki/db';
import { SIGN_IN_FAILURE_WINDOW_MS, SIGN_UP_MAX_PER_CLIENT, type TOrganisationSignUpInput } from '@tsumiki/domain';
import { hashPassword } from '../../auth/password';
import type { Context } from '../../context';
import { appError } from '../../errors';
import { enrolApplicant, minutesUntil, signedInView } from './auth.service';

/**
 * An applicant organisation registers itself: the organisation (with its 法人番号), its first
 * user as applicant, and a session for that user, all or nothing. Throttled per client like
 * sign-in, counting every attempt (a scripted registration run is what this stops).
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

  if (await findOrganisationByCorporateNumber(ctx.db, input.organisation.corporateNumber)) throw appError('organisation.corporate_number_taken');
  if (await findUserByEmail(ctx.db, input.user.email)) throw appError('user.email_taken');
  const passwordHash = await hashPassword(input.user.password);

  try {
    const { user, session } = await ctx.db.transaction().execute(async (trx) => {
      const organisation = await insertOrganisation(trx, {
        kind: 'applicant',
        name_ja: input.organisation.name,
        name_en: input.organisation.name,
        short_name_ja: null,
        corporate_number: input.organisation.corporateNumber,
        address: input.organisation.address,
        representative: input.organisation.representative,
      });
      return enrolApplicant(ctx, trx, {
        organisationId: organisation.id,
        email: input.user.email,
        displayName: input.user.displayName,
        passwordHash,
        action: 'organisation.sign_up',
        after: { name: organisation.name_ja, corporateNumber: organisation.corporate_number },
      });
    });
    return signedInView(ctx, user, session);
  } catch (error) {
    // Two sign-ups racing for one number or address: the loser hears what the check above says.
    if (isUniqueViolation(error)) {
      if (await findUserByEmail(ctx.db, input.user.email)) throw appError('user.email_taken');
      throw appError('organisation.corporate_number_taken');
    }
    throw error;
  }
}
