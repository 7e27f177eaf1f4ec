import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '@tsumiki/api-server/app';
import { seedDemo } from '@tsumiki/api-server/seed';
import { createDatabase, migrateToLatest, type Database } from '@tsumiki/db';

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
export async function startStack(): Promise<Stack> {
  const database = await createDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db);
  await seedDemo(database.db);
  const servers: Awaited<ReturnType<typeof buildServer>>[] = [];
  const urls = {} as Record<AppName, string>;
  for (const app of APPS) {
    const server = await buildServer({
      db: database.db,
      allowedOrigins: [],
      secureCookies: false,
      staticDir: resolve(REPO_ROOT, 'apps', app, 'dist'),
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
      await database.close();
    },
  };
}
