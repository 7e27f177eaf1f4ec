import type { Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { RECOVERY_CODE_COUNT, SECOND_FACTOR_PENDING_TTL_MS, SIGN_IN_MAX_FAILURES_PER_EMAIL, type TSecondFactorMode } from '@tsumiki/domain';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_TOTP_KEY } from './auth/totp';
import { clientFor, errorCodeOf, MemoryCookieJar, PASSWORD, seedRoles } from './test-support';

const backends = await testBackends();

/** Staff second factors: enrolment, the code step, recovery codes, limits and expiry. */
describe.each(backends)('staff second factor on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  // A clock the tests move: TOTP codes belong to 30-second steps.
  let clock = new Date('2026-12-04T01:00:00Z');
  const now = () => clock;
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const codeAt = (secret: string, at = clock) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

  // Migrating and hashing the seed's passwords takes a while on a loaded machine.
  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
  }, 180_000);
  afterAll(() => database.close());

  const client = (ip: string, mode: TSecondFactorMode = 'required', cookies = new MemoryCookieJar()) =>
    clientFor(database, { now, request: { ip }, cookies, secondFactor: { mode, key: DEVELOPMENT_TOTP_KEY } });

  async function signInStep(email: string, ip: string, mode: TSecondFactorMode = 'required') {
    const browser = await client(ip, mode);
    return { browser, result: await browser.caller.auth.signIn({ email, password: PASSWORD }) };
  }

  /** Enrols the user (required mode) and returns the secret and recovery codes they were shown. */
  async function enrol(email: string, ip: string) {
    const { browser, result } = await signInStep(email, ip);
    if (result.status !== 'enrolment') throw new Error(`expected enrolment, got ${result.status}`);
    const confirmed = await browser.caller.auth.confirmSecondFactorEnrolment({ pendingToken: result.pendingToken, code: await codeAt(result.enrolment.secret) });
    later(30_000);
    return { secret: result.enrolment.secret, recoveryCodes: confirmed.recoveryCodes };
  }

  it('sends staff without a factor to enrolment: no session until the first code confirms it, then ten recovery codes once', async () => {
    const { browser, result } = await signInStep(seed.users.reviewer.email, '192.0.2.1');
    expect(result.status).toBe('enrolment');
    if (result.status !== 'enrolment') return;
    expect(browser.cookies.token).toBeUndefined();
    expect(result.enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(result.enrolment.uri).toContain(`secret=${result.enrolment.secret}`);

    const wrong = (Number(await codeAt(result.enrolment.secret)) + 1) % 1_000_000;
    expect(await errorCodeOf(browser.caller.auth.confirmSecondFactorEnrolment({ pendingToken: result.pendingToken, code: String(wrong).padStart(6, '0') }))).toBe(
      'UNAUTHORIZED auth.invalid_code',
    );
    expect(browser.cookies.token).toBeUndefined();

    const confirmed = await browser.caller.auth.confirmSecondFactorEnrolment({ pendingToken: result.pendingToken, code: await codeAt(result.enrolment.secret) });
    expect(confirmed.status).toBe('signed_in');
    expect(confirmed.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(browser.cookies.token).toBeDefined();
    const me = await (await client('192.0.2.1', 'required', browser.cookies)).caller.auth.me();
    expect(me?.user.email).toBe(seed.users.reviewer.email);

    // Neither the secret nor a recovery code is in the database as written.
    const factor = await database.db.selectFrom('user_second_factors').selectAll().where('user_id', '=', seed.users.reviewer.id).executeTakeFirstOrThrow();
    expect(factor.totp_secret_encrypted).not.toContain(result.enrolment.secret);
    const stored = await database.db.selectFrom('user_recovery_codes').select('code_hash').where('user_id', '=', seed.users.reviewer.id).execute();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of confirmed.recoveryCodes) expect(stored.map((r) => r.code_hash).join()).not.toContain(code.replace('-', ''));
    const actions = await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', seed.users.reviewer.id).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.second_factor_requested', 'auth.second_factor_failed', 'auth.second_factor_enrolled', 'auth.sign_in']));

    // The offer is used up: the same pending sign-in cannot enrol again.
    expect(await errorCodeOf(browser.caller.auth.confirmSecondFactorEnrolment({ pendingToken: result.pendingToken, code: await codeAt(result.enrolment.secret) }))).toBe(
      'UNAUTHORIZED auth.second_factor_expired',
    );
  });

  it('asks an enrolled user for the code after the password, and takes each code once', async () => {
    const { secret } = await enrol(seed.users.committee.email, '192.0.2.2');
    const first = await signInStep(seed.users.committee.email, '192.0.2.2');
    expect(first.result.status).toBe('second_factor');
    if (first.result.status !== 'second_factor') return;
    expect(first.browser.cookies.token).toBeUndefined();
    const code = await codeAt(secret);
    const signedIn = await first.browser.caller.auth.verifySecondFactor({ pendingToken: first.result.pendingToken, code });
    expect(signedIn.status).toBe('signed_in');
    expect(signedIn.recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT);
    expect(first.browser.cookies.token).toBeDefined();

    // The same code, replayed within its step on a new sign-in, is refused.
    const second = await signInStep(seed.users.committee.email, '192.0.2.2');
    if (second.result.status !== 'second_factor') throw new Error('expected the code step');
    expect(await errorCodeOf(second.browser.caller.auth.verifySecondFactor({ pendingToken: second.result.pendingToken, code }))).toBe('UNAUTHORIZED auth.invalid_code');
    later(30_000);
    expect(await errorCodeOf(second.browser.caller.auth.verifySecondFactor({ pendingToken: second.result.pendingToken, code: await codeAt(secret) }))).toBe('ok');
  });

  it('takes a recovery code once, in any case and spacing, and says how many are left', async () => {
    const { recoveryCodes } = await enrol(seed.users.programme_admin.email, '192.0.2.3');
    const code = recoveryCodes[0]!;
    const first = await signInStep(seed.users.programme_admin.email, '192.0.2.3');
    if (first.result.status !== 'second_factor') throw new Error('expected the code step');
    const signedIn = await first.browser.caller.auth.verifySecondFactor({ pendingToken: first.result.pendingToken, code: ` ${code.toLowerCase()} ` });
    expect(signedIn.recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 1);
    const used = await database.db.selectFrom('audit_log').select('after').where('action', '=', 'auth.recovery_code_used').executeTakeFirstOrThrow();
    expect(used.after).toEqual({ remaining: RECOVERY_CODE_COUNT - 1 });

    const again = await signInStep(seed.users.programme_admin.email, '192.0.2.3');
    if (again.result.status !== 'second_factor') throw new Error('expected the code step');
    expect(await errorCodeOf(again.browser.caller.auth.verifySecondFactor({ pendingToken: again.result.pendingToken, code }))).toBe('UNAUTHORIZED auth.invalid_code');
  });

  it('counts wrong codes against the sign-in limit: 25 at once check at most five, then even the right code waits, and a new password does not reset it', async () => {
    const { secret } = await enrol(seed.users.ministry.email, '192.0.2.4');
    const { browser, result } = await signInStep(seed.users.ministry.email, '192.0.2.4');
    if (result.status !== 'second_factor') throw new Error('expected the code step');
    const right = await codeAt(secret);
    const wrongCodes = Array.from({ length: 25 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const outcomes = await Promise.all(wrongCodes.map((code) => errorCodeOf(browser.caller.auth.verifySecondFactor({ pendingToken: result.pendingToken, code }))));
    const checked = outcomes.filter((o) => o !== 'TOO_MANY_REQUESTS auth.rate_limited');
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES_PER_EMAIL);
    expect(checked.every((o) => o === 'UNAUTHORIZED auth.invalid_code')).toBe(true);
    expect(await errorCodeOf(browser.caller.auth.verifySecondFactor({ pendingToken: result.pendingToken, code: right }))).toBe('TOO_MANY_REQUESTS auth.rate_limited');
    const fresh = await client('192.0.2.40');
    expect(await errorCodeOf(fresh.caller.auth.signIn({ email: seed.users.ministry.email, password: PASSWORD }))).toBe('TOO_MANY_REQUESTS auth.rate_limited');
  }, 120_000);

  it('lets a pending sign-in expire: the code after the deadline is refused and asks to sign in again', async () => {
    const { result, browser } = await signInStep(seed.users.committee.email, '192.0.2.5');
    if (result.status !== 'second_factor') throw new Error('expected the code step');
    later(SECOND_FACTOR_PENDING_TTL_MS + 1_000);
    expect(await errorCodeOf(browser.caller.auth.verifySecondFactor({ pendingToken: result.pendingToken, code: '123456' }))).toBe(
      'UNAUTHORIZED auth.second_factor_expired',
    );
    expect(await errorCodeOf(browser.caller.auth.verifySecondFactor({ pendingToken: 'x'.repeat(43), code: '123456' }))).toBe('UNAUTHORIZED auth.second_factor_expired');
  });

  it('follows the setting: optional lets unenrolled staff in and still asks the enrolled; off asks nobody; applicants are never asked', async () => {
    const unenrolled = await insertStaff('second-reviewer@example.jp');
    expect((await signInStep(unenrolled, '192.0.2.6', 'optional')).result.status).toBe('signed_in');
    expect((await signInStep(seed.users.committee.email, '192.0.2.6', 'optional')).result.status).toBe('second_factor');
    expect((await signInStep(seed.users.committee.email, '192.0.2.6', 'off')).result.status).toBe('signed_in');
    expect((await signInStep(seed.users.applicant.email, '192.0.2.6', 'required')).result.status).toBe('signed_in');
  });

  it('refuses the code step inside a batch', async () => {
    const batched = await clientFor(database, { request: { ip: '192.0.2.7', batched: true } });
    expect(await errorCodeOf(batched.caller.auth.verifySecondFactor({ pendingToken: 'x'.repeat(43), code: '123456' }))).toBe('BAD_REQUEST auth.not_batchable');
  });

  async function insertStaff(email: string) {
    const reviewer = await database.db.selectFrom('users').select('password_hash').where('id', '=', seed.users.reviewer.id).executeTakeFirstOrThrow();
    const user = await database.db.insertInto('users').values({ email, display_name: 'second reviewer', password_hash: reviewer.password_hash }).returning('id').executeTakeFirstOrThrow();
    await database.db.insertInto('memberships').values({ user_id: user.id, organisation_id: seed.orgs.programme_office.id, role: 'reviewer' }).execute();
    return email;
  }
});
