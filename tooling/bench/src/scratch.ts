import { env } from 'node:process';
import { createCaller, createContext, type CookieJar } from '@tsumiki/api';
import type { Database } from '@tsumiki/db';
import pg from 'pg';

const ADMIN_URL = env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string, adminUrl = ADMIN_URL) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const urlOf = (name: string, adminUrl: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * The database a kept run (BENCH_KEEP=1) left, when BENCH_REUSE=1 asks to measure again without
 * loading again (a national load takes minutes); null when there is none or reuse is not asked.
 */
export async function keptDatabase(name: string, adminUrl = ADMIN_URL): Promise<string | null> {
  if (env.BENCH_REUSE !== '1') return null;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    return found.rowCount ? urlOf(name, adminUrl) : null;
  } finally {
    await client.end();
  }
}

/** A benchmark's own database on the real PostgreSQL, empty; returns its URL. */
export async function recreateDatabase(name: string, adminUrl = ADMIN_URL): Promise<string> {
  await admin(`drop database if exists ${name} with (force)`, adminUrl);
  await admin(`create database ${name}`, adminUrl);
  return urlOf(name, adminUrl);
}

export const dropDatabase = (name: string, adminUrl = ADMIN_URL) => admin(`drop database if exists ${name} with (force)`, adminUrl);

/** One signed-in "browser" for calls through the tRPC caller. */
export class Jar implements CookieJar {
  token: string | undefined;
  read = () => this.token;
  write = (token: string) => void (this.token = token);
  clear = () => void (this.token = undefined);
}

/**
 * A tRPC caller per call, each with its context built as a same-origin browser request would build
 * it (session lookup from the jar included), so a bench measures what a user's request costs.
 */
export function benchCaller(db: Database['db']) {
  const deps = { db, allowedOrigins: [], log: { info() {}, warn() {}, error() {} } };
  const request = {
    requestId: 'bench',
    ip: '127.0.0.1',
    userAgent: 'bench',
    origin: null,
    host: 'localhost',
    protocol: 'http' as const,
    fetchSite: 'same-origin',
    hasCsrfHeader: true,
    acceptLanguage: 'ja',
  };
  return async (jar: Jar) => createCaller(await createContext(deps, request, jar));
}
