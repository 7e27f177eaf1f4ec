import { sql, type Kysely } from 'kysely';
import { BUILTIN_DEFINITIONS_2026_12_04 } from '../migration-data/builtin-definitions-2026-12-04';

// Frozen in time: this file must never import application code (its data module is frozen too).
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Programme definitions become versioned data. A programme (CLT 実証事業) has versions; a round
 * (the programmes table: one call with its window and budget) names its programme; a submitted
 * application names the version it was submitted under, so a later version never changes it.
 * Each existing programme kind of each office gets version 1 = the built-in definition, published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme_definitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('office_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique().check(sql`code ~ '^[a-z][a-z0-9_]*$'`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('programme_definition_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_definition_id', 'uuid', (c) => c.notNull().references('programme_definitions.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('change_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addUniqueConstraint('programme_definition_versions_number', ['programme_definition_id', 'version'])
    .addCheckConstraint('programme_definition_versions_published', sql`(status = 'published') = (published_at is not null)`)
    .execute();
  // One draft at a time per programme: the editor always opens the same one.
  await sql`create unique index programme_definition_versions_one_draft on programme_definition_versions (programme_definition_id) where status = 'draft'`.execute(db);
  await db.schema.alterTable('programmes').addColumn('programme_definition_id', 'uuid', (c) => c.references('programme_definitions.id')).execute();
  await db.schema.alterTable('applications').addColumn('definition_version_id', 'uuid', (c) => c.references('programme_definition_versions.id')).execute();
  await backfill(db);
  await db.schema.alterTable('programmes').alterColumn('programme_definition_id', (c) => c.setNotNull()).execute();
  await db.schema.createIndex('programmes_programme_definition').on('programmes').column('programme_definition_id').execute();
  await db.schema.createIndex('applications_definition_version').on('applications').column('definition_version_id').execute();
}

async function backfill(db: Kysely<any>): Promise<void> {
  const pairs: { kind: string; office_organisation_id: string }[] = await db
    .selectFrom('programmes')
    .select(['kind', 'office_organisation_id'])
    .distinct()
    .orderBy('kind')
    .orderBy('office_organisation_id')
    .execute();
  const seen = new Map<string, number>();
  for (const { kind, office_organisation_id } of pairs) {
    const text = BUILTIN_DEFINITIONS_2026_12_04[kind];
    if (text === undefined) throw new Error(`No built-in definition for programme kind ${kind}`);
    const name = (JSON.parse(text) as { name: { ja: string; en: string } }).name;
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    const programme: { id: string } = await db
      .insertInto('programme_definitions')
      .values({ office_organisation_id, code: n === 1 ? kind : `${kind}_${n}`, kind, name_ja: name.ja, name_en: name.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version: { id: string } = await db
      .insertInto('programme_definition_versions')
      .values({
        programme_definition_id: programme.id,
        version: 1,
        status: 'published',
        definition: text,
        change_summary: '公募要領に基づく初版',
        published_at: sql`now()`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('programmes')
      .set({ programme_definition_id: programme.id })
      .where('kind', '=', kind)
      .where('office_organisation_id', '=', office_organisation_id)
      .execute();
    await sql`update applications a set definition_version_id = ${version.id}
      from programmes p where p.id = a.programme_id and p.programme_definition_id = ${programme.id}
      and a.submitted_at is not null`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('definition_version_id').execute();
  await db.schema.alterTable('programmes').dropColumn('programme_definition_id').execute();
  await db.schema.dropTable('programme_definition_versions').execute();
  await db.schema.dropTable('programme_definitions').execute();
}
