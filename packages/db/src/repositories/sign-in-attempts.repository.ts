import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema';
import type { Executor } from './executor';

// Advisory lock namespaces (the first key of pg_advisory_xact_lock(int, int)); arbitrary but fixed.
const LOCK_BY_EMAIL = 7_301;
const LOCK_BY_CLIENT = 7_302;

/**
 * Serialises sign-in accounting for one address and one client until the transaction ends, so a
 * count and the attempt recorded after it cannot interleave with another request's. Always the
 * address first, then the client: every holder of a client lock waits for nothing else, so two
 * sign-ins cannot deadlock. Works the same on PGlite (one connection: the lock is uncontended).
 */
export async function lockSignInAccounting(trx: Transaction<DB>, input: { email: string; clientKey: string }) {
  await lockSignInAddress(trx, input.email);
  await sql`select pg_advisory_xact_lock(${LOCK_BY_CLIENT}, hashtext(${input.clientKey}))`.execute(trx);
}

/** The address's part of lockSignInAccounting alone: taken first there too, so it cannot deadlock with it. */
async function lockSignInAddress(trx: Transaction<DB>, email: string) {
  await sql`select pg_advisory_xact_lock(${LOCK_BY_EMAIL}, hashtext(${email.toLowerCase()}))`.execute(trx);
}

/**
 * The reserved attempt was the right secret: it stops counting, and so do the address's failures
 * recorded before it, under the address's lock until the transaction ends. Unlocked, two right
 * passwords of one address settled at once each marked its own attempt and then waited to delete
 * what the other held (the other's attempt, or an older failure both were deleting), and
 * PostgreSQL ended one of them as a deadlock.
 */
export async function settleSignInAttempt(trx: Transaction<DB>, attemptId: number, email: string) {
  await lockSignInAddress(trx, email);
  await markSignInAttemptSucceeded(trx, attemptId);
  await clearSignInFailures(trx, email, attemptId);
}

/** Records an attempt and returns its id (an attempt is recorded as failed before its secret is checked). */
export async function recordSignInAttempt(db: Executor, attempt: { email: string; clientKey: string; succeeded: boolean }) {
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ email: attempt.email.toLowerCase(), client_key: attempt.clientKey, succeeded: attempt.succeeded })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The attempt recorded before the check turned out to be the right secret. */
export async function markSignInAttemptSucceeded(db: Executor, attemptId: number) {
  await db.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}

/**
 * Failures since `since` for the address and for the client, and when the oldest of them happened
 * (the back-off ends when it falls out of the window). Kept in the database so every API process
 * sees the same counts.
 */
export async function countRecentSignInFailures(db: Executor, input: { email: string; clientKey: string; since: Date }) {
  const row = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('email', '=', input.email.toLowerCase()).as('byEmail'),
      eb.fn.count<number>('id').filterWhere('client_key', '=', input.clientKey).as('byClient'),
      eb.fn.min<Date | null>('attempted_at').filterWhere('email', '=', input.email.toLowerCase()).as('oldestByEmail'),
      eb.fn.min<Date | null>('attempted_at').filterWhere('client_key', '=', input.clientKey).as('oldestByClient'),
    ])
    .where('succeeded', '=', false)
    .where('attempted_at', '>', input.since)
    .where((eb) => eb.or([eb('email', '=', input.email.toLowerCase()), eb('client_key', '=', input.clientKey)]))
    .executeTakeFirstOrThrow();
  return {
    byEmail: Number(row.byEmail),
    byClient: Number(row.byClient),
    oldestByEmail: row.oldestByEmail ? new Date(row.oldestByEmail) : null,
    oldestByClient: row.oldestByClient ? new Date(row.oldestByClient) : null,
  };
}

/**
 * A successful sign-in clears the address's failures recorded before it, so a user who remembers
 * is not punished later. Only those before it: an attempt reserved after it is still being checked
 * (it counts as failed until then) and settles itself, or stays a failure if it was a wrong guess.
 */
function clearSignInFailures(db: Executor, email: string, settledAttemptId: number) {
  return db
    .deleteFrom('sign_in_attempts')
    .where('email', '=', email.toLowerCase())
    .where('succeeded', '=', false)
    .where('id', '<', settledAttemptId)
    .execute();
}
