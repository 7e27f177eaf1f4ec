import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchCcusOverviews, watchSessions } from '@tsumiki/api';
import { buildServer } from '@tsumiki/api-server/app';
import { createDatabase, type Database } from '@tsumiki/db';
import type { TSecondFactorMode } from '@tsumiki/domain';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const APPS = ['portal', 'console', 'dashboard'] as const;
export type AppName = (typeof APPS)[number];

export interface Stack {
  urls: Record<AppName, string>;
  database: Database;
  stop(): Promise<void>;
}

/**
 * The production shape in one process: each built app served with /trpc on its own port, on an
 * in-memory PGlite seeded with the demo data.
 */
export interface StackOptions {
  /**
   * Staff second factor (TSUMIKI_STAFF_TOTP); unset is the development default (optional), under
   * which the demo's staff sign in with the password as the other browser tests do.
   */
  staffSecondFactor?: TSecondFactorMode;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // A key of this run's own, as production would have (TSUMIKI_TOTP_KEY).
  const secondFactor = options.staffSecondFactor ? { mode: options.staffSecondFactor, key: randomBytes(32) } : undefined;
  // The demo data, migrated and seeded once for the run (global-setup.ts).
  const database = await createDatabase({ kind: 'pglite', loadDataDir: new Blob([await readFile(inject('demoDataDir'))]) });
  // As the server runs: sessions kept in memory, dropped on the database's notices.
  const watched = await watchSessions(database);
  const overviews = await watchCcusOverviews(database);
  const servers: Awaited<ReturnType<typeof buildServer>>[] = [];
  const urls = {} as Record<AppName, string>;
  for (const app of APPS) {
    const server = await buildServer({
      db: database.db,
      allowedOrigins: [],
      secureCookies: false,
      staticDir: resolve(REPO_ROOT, 'apps', app, 'dist'),
      ...(secondFactor ? { secondFactor } : {}),
      sessions: watched.cache,
      ccusOverviews: overviews.cache,
    });
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    urls[app] = address;
    servers.push(server);
  }
  return {
    urls,
    database,
    stop: async () => {
      await Promise.allSettled(servers.map((s) => s.close()));
      await watched.close();
      await overviews.close();
      await database.close();
    },
  };
}
