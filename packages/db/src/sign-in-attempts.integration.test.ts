import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { clearSignInFailures, markSignInAttemptSucceeded, recordSignInAttempt } from './repositories/sign-in-attempts.repository';
import { testBackends } from './testing';

// Two transactions interleaved step by step need two connections: PGlite has one.
const postgres = (await testBackends()).find((b) => b.name === 'postgres');

describe.skipIf(!postgres)('sign-in attempts on postgres', () => {
  let database: Database;
  beforeAll(async () => {
    database = await postgres!.create();
  });
  afterAll(() => database?.close());

  const failuresOf = async (email: string) =>
    (await database.db.selectFrom('sign_in_attempts').select('client_key').where('email', '=', email).where('succeeded', '=', false).orderBy('id').execute()).map((r) => r.client_key);

  /** Settles each attempt in its own transaction, every one marked before any clears: two devices signing in at once. */
  async function settleTogether(email: string, attemptIds: number[]) {
    let marked = 0;
    let allMarked!: () => void;
    const barrier = new Promise<void>((resolve) => (allMarked = resolve));
    await Promise.all(
      attemptIds.map((id) =>
        database.db.transaction().execute(async (trx) => {
          await markSignInAttemptSucceeded(trx, id);
          if (++marked === attemptIds.length) allMarked();
          await barrier;
          await clearSignInFailures(trx, email, id);
        }),
      ),
    );
  }

  it('settles two right passwords of one address at once, each clearing the failures before it', async () => {
    const email = 'two-devices@example.jp';
    await recordSignInAttempt(database.db, { email, clientKey: 'typo', succeeded: false });
    const laptop = await recordSignInAttempt(database.db, { email, clientKey: 'laptop', succeeded: false });
    const phone = await recordSignInAttempt(database.db, { email, clientKey: 'phone', succeeded: false });
    await settleTogether(email, [laptop, phone]);
    expect(await failuresOf(email)).toEqual([]);
  });

  it('leaves a failure recorded after the settled attempt counting', async () => {
    const email = 'later-guess@example.jp';
    await recordSignInAttempt(database.db, { email, clientKey: 'typo', succeeded: false });
    const right = await recordSignInAttempt(database.db, { email, clientKey: 'right', succeeded: false });
    await recordSignInAttempt(database.db, { email, clientKey: 'guess', succeeded: false });
    await settleTogether(email, [right]);
    expect(await failuresOf(email)).toEqual(['guess']);
  });
});
