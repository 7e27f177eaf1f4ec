import { TRPCError } from '@trpc/server';
import type { Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_MAX_FAILURES_PER_CLIENT, SIGN_IN_MAX_FAILURES_PER_EMAIL } from '@tsumiki/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, errorCodeOf, PASSWORD, seedRoles, signedInClient } from './test-support';

const backends = await testBackends();

/** Sessions and sign-in back-off, beside the basics in api.integration.test.ts. */
describe.each(backends)('sessions on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
  });
  afterAll(() => database.close());

  it('signs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const laptop = await signedInClient(database, seed.users.reviewer.email);
    const phone = await signedInClient(database, seed.users.reviewer.email);
    const colleague = await signedInClient(database, seed.users.programme_admin.email);
    expect(laptop.cookies.token).not.toBe(phone.cookies.token);
    await laptop.caller.auth.signOutEverywhere();
    for (const device of [laptop, phone]) {
      const again = await clientFor(database, { cookies: device.cookies });
      expect(await again.caller.auth.me()).toBeNull();
    }
    const stillThere = await clientFor(database, { cookies: colleague.cookies });
    expect((await stillThere.caller.auth.me())?.user.email).toBe(seed.users.programme_admin.email);
  });

  it('gives a new session at every sign-in, even over a valid one (no fixation through a shared browser)', async () => {
    const first = await signedInClient(database, seed.users.applicant.email);
    const before = first.cookies.token;
    const again = await clientFor(database, { cookies: first.cookies });
    await again.caller.auth.signIn({ email: seed.users.committee.email, password: PASSWORD });
    expect(first.cookies.token).not.toBe(before);
    const now = await clientFor(database, { cookies: first.cookies });
    expect((await now.caller.auth.me())?.user.email).toBe(seed.users.committee.email);
  });

  it('pauses one client guessing across many addresses, says for how long, and lets others in', async () => {
    const guesser = await clientFor(database, { request: { ip: '198.51.100.7' } });
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_CLIENT; i++) {
      await errorCodeOf(guesser.caller.auth.signIn({ email: `nobody${i}@example.jp`, password: 'not-the-password' }));
    }
    try {
      await guesser.caller.auth.signIn({ email: seed.users.ministry.email, password: PASSWORD });
      expect.fail('the client should be paused');
    } catch (error) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('TOO_MANY_REQUESTS');
      expect((error as TRPCError).cause).toMatchObject({ code: 'auth.rate_limited', params: { minutes: 15 } });
    }
    const elsewhere = await clientFor(database, { request: { ip: '203.0.113.20' } });
    expect(await errorCodeOf(elsewhere.caller.auth.signIn({ email: seed.users.ministry.email, password: PASSWORD }))).toBe('ok');
    // The pause lifts by itself once the window has passed (back-off, not a permanent lock).
    const later = await clientFor(database, { request: { ip: '198.51.100.7' }, now: () => new Date(Date.now() + SIGN_IN_FAILURE_WINDOW_MS + 60_000) });
    expect(await errorCodeOf(later.caller.auth.signIn({ email: seed.users.ministry.email, password: PASSWORD }))).toBe('ok');
  }, 120_000); // thirty deliberate scrypt checks

  it('signs one address in from several devices at once: each gets its session, and none is counted as a failure', async () => {
    const email = seed.users.applicant.email;
    // Each on its own network address, so only the e-mail address's accounting is shared between
    // them; as many as its allowance, since each counts as a failure until its password is checked.
    const devices = await Promise.all(Array.from({ length: SIGN_IN_MAX_FAILURES_PER_EMAIL }, (_, i) => clientFor(database, { request: { ip: `192.0.2.${40 + i}` } })));
    const outcomes = await Promise.all(devices.map((d) => errorCodeOf(d.caller.auth.signIn({ email, password: PASSWORD }))));
    expect(outcomes).toEqual(devices.map(() => 'ok'));
    const failures = await database.db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email.toLowerCase())
      .where('succeeded', '=', false)
      .executeTakeFirstOrThrow();
    expect(Number(failures.n)).toBe(0);
  }, 120_000);

  it('checks at most the allowed number of passwords when 25 sign-ins arrive at once, and then refuses the right one until the window passes', async () => {
    const email = seed.users.reviewer.email;
    const attacker = await clientFor(database, { request: { ip: '198.51.100.25' } });
    const outcomes = await Promise.all(
      Array.from({ length: 25 }, (_, i) => errorCodeOf(attacker.caller.auth.signIn({ email, password: `wrong-${i}-password` }))),
    );
    // A refusal for the limit is answered before the password is looked at; anything else was checked.
    const checked = outcomes.filter((o) => o !== 'TOO_MANY_REQUESTS auth.rate_limited');
    expect(checked.length).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES_PER_EMAIL);
    expect(checked.every((o) => o === 'UNAUTHORIZED auth.invalid_credentials')).toBe(true);
    expect(await errorCodeOf(attacker.caller.auth.signIn({ email, password: PASSWORD }))).toBe('TOO_MANY_REQUESTS auth.rate_limited');
    const elsewhere = await clientFor(database, { request: { ip: '203.0.113.25' } });
    expect(await errorCodeOf(elsewhere.caller.auth.signIn({ email, password: PASSWORD }))).toBe('TOO_MANY_REQUESTS auth.rate_limited');
    const later = await clientFor(database, { request: { ip: '198.51.100.25' }, now: () => new Date(Date.now() + SIGN_IN_FAILURE_WINDOW_MS + 60_000) });
    expect(await errorCodeOf(later.caller.auth.signIn({ email, password: PASSWORD }))).toBe('ok');
  }, 120_000);
});
