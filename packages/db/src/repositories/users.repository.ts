import type { TRole } from '@tsumiki/domain';
import type { Expression, SelectQueryBuilder } from 'kysely';
import type { DB } from '../schema';
import type { Executor } from './executor';

export function insertUser(
  db: Executor,
  user: { email: string; displayName: string; passwordHash: string; locale?: 'ja' | 'en' },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      locale: user.locale ?? 'ja',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertMembership(db: Executor, membership: { userId: string; organisationId: string; role: TRole }) {
  return db
    .insertInto('memberships')
    .values({ user_id: membership.userId, organisation_id: membership.organisationId, role: membership.role })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user's roles with the organisation each is held in. */
/** The memberships of a user with their organisations, in the order the apps list them. */
export function membershipsOf(from: SelectQueryBuilder<DB, 'memberships', object>, userId: string | Expression<string>) {
  return from
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.id',
      'memberships.role',
      'memberships.organisation_id as organisationId',
      'organisations.kind as organisationKind',
      'organisations.name_ja as organisationNameJa',
      'organisations.name_en as organisationNameEn',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name_ja')
    .orderBy('memberships.role');
}

export function listMembershipsOfUser(db: Executor, userId: string) {
  return membershipsOf(db.selectFrom('memberships'), userId).execute();
}

export function updateUserLocale(db: Executor, userId: string, locale: 'ja' | 'en') {
  return db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

export function countUsers(db: Executor) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.count));
}
