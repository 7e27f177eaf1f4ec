import type { Executor } from './executor';

/** The user's TOTP factor, or undefined when they have not enrolled. */
export function findSecondFactor(db: Executor, userId: string) {
  return db.selectFrom('user_second_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/**
 * Enrols the user: the confirmed secret (encrypted by the caller), the step of the code that
 * confirmed it (so that code cannot be used again), and the recovery codes' hashes. A user who
 * already has a factor is refused by the primary key: a second enrolment racing the first loses.
 */
export async function insertSecondFactor(
  db: Executor,
  input: { userId: string; totpSecretEncrypted: string; timeStep: number; recoveryCodeHashes: readonly string[] },
) {
  await db
    .insertInto('user_second_factors')
    .values({ user_id: input.userId, totp_secret_encrypted: input.totpSecretEncrypted, last_time_step: input.timeStep })
    .execute();
  if (input.recoveryCodeHashes.length > 0) {
    await db
      .insertInto('user_recovery_codes')
      .values(input.recoveryCodeHashes.map((code_hash) => ({ user_id: input.userId, code_hash })))
      .execute();
  }
}

/**
 * Accepts a TOTP code's time step once: true when it is later than every step accepted before, in
 * one conditional update, so the same code sent twice (or two codes of one step raced) passes once.
 */
export async function acceptTimeStep(db: Executor, userId: string, timeStep: number): Promise<boolean> {
  const row = await db
    .updateTable('user_second_factors')
    .set({ last_time_step: timeStep })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Spends a recovery code: true the first time its hash is presented, false ever after (one update, so two racing uses spend it once). */
export async function consumeRecoveryCode(db: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('user_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('user_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Removes the user's factor, recovery codes and pending sign-ins (a lost phone and no codes left:
 * the office resets, the user enrols again at the next sign-in). True when there was a factor.
 */
export async function deleteSecondFactor(db: Executor, userId: string): Promise<boolean> {
  await db.deleteFrom('pending_sign_ins').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  const deleted = await db.deleteFrom('user_second_factors').where('user_id', '=', userId).returning('user_id').executeTakeFirst();
  return deleted !== undefined;
}

export function insertPendingSignIn(
  db: Executor,
  input: { tokenHash: string; userId: string; purpose: 'verify' | 'enrol'; totpSecretEncrypted: string | null; expiresAt: Date },
) {
  return db
    .insertInto('pending_sign_ins')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      purpose: input.purpose,
      totp_secret_encrypted: input.totpSecretEncrypted,
      expires_at: input.expiresAt,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/** A pending sign-in still open at `now` (not expired, not used), with its user; undefined otherwise. */
export function findOpenPendingSignIn(db: Executor, tokenHash: string, now: Date) {
  return db
    .selectFrom('pending_sign_ins')
    .innerJoin('users', 'users.id', 'pending_sign_ins.user_id')
    .select([
      'pending_sign_ins.id',
      'pending_sign_ins.purpose',
      'pending_sign_ins.totp_secret_encrypted as totpSecretEncrypted',
      'pending_sign_ins.expires_at as expiresAt',
      'users.id as userId',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.disabled_at as disabledAt',
    ])
    .where('pending_sign_ins.token_hash', '=', tokenHash)
    .where('pending_sign_ins.consumed_at', 'is', null)
    .where('pending_sign_ins.expires_at', '>', now)
    .executeTakeFirst();
}

/** Closes a pending sign-in: true for the one caller that closed it while it was still open. */
export async function consumePendingSignIn(db: Executor, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('pending_sign_ins')
    .set({ consumed_at: now })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
