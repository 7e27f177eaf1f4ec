import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The applicant's side after submission: answers to the office's requests (text and the
 * files uploaded for them), the results-report draft (autosaved as typed, on the version read),
 * and in-app notifications, each written in the same transaction as its outbox message.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (c) => c.notNull().unique().references('review_requests.id'))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('answered_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_answers_application_idx').on('request_answers').column('application_id').execute();

  await db.schema
    .createTable('results_reports')
    .addColumn('application_id', 'uuid', (c) => c.primaryKey().references('applications.id'))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id'))
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().references('outbox.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();
  await sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notifications', 'results_reports', 'request_answers']) await db.schema.dropTable(table).execute();
}
