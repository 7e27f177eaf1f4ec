import { sql, type Kysely } from 'kysely';

// An organisation's own names for materials ("RC打設", "集成材"), remembered from the calculator's
// mapping step so the next BoQ with the same name is matched without asking. Names are stored as
// typed and as the folded form they are compared in; one material per folded name and organisation.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('carbon_material_names')
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('folded_name', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('carbon_material_names_pkey', ['organisation_id', 'folded_name'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('carbon_material_names').execute();
}
