import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Organisation sign-up and members. An applicant organisation registers with its 法人番号
 * (unique when given: one organisation per corporation), address and representative; members invite
 * colleagues by e-mail with a single-use, expiring link whose token is stored only as a SHA-256
 * hash. Attachments name the required document they are for (the call's document code) and, for
 * PDFs, how many pages were counted, so submission can check required documents and page limits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('corporate_number', 'text', (c) => c.unique().check(sql`corporate_number ~ '^[1-9][0-9]{12}$'`))
    .execute();
  await db.schema.alterTable('organisations').addColumn('address', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('representative', 'text').execute();

  await db.schema
    .createTable('organisation_invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('organisation_invitations_organisation').on('organisation_invitations').columns(['organisation_id', 'created_at']).execute();

  await db.schema.alterTable('attachments').addColumn('document_code', 'text').execute();
  await db.schema.alterTable('attachments').addColumn('page_count', 'integer', (c) => c.check(sql`page_count >= 0`)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('page_count').execute();
  await db.schema.alterTable('attachments').dropColumn('document_code').execute();
  await db.schema.dropTable('organisation_invitations').execute();
  await db.schema.alterTable('organisations').dropColumn('representative').execute();
  await db.schema.alterTable('organisations').dropColumn('address').execute();
  await db.schema.alterTable('organisations').dropColumn('corporate_number').execute();
}
