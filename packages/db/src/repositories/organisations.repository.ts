import type { TOrganisationKind } from '@tsumiki/domain';
import type { NewOrganisation } from '../schema';
import type { Executor } from './executor';

export function insertOrganisation(db: Executor, organisation: NewOrganisation) {
  return db.insertInto('organisations').values(organisation).returningAll().executeTakeFirstOrThrow();
}

export function findOrganisationById(db: Executor, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks associations whose CCUS figures the demo seed made up. */
export async function markDemoFigures(db: Executor, organisationIds: readonly string[]): Promise<void> {
  if (organisationIds.length === 0) return;
  await db.updateTable('organisations').set({ demo_figures: true }).where('id', 'in', organisationIds).execute();
}

export function listOrganisations(db: Executor, kind?: TOrganisationKind) {
  let query = db.selectFrom('organisations').selectAll().orderBy('kind').orderBy('name_ja');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}
