import { sql, type ExpressionBuilder } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB, NewProgramme } from '../schema';
import { boundStatement, statementBuilder } from './bound-statement';
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
 * statement: every new draft reads both. A bound statement: built once, not per draft.
 */
export async function findRoundForNewDraft(db: Executor, programmeId: string, organisationId: string) {
  const [row] = await roundForNewDraft.execute(db, null, { programmeId, organisationId });
  return row;
}

const roundForNewDraft = boundStatement((_: null, v: { programmeId: string; organisationId: string }) =>
  statementBuilder
    .selectFrom('programmes')
    .selectAll('programmes')
    .select((eb) =>
      jsonObjectFrom(eb.selectFrom('organisations').select(['name_ja', 'representative', 'address']).where('organisations.id', '=', v.organisationId)).as('applicant'),
    )
    .where('programmes.id', '=', v.programmeId),
);

/**
 * A round with its ledger's figures and the id of its programme's newest published rules (whose
 * content the caller takes from the per-process cache), in one statement.
 */
export function findProgrammeWithLedger(db: Executor, id: string) {
  return roundsWithLedger(db).where('programmes.id', '=', id).executeTakeFirst();
}

/**
 * The round of the application in scope (the query's `applications`) as roundsWithLedger reads it,
 * as one JSON column beside the application's own, so one statement reads both; roundFromJson
 * makes its times Dates again.
 */
export function roundOfApplication(db: Executor, eb: ExpressionBuilder<DB, 'applications'>) {
  return jsonObjectFrom(roundsWithLedger(db).where('programmes.id', '=', eb.ref('applications.programme_id')));
}

/** A round read as JSON (roundOfApplication), its times as Dates again, as findProgrammeWithLedger reads it. */
export function roundFromJson<R extends { window_opens_at: string; window_closes_at: string; updated_at: string; created_at: string }>(round: R) {
  return {
    ...round,
    window_opens_at: new Date(round.window_opens_at),
    window_closes_at: new Date(round.window_closes_at),
    updated_at: new Date(round.updated_at),
    created_at: new Date(round.created_at),
  };
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
 * of their newest published rules (publishedDefinitions), for the catalogue every applicant opens
 * first: one bound statement.
 */
export function listProgrammesWithLedger(db: Executor) {
  return programmesWithLedger.execute(db, null, {});
}

const programmesWithLedger = boundStatement((_: null, _values: Record<string, never>) =>
  roundsWithLedger(statementBuilder).orderBy('programmes.window_closes_at', 'desc').orderBy('programmes.code'),
);
