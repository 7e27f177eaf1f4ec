import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A programmes row is one round (公募回) the office runs itself: a status it publishes, closes and
 * reopens, notes for its staff, and whether its budget is the office's figure or a placeholder
 * the call (公募要領) did not state. Rounds that existed are live calls, so they start published;
 * the column's default stays published for the same reason (rows written by the seed and by
 * importers are calls already announced), and the office's own new rounds are written as drafts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('programmes')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published').check(sql`status in ('draft', 'published', 'closed')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('budget_stated', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`update programmes set budget_stated = false where definition->>'budgetStated' = 'false'`.execute(db);
  // The office's round list: its rounds by programme kind, newest fiscal year first.
  await db.schema.createIndex('programmes_office_idx').on('programmes').columns(['office_organisation_id', 'kind', 'fiscal_year']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('programmes_office_idx').execute();
  await db.schema.alterTable('programmes').dropColumn('status').dropColumn('notes').dropColumn('budget_stated').dropColumn('updated_at').execute();
}
