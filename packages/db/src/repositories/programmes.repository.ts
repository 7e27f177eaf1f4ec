import type { NewProgramme } from '../schema';
import type { Executor } from './executor';

export function insertProgramme(db: Executor, programme: NewProgramme) {
  return db.insertInto('programmes').values(programme).returningAll().executeTakeFirstOrThrow();
}

export function findProgrammeById(db: Executor, id: string) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProgrammes(db: Executor) {
  return db
    .selectFrom('programmes')
    .selectAll()
    .orderBy('window_closes_at', 'desc')
    .orderBy('code')
    .execute();
}

export function listProgrammesOfOffice(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programmes')
    .selectAll()
    .where('office_organisation_id', 'in', organisationIds)
    .orderBy('window_closes_at', 'desc')
    .execute();
}
