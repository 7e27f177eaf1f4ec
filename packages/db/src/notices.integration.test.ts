import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTENER_NAME, postgresListener, type NoticeHandlers } from './notices';
import { TEST_POSTGRES_ADMIN_URL, testBackends } from './testing';

const onPostgres = (await testBackends()).some((b) => b.name === 'postgres');

/** What one subscriber heard, and whether it is listening. */
function recorder() {
  const heard: string[] = [];
  let listening = false;
  const handlers: NoticeHandlers = { notice: (payload) => void heard.push(payload), ready: () => void (listening = true), lost: () => void (listening = false) };
  return { handlers, heard, isListening: () => listening };
}

// The listener is PostgreSQL's; in-process PGlite hands notices over without a connection.
describe.skipIf(!onPostgres)('one listening connection for every channel on PostgreSQL', () => {
  const name = `tsumiki_notices_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let admin: pg.Client;
  let sender: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    sender = new pg.Client({ connectionString: url.toString() });
    await sender.connect();
  });
  afterAll(async () => {
    await sender.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  const listeners = async () =>
    Number((await sender.query<{ n: string }>(`select count(*) as n from pg_stat_activity where application_name = $1 and datname = current_database()`, [LISTENER_NAME])).rows[0]!.n);

  it('hears each channel on one connection, settles them all in one round trip, and lets go of a channel and then the connection', async () => {
    const listener = postgresListener(url.toString());
    const auth = recorder();
    const review = recorder();
    const second = recorder();
    const a = listener.listen('tsumiki_auth', auth.handlers);
    const b = listener.listen('tsumiki_review', review.handlers);
    const c = listener.listen('tsumiki_review', second.handlers);
    await expect.poll(() => auth.isListening() && review.isListening() && second.isListening(), { timeout: 10_000 }).toBe(true);
    expect(await listeners()).toBe(1);

    await sender.query(`select pg_notify('tsumiki_auth', 'u1'), pg_notify('tsumiki_review', 'p1')`);
    // One settle for every subscriber: the notices committed before it have been handed over.
    await Promise.all([a.settle(), b.settle(), c.settle()]);
    expect([auth.heard, review.heard, second.heard]).toEqual([['u1'], ['p1'], ['p1']]);

    await b.close();
    await sender.query(`select pg_notify('tsumiki_review', 'p2')`);
    await c.settle();
    expect([review.heard, second.heard]).toEqual([['p1'], ['p1', 'p2']]);
    await c.close();
    await sender.query(`select pg_notify('tsumiki_review', 'p3'), pg_notify('tsumiki_auth', 'u2')`);
    await a.settle();
    expect([auth.heard, second.heard]).toEqual([['u1', 'u2'], ['p1', 'p2']]);
    await a.close();
    await expect.poll(listeners, { timeout: 5_000 }).toBe(0);
  });

  it('tells every subscriber the connection was lost, and that it listens again once back', async () => {
    const listener = postgresListener(url.toString());
    const auth = recorder();
    const review = recorder();
    const a = listener.listen('tsumiki_auth', auth.handlers);
    const b = listener.listen('tsumiki_review', review.handlers);
    await expect.poll(() => auth.isListening() && review.isListening(), { timeout: 10_000 }).toBe(true);
    await sender.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()`, [LISTENER_NAME]);
    await expect.poll(() => auth.isListening() || review.isListening(), { timeout: 5_000 }).toBe(false);
    await expect.poll(() => auth.isListening() && review.isListening(), { timeout: 10_000 }).toBe(true);
    await sender.query(`select pg_notify('tsumiki_review', 'back')`);
    await b.settle();
    expect(review.heard).toEqual(['back']);
    await Promise.all([a.close(), b.close()]);
    await expect.poll(listeners, { timeout: 5_000 }).toBe(0);
  });
});
