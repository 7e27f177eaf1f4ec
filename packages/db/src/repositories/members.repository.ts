import type { Executor } from './executor';

/** Organisation members and invitations. */

export function findOrganisationByCorporateNumber(db: Executor, corporateNumber: string) {
  return db.selectFrom('organisations').selectAll().where('corporate_number', '=', corporateNumber).executeTakeFirst();
}

/** The people holding a role in the organisation, oldest first. */
export function listMembersOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.id as membershipId',
      'memberships.role',
      'memberships.created_at as since',
      'users.id as userId',
      'users.email',
      'users.display_name as displayName',
    ])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('memberships.created_at')
    .execute();
}

export function findMembership(db: Executor, membershipId: string) {
  return db.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirst();
}

export function deleteMembership(db: Executor, membershipId: string) {
  return db.deleteFrom('memberships').where('id', '=', membershipId).returningAll().executeTakeFirst();
}

export function isMemberByEmail(db: Executor, organisationId: string, email: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.id')
    .where('memberships.organisation_id', '=', organisationId)
    .where('users.email', '=', email.toLowerCase())
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

export function insertInvitation(
  db: Executor,
  invitation: { organisationId: string; email: string; tokenHash: string; invitedBy: string | null; expiresAt: Date },
) {
  return db
    .insertInto('organisation_invitations')
    .values({
      organisation_id: invitation.organisationId,
      email: invitation.email.toLowerCase(),
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** With the organisation's name, for the accept page; locks the row when accepting. */
export function findInvitationByTokenHash(db: Executor, tokenHash: string, forUpdate = false) {
  let query = db
    .selectFrom('organisation_invitations')
    .innerJoin('organisations', 'organisations.id', 'organisation_invitations.organisation_id')
    .selectAll('organisation_invitations')
    .select(['organisations.name_ja as organisationNameJa', 'organisations.name_en as organisationNameEn'])
    .where('organisation_invitations.token_hash', '=', tokenHash);
  if (forUpdate) query = query.forUpdate('organisation_invitations');
  return query.executeTakeFirst();
}

export function listInvitationsOfOrganisation(db: Executor, organisationId: string) {
  return db
    .selectFrom('organisation_invitations')
    .select(['id', 'email', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .execute();
}

export function markInvitationAccepted(db: Executor, input: { id: string; userId: string; at: Date }) {
  return db
    .updateTable('organisation_invitations')
    .set({ accepted_at: input.at, accepted_by: input.userId })
    .where('id', '=', input.id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Withdraws open invitations: one by id, or every open one for an address in the organisation. */
export function revokeInvitations(
  db: Executor,
  input: { organisationId: string; by: string; at: Date } & ({ id: string } | { email: string }),
) {
  let query = db
    .updateTable('organisation_invitations')
    .set({ revoked_at: input.at, revoked_by: input.by })
    .where('organisation_id', '=', input.organisationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null);
  query = 'id' in input ? query.where('id', '=', input.id) : query.where('email', '=', input.email.toLowerCase());
  return query.returning(['id', 'email']).execute();
}

/** Attempts of any outcome from one client since `since` (sign-up throttling shares the attempts table). */
export function countRecentAttemptsOfClient(db: Executor, clientKey: string, since: Date) {
  return db
    .selectFrom('sign_in_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min<Date | null>('attempted_at').as('oldest')])
    .where('client_key', '=', clientKey)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow()
    .then((r) => ({ count: Number(r.count), oldest: r.oldest ? new Date(r.oldest) : null }));
}
