import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparingPool } from './prepared-statements';
import { TEST_POSTGRES_ADMIN_URL, testBackends } from './testing';

const onPostgres = (await testBackends()).some((b) => b.name === 'postgres');

interface Scratch {
  things: { id: number; label: string };
}

// Prepared statements are the PostgreSQL driver's; PGlite runs in-process and parses no wire protocol.
describe.skipIf(!onPostgres)('prepared statements on PostgreSQL', () => {
  const name = `tsumiki_prepared_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const scratch = new pg.Client({ connectionString: url.toString() });
    await scratch.connect();
    await scratch.query(`create table things (id int primary key, label text not null); insert into things values (1, 'one'), (2, 'two')`);
    await scratch.end();
  });
  afterAll(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  /** One connection, so what one statement prepared the next one sees. */
  const open = (limits?: { maxNames: number; maxPerConnection: number }) => {
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    // pool.end() resolves before its connections have closed, so the drop in afterAll can terminate
    // one still closing; without a listener the pool rethrows that as an uncaught error (as the
    // application's pool would, which listens the same way).
    pool.on('error', () => {});
    return { pool, db: new Kysely<Scratch>({ dialect: new PostgresDialect({ pool: preparingPool(pool, limits) }) }) };
  };
  const preparedTexts = async (db: Kysely<Scratch>) =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements where name like 'tsumiki_%' order by prepare_time`.execute(db)).rows.map(
      (r) => r.statement,
    );

  it('prepares a parameterised statement once per connection and reuses it, and leaves statements without parameters unnamed', async () => {
    const { db } = open();
    const byId = (id: number) => db.selectFrom('things').select('label').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ label: 'one' });
    expect(await byId(2)).toEqual({ label: 'two' });
    expect(await byId(3)).toBeUndefined();
    const texts = await preparedTexts(db);
    expect(texts).toEqual(['select "label" from "things" where "id" = $1']);
    await db.destroy();
  });

  it('keeps at most the stated number prepared on a connection and sends the rest unnamed, with the same answers', async () => {
    const { db } = open({ maxNames: 100, maxPerConnection: 2 });
    const labels = (ids: number[]) => db.selectFrom('things').select('label').where('id', 'in', ids).orderBy('id').execute();
    expect(await labels([1])).toEqual([{ label: 'one' }]);
    expect(await labels([1, 2])).toEqual([{ label: 'one' }, { label: 'two' }]);
    expect(await labels([2, 1, 3])).toEqual([{ label: 'one' }, { label: 'two' }]);
    expect(await labels([2, 1, 3])).toEqual([{ label: 'one' }, { label: 'two' }]);
    expect(await preparedTexts(db)).toHaveLength(2);
    await db.destroy();
  });

  it('gives up a connection whose prepared statement no longer matches its table, so the next call works', async () => {
    const { db, pool } = open();
    const all = () => db.selectFrom('things').selectAll().where('id', '=', 1).executeTakeFirst();
    expect(await all()).toEqual({ id: 1, label: 'one' });
    await sql`alter table things add column note text`.execute(db);
    await expect(all()).rejects.toThrow(/cached plan must not change result type/);
    // The connection that held the stale statement was closed; a new one prepares it afresh.
    expect(pool.totalCount).toBe(0);
    expect(await all()).toEqual({ id: 1, label: 'one', note: null });
    await db.destroy();
  });
});
