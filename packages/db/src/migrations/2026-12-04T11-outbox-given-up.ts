import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A message the mail server refused for good (a 5xx answer: no such mailbox, relaying denied) is
 * not retried: `failed_at` records when delivery was given up, `last_error` keeps the server's
 * answer, and the programme office lists such messages. Pending means neither sent nor given up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('failed_at', 'timestamptz').execute();
  await db.schema.createIndex('outbox_failed_at').on('outbox').column('failed_at').where('failed_at', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_failed_at').execute();
  await db.schema.alterTable('outbox').dropColumn('failed_at').execute();
}
