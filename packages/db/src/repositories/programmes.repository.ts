import { sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { NewProgramme } from '../schema';
import type { Executor } from './executor';
import { ensureProgrammeDefinition, newestPublishedVersionOfRound } from './programme-definitions.repository';

/** A round; without a programme named, the office's programme of the round's kind (made if none). */
export async function insertProgramme(db: Executor, programme: NewProgramme) {
  const programme_definition_id =
    programme.programme_definition_id ?? (await ensureProgrammeDefinition(db, programme.kind, programme.office_organisation_id));
  return db.insertInto('programmes').values({ ...programme, programme_definition_id }).returningAll().executeTakeFirstOrThrow();
}

export function findProgrammeById(db: Executor, id: string) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A round with what a new draft's 様式1 starts from in the applying organisation's record, in one
 * statement: every new draft reads both.
 */
export function findRoundForNewDraft(db: Executor, programmeId: string, organisationId: string) {
  return db
    .selectFrom('programmes')
    .selectAll('programmes')
    .select((eb) =>
      jsonObjectFrom(eb.selectFrom('organisations').select(['name_ja', 'representative', 'address']).where('organisations.id', '=', organisationId)).as('applicant'),
    )
    .where('programmes.id', '=', programmeId)
    .executeTakeFirst();
}

/**
 * A round with its ledger's figures and the id of its programme's newest published rules (whose
 * content the caller takes from the per-process cache), in one statement.
 */
export function findProgrammeWithLedger(db: Executor, id: string) {
  return roundsWithLedger(db).where('programmes.id', '=', id).executeTakeFirst();
}

/** Rounds with their ledger's figures and their newest published rules' id, to narrow or add to. */
export function roundsWithLedger(db: Executor) {
  return db
    .selectFrom('programmes')
    .leftJoin('budget_ledgers', 'budget_ledgers.programme_id', 'programmes.id')
    .selectAll('programmes')
    .select(['budget_ledgers.budget_yen as ledger_budget_yen', 'budget_ledgers.committed_yen as ledger_committed_yen'])
    .select(newestPublishedVersionOfRound(db, sql.ref<string>('programmes.id')).as('published_version_id'));
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

/**
 * Programmes with what their budget ledger has committed (0 where no ledger is open yet) and the id
 * of their newest published rules (publishedDefinitions), for the catalogue: one statement.
 */
export function listProgrammesWithLedger(db: Executor) {
  return roundsWithLedger(db)
    .orderBy('programmes.window_closes_at', 'desc')
    .orderBy('programmes.code')
    .execute();
}
