import type { Executor } from './executor';

export function recordSignInAttempt(db: Executor, attempt: { email: string; clientKey: string; succeeded: boolean }) {
  return db
    .insertInto('sign_in_attempts')
    .values({ email: attempt.email.toLowerCase(), client_key: attempt.clientKey, succeeded: attempt.succeeded })
    .execute();
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

/** A successful sign-in clears the address's failures, so a user who remembers is not punished later. */
export function clearSignInFailures(db: Executor, email: string) {
  return db
    .deleteFrom('sign_in_attempts')
    .where('email', '=', email.toLowerCase())
    .where('succeeded', '=', false)
    .execute();
}
