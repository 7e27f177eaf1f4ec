import { enqueueOutbox, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import * as wire from '@tsumiki/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';
import { buildMetricsServer, createMetrics } from './metrics';
import { DEMO_PASSWORD, seedDemo } from './seed/demo';

const backends = await testBackends();
const ORIGIN = 'http://localhost:5173';
const TOKEN = 'metrics-token-for-the-test-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe.each(backends)('/metrics on $name', (backend) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let scrapeServer: Awaited<ReturnType<typeof buildMetricsServer>>;

  beforeAll(async () => {
    database = await backend.create();
    await seedDemo(database.db);
    const metrics = createMetrics(database);
    app = await buildServer({ db: database.db, allowedOrigins: [ORIGIN], secureCookies: false, metrics });
    scrapeServer = await buildMetricsServer(metrics, TOKEN);
  });
  afterAll(async () => {
    await app.close();
    await scrapeServer.close();
    await database.close();
  });

  const signIn = (password: string) =>
    app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-tsumiki-csrf': '1' },
      payload: JSON.stringify(wire.serialize({ email: 'reviewer@demo.tsumiki.jp', password })),
    });
  const scrape = (authorization?: string) =>
    scrapeServer.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

  it('refuses a scrape without the bearer token', async () => {
    expect((await scrape()).statusCode).toBe(401);
    expect((await scrape('Bearer not-the-token')).statusCode).toBe(401);
  });

  it('counts procedure calls with their latency, failed sign-ins by reason, HTTP routes, the outbox backlog and the pool', async () => {
    expect((await signIn('wrong-password-1')).statusCode).toBe(401);
    expect((await signIn('wrong-password-2')).statusCode).toBe(401);
    const ok = await signIn(DEMO_PASSWORD);
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'tsumiki_session')!.value;
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ method: 'GET', url: '/trpc/programmes.list', cookies: { tsumiki_session: cookie } })).statusCode).toBe(200);
    }
    await enqueueOutbox(database.db, { topic: 'test.metrics', recipientUserId: null, payload: {}, availableAt: new Date(Date.now() - 60_000) });

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
    const text = response.body;

    expect(sample(text, 'tsumiki_trpc_requests_total', { procedure: 'programmes.list', type: 'query', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'tsumiki_trpc_requests_total', { procedure: 'auth.signIn', outcome: 'auth.invalid_credentials' })).toBe(2);
    expect(sample(text, 'tsumiki_trpc_duration_seconds_count', { procedure: 'programmes.list' })).toBe(3);
    expect(sample(text, 'tsumiki_trpc_duration_seconds_bucket', { procedure: 'programmes.list', le: '+Inf' })).toBe(3);
    expect(sample(text, 'tsumiki_session_check_seconds_count')).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'tsumiki_sign_in_failures_total', { reason: 'auth.invalid_credentials' })).toBe(2);
    expect(sample(text, 'tsumiki_http_request_duration_seconds_count', { route: '/trpc/:path', method: 'GET', status_class: '2xx' })).toBe(3);
    expect(sample(text, 'tsumiki_outbox_pending')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tsumiki_outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(59);
    expect(sample(text, 'tsumiki_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    if (backend.name === 'postgres') {
      expect(sample(text, 'tsumiki_db_pool_connections', { state: 'max' })).toBe(5);
      expect(sample(text, 'tsumiki_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'tsumiki_db_pool_connections', { state: 'waiting' })).toBe(0);
    } else {
      expect(sample(text, 'tsumiki_db_pool_connections', { state: 'max' })).toBeUndefined();
    }
  });
});
