import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Every change to what the ministry's overview is computed from — the monthly roll-ups, the
 * targets, the associations themselves — is announced on the channel `tsumiki_ccus` when its
 * transaction commits, with the table's name. API processes that keep computed overviews in
 * memory drop them all. Per statement, not per row: an import of a month writes thousands of
 * roll-up rows and needs one notice (the database also folds a transaction's equal notices into one).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_ccus_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tsumiki_ccus', tg_table_name);
      return null;
    end $$`.execute(db);
  for (const table of ['ccus_rollups', 'ccus_targets', 'organisations']) {
    await sql`create trigger ${sql.raw(`${table}_ccus_change`)} after insert or update or delete or truncate on ${sql.table(table)}
              for each statement execute function notify_ccus_change()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ccus_rollups', 'ccus_targets', 'organisations']) {
    await sql`drop trigger ${sql.raw(`${table}_ccus_change`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function notify_ccus_change()`.execute(db);
}
