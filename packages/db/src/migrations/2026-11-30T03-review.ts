import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Review: who reviews what, conflicts of interest, score sheets, bonus reviews, the
 * status history, requests to applicants, the budget ledger of each programme with its entries,
 * decisions and fixed amounts, and the review of results-report lines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  type Column = ColumnDefinitionBuilder;
  const id = (c: Column) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const application = (c: Column) => c.notNull().references('applications.id');
  const user = (c: Column) => c.notNull().references('users.id');
  const now = (c: Column) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('review_assignments')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', application)
    .addColumn('member_id', 'uuid', user)
    .addColumn('assigned_by', 'uuid', user)
    .addColumn('assigned_at', 'timestamptz', now)
    .addUniqueConstraint('review_assignments_member_key', ['application_id', 'member_id'])
    .execute();
  await db.schema.createIndex('review_assignments_member_idx').on('review_assignments').columns(['member_id', 'application_id']).execute();

  // Every declaration is kept: a later "no conflict" never erases an earlier conflict.
  await db.schema
    .createTable('review_conflict_declarations')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', application)
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id'))
    .addColumn('member_id', 'uuid', user)
    // [{ kind, note? }]; an empty list declares "no conflict".
    .addColumn('conflicts', 'jsonb', (c) => c.notNull())
    .addColumn('declared_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('review_conflicts_member_idx').on('review_conflict_declarations').columns(['member_id', 'programme_id']).execute();
  await db.schema.createIndex('review_conflicts_application_idx').on('review_conflict_declarations').column('application_id').execute();

  // Companies related to a committee member (関係を有する企業等), for conflicts the parties show.
  await db.schema
    .createTable('review_related_organisations')
    .addColumn('member_id', 'uuid', user)
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('review_related_organisations_pkey', ['member_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('review_score_sheets')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', application)
    .addColumn('member_id', 'uuid', user)
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    // [{ item, score, comment? }] per rubric item.
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('overall_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('updated_at', 'timestamptz', now)
    .addColumn('submitted_at', 'timestamptz')
    .addUniqueConstraint('review_score_sheets_member_key', ['application_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('review_bonus_reviews')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', application)
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('confirmed', 'rejected')`))
    .addColumn('reason', 'text')
    .addColumn('reviewer_id', 'uuid', user)
    .addColumn('reviewed_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('review_bonus_application_idx').on('review_bonus_reviews').column('application_id').execute();

  await db.schema
    .createTable('review_status_transitions')
    // A sequence, not a uuid: the history's order is the order of the writes, even within one instant.
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('application_id', 'uuid', application)
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', user)
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('due_at', 'timestamptz')
    .addColumn('amount_yen', 'bigint', (c) => c.check(sql`amount_yen >= 0`))
    .addColumn('notified_applicant', 'boolean', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('review_transitions_application_idx').on('review_status_transitions').columns(['application_id', 'occurred_at']).execute();

  await db.schema
    .createTable('review_requests')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', application)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('information', 'correction', 'report_correction', 'repayment')`))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'uuid', user)
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .addCheckConstraint('review_requests_due_after_issue', sql`due_at > issued_at`)
    .execute();
  await db.schema.createIndex('review_requests_application_idx').on('review_requests').column('application_id').execute();
  await sql`create index review_requests_open_idx on review_requests (due_at) where answered_at is null`.execute(db);

  // One row per programme, written only by the holder of its row lock and on the version it read.
  await db.schema
    .createTable('budget_ledgers')
    .addColumn('programme_id', 'uuid', (c) => c.primaryKey().references('programmes.id'))
    .addColumn('budget_yen', 'bigint', (c) => c.notNull().check(sql`budget_yen >= 0`))
    .addColumn('committed_yen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`committed_yen >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0).check(sql`version >= 0`))
    .addColumn('updated_at', 'timestamptz', now)
    // The database refuses an over-committed ledger even if a bug got past the domain.
    .addCheckConstraint('budget_ledgers_within_budget', sql`committed_yen <= budget_yen`)
    .execute();

  // Signed changes: Σ amount_yen per application is its commitment.
  await db.schema
    .createTable('budget_ledger_entries')
    .addColumn('id', 'uuid', id)
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('budget_ledgers.programme_id'))
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('open', 'budget', 'commit', 'adjust', 'release', 'settle')`))
    .addColumn('amount_yen', 'bigint', (c) => c.notNull())
    .addColumn('committed_after_yen', 'bigint', (c) => c.notNull())
    .addColumn('budget_after_yen', 'bigint', (c) => c.notNull())
    .addColumn('version_after', 'integer', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('occurred_at', 'timestamptz', now)
    .addUniqueConstraint('budget_ledger_entries_version_key', ['programme_id', 'version_after'])
    .execute();
  await db.schema.createIndex('budget_ledger_entries_application_idx').on('budget_ledger_entries').column('application_id').execute();

  await db.schema
    .createTable('review_decisions')
    .addColumn('application_id', 'uuid', (c) => c.primaryKey().references('applications.id'))
    .addColumn('maximum_yen', 'bigint', (c) => c.notNull().check(sql`maximum_yen >= 0`))
    .addColumn('granted_yen', 'bigint', (c) => c.notNull().check(sql`granted_yen > 0`))
    .addColumn('decided_by', 'uuid', user)
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('fixed_yen', 'bigint', (c) => c.check(sql`fixed_yen >= 0`))
    .addColumn('own_share_yen', 'bigint', (c) => c.check(sql`own_share_yen >= 0`))
    .addColumn('settlement', 'jsonb')
    .addColumn('fixed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('fixed_at', 'timestamptz')
    .addCheckConstraint('review_decisions_fixed_within_granted', sql`fixed_yen is null or fixed_yen <= granted_yen`)
    .addCheckConstraint('review_decisions_granted_within_maximum', sql`granted_yen <= maximum_yen`)
    .execute();

  // Results-report lines as reported, and the office's review of each.
  await db.schema
    .createTable('review_report_lines')
    .addColumn('id', 'uuid', id)
    .addColumn('application_id', 'uuid', application)
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('amount_yen', 'bigint', (c) => c.notNull().check(sql`amount_yen >= 0`))
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'reduced', 'rejected')`))
    .addColumn('accepted_yen', 'bigint', (c) => c.check(sql`accepted_yen >= 0`))
    .addColumn('reason', 'text')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addUniqueConstraint('review_report_lines_line_key', ['application_id', 'line_id'])
    .execute();

  // The queue: per programme and status, newest submissions first; and search by tracking number.
  await db.schema.createIndex('applications_queue_idx').on('applications').columns(['programme_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('applications_programme_submitted_idx').on('applications').columns(['programme_id', 'submitted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_programme_submitted_idx').execute();
  await db.schema.dropIndex('applications_queue_idx').execute();
  for (const table of [
    'review_report_lines',
    'review_decisions',
    'budget_ledger_entries',
    'budget_ledgers',
    'review_requests',
    'review_status_transitions',
    'review_bonus_reviews',
    'review_score_sheets',
    'review_related_organisations',
    'review_conflict_declarations',
    'review_assignments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
