import { createDatabase, deleteMembership, LISTENER_NAME, listMembershipsOfUser, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchSessions } from './auth/session-cache';
import { clientFor, seedRoles, signedInClient } from './test-support';

const backends = await testBackends();

type Watched = Awaited<ReturnType<typeof watchSessions>>;

/**
 * Sessions kept in memory by each API process, dropped on the database's notices. "Another
 * process" is a second connection pool with a cache of its own, as a second API process has.
 */
describe.each(backends)('sessions kept in memory on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let here: Watched;
  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    here = await watchSessions(database);
  });
  afterAll(async () => {
    await here.close();
    await database.close();
  });

  it('keeps a signed-in session after its first call, and drops it on a sign-out before answering it', async () => {
    const browser = await signedInClient(database, seed.users.reviewer.email);
    const first = await clientFor(database, { cookies: browser.cookies, sessions: here.cache });
    expect((await first.caller.auth.me())?.user.email).toBe(seed.users.reviewer.email);
    const kept = here.cache.size();
    expect(kept).toBeGreaterThan(0);
    const token = browser.cookies.token;
    await first.caller.auth.signOut();
    // The same cookie again (a copy kept by someone else), without waiting: the sign-out's answer
    // came after this process heard of it.
    browser.cookies.token = token;
    const replay = await clientFor(database, { cookies: browser.cookies, sessions: here.cache });
    expect(await replay.caller.auth.me()).toBeNull();
  });

  it('sees a role taken away at once (the change announced within the same database)', async () => {
    const admin = seed.users.programme_admin;
    const browser = await signedInClient(database, admin.email);
    const before = await clientFor(database, { cookies: browser.cookies, sessions: here.cache });
    expect((await before.caller.auth.me())?.memberships.length).toBeGreaterThan(0);
    const [membership] = await listMembershipsOfUser(database.db, admin.id);
    await deleteMembership(database.db, membership!.id);
    await here.cache.settle();
    const after = await clientFor(database, { cookies: browser.cookies, sessions: here.cache });
    expect((await after.caller.auth.me())?.memberships.map((m) => m.id)).not.toContain(membership!.id);
  });
});

const postgres = backends.find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('sessions kept in memory by two API processes on PostgreSQL', () => {
  let database: Database;
  let other: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let here: Watched;
  let there: Watched;
  let queriesThere = 0;
  beforeAll(async () => {
    database = await postgres!.create();
    seed = await seedRoles(database);
    // Trust authentication here: the location is the full address.
    other = await createDatabase({ kind: 'postgres', url: database.location, onQuery: () => void (queriesThere += 1) });
    here = await watchSessions(database);
    there = await watchSessions(other);
    // Both listeners connected (they connect in the background, as at a server's start).
    for (let waited = 0; (await listenerCount(database)) < 2; waited += 50) {
      if (waited > 10_000) throw new Error('the listeners did not connect');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(async () => {
    await here.close();
    await there.close();
    await other.close();
    await database.close();
  });

  const listenerCount = async (db: Database) =>
    Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where application_name = ${LISTENER_NAME} and datname = current_database()`.execute(db.db)).rows[0]!.n);

  it('answers a kept session without a query', async () => {
    const browser = await signedInClient(database, seed.users.applicant.email);
    await (await clientFor(other, { cookies: browser.cookies, sessions: there.cache })).caller.auth.me();
    const before = queriesThere;
    const again = await clientFor(other, { cookies: browser.cookies, sessions: there.cache });
    expect((await again.caller.auth.me())?.user.email).toBe(seed.users.applicant.email);
    expect(queriesThere - before).toBe(0);
  });

  it('ends a session in the other process when it is signed out in this one', async () => {
    const browser = await signedInClient(database, seed.users.committee.email);
    const elsewhere = await clientFor(other, { cookies: browser.cookies, sessions: there.cache });
    expect((await elsewhere.caller.auth.me())?.user.email).toBe(seed.users.committee.email);
    const token = browser.cookies.token;
    await (await clientFor(database, { cookies: browser.cookies, sessions: here.cache })).caller.auth.signOut();
    browser.cookies.token = token;
    await expect
      .poll(async () => (await clientFor(other, { cookies: browser.cookies, sessions: there.cache })).caller.auth.me(), { timeout: 5_000 })
      .toBeNull();
  });

  it('keeps nothing while its listener is down, and keeps again once it is back', async () => {
    const browser = await signedInClient(database, seed.users.ministry.email);
    await (await clientFor(other, { cookies: browser.cookies, sessions: there.cache })).caller.auth.me();
    expect(there.cache.size()).toBeGreaterThan(0);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTENER_NAME} and datname = current_database()`.execute(database.db);
    await expect.poll(() => there.cache.size(), { timeout: 5_000 }).toBe(0);
    await (await clientFor(other, { cookies: browser.cookies, sessions: there.cache })).caller.auth.me();
    // Reconnected within seconds; then the session is kept again.
    await expect.poll(() => listenerCount(database), { timeout: 10_000 }).toBe(2);
    await expect
      .poll(async () => {
        await (await clientFor(other, { cookies: browser.cookies, sessions: there.cache })).caller.auth.me();
        return there.cache.size();
      }, { timeout: 10_000 })
      .toBeGreaterThan(0);
  });
});
