import { env } from 'node:process';
import type { CookieJar } from '@tsumiki/api';
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

/** A benchmark's own database on the real PostgreSQL, empty; returns its URL. */
export async function recreateDatabase(name: string, adminUrl = ADMIN_URL): Promise<string> {
  await admin(`drop database if exists ${name} with (force)`, adminUrl);
  await admin(`create database ${name}`, adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const dropDatabase = (name: string, adminUrl = ADMIN_URL) => admin(`drop database if exists ${name} with (force)`, adminUrl);

/** One signed-in "browser" for calls through the tRPC caller. */
export class Jar implements CookieJar {
  token: string | undefined;
  read = () => this.token;
  write = (token: string) => void (this.token = token);
  clear = () => void (this.token = undefined);
}
