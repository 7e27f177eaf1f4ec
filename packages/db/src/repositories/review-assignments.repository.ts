import type { TRole } from '@tsumiki/domain';
import type { Executor } from './executor';

/* ─────────────────────────── assignments ─────────────────────────── */

export function insertAssignment(db: Executor, a: { applicationId: string; memberId: string; assignedBy: string }) {
  return db
    .insertInto('review_assignments')
    .values({ application_id: a.applicationId, member_id: a.memberId, assigned_by: a.assignedBy })
    .onConflict((oc) => oc.columns(['application_id', 'member_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function deleteAssignment(db: Executor, applicationId: string, memberId: string) {
  return db
    .deleteFrom('review_assignments')
    .where('application_id', '=', applicationId)
    .where('member_id', '=', memberId)
    .returningAll()
    .executeTakeFirst();
}

export function listAssignmentsOfApplications(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_assignments')
    .innerJoin('users', 'users.id', 'review_assignments.member_id')
    .selectAll('review_assignments')
    .select(['users.display_name as memberName', 'users.email as memberEmail'])
    .where('application_id', 'in', [...applicationIds])
    .orderBy('assigned_at')
    .execute();
}

export function findAssignment(db: Executor, applicationId: string, memberId: string) {
  return db
    .selectFrom('review_assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Users holding a role in one of these organisations (the committee of a programme office). */
export function listUsersWithRole(db: Executor, role: TRole, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name as displayName', 'users.email'])
    .distinct()
    .where('memberships.role', '=', role)
    .where('memberships.organisation_id', 'in', [...organisationIds])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
}
