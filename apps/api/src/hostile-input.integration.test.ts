/**
 * Hostile input against the HTTP API: every tRPC procedure's input schema is fuzzed (fast-check
 * arbitraries built from the zod schema's JSON Schema, with hostile strings and the ids that exist
 * mixed in) as a role allowed to call it. Never a 500, never a stack trace or internal message in
 * the body, every refusal a coded message, and a refused mutation writes nothing. Then the classic
 * payloads: oversized bodies, deep nesting, huge strings, invalid UTF-8, path traversal in file
 * names, formula injection through an export.
 *
 * The suite's run is short (FUZZ_RUNS per procedure, 6 by default); FUZZ_RUNS=200 for a long one.
 */
import { appRouter, type Meta } from '@tsumiki/api';
import { type Database } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { ROLES, type TRole } from '@tsumiki/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import * as wire from '@tsumiki/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildServer } from './app';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo';
import { sessionCookie, signInOverHttp, TEST_ORIGIN as ORIGIN } from './test-support';

type Procedure = { _def: { meta?: Meta; type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

const RUNS = z.coerce.number().int().min(1).max(10_000).default(6).parse(process.env.FUZZ_RUNS);
const SEED = 20261130;
const STACK = /\bat [\w.<>]+ \(|\.ts:\d+:\d+|node_modules|\/work\/|SELECT |INSERT INTO|syntax error at/i;

/** Strings an attacker tries: markup, formulas, traversal, control and lone-surrogate characters, huge ones. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    '+1+1',
    '-2+3',
    '@SUM(A1:A9)',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    "'; drop table users; --",
    '\u0000\u0001\u001f',
    '\ud800',
    '\u202e\u0645evil',
    '%00%2e%2e%2f',
    'x'.repeat(100_000),
  ),
);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
};

/** An arbitrary for a JSON Schema, valid-looking and hostile values mixed, so both sides of each check are reached. */
function arbitraryFor(schema: JsonSchema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const anything = fc.oneof(fc.constant(null), fc.integer(), hostileString, fc.boolean(), fc.constant([]), fc.constant({}));
  if (!schema || depth > 6) return anything;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => arbitraryFor(s, ids, depth + 1)));
  if (schema.allOf?.length) return arbitraryFor(schema.allOf[0], ids, depth + 1);
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), anything);
  if (schema.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: anything });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) shape[key] = arbitraryFor(sub, ids, depth + 1);
      const record = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in shape) });
      return fc.oneof({ weight: 6, arbitrary: record }, { weight: 1, arbitrary: anything });
    }
    case 'array':
      return fc.oneof({ weight: 5, arbitrary: fc.array(arbitraryFor(schema.items, ids, depth + 1), { maxLength: 4 }) }, { weight: 1, arbitrary: anything });
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid(), hostileString);
      if (schema.format === 'date-time') return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), hostileString);
      return hostileString;
    case 'integer':
    case 'number': {
      // A number's bounds need not be whole (a factor above 0.000001): whole values inside them,
      // and the bound itself when no whole value fits.
      const min = Math.ceil(Math.max(schema.minimum ?? -1e6, -1e15));
      const max = Math.floor(Math.min(schema.maximum ?? 1e6, 1e15));
      return fc.oneof(
        min <= max ? fc.integer({ min, max }) : fc.constant(schema.minimum ?? 0),
        fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308),
        anything,
      );
    }
    case 'boolean':
      return fc.oneof(fc.boolean(), anything);
    default:
      return anything;
  }
}

function inputArbitrary(procedure: Procedure, ids: string[]): fc.Arbitrary<unknown> {
  const schema = procedure._def.inputs[0];
  if (!schema) return fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 }));
  let json: JsonSchema | undefined;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    json = undefined;
  }
  return fc.oneof({ weight: 8, arbitrary: arbitraryFor(json, ids) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) });
}

/** The role to call a procedure as: public ones as nobody, the rest as the first role allowed. */
function callerRole(access: Meta['access']): TRole | null {
  if (!access || access === 'public') return null;
  if (access === 'signed-in') return 'applicant';
  return access[0] ?? null;
}

describe('hostile input over HTTP', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  const cookies = {} as Record<TRole, string>;
  let ids: string[];
  let tables: string[];

  beforeAll(async () => {
    database = await createPGliteTestDatabase();
    await seedDemo(database.db);
    app = await buildServer({ db: database.db, allowedOrigins: [ORIGIN], secureCookies: false });
    for (const account of DEMO_ACCOUNTS) cookies[account.role] = await signIn(account.email);
    const { rows } = await sql<{ id: string }>`
      select id::text from applications union all select id::text from programmes union all select id::text from organisations
      union all select id::text from users union all select id::text from attachments`.execute(database.db);
    ids = rows.map((r) => r.id);
    tables = (await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public' and tablename <> 'kysely_migration' and tablename <> 'kysely_migration_lock'`.execute(database.db)).rows.map((r) => r.t);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const signIn = async (email: string) => sessionCookie(await signInOverHttp(app, email));

  /** Row counts of every table (what a refused call must leave as it was); sign-in attempts are recorded by design. */
  const counts = async () => {
    const parts = tables.filter((t) => t !== 'sign_in_attempts').map((t) => `(select count(*) from "${t}")::int as "${t}"`);
    return (await sql<Record<string, number>>`select ${sql.raw(parts.join(', '))}`.execute(database.db)).rows[0]!;
  };

  const send = (path: string, type: string, input: unknown, role: TRole | null, cookie = role ? cookies[role] : undefined) => {
    const headers: Record<string, string> = { origin: ORIGIN, 'x-tsumiki-csrf': '1', 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
    const encoded = JSON.stringify(wire.serialize(input));
    return type === 'query'
      ? app.inject({ method: 'GET', url: `/trpc/${path}?input=${encodeURIComponent(encoded)}`, headers })
      : app.inject({ method: 'POST', url: `/trpc/${path}`, headers, payload: encoded });
  };

  it('covers every procedure', () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(ROLES.every((r) => r in cookies)).toBe(true);
  });

  for (const [path, procedure] of procedures) {
    if (procedure._def.type === 'subscription') continue;
    it(`${path}: no 500, no stack trace, coded refusals, refused mutations write nothing`, async () => {
      const role = callerRole(procedure._def.meta?.access);
      const inputs = fc.sample(inputArbitrary(procedure, ids), { numRuns: RUNS, seed: SEED + path.length });
      for (const input of inputs) {
        // Signing out ends the session it is called with: those get a session of their own each time.
        const cookie = path.startsWith('auth.signOut') ? await signIn(DEMO_ACCOUNTS[0].email) : undefined;
        const before = procedure._def.type === 'mutation' ? await counts() : null;
        const response = await send(path, procedure._def.type, input, role, cookie);
        // Signing out everywhere also ended the applicant's own session: take a new one.
        if (cookie) cookies.applicant = await signIn(DEMO_ACCOUNTS[0].email);
        const shown = `${path} ${response.statusCode} input ${JSON.stringify(input)?.slice(0, 300)} → ${response.body.slice(0, 300)}`;
        expect(response.statusCode, shown).toBeLessThan(500);
        expect(response.body, shown).not.toMatch(STACK);
        if (response.statusCode !== 200) {
          const error = response.json<{ error?: { json?: { message?: string; data?: { appCode?: string } } } }>().error?.json;
          expect(error?.data?.appCode, shown).toMatch(/^[a-z_]+\.[a-z_]+/);
          expect(error?.message, shown).toBeTruthy();
          if (before) expect(await counts(), shown).toEqual(before);
        }
      }
    });
  }

  describe('malformed requests', () => {
    const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/trpc/applications.createDraft',
        headers: { origin: ORIGIN, 'x-tsumiki-csrf': '1', 'content-type': 'application/json', cookie: cookies.applicant, ...headers },
        payload,
      });
    const clean = (response: { statusCode: number; body: string }) => {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toMatch(STACK);
    };

    it('refuses an oversized body before reading it (413)', async () => {
      const response = await post(Buffer.alloc(40 * 1024 * 1024, 0x61));
      expect(response.statusCode).toBe(413);
      expect(response.body).not.toMatch(STACK);
    });

    it('refuses deeply nested JSON without falling over', async () => {
      const depth = 100_000;
      clean(await post('{"json":'.repeat(depth) + '1' + '}'.repeat(depth)));
      clean(await post('['.repeat(depth) + ']'.repeat(depth)));
      // Still answering afterwards.
      expect((await app.inject('/healthz')).statusCode).toBe(200);
    });

    it('refuses a huge string with the field named', async () => {
      const response = await post(JSON.stringify(wire.serialize({ programmeId: ids[0], title: 'あ'.repeat(1_000_000) })));
      clean(response);
      expect(response.body).toContain('fieldErrors');
    });

    it('refuses invalid UTF-8 and broken JSON as a bad request', async () => {
      // Invalid bytes inside a string: decoded as U+FFFD, then refused by the schema (not an object).
      clean(await post(Buffer.from([0x7b, 0x22, 0x6a, 0x73, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])));
      clean(await post('{"json": {"title": "unterminated'));
      clean(await post('not json at all'));
      clean(await app.inject({ method: 'GET', url: '/trpc/applications.get?input=%E0%A4%A', headers: { cookie: cookies.applicant } }));
      clean(await app.inject({ method: 'GET', url: '/trpc/applications.get?input=%7B%22json%22%3A%22%FF%FE%22%7D', headers: { cookie: cookies.applicant } }));
    });

    it('refuses path traversal and control characters in attachment names, storing nothing', async () => {
      const draft = await send('applications.createDraft', 'mutation', { programmeId: (await database.db.selectFrom('programmes').select('id').where('window_closes_at', '>', new Date()).executeTakeFirstOrThrow()).id, title: '名前の検査' }, 'applicant');
      const applicationId = (wire.deserialize(draft.json<{ result: { data: wire.WireEnvelope } }>().result.data) as { id: string }).id;
      const before = await counts();
      for (const fileName of ['../../etc/passwd.pdf', '..\\..\\boot.ini.pdf', 'a/b.pdf', 'nul\u0000.pdf', '\u202eevil.pdf']) {
        const response = await send('attachments.upload', 'mutation', { applicationId, fileName, declaredType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }, 'applicant');
        expect(response.statusCode, fileName).toBe(400);
        expect(response.body).not.toMatch(STACK);
      }
      expect(await counts()).toEqual(before);
    });
  });

  it('neutralises formulas in exported cells (CSV from the review queue)', async () => {
    const [first, second] = await database.db.selectFrom('applications').select(['id']).where('status', '<>', 'draft').orderBy('id').limit(2).execute();
    expect(second).toBeDefined();
    await database.db.updateTable('applications').set({ title: '=HYPERLINK("http://evil.example","開く")' }).where('id', '=', first!.id).execute();
    await database.db.updateTable('applications').set({ title: '@SUM(1+1)*cmd|/C calc' }).where('id', '=', second!.id).execute();
    const response = await send('review.exportQueue', 'query', { format: 'csv', sort: 'submitted_at', direction: 'desc' }, 'reviewer');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const file = wire.deserialize(response.json<{ result: { data: wire.WireEnvelope } }>().result.data) as { base64: string };
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`'@SUM`);
    // No cell starts with a formula character once quoting is taken off.
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
  });
});
