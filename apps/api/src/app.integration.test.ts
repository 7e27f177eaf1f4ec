import { countRows, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import * as wire from '@tsumiki/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION_APPLICANTS, DEMO_PASSWORD, seedDemo } from './seed/demo';
import { signInOverHttp, TEST_ORIGIN as ORIGIN } from './test-support';

const backends = await testBackends();

describe.each(backends)('HTTP server on $name', (backend) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;

  beforeAll(async () => {
    database = await backend.create();
    await seedDemo(database.db);
    app = await buildServer({ db: database.db, allowedOrigins: [ORIGIN], secureCookies: false });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const signIn = (headers: Record<string, string>, password = DEMO_PASSWORD) =>
    app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify(wire.serialize({ email: 'applicant@demo.tsumiki.jp', password })),
    });

  it('answers health and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ database: 'ok' });
  });

  it('signs in over HTTP with an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await signIn({ origin: ORIGIN, 'x-tsumiki-csrf': '1' });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tsumiki_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await app.inject({ method: 'GET', url: '/trpc/auth.me', cookies: { tsumiki_session: cookie!.value } });
    const body = me.json<{ result: { data: { json: { user: { email: string } } } } }>();
    expect(body.result.data.json.user.email).toBe('applicant@demo.tsumiki.jp');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses a cross-site post with 403 and a Japanese message, without a stack trace', async () => {
    const response = await signIn({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(response.statusCode).toBe(403);
    const body = response.json<{ error: { json: { message: string; data: Record<string, unknown> } } }>();
    expect(body.error.json.message).toContain('別のサイトからの要求');
    expect(body.error.json.data.appCode).toBe('auth.cross_site');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/);
  });

  it('answers a wrong password with 401 in the language the browser asks for', async () => {
    const response = await signIn({ origin: ORIGIN, 'x-tsumiki-csrf': '1', 'accept-language': 'en-GB,en;q=0.9' }, 'not the password');
    expect(response.statusCode).toBe(401);
    const body = response.json<{ error: { json: { message: string } } }>();
    expect(body.error.json.message).toBe('The e-mail address or password is wrong. Check them and try again.');
  });

  const sessionOf = (email: string) => signInOverHttp(app, email);
  type FieldErrors = { error: { json: { message: string; data: { fieldErrors: { path: string; code: string; message: string }[] } } } };

  it('says for each refused field what is wrong with it and its limit, never the generic error', async () => {
    const reviewer = await sessionOf('admin@demo.tsumiki.jp');
    const input = encodeURIComponent(JSON.stringify(wire.serialize({ pageSize: 500, search: 'x'.repeat(300) })));
    const response = await app.inject({ method: 'GET', url: `/trpc/review.queue?input=${input}`, cookies: { tsumiki_session: reviewer } });
    expect(response.statusCode).toBe(400);
    const { fieldErrors } = response.json<FieldErrors>().error.json.data;
    expect(fieldErrors).toEqual(expect.arrayContaining([{ path: 'pageSize', code: 'validation.too_large', params: { maximum: 200 }, message: '200以下の値を入力してください。' }]));
    for (const f of fieldErrors) expect(f.message).not.toContain('予期しないエラー');
  });

  it('refuses a due date in the year 275760 with a message naming the range', async () => {
    const reviewer = await sessionOf('admin@demo.tsumiki.jp');
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/review.transition',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-tsumiki-csrf': '1' },
      cookies: { tsumiki_session: reviewer },
      payload: JSON.stringify(wire.serialize({ applicationId: '00000000-0000-4000-8000-000000000000', version: 1, event: 'request_information', reason: '資料', dueAt: new Date(8.64e15) })),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<FieldErrors>().error.json.data.fieldErrors).toEqual([
      expect.objectContaining({ path: 'dueAt', code: 'time.date_out_of_range', message: '日付は2000-01-01から2099-12-31までの範囲で入力してください。' }),
    ]);
  });

  it('writes a client’s x-request-id to the audit log only when it is a plain id', async () => {
    const signOut = async (requestId: string) => {
      const session = await sessionOf('admin@demo.tsumiki.jp');
      const out = await app.inject({ method: 'POST', url: '/trpc/auth.signOut', headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-tsumiki-csrf': '1', 'x-request-id': requestId }, payload: '{}', cookies: { tsumiki_session: session } });
      expect(out.statusCode).toBe(200);
      const row = await database.db.selectFrom('audit_log').select('request_id').where('action', '=', 'auth.sign_out').orderBy('id', 'desc').executeTakeFirstOrThrow();
      return row.request_id;
    };
    expect(await signOut('trace-4711:a.b_c')).toBe('trace-4711:a.b_c');
    // Header values cannot carry CR/LF or NUL through HTTP; everything else that is not a plain id is replaced.
    for (const hostile of ['<script>alert(1)</script>', 'x'.repeat(101), 'a b', 'ünïcode', "'; drop table audit_log; --"]) {
      expect(await signOut(hostile)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('reports field errors for invalid input, per field, in Japanese', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-tsumiki-csrf': '1' },
      payload: JSON.stringify(wire.serialize({ email: 'not-an-address', password: '' })),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { json: { data: { fieldErrors: { path: string; code: string; message: string }[] } } } }>();
    expect(body.error.json.data.fieldErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email', code: 'auth.email_invalid', message: expect.stringContaining('メールアドレス') }),
        expect.objectContaining({ path: 'password', code: 'auth.password_required' }),
      ]),
    );
  });

  it('refuses authentication procedures sent in a batch: no password in it is checked, none counts, and the app path still signs in', async () => {
    const email = 'reviewer@demo.tsumiki.jp';
    const calls = Array.from({ length: 20 }, (_, i) => (i === 19 ? DEMO_PASSWORD : `wrong-${i}-password`));
    const response = await app.inject({
      method: 'POST',
      url: `/trpc/${calls.map(() => 'auth.signIn').join(',')}?batch=1`,
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-tsumiki-csrf': '1' },
      payload: JSON.stringify(Object.fromEntries(calls.map((password, i) => [i, wire.serialize({ email, password })]))),
    });
    const body = response.json<{ result?: unknown; error?: { json: { data: { appCode: string } } } }[]>();
    expect(body).toHaveLength(20);
    expect(body.map((item) => item.error?.json.data.appCode)).toEqual(calls.map(() => 'auth.not_batchable'));
    expect(response.cookies.find((c) => c.name === 'tsumiki_session')).toBeUndefined();
    const failures = await database.db.selectFrom('sign_in_attempts').select('id').where('email', '=', email).execute();
    expect(failures).toHaveLength(0);
    const alone = await app.inject({
      method: 'POST',
      url: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-tsumiki-csrf': '1' },
      payload: JSON.stringify(wire.serialize({ email, password: DEMO_PASSWORD })),
    });
    expect(alone.statusCode).toBe(200);
  });

  it('seeded the eight associations, the documents’ programmes with open demo rounds, and one user per role', async () => {
    const associations = await database.db.selectFrom('organisations').select('name_ja').where('kind', '=', 'association').execute();
    expect(associations).toHaveLength(8);
    const programmes = await database.db
      .selectFrom('programmes')
      .select(['code', 'is_demo', 'window_opens_at', 'window_closes_at', 'budget_yen'])
      .orderBy('code')
      .execute();
    const clt = programmes.find((p) => p.code === 'clt-demonstration-r7')!;
    expect(clt.window_closes_at.toISOString()).toBe('2026-04-06T04:00:00.000Z'); // 13:00 JST
    expect(clt.budget_yen).toBe(627_000_000);
    const now = Date.now();
    for (const demo of programmes.filter((p) => p.is_demo)) {
      expect(demo.window_opens_at.getTime()).toBeLessThanOrEqual(now);
      expect(demo.window_closes_at.getTime()).toBeGreaterThan(now);
    }
    expect(await countRows(database.db, 'users')).toBe(DEMO_ACCOUNTS.length + DEMO_ORGANISATION_APPLICANTS.length);
    await expect(seedDemo(database.db)).rejects.toThrow(/already has users/);
  });
});

describe('readiness without a database', () => {
  it('answers 503 when the database is gone', async () => {
    const [pglite] = (await testBackends()).filter((b) => b.name === 'pglite');
    const database = await pglite!.create();
    const app = await buildServer({ db: database.db, allowedOrigins: [], secureCookies: false });
    await database.close();
    const response = await app.inject('/readyz');
    expect(response.statusCode).toBe(503);
    await app.close();
  });
});

describe('client address behind a reverse proxy', () => {
  let database: Database;
  beforeAll(async () => {
    const [pglite] = (await testBackends()).filter((b) => b.name === 'pglite');
    database = await pglite!.create();
  });
  afterAll(() => database.close());

  const addressSeenWith = async (trustProxy: false | number | string[] | undefined) => {
    const app = await buildServer({ db: database.db, allowedOrigins: [], secureCookies: false, ...(trustProxy === undefined ? {} : { trustProxy }) });
    app.get('/test/ip', (req) => ({ ip: req.ip }));
    const response = await app.inject({ url: '/test/ip', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '203.0.113.9' } });
    await app.close();
    return response.json<{ ip: string }>().ip;
  };

  it('ignores X-Forwarded-For unless the proxy is trusted (TSUMIKI_TRUST_PROXY)', async () => {
    expect(await addressSeenWith(undefined)).toBe('10.1.2.3');
    expect(await addressSeenWith(['192.168.0.0/16'])).toBe('10.1.2.3');
    expect(await addressSeenWith(['10.0.0.0/8'])).toBe('203.0.113.9');
    expect(await addressSeenWith(1)).toBe('203.0.113.9');
  });
});
