import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../client';
import { migrateToLatest } from '../migrate';
import { verifyBoundStatements } from '../repositories/bound-statement';
import { createMigratedPGlite } from './pglite-snapshot';

// Whatever runs on a test database checks each bound statement against its builder on the same values.
verifyBoundStatements();

/**
 * Integration tests run on both backends: a fresh database on the real PostgreSQL when it is
 * reachable, and an in-memory PGlite always. CI sets TSUMIKI_REQUIRE_POSTGRES=1 so a missing
 * server fails loudly there instead of quietly testing one backend.
 */
export interface TestBackend {
  name: 'postgres' | 'pglite';
  /** A new, migrated, empty database; close() drops it. */
  create(): Promise<Database>;
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | undefined;
function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.TSUMIKI_REQUIRE_POSTGRES === '1') {
        throw new Error(`PostgreSQL is required (TSUMIKI_REQUIRE_POSTGRES=1) but ${ADMIN_URL} is not reachable: ${String(error)}`);
      }
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresTestDatabase(): Promise<Database> {
  const name = `tsumiki_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 5 });
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export function createPGliteTestDatabase(): Promise<Database> {
  return createMigratedPGlite();
}

/** The backends available here, for `describe.each`. */
export async function testBackends(): Promise<TestBackend[]> {
  const backends: TestBackend[] = [{ name: 'pglite', create: createPGliteTestDatabase }];
  if (await postgresReachable()) backends.unshift({ name: 'postgres', create: createPostgresTestDatabase });
  return backends;
}

export { ADMIN_URL as TEST_POSTGRES_ADMIN_URL };
