import { sql, type Kysely } from 'kysely';
import { TABLES_IN_DEPENDENCY_ORDER, type DB } from './schema';
import type { Executor } from './repositories/executor';

/**
 * A logical backup: every table's rows as JSON, in dependency order. The same format restores into
 * PostgreSQL or PGlite, so a demo on a laptop can move to a server and back.
 */
export interface BackupFile {
  format: 'tsumiki-backup';
  formatVersion: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

const BYTEA_COLUMNS: Partial<Record<keyof DB, string[]>> = { attachments: ['content'] };

export async function dumpDatabase(db: Kysely<DB>): Promise<BackupFile> {
  // One snapshot for all tables: repeatable read sees a consistent point in time.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
      const tables: BackupFile['tables'] = {};
      const generated = await generatedColumns(trx);
      for (const table of TABLES_IN_DEPENDENCY_ORDER) {
        const rows = await readTableInKeyOrder(trx, table);
        const bytea = BYTEA_COLUMNS[table] ?? [];
        tables[table] = rows.map((row) => {
          const out: Record<string, unknown> = { ...row };
          for (const column of bytea) out[column] = Buffer.from(out[column] as Uint8Array).toString('base64');
          for (const column of generated.get(table) ?? []) delete out[column];
          return out;
        });
      }
      return {
        format: 'tsumiki-backup',
        formatVersion: 1,
        createdAt: new Date().toISOString(),
        migrations: migrations.rows.map((r) => r.name),
        tables,
      };
    });
}

/** Tables keyed by more than an id column are dumped in their primary-key order. */
const ORDER_KEYS: Partial<Record<keyof DB, string[]>> = {
  tracking_counters: ['prefix'],
  user_second_factors: ['user_id'],
  carbon_material_names: ['organisation_id', 'folded_name'],
  ccus_custom_metrics: ['association_id', 'code'],
  ccus_rollups: ['association_id', 'metric_code', 'period_month'],
  ccus_targets: ['association_id', 'metric_code', 'fiscal_year'],
  ccus_reports: ['association_id', 'fiscal_year'],
  ccus_surveys: ['association_id', 'fiscal_year'],
  review_related_organisations: ['member_id', 'organisation_id'],
  budget_ledgers: ['programme_id'],
  review_decisions: ['application_id'],
  results_reports: ['application_id'],
};

/** Every row of a table in primary-key order: for backups and for comparing two databases. */
export async function readTableInKeyOrder(db: Executor, table: keyof DB): Promise<Record<string, unknown>[]> {
  const order = ORDER_KEYS[table] ?? ['id'];
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.join(order.map((c) => sql.ref(c)))}`.execute(db);
  return result.rows;
}

export class RestoreError extends Error {}

/** Restores into a migrated, empty database, all or nothing. */
export async function restoreDatabase(db: Kysely<DB>, backup: BackupFile): Promise<Record<string, number>> {
  if (backup.format !== 'tsumiki-backup' || backup.formatVersion !== 1) {
    throw new RestoreError('Not a Tsumiki backup file (format/formatVersion).');
  }
  return db.transaction().execute(async (trx) => {
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
    const appliedNames = applied.rows.map((r) => r.name);
    const missing = backup.migrations.filter((m) => !appliedNames.includes(m));
    if (missing.length > 0) throw new RestoreError(`The target database lacks migrations: ${missing.join(', ')}`);
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const existing = await countRows(trx, table);
      if (existing > 0) throw new RestoreError(`The target database is not empty (${table} has ${existing} rows).`);
    }
    const counts: Record<string, number> = {};
    const generated = await generatedColumns(trx);
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rows = backup.tables[table] ?? [];
      const bytea = BYTEA_COLUMNS[table] ?? [];
      const derived = generated.get(table) ?? new Set<string>();
      const prepared = rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(row)) {
          // The database computes these again from the row (a file may carry them all the same).
          if (derived.has(key)) continue;
          if (bytea.includes(key)) out[key] = Buffer.from(value as string, 'base64');
          // json/jsonb columns go back as JSON text.
          else if (value !== null && typeof value === 'object' && !(value instanceof Date)) out[key] = JSON.stringify(value);
          else out[key] = value;
        }
        return out;
      });
      for (let i = 0; i < prepared.length; i += 500) {
        await trx.insertInto(table).values(prepared.slice(i, i + 500)).execute();
      }
      counts[table] = prepared.length;
    }
    // Identity columns continue after the restored ids.
    for (const table of ['sign_in_attempts', 'audit_log', 'outbox', 'ccus_facts', 'review_status_transitions'] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    }
    return counts;
  });
}

/** Columns the database computes from the row (generated … stored), by table: never written. */
async function generatedColumns(db: Executor): Promise<Map<string, Set<string>>> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.relname as table_name, a.attname as column_name
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and a.attgenerated <> '' and a.attnum > 0 and not a.attisdropped`.execute(db);
  const byTable = new Map<string, Set<string>>();
  for (const row of rows) byTable.set(row.table_name, (byTable.get(row.table_name) ?? new Set()).add(row.column_name));
  return byTable;
}

export async function countRows(db: Executor, table: keyof DB): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
