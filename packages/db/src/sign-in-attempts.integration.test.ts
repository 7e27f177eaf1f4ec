import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { recordSignInAttempt, settleSignInAttempt } from './repositories/sign-in-attempts.repository';
import { testBackends } from './testing';

// Two sign-ins in flight at once need two connections: PGlite has one.
const postgres = (await testBackends()).find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('sign-in attempts on postgres', () => {
  let database: Database;
  beforeAll(async () => {
    database = await postgres!.create();
  });
  afterAll(() => database?.close());

  const failuresOf = async (email: string) =>
    (await database.db.selectFrom('sign_in_attempts').select('client_key').where('email', '=', email).where('succeeded', '=', false).orderBy('id').execute()).map((r) => r.client_key);

  /** Whether a transaction of this database is waiting for an advisory lock another holds. */
  const someoneWaitsForTheAddress = async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_locks
      where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(database.db);
    return rows[0]!.n > 0;
  };

  it('settles a second right password of one address after the first has committed, and both settle', async () => {
    const email = 'two-devices@example.jp';
    await recordSignInAttempt(database.db, { email, clientKey: 'typo', succeeded: false });
    const laptop = await recordSignInAttempt(database.db, { email, clientKey: 'laptop', succeeded: false });
    const phone = await recordSignInAttempt(database.db, { email, clientKey: 'phone', succeeded: false });
    let commitLaptop!: () => void;
    const laptopMayCommit = new Promise<void>((resolve) => (commitLaptop = resolve));
    let laptopSettled!: () => void;
    const laptopHasSettled = new Promise<void>((resolve) => (laptopSettled = resolve));
    // The laptop's transaction stays open after settling, as it does while its session is written.
    const first = database.db.transaction().execute(async (trx) => {
      await settleSignInAttempt(trx, laptop, email);
      laptopSettled();
      await laptopMayCommit;
    });
    await laptopHasSettled;
    const second = database.db.transaction().execute((trx) => settleSignInAttempt(trx, phone, email));
    // Unlocked, the phone went on to mark its attempt and delete the same failures, and the two
    // could deadlock; locked, it waits for the address before touching a row.
    const deadline = Date.now() + 10_000;
    while (!(await someoneWaitsForTheAddress())) {
      if (Date.now() > deadline) throw new Error('the second sign-in did not wait for the address');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    commitLaptop();
    await Promise.all([first, second]);
    expect(await failuresOf(email)).toEqual([]);
  });

  it('leaves a failure recorded after the settled attempt counting', async () => {
    const email = 'later-guess@example.jp';
    await recordSignInAttempt(database.db, { email, clientKey: 'typo', succeeded: false });
    const right = await recordSignInAttempt(database.db, { email, clientKey: 'right', succeeded: false });
    await recordSignInAttempt(database.db, { email, clientKey: 'guess', succeeded: false });
    await database.db.transaction().execute((trx) => settleSignInAttempt(trx, right, email));
    expect(await failuresOf(email)).toEqual(['guess']);
  });
});
