import { readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';

/**
 * Migrations are whatever is in ./migrations, so a new file cannot be forgotten in a list. Kysely
 * runs them in name order, which is why every name starts with its date and a two-digit sequence.
 */
export const MIGRATION_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const MIGRATIONS_FOLDER = new URL('./migrations/', import.meta.url);
/** '.ts' under tsx and vitest, '.js' in a compiled build: the migrations are beside this module. */
const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));
const CODE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

export interface MigrationFile {
  name: string;
  file: string;
}

/**
 * The migrations among a folder's files, in the order they run. A file that is neither a
 * migration nor a compiler by-product is an error rather than skipped: skipping it is how a
 * migration would silently never run.
 */
export function migrationFiles(
  fileNames: readonly string[],
  extension: string = OWN_EXTENSION,
): MigrationFile[] {
  const byName = new Map<string, string>();
  const strays: string[] = [];
  for (const file of fileNames) {
    if (/\.d\.[cm]?ts$|\.map$|\.test\.[cm]?[jt]s$/.test(file)) continue;
    const ext = extname(file);
    const name = file.slice(0, file.length - ext.length);
    if (!CODE_EXTENSIONS.includes(ext) || !MIGRATION_NAME.test(name)) {
      strays.push(file);
      continue;
    }
    // A build that compiles in place leaves source and output side by side: load the kind this module is.
    if (!byName.has(name) || ext === extension) byName.set(name, file);
  }
  if (strays.length > 0)
    throw new Error(`Not a migration (name it YYYY-MM-DDTNN-what${extension}): ${strays.join(', ')}`);
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, file]) => ({ name, file }));
}

function isMigration(value: unknown): value is Migration {
  return typeof value === 'object' && value !== null && 'up' in value && typeof value.up === 'function';
}

/** Reads the migrations from a folder (this package's own by default) with a dynamic import each. */
export function folderMigrationProvider(
  folder: URL = MIGRATIONS_FOLDER,
  extension: string = OWN_EXTENSION,
): MigrationProvider {
  return {
    async getMigrations() {
      const entries = await readdir(folder, { withFileTypes: true });
      const files = migrationFiles(
        entries.filter((e) => e.isFile()).map((e) => e.name),
        extension,
      );
      const migrations: Record<string, Migration> = {};
      for (const { name, file } of files) {
        const module: unknown = await import(new URL(file, folder).href);
        if (!isMigration(module)) throw new Error(`Migration ${file} exports no up(db) function`);
        migrations[name] = module;
      }
      return migrations;
    },
  };
}

const provider = folderMigrationProvider();

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet['results'],
  ) {
    super(message);
  }
}

/** Runs pending migrations forward. Throws (so callers exit non-zero) when one fails. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are typed for any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      results,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
