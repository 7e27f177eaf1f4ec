import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A delivery pass claims its messages until `claimed_until` instead of holding them locked in a
 * transaction while it sends: a pass of fifty mails kept one of its process's database connections
 * (and the rows' locks) for as long as the mail server took to answer fifty times. A claim that
 * runs out (the process died mid-pass) makes the message due again, so delivery stays at least
 * once, as it was when the transaction rolled back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('claimed_until', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('claimed_until').execute();
}
