import type { TOrganisationKind } from '@tsumiki/domain';
import type { NewOrganisation } from '../schema';
import type { Executor } from './executor';

export function insertOrganisation(db: Executor, organisation: NewOrganisation) {
  return db.insertInto('organisations').values(organisation).returningAll().executeTakeFirstOrThrow();
}

export function findOrganisationById(db: Executor, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listOrganisations(db: Executor, kind?: TOrganisationKind) {
  let query = db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name_ja');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}
