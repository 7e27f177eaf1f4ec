import { watchCcusOverviews } from '@tsumiki/api';
import { upsertCcusTarget, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import * as wire from '@tsumiki/wire';
import type * as fastifyAdapter from '@trpc/server/adapters/fastify';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from './app';
import { DEMO_ORGANISATION_APPLICANTS, seedDemo } from './seed/demo';
import { signInOverHttp, TEST_ORIGIN } from './test-support';

// Counts the requests that went through tRPC's own handler, to tell the shortcut was taken.
const trpcHandler = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@trpc/server/adapters/fastify', async (importOriginal) => {
  const original = await importOriginal<typeof fastifyAdapter>();
  return {
    ...original,
    fastifyRequestHandler: (...args: Parameters<typeof original.fastifyRequestHandler>) => {
      trpcHandler.calls += 1;
      return original.fastifyRequestHandler(...args);
    },
  };
});

const backends = await testBackends();
type Server = Awaited<ReturnType<typeof buildServer>>;

const json = { 'content-type': 'application/json', origin: TEST_ORIGIN, 'x-tsumiki-csrf': '1' };
const input = (value: unknown) => encodeURIComponent(JSON.stringify(wire.serialize(value)));

/**
 * The shortcut for one-procedure requests answers exactly as tRPC's own handler: same status, same
 * headers that matter, same body, for answers and for every kind of error.
 */
describe.each(backends)('one-procedure requests on $name', (backend) => {
  let database: Database;
  let fast: Server;
  let standard: Server;
  let session: string;
  let foreignApplication: string;
  let ownApplication: string;

  beforeAll(async () => {
    database = await backend.create();
    await seedDemo(database.db);
    const options = { db: database.db, allowedOrigins: [TEST_ORIGIN], secureCookies: false };
    fast = await buildServer(options);
    standard = await buildServer({ ...options, singleCallFastPath: false });
    session = await signInOverHttp(fast, 'applicant@demo.tsumiki.jp');
    const firstOf = async (server: Server, email: string) => {
      const token = await signInOverHttp(server, email);
      const response = await server.inject({ method: 'GET', url: '/trpc/applications.listMine', headers: { cookie: `tsumiki_session=${token}` } });
      const mine = wire.deserialize(response.json<{ result: { data: wire.WireEnvelope } }>().result.data) as Array<{ id: string }>;
      return mine[0]!.id;
    };
    ownApplication = await firstOf(fast, 'applicant@demo.tsumiki.jp');
    foreignApplication = await firstOf(fast, DEMO_ORGANISATION_APPLICANTS[0].email);
  });
  afterAll(async () => {
    await fast?.close();
    await standard?.close();
    await database?.close();
  });

  const cookie = () => ({ cookie: `tsumiki_session=${session}` });
  const requests: Array<[string, () => InjectOptions]> = [
    ['a query without input', () => ({ method: 'GET', url: '/trpc/programmes.list', headers: cookie() })],
    ['a query with input', () => ({ method: 'GET', url: `/trpc/applications.get?input=${input({ id: ownApplication })}`, headers: cookie() })],
    ['another organisation’s application', () => ({ method: 'GET', url: `/trpc/applications.get?input=${input({ id: foreignApplication })}`, headers: cookie() })],
    ['an input that fails its schema', () => ({ method: 'GET', url: `/trpc/applications.get?input=${input({ id: 'not-an-id' })}`, headers: cookie() })],
    ['an input that is not JSON', () => ({ method: 'GET', url: '/trpc/applications.get?input=%7Bnope', headers: cookie() })],
    ['a query without a session', () => ({ method: 'GET', url: '/trpc/programmes.list', headers: { 'accept-language': 'en' } })],
    ['a procedure that does not exist', () => ({ method: 'GET', url: '/trpc/programmes.nothing', headers: cookie() })],
    ['a query posted', () => ({ method: 'POST', url: '/trpc/programmes.list', headers: { ...json, ...cookie() }, payload: '{}' })],
    ['a batch of two', () => ({ method: 'GET', url: `/trpc/programmes.list,auth.me?batch=1&input=${encodeURIComponent('{}')}`, headers: cookie() })],
    ['a wrong password', () => ({ method: 'POST', url: '/trpc/auth.signIn', headers: { ...json, 'accept-language': 'en' }, payload: JSON.stringify(wire.serialize({ email: 'applicant@demo.tsumiki.jp', password: 'wrong-password-1' })) })],
    ['a mutation with an empty body', () => ({ method: 'POST', url: '/trpc/applications.updateDraft', headers: { ...json, ...cookie() }, payload: '' })],
    ['a stale version', () => ({ method: 'POST', url: '/trpc/applications.updateDraft', headers: { ...json, ...cookie() }, payload: JSON.stringify(wire.serialize({ id: ownApplication, version: 999, title: '古い版' })) })],
    ['a cross-site mutation', () => ({ method: 'POST', url: '/trpc/applications.updateDraft', headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', ...cookie() }, payload: '{}' })],
    ['a mutation as form data', () => ({ method: 'POST', url: '/trpc/applications.updateDraft', headers: { 'content-type': 'text/plain', ...cookie() }, payload: '{}' })],
  ];

  it.each(requests)('%s', async (_name, request) => {
    const options = request();
    const headers = { ...(options.headers as Record<string, string>), 'x-request-id': 'parity-check' };
    const [a, b] = await Promise.all([fast.inject({ ...options, headers }), standard.inject({ ...options, headers })]);
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(a.headers.vary).toBe(b.headers.vary);
    expect(a.headers['set-cookie']).toEqual(b.headers['set-cookie']);
    expect(JSON.parse(a.body)).toEqual(JSON.parse(b.body));
  });

  it('answers one query or one mutation itself, and leaves a batch to tRPC', async () => {
    const before = trpcHandler.calls;
    const response = await fast.inject({ method: 'GET', url: '/trpc/programmes.list', headers: cookie() });
    await fast.inject({ method: 'POST', url: '/trpc/auth.signOut', headers: { ...json, ...cookie() }, payload: '' });
    expect(trpcHandler.calls).toBe(before);
    await fast.inject({ method: 'GET', url: `/trpc/programmes.list,auth.me?batch=1&input=${encodeURIComponent('{}')}`, headers: cookie() });
    expect(trpcHandler.calls).toBe(before + 1);
    expect(response.statusCode).toBe(200);
    const data = wire.deserialize(response.json<{ result: { data: wire.WireEnvelope } }>().result.data);
    expect(Array.isArray(data) && data.length).toBeGreaterThan(0);
  });
});

/**
 * A shared answer (the kept ministry overview, the built-in metrics) is written out once and its
 * bytes sent again, for as long as the cache keeps the object; a change to the figures is answered.
 */
describe.each(backends)('shared answers on $name', (backend) => {
  let database: Database;
  let watched: Awaited<ReturnType<typeof watchCcusOverviews>>;
  let kept: Server;
  let standard: Server;
  let ministry: string;
  const period = input({ fiscalYear: 2025, asOf: '2026-01' });

  beforeAll(async () => {
    database = await backend.create();
    await seedDemo(database.db);
    watched = await watchCcusOverviews(database);
    for (let waited = 0; !watched.cache.listening(); waited += 50) {
      if (waited > 10_000) throw new Error('the listener did not connect');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const options = { db: database.db, allowedOrigins: [TEST_ORIGIN], secureCookies: false };
    kept = await buildServer({ ...options, ccusOverviews: watched.cache });
    standard = await buildServer({ ...options, singleCallFastPath: false });
    ministry = await signInOverHttp(kept, 'ministry@demo.tsumiki.jp');
  });
  afterAll(async () => {
    await kept?.close();
    await standard?.close();
    await watched?.close();
    await database?.close();
  });

  const get = (server: Server, url: string) => server.inject({ method: 'GET', url, headers: { cookie: `tsumiki_session=${ministry}` } });
  const annualTarget = (body: string, associationId: string) => {
    const overview = wire.deserialize((JSON.parse(body) as { result: { data: wire.WireEnvelope } }).result.data) as { associations: Array<{ id: string; summaries: Array<{ metricCode: string; year?: { annualTarget: number | null } }> }> };
    return overview.associations.find((a) => a.id === associationId)?.summaries.find((s) => s.metricCode === 'work_history_records')?.year?.annualTarget;
  };

  it('answers the same bytes as tRPC, again and again, until the figures change', async () => {
    for (const url of ['/trpc/ccus.metrics', `/trpc/ccus.overview?input=${period}`]) {
      const [first, second, fromTrpc] = await Promise.all([get(kept, url), get(kept, url), get(standard, url)]);
      expect(first.statusCode).toBe(200);
      expect(second.body).toBe(first.body);
      expect(JSON.parse(first.body)).toEqual(JSON.parse(fromTrpc.body));
    }
    const url = `/trpc/ccus.overview?input=${period}`;
    const before = (await get(kept, url)).body;
    const association = await database.db.selectFrom('organisations').select('id').where('kind', '=', 'association').orderBy('name_ja').executeTakeFirstOrThrow();
    expect(annualTarget(before, association.id)).not.toBe(1_234_567);
    await upsertCcusTarget(database.db, { associationId: association.id, fiscalYear: 2025, metricCode: 'work_history_records', annualTarget: 1_234_567, monthlyTargets: null, userId: null });
    await watched.cache.settle();
    const after = await get(kept, url);
    expect(after.body).not.toBe(before);
    expect(annualTarget(after.body, association.id)).toBe(1_234_567);
    expect(JSON.parse(after.body)).toEqual(JSON.parse((await get(standard, url)).body));
  });
});
