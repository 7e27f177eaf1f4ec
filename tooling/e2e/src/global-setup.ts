import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '@tsumiki/api-server/seed';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite holding the demo data, seeded once for the whole run. */
    demoDataDir: string;
  }
}

/**
 * Every browser test file starts its own stack on its own database. Migrating and seeding one
 * costs several seconds of WebAssembly work per file; loading the same data from a dump, about one.
 * Seeded here, at the start of the run, the demo's dates are those of the run's own day.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Once, before the files start two at a time: two apt-get runs at once would fight over dpkg's lock.
  ensureChromium();
  const database = await createPGliteTestDatabase();
  try {
    await seedDemo(database.db);
    if (!database.dumpDataDir) throw new Error('The browser tests run on PGlite, which can dump its data directory.');
    const dump = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
    const dir = await mkdtemp(join(tmpdir(), 'tsumiki-e2e-'));
    const file = join(dir, 'demo.tar');
    await writeFile(file, dump);
    project.provide('demoDataDir', file);
    return () => rm(dir, { recursive: true, force: true });
  } finally {
    await database.close();
  }
}
