import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDatabase, type Database } from '../client';
import { migrateToLatest } from '../migrate';

const MIGRATIONS = new URL('../migrations/', import.meta.url);
const SNAPSHOTS = join(tmpdir(), 'tsumiki-pglite-snapshots');

/**
 * A fresh in-memory PGlite costs about 4 s (initdb in WebAssembly, then every migration); loaded
 * from a dump of one that was already migrated, about 1 s. The suites create a hundred or so, in
 * separate worker processes, so the dump lives in a file named by what produced it: the migration
 * sources and PGlite's version. A changed migration names a new file; the old ones are removed.
 */
export async function createMigratedPGlite(): Promise<Database> {
  const file = join(SNAPSHOTS, `migrated-${await migrationsFingerprint()}.tar`);
  const dump = await readFile(file).catch(() => undefined);
  if (dump) {
    const database = await createDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
    // Nothing to run when the dump is current; a cheap check that it is.
    await migrateToLatest(database.db);
    return database;
  }

  const database = await createDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db);
  // A dump that cannot be written (a full disk: it is ~40 MB) only costs the next database its speed.
  await writeSnapshot(file, database).catch((error: unknown) => console.warn(`PGlite dump not written to ${file}: ${String(error)}`));
  return database;
}

async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`pglite ${await pgliteVersion()}\n`);
  for (const name of (await readdir(MIGRATIONS)).sort()) {
    hash.update(`${name}\n`);
    hash.update(await readFile(new URL(name, MIGRATIONS)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** PGlite does not export its package.json: it is found above its entry point. */
async function pgliteVersion(): Promise<string> {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const manifest = await readFile(join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (manifest) {
      const { name, version } = JSON.parse(manifest) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@electric-sql/pglite: package.json not found');
    dir = parent;
  }
}

/** Written beside and renamed into place, so a worker never loads another's half-written dump. */
async function writeSnapshot(file: string, database: Database): Promise<void> {
  if (!database.dumpDataDir) return;
  const tarball = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  await mkdir(SNAPSHOTS, { recursive: true });
  for (const old of await readdir(SNAPSHOTS)) {
    if (join(SNAPSHOTS, old) !== file && /^migrated-[0-9a-f]+\.tar$/.test(old)) await rm(join(SNAPSHOTS, old), { force: true });
  }
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, tarball);
  await rename(partial, file);
}
