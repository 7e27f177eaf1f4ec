import type { BudgetLedgerEntryTable } from '../schema';
import type { Executor } from './executor';
import { notConflictedWith } from './review-conflicts.repository';

/* ─────────────────────────── ledger ─────────────────────────── */

export function findLedger(db: Executor, programmeId: string) {
  return db.selectFrom('budget_ledgers').selectAll().where('programme_id', '=', programmeId).executeTakeFirst();
}

/** Locks the ledger row: concurrent decisions on one programme wait here, one at a time. */
export function findLedgerForUpdate(db: Executor, programmeId: string) {
  return db.selectFrom('budget_ledgers').selectAll().where('programme_id', '=', programmeId).forUpdate().executeTakeFirst();
}

/** Opens a programme's ledger if it has none (idempotent). */
export async function ensureLedger(db: Executor, programmeId: string, budgetYen: number, actorUserId: string | null) {
  const created = await db
    .insertInto('budget_ledgers')
    .values({ programme_id: programmeId, budget_yen: budgetYen })
    .onConflict((oc) => oc.column('programme_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (created) {
    await insertLedgerEntry(db, {
      programme_id: programmeId,
      application_id: null,
      kind: 'open',
      amount_yen: 0,
      committed_after_yen: 0,
      budget_after_yen: budgetYen,
      version_after: 0,
      actor_user_id: actorUserId,
    });
  }
}

/** Compare-and-set on the ledger's version; undefined when another writer got there first. */
export function updateLedgerIfVersion(
  db: Executor,
  input: { programmeId: string; expectedVersion: number; budgetYen: number; committedYen: number; at: Date },
) {
  return db
    .updateTable('budget_ledgers')
    .set({ budget_yen: input.budgetYen, committed_yen: input.committedYen, version: input.expectedVersion + 1, updated_at: input.at })
    .where('programme_id', '=', input.programmeId)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

type NewLedgerEntry = Omit<BudgetLedgerEntryTable, 'id' | 'occurred_at'> & { application_id: string | null };
export function insertLedgerEntry(db: Executor, entry: NewLedgerEntry) {
  return db.insertInto('budget_ledger_entries').values(entry).returning(['id']).executeTakeFirstOrThrow();
}

/** Each application's commitment: the sum of its entries, where above zero. */
export async function listCommitments(db: Executor, programmeId: string) {
  const rows = await db
    .selectFrom('budget_ledger_entries')
    .select(['application_id', (eb) => eb.fn.sum<number>('amount_yen').as('amount')])
    .where('programme_id', '=', programmeId)
    .where('application_id', 'is not', null)
    .groupBy('application_id')
    .having((eb) => eb.fn.sum('amount_yen'), '>', 0)
    .execute();
  return rows.map((r) => ({ applicationId: r.application_id!, amount: Number(r.amount) }));
}

/** The latest entries; a proposal the viewer is conflicted with keeps its amounts but not its title. */
export function listLedgerEntries(db: Executor, programmeId: string, viewerId: string, limit = 200) {
  return db
    .selectFrom('budget_ledger_entries')
    .leftJoin('applications', (join) => join.onRef('applications.id', '=', 'budget_ledger_entries.application_id').on(notConflictedWith(viewerId)))
    .selectAll('budget_ledger_entries')
    .select(['applications.title', 'applications.tracking_number as trackingNumber'])
    .where('budget_ledger_entries.programme_id', '=', programmeId)
    .orderBy('version_after', 'desc')
    .limit(limit)
    .execute();
}
