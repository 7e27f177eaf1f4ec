/**
 * The outbox through a real SMTP server (smtp-server, started here on a free port): an organisation
 * invitation made through the API is delivered with the configured credentials and read back from
 * the server; a temporary refusal (4xx) is retried with back-off and then delivered; a permanent one
 * (5xx) is given up, never retried, and shown to the programme office.
 */
import type { AddressInfo } from 'node:net';
import { type Database } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import * as wire from '@tsumiki/wire';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildServer } from './app';
import { loadEnv } from './env';
import { deliverOutbox } from './outbox-worker';
import { mailTransportFrom } from './runtime';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo';
import { sessionCookie, signInOverHttp, TEST_ORIGIN as ORIGIN } from './test-support';


/** The text body of a single-part message as received, its transfer encoding undone. */
function bodyText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

describe('outbox e-mail over SMTP', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];
  /** What the server answers to RCPT TO next; null accepts. */
  let refusal: { code: number; message: string } | null = null;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'tsumiki' && auth.password === 'smtp-secret') callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
      },
      onRcptTo(_address, _session, callback) {
        if (refusal) callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = z.custom<AddressInfo>((a) => typeof a === 'object' && a !== null && 'port' in a).parse(smtp.server.address()).port;

    database = await createPGliteTestDatabase();
    await seedDemo(database.db);
    // Messages the seed queued are not this test's: mark them sent.
    await database.db.updateTable('outbox').set({ sent_at: new Date() }).where('sent_at', 'is', null).execute();
    app = await buildServer({ db: database.db, allowedOrigins: [ORIGIN], secureCookies: false });
    for (const account of DEMO_ACCOUNTS) {
      cookies.set(account.role, sessionCookie(await signInOverHttp(app, account.email)));
    }
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });
  beforeEach(() => {
    received.length = 0;
    refusal = null;
  });

  const transport = () =>
    mailTransportFrom(
      loadEnv({
        TSUMIKI_MAIL_TRANSPORT: 'smtp',
        TSUMIKI_SMTP_HOST: '127.0.0.1',
        TSUMIKI_SMTP_PORT: String(port),
        TSUMIKI_SMTP_TLS: 'none',
        TSUMIKI_SMTP_USER: 'tsumiki',
        TSUMIKI_SMTP_PASSWORD: 'smtp-secret',
        TSUMIKI_MAIL_FROM: 'Tsumiki <no-reply@tsumiki.test>',
      }),
    );

  const call = async (path: string, input: unknown, role: string, method: 'GET' | 'POST' = 'POST') => {
    const headers = { origin: ORIGIN, 'x-tsumiki-csrf': '1', 'content-type': 'application/json', cookie: cookies.get(role)! };
    const encoded = JSON.stringify(wire.serialize(input));
    const response =
      method === 'GET'
        ? await app.inject({ method, url: `/trpc/${path}?input=${encodeURIComponent(encoded)}`, headers })
        : await app.inject({ method, url: `/trpc/${path}`, headers, payload: encoded });
    expect(response.statusCode, response.body).toBe(200);
    const { result } = z.object({ result: z.object({ data: z.custom<wire.WireEnvelope>() }) }).parse(response.json());
    return wire.deserialize(result.data);
  };

  const invite = async (email: string) => {
    const organisationId = (await database.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.organisation_id').where('users.email', '=', DEMO_ACCOUNTS[0].email).executeTakeFirstOrThrow()).organisation_id;
    await call('organisations.invite', { organisationId, email }, 'applicant');
  };

  it('delivers an organisation invitation, authenticated, and the test server holds it', async () => {
    await invite('jiro.smtp@example.jp');
    expect(await deliverOutbox(database.db, transport(), new Date())).toEqual({ sent: 1, skipped: 0, failed: 0, givenUp: 0 });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail).toMatchObject({ from: 'no-reply@tsumiki.test', to: ['jiro.smtp@example.jp'], user: 'tsumiki' });
    expect(mail!.raw).toMatch(/^Subject: /m);
    const text = bodyText(mail!.raw);
    expect(text).toContain('への招待が届きました');
    expect(text).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);
  });

  it('retries a temporary refusal (4xx) with back-off, then delivers', async () => {
    await invite('later.smtp@example.jp');
    refusal = { code: 451, message: 'Greylisted, try again later' };
    const now = new Date();
    expect(await deliverOutbox(database.db, transport(), now)).toEqual({ sent: 0, skipped: 0, failed: 1, givenUp: 0 });
    const row = await database.db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, failed_at: null });
    expect(row.last_error).toContain('451');
    expect(new Date(row.available_at).getTime() - now.getTime()).toBe(60_000);

    refusal = null;
    // Not due yet: nothing is tried.
    expect(await deliverOutbox(database.db, transport(), new Date(now.getTime() + 30_000))).toMatchObject({ sent: 0, failed: 0 });
    expect(await deliverOutbox(database.db, transport(), new Date(now.getTime() + 61_000))).toMatchObject({ sent: 1, failed: 0 });
    expect(received.map((m) => m.to)).toEqual([['later.smtp@example.jp']]);
  });

  it('gives up on a permanent refusal (5xx), never retries it, and shows it to the programme office', async () => {
    await invite('nobody.smtp@example.jp');
    refusal = { code: 550, message: 'No such mailbox' };
    const now = new Date();
    expect(await deliverOutbox(database.db, transport(), now)).toEqual({ sent: 0, skipped: 0, failed: 0, givenUp: 1 });
    refusal = null;
    expect(await deliverOutbox(database.db, transport(), new Date(now.getTime() + 24 * 3600_000))).toMatchObject({ sent: 0, failed: 0, givenUp: 0 });
    expect(received).toHaveLength(0);

    const listed = z
      .array(z.object({ to: z.string().nullable(), givenUp: z.boolean(), error: z.string().nullable(), topic: z.string() }))
      .parse(await call('lifecycle.undeliveredMail', undefined, 'programme_admin', 'GET'));
    expect(listed).toContainEqual(expect.objectContaining({ to: 'nobody.smtp@example.jp', givenUp: true, error: expect.stringContaining('550') }));
    // Applicants and reviewers do not see the office's mail list.
    const refused = await app.inject({ method: 'GET', url: '/trpc/lifecycle.undeliveredMail', headers: { cookie: cookies.get('applicant')! } });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses SMTP settings that cannot work at start', () => {
    expect(() => loadEnv({ TSUMIKI_MAIL_TRANSPORT: 'smtp' })).toThrow(/TSUMIKI_SMTP_HOST/);
    expect(() => loadEnv({ TSUMIKI_MAIL_TRANSPORT: 'smtp', TSUMIKI_SMTP_HOST: 'mail.example.jp', TSUMIKI_SMTP_USER: 'u' })).toThrow(/TSUMIKI_SMTP_PASSWORD/);
    expect(() => loadEnv({ TSUMIKI_MAIL_TRANSPORT: 'smtp', TSUMIKI_SMTP_HOST: 'mail.example.jp', TSUMIKI_SMTP_TLS: 'none' })).toThrow(/TSUMIKI_SMTP_TLS/);
    expect(() => loadEnv({ TSUMIKI_MAIL_TRANSPORT: 'smtp', TSUMIKI_SMTP_HOST: 'mail.example.jp', TSUMIKI_SMTP_PORT: '70000' })).toThrow(/TSUMIKI_SMTP_PORT/);
    expect(loadEnv({}).TSUMIKI_MAIL_TRANSPORT).toBe('file');
  });
});
