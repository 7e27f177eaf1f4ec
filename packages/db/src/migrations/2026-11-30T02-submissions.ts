import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Submission (提出): what the applicant sent is frozen as a numbered version; a later change
 * (returned for correction, change request) is a new version, never an edit of an old one. The
 * tracking number (受付番号) is given once per application at its first submission. The
 * idempotency key makes a retried submit (network drop, killed process) land exactly once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('tracking_number', 'text', (c) => c.unique())
    // The grant the domain computed at the last submission, for queues and budgets without JSON digging.
    .addColumn('requested_grant_yen', 'bigint', (c) => c.check(sql`requested_grant_yen >= 0`))
    .execute();

  await db.schema
    .createTable('application_submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull().check(sql`version_no >= 1`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    // Eligibility, grant and breakdown as computed at submission, so the reviewer sees what the applicant saw.
    .addColumn('assessment', 'jsonb', (c) => c.notNull())
    .addColumn('requested_grant_yen', 'bigint', (c) => c.check(sql`requested_grant_yen >= 0`))
    .addColumn('submitted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addUniqueConstraint('application_submissions_version_key', ['application_id', 'version_no'])
    .execute();

  // Tracking numbers count per fiscal year and programme kind; a row per counter keeps them gapless under concurrency.
  await db.schema
    .createTable('tracking_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tracking_counters').execute();
  await db.schema.dropTable('application_submissions').execute();
  await db.schema.alterTable('applications').dropColumn('requested_grant_yen').dropColumn('tracking_number').execute();
}
