import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Whole-life carbon. A carbon project belongs to an applicant organisation and holds the
 * calculator's draft as JSON (building, bill of quantities, scenarios, settings), saved only over
 * the version it was loaded at; it may be attached to one of the organisation's applications.
 * Factor rows are what programme offices import beside the starter library (which lives in code),
 * each with its provenance in the factor document.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('carbon_projects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('application_id', 'uuid', (c) => c.references('applications.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('building', 'jsonb', (c) => c.notNull())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('boq', 'jsonb', (c) => c.notNull())
    .addColumn('scenarios', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('carbon_projects_organisation').on('carbon_projects').columns(['organisation_id', 'updated_at']).execute();

  await db.schema
    .createTable('carbon_factors')
    // The factor's own id (e.g. "epd.acme.clt"), as BoQ lines pin it.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('factor', 'jsonb', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('carbon_factors_material').on('carbon_factors').column('material_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('carbon_factors').execute();
  await db.schema.dropTable('carbon_projects').execute();
}
