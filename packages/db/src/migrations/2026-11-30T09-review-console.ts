import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Review console additions: the special-rate (1/2) findings recorded for a proposal,
 * each user's saved views of the review queue, and the reminders sent for requests to applicants
 * (one row per request and kind — 'before_3', 'overdue' — so a reminder is never sent twice).
 *
 * Dated after the migrations already on main (T07, T08): Kysely refuses a migration that sorts
 * before ones a database has already run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  type Column = ColumnDefinitionBuilder;
  const id = (c: Column) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const user = (c: Column) => c.notNull().references('users.id');
  const now = (c: Column) => c.notNull().defaultTo(sql`now()`);

  // Every finding is kept; the latest one counts.
  await db.schema
    .createTable('review_special_rate_findings')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('excellent', 'boolean', (c) => c.notNull())
    // The criteria codes the committee relies on (["three_storeys_or_1000m2_structural", …]).
    .addColumn('criteria', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The domain's recommendation status at the time of recording.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', user)
    .addColumn('recorded_at', 'timestamptz', now)
    // Insertion order, for two findings recorded within the same instant.
    .addColumn('seq', 'serial', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_special_rate_findings_application_idx').on('review_special_rate_findings').columns(['application_id', 'recorded_at']).execute();

  await db.schema
    .createTable('review_saved_views')
    .addColumn('id', 'uuid', id)
    .addColumn('user_id', 'uuid', user)
    .addColumn('name', 'text', (c) => c.notNull())
    // The queue's filters, sort and search (ZQueueView).
    .addColumn('filters', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('review_saved_views_name_key', ['user_id', 'name'])
    .execute();

  await db.schema
    .createTable('review_reminders')
    .addColumn('id', 'uuid', id)
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('review_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^(before_[0-9]+|overdue)$'`))
    .addColumn('sent_at', 'timestamptz', now)
    .addUniqueConstraint('review_reminders_request_kind_key', ['request_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_reminders').execute();
  await db.schema.dropTable('review_saved_views').execute();
  await db.schema.dropTable('review_special_rate_findings').execute();
}
