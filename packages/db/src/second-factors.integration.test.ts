import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { isUniqueViolation } from './errors';
import {
  acceptTimeStep,
  consumePendingSignIn,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  deleteSecondFactor,
  findOpenPendingSignIn,
  findSecondFactor,
  insertPendingSignIn,
  insertSecondFactor,
} from './repositories/second-factors.repository';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('second factors on $name', (backend) => {
  let database: Database;
  let userId: string;
  const now = new Date('2026-12-04T06:00:00Z');

  beforeAll(async () => {
    database = await backend.create();
    userId = (await insertUser(database.db, { email: 'reviewer@example.jp', displayName: '審査 花子', passwordHash: 'x' })).id;
    await insertSecondFactor(database.db, { userId, totpSecretEncrypted: 'v1.sealed', timeStep: 100, recoveryCodeHashes: ['h1', 'h2', 'h3'] });
  });
  afterAll(() => database.close());

  it('keeps the sealed secret, the enrolment time and the confirming step', async () => {
    const factor = await findSecondFactor(database.db, userId);
    expect(factor).toMatchObject({ totp_secret_encrypted: 'v1.sealed', last_time_step: 100 });
    expect(factor?.enrolled_at).toBeInstanceOf(Date);
  });

  it('refuses a second enrolment of the same user', async () => {
    const again = insertSecondFactor(database.db, { userId, totpSecretEncrypted: 'v1.other', timeStep: 1, recoveryCodeHashes: [] });
    await expect(again.catch((error: unknown) => (isUniqueViolation(error) ? 'unique' : error))).resolves.toBe('unique');
  });

  it('accepts each time step once and never an earlier one', async () => {
    expect(await acceptTimeStep(database.db, userId, 100)).toBe(false);
    expect(await acceptTimeStep(database.db, userId, 99)).toBe(false);
    const raced = await Promise.all([acceptTimeStep(database.db, userId, 101), acceptTimeStep(database.db, userId, 101)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
  });

  it('spends a recovery code once, even when two uses race', async () => {
    const raced = await Promise.all([consumeRecoveryCode(database.db, userId, 'h1', now), consumeRecoveryCode(database.db, userId, 'h1', now)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await consumeRecoveryCode(database.db, userId, 'h1', now)).toBe(false);
    expect(await consumeRecoveryCode(database.db, userId, 'unknown', now)).toBe(false);
    expect(await countUnusedRecoveryCodes(database.db, userId)).toBe(2);
  });

  it('opens a pending sign-in until it expires or is consumed, once', async () => {
    const expiresAt = new Date(now.getTime() + 60_000);
    const pending = await insertPendingSignIn(database.db, { tokenHash: 'p1', userId, purpose: 'verify', totpSecretEncrypted: null, expiresAt });
    expect(await findOpenPendingSignIn(database.db, 'p1', now)).toMatchObject({ id: pending.id, userId, email: 'reviewer@example.jp', purpose: 'verify' });
    expect(await findOpenPendingSignIn(database.db, 'p1', expiresAt)).toBeUndefined();
    expect(await consumePendingSignIn(database.db, pending.id, expiresAt)).toBe(false);
    const raced = await Promise.all([consumePendingSignIn(database.db, pending.id, now), consumePendingSignIn(database.db, pending.id, now)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await findOpenPendingSignIn(database.db, 'p1', now)).toBeUndefined();
  });

  it('resets: factor, codes and pending sign-ins gone', async () => {
    await insertPendingSignIn(database.db, { tokenHash: 'p2', userId, purpose: 'verify', totpSecretEncrypted: null, expiresAt: new Date(now.getTime() + 60_000) });
    expect(await deleteSecondFactor(database.db, userId)).toBe(true);
    expect(await findSecondFactor(database.db, userId)).toBeUndefined();
    expect(await countUnusedRecoveryCodes(database.db, userId)).toBe(0);
    expect(await findOpenPendingSignIn(database.db, 'p2', now)).toBeUndefined();
    expect(await deleteSecondFactor(database.db, userId)).toBe(false);
  });
});
