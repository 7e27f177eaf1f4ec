import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Change requests after selection (003 §4.1, 001 §2.6): plan and budget changes and
 * companies added, each with the content it would freeze, the grant it would give, and the
 * office's decision with its reason. One pending request per application at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('application_id', 'uuid', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('plan', 'budget', 'add_company')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_content', 'jsonb', (c) => c.notNull())
    .addColumn('changed_paths', 'jsonb', (c) => c.notNull())
    .addColumn('based_on_version_no', 'integer', (c) => c.notNull())
    .addColumn('maximum_yen', 'bigint', (c) => c.notNull().check(sql`maximum_yen >= 0`))
    .addColumn('current_grant_yen', 'bigint', (c) => c.notNull().check(sql`current_grant_yen >= 0`))
    .addColumn('grant_after_yen', 'bigint', (c) => c.notNull().check(sql`grant_after_yen >= 0`))
    .addColumn('submitted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_reason', 'text')
    .addColumn('resulting_version_no', 'integer')
    .addCheckConstraint('change_requests_grant_not_above', sql`grant_after_yen <= current_grant_yen and grant_after_yen <= maximum_yen`)
    .addCheckConstraint('change_requests_decided', sql`(status = 'pending') = (decided_at is null)`)
    .execute();
  await db.schema.createIndex('change_requests_application_idx').on('change_requests').columns(['application_id', 'submitted_at']).execute();
  await sql`create unique index change_requests_one_pending on change_requests (application_id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_requests').execute();
}
