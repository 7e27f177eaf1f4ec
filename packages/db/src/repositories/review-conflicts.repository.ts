import { expressionBuilder, sql, type Expression, type ExpressionBuilder } from 'kysely';
import type { TConflictKind } from '@tsumiki/domain/review';
import type { DB, TConflictEntry } from '../schema';
import type { Executor } from './executor';

/* ─────────────────── who may see a proposal: the one filter ─────────────────── */

/** A declaration holding a conflict of this kind (the stored list contains an entry with it). */
const declares = (kind: TConflictKind) => sql<boolean>`d.conflicts @> ${JSON.stringify([{ kind }])}::jsonb`;

/**
 * The programmes a person applied to: they created or submitted any of its applications, or
 * declared an own application in it. Every proposal of such a programme is a conflict.
 */
export function programmesAppliedToBy(personId: string) {
  // Uncorrelated: built on its own, so any query may use it whatever tables it has in scope.
  const eb = expressionBuilder<DB, never>();
  return eb
    .selectFrom('review_conflict_declarations as d')
    .select('d.programme_id as id')
    .where('d.member_id', '=', personId)
    .where(declares('own_application'))
    .union(eb.selectFrom('applications as own').select('own.programme_id as id').where('own.created_by', '=', personId))
    .union(
      eb
        .selectFrom('application_submissions as s')
        .innerJoin('applications as own', 'own.id', 's.application_id')
        .select('own.programme_id as id')
        .where('s.submitted_by', '=', personId),
    );
}

/**
 * Whether a person has a conflict of interest with the application in scope (the query's
 * `applications`), whatever role they look with (003 §3.2(1)). Every review list, search, count,
 * summary, statistic and export composes this one expression, so a conflict cannot hide in one
 * screen and show in another. A person is conflicted with a proposal when:
 * - they declared a conflict on it;
 * - they declared a related company (関係企業) on any proposal of the same applicant in the same
 *   programme: the relation is with the company, so it covers all of the company's proposals;
 * - they applied to the programme (created or submitted any of its applications, or declared an
 *   own application in it): then every proposal of it;
 * - the applicant is their employer or a company recorded as related to them.
 * The subqueries are uncorrelated where they can be, so the database evaluates them once per query.
 */
export function conflictedWith(personId: string) {
  return (eb: ExpressionBuilder<DB, 'applications'>) =>
    eb.or([
      eb(
        'applications.id',
        'in',
        eb
          .selectFrom('review_conflict_declarations as d')
          .select('d.application_id')
          .where('d.member_id', '=', personId)
          .where(sql<boolean>`jsonb_array_length(d.conflicts) > 0`),
      ),
      eb.exists(
        eb
          .selectFrom('review_conflict_declarations as d')
          .innerJoin('applications as declared', 'declared.id', 'd.application_id')
          .select(sql<number>`1`.as('one'))
          .where('d.member_id', '=', personId)
          .whereRef('d.programme_id', '=', 'applications.programme_id')
          .whereRef('declared.applicant_organisation_id', '=', 'applications.applicant_organisation_id')
          .where(declares('related_company')),
      ),
      eb('applications.programme_id', 'in', programmesAppliedToBy(personId)),
      eb(
        'applications.applicant_organisation_id',
        'in',
        eb
          .selectFrom('memberships')
          .select('memberships.organisation_id')
          .where('memberships.user_id', '=', personId)
          .union(eb.selectFrom('review_related_organisations as r').select('r.organisation_id').where('r.member_id', '=', personId)),
      ),
    ]);
}

/**
 * Outside the programmes the person applied to (programmesAppliedToBy, whose proposals are all
 * conflicts and are left out whole), a superset of conflictedWith in terms the database answers
 * from the primary key and the applicant index, for counting the few conflicted proposals among
 * very many; always ANDed with conflictedWith itself, which stays the rule. The declared proposals
 * cover the first clause above; every proposal of the declared proposals' applicants, their
 * employers and related companies cover the second and the last. A programme clause here would
 * make the database test every proposal of the programme.
 */
export function conflictCandidatesOf(personId: string) {
  return (eb: ExpressionBuilder<DB, 'applications'>) => {
    const declared = eb.selectFrom('review_conflict_declarations as d').where('d.member_id', '=', personId);
    const anyOf = (column: string, ids: Expression<unknown>) => sql<boolean>`${sql.ref(column)} = any(array(${ids}))`;
    return eb.or([
      anyOf('applications.id', declared.select('d.application_id')),
      anyOf(
        'applications.applicant_organisation_id',
        declared
          .innerJoin('applications as declared', 'declared.id', 'd.application_id')
          .select('declared.applicant_organisation_id as id')
          .union(eb.selectFrom('memberships').select('memberships.organisation_id as id').where('memberships.user_id', '=', personId))
          .union(eb.selectFrom('review_related_organisations as r').select('r.organisation_id as id').where('r.member_id', '=', personId)),
      ),
    ]);
  };
}

/** The negation, for `.where(...)`: proposals the person may see as far as conflicts go. */
export const notConflictedWith = (personId: string) => (eb: ExpressionBuilder<DB, 'applications'>) => eb.not(conflictedWith(personId)(eb));

/** Whether the person is conflicted with one application (the same expression as every list). */
export async function isConflictedWith(db: Executor, personId: string, applicationId: string) {
  const row = await db
    .selectFrom('applications')
    .select((eb) => conflictedWith(personId)(eb).as('conflicted'))
    .where('applications.id', '=', applicationId)
    .executeTakeFirst();
  return row?.conflicted === true;
}

/** Of these applications, the ones the person is not conflicted with. */
export async function listUnconflictedIds(db: Executor, personId: string, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('applications')
    .select('applications.id')
    .where('applications.id', 'in', [...applicationIds])
    .where(notConflictedWith(personId))
    .execute();
  return new Set(rows.map((r) => r.id));
}

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
