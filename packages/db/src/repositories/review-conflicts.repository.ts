import type { TConflictEntry } from '../schema';
import type { Executor } from './executor';

/* ──────────────────── conflicts and related parties ──────────────────── */

export function insertConflictDeclaration(
  db: Executor,
  d: { applicationId: string; programmeId: string; memberId: string; conflicts: TConflictEntry[]; at: Date },
) {
  return db
    .insertInto('review_conflict_declarations')
    .values({
      application_id: d.applicationId,
      programme_id: d.programmeId,
      member_id: d.memberId,
      conflicts: JSON.stringify(d.conflicts),
      declared_at: d.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Declarations that matter for a member in a programme: theirs on any of its proposals. */
export function listDeclarationsOfMember(db: Executor, memberId: string, programmeId: string) {
  return db
    .selectFrom('review_conflict_declarations')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('programme_id', '=', programmeId)
    .orderBy('declared_at')
    .execute();
}

export function listDeclarationsOfProgramme(db: Executor, programmeId: string) {
  return db
    .selectFrom('review_conflict_declarations')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('declared_at')
    .execute();
}

export function listRelatedOrganisations(db: Executor, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_related_organisations')
    .select(['member_id', 'organisation_id'])
    .where('member_id', 'in', [...memberIds])
    .execute();
}

export function insertRelatedOrganisation(db: Executor, memberId: string, organisationId: string) {
  return db
    .insertInto('review_related_organisations')
    .values({ member_id: memberId, organisation_id: organisationId })
    .onConflict((oc) => oc.columns(['member_id', 'organisation_id']).doNothing())
    .execute();
}

/** The organisations a user belongs to, in any role (their employer is related to them). */
export function listOrganisationIdsOfUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships')
    .select(['user_id', 'organisation_id'])
    .where('user_id', 'in', [...userIds])
    .execute();
}

/**
 * The people behind applications: who created each and who submitted any version. With
 * `userId`, only the applications of the programme that person is behind (a member who applied).
 */
export function listApplicantUsers(db: Executor, input: { applicationIds?: readonly string[]; programmeId?: string; userId?: string }) {
  let query = db
    .selectFrom('applications')
    .leftJoin('application_submissions', 'application_submissions.application_id', 'applications.id')
    .select([
      'applications.id',
      'applications.programme_id',
      'applications.applicant_organisation_id',
      'applications.created_by',
      'application_submissions.submitted_by',
    ]);
  if (input.applicationIds) {
    if (input.applicationIds.length === 0) return Promise.resolve([]);
    query = query.where('applications.id', 'in', [...input.applicationIds]);
  }
  if (input.programmeId) query = query.where('applications.programme_id', '=', input.programmeId);
  if (input.userId) {
    const user = input.userId;
    query = query.where((eb) => eb.or([eb('applications.created_by', '=', user), eb('application_submissions.submitted_by', '=', user)]));
  }
  return query.execute();
}
