import type { RoundToClone, TProgrammeKind, TRoundStatus } from '@tsumiki/domain';
import type { Programme } from '../schema';
import type { Executor } from './executor';

/**
 * Rounds (公募回) as their programme office runs them. A round is a `programmes` row: which rules
 * apply (kind, definition) and the call's own window, budget, notes and status.
 */
export interface NewRound extends RoundToClone {
  kind: TProgrammeKind;
  /** The programme (programme_definitions) this round is a call of; its office runs the round. */
  programmeDefinitionId: string;
  officeOrganisationId: string;
  definition: Record<string, unknown>;
  budgetStated: boolean;
}

/** A round row in the domain's terms, to clone it. */
export const roundOfRow = (r: Programme): RoundToClone => ({
  code: r.code,
  nameJa: r.name_ja,
  nameEn: r.name_en,
  fiscalYear: r.fiscal_year,
  opensAt: r.window_opens_at,
  closesAt: r.window_closes_at,
  budgetYen: Number(r.budget_yen),
  notes: r.notes,
});

/** A new draft round; undefined when its code is taken (codes are unique across all offices). */
export function insertRound(db: Executor, round: NewRound) {
  return db
    .insertInto('programmes')
    .values({
      kind: round.kind,
      code: round.code,
      name_ja: round.nameJa,
      name_en: round.nameEn,
      fiscal_year: round.fiscalYear,
      window_opens_at: round.opensAt,
      window_closes_at: round.closesAt,
      budget_yen: round.budgetYen,
      notes: round.notes,
      office_organisation_id: round.officeOrganisationId,
      programme_definition_id: round.programmeDefinitionId,
      definition: JSON.stringify(round.definition),
      budget_stated: round.budgetStated,
      status: 'draft',
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Next year's round from `source`: the same programme rules (kind and definition), office, and a
 * budget that stays a placeholder if it was one; the window, names and code as `next` says.
 */
export function insertRoundClone(db: Executor, source: Programme, next: RoundToClone) {
  return insertRound(db, {
    ...next,
    kind: source.kind,
    programmeDefinitionId: source.programme_definition_id,
    officeOrganisationId: source.office_organisation_id,
    definition: source.definition,
    budgetStated: source.budget_stated,
  });
}

/** Reads a round under a row lock: two offices' staff changing it at once take turns. */
export function findRoundForUpdate(db: Executor, id: string) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The office's own window, budget and notes; a budget the office sets is no longer a placeholder. */
export function updateRoundTerms(
  db: Executor,
  id: string,
  terms: { opensAt: Date; closesAt: Date; budgetYen: number; notes: string; at: Date },
) {
  return db
    .updateTable('programmes')
    .set({
      window_opens_at: terms.opensAt,
      window_closes_at: terms.closesAt,
      budget_yen: terms.budgetYen,
      notes: terms.notes,
      budget_stated: true,
      updated_at: terms.at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Moves a round from `from` to `to`; undefined when it is no longer in `from` (someone else moved it). */
export function updateRoundStatus(db: Executor, id: string, from: TRoundStatus, to: TRoundStatus, at: Date) {
  return db
    .updateTable('programmes')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
}

/** The offices' rounds, by programme then newest fiscal year (the console's round list). */
export function listRoundsOfOffices(db: Executor, officeIds: readonly string[]) {
  if (officeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programmes')
    .leftJoin('budget_ledgers', 'budget_ledgers.programme_id', 'programmes.id')
    .selectAll('programmes')
    .select(['budget_ledgers.committed_yen as ledger_committed_yen'])
    .where('programmes.office_organisation_id', 'in', officeIds)
    .orderBy('programmes.programme_definition_id')
    .orderBy('programmes.fiscal_year', 'desc')
    .orderBy('programmes.window_opens_at', 'desc')
    .execute();
}

/** A programme's latest round: a new round starts from its notes on the call (definition). */
export function findLatestRoundOfProgramme(db: Executor, programmeDefinitionId: string) {
  return db
    .selectFrom('programmes')
    .selectAll()
    .where('programme_definition_id', '=', programmeDefinitionId)
    .orderBy('fiscal_year', 'desc')
    .orderBy('window_opens_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
