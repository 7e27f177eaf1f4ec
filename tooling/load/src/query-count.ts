/**
 * `pnpm --filter @tsumiki/load queries`: how many SQL statements each step of the load's user
 * journeys makes, and how long they take, one user at a time against a real PostgreSQL. The load
 * run says where users wait; this says what the database is asked for each request, so repeated
 * reads are found by their count rather than guessed from a profile.
 */
import { watchSessions } from '@tsumiki/api';
import { buildServer } from '@tsumiki/api-server/app';
import { dropDatabase, recreateDatabase } from '@tsumiki/bench/scratch';
import { createDatabase, migrateToLatest } from '@tsumiki/db';
import type { Request } from 'autocannon';
import { scriptEnv } from './env';
import { JOURNEY_OF_ROLE, journeyRequests, newJourneyLog, type Journey, type JourneyContext } from './journeys';
import { LOAD_PASSWORD, seedLoadData } from './seed';
import { CSRF_HEADERS, mutationBody } from './trpc-http';

const DB_NAME = 'tsumiki_query_count';
const adminUrl = scriptEnv().LOAD_POSTGRES_URL;
const verbose = process.argv.includes('--sql');

const statements: { sql: string; ms: number }[] = [];
const url = await recreateDatabase(DB_NAME, adminUrl);
const database = await createDatabase({ kind: 'postgres', url, maxConnections: 4, onQuery: (sql, ms) => statements.push({ sql, ms }) });
try {
  await migrateToLatest(database.db);
  const seeded = await seedLoadData(database.db, { applicants: 1, reviewers: 1, ministry: 1, submitted: 200 });
  // Sessions kept in memory, as the API process keeps them (TSUMIKI_SESSION_CACHE, on by default).
  const watched = await watchSessions(database);
  const app = await buildServer({ db: database.db, allowedOrigins: [], secureCookies: false, sessions: watched.cache });
  const now = new Date();
  const context: JourneyContext = {
    programmeId: seeded.programmeId,
    fiscalYear: now.getUTCFullYear() - 1,
    asOf: `${now.getUTCFullYear()}-03`,
    log: newJourneyLog(),
  };

  const signIn = async (email: string) => {
    const response = await app.inject({ method: 'POST', url: '/trpc/auth.signIn', headers: CSRF_HEADERS, payload: mutationBody({ email, password: LOAD_PASSWORD }) });
    const session = response.cookies.find((c) => c.name === 'tsumiki_session');
    if (!session) throw new Error(`sign-in of ${email} failed: ${response.statusCode}`);
    return `tsumiki_session=${session.value}`;
  };

  /** One request as autocannon would send it: its set-up may rewrite the path or body, or skip it. */
  const send = async (template: Request) => {
    const setup = typeof template.setupRequest === 'function' ? template.setupRequest : undefined;
    const request = setup ? setup({ ...template }, {}) : template;
    if (!request) return null;
    const response = await app.inject({
      method: request.method ?? 'GET',
      url: request.path ?? '/',
      headers: request.headers as Record<string, string>,
      ...(request.body !== undefined && { payload: request.body as string }),
    });
    if (typeof template.onResponse === 'function') template.onResponse(response.statusCode, response.body, {}, {});
    return { path: (request.path ?? '').split('?')[0]!.replace('/trpc/', ''), status: response.statusCode, bytes: response.rawPayload.length };
  };

  for (const journey of ['applicant', 'console', 'dashboard'] as Journey[]) {
    const account = seeded.accounts.find((a) => JOURNEY_OF_ROLE[a.role] === journey)!;
    const cookie = await signIn(account.email);
    // Twice: the first pass warms what the process caches; the second is what a steady load sees.
    for (const pass of [1, 2]) {
      console.log(`\n${journey} journey, pass ${pass}:`);
      for (const template of journeyRequests(journey, cookie, context)) {
        statements.length = 0;
        const sent = await send(template);
        if (!sent) continue;
        const ms = statements.reduce((s, q) => s + q.ms, 0);
        console.log(`  ${sent.path.padEnd(26)} ${sent.status}  ${String(statements.length).padStart(3)} statements  ${ms.toFixed(1)} ms in SQL  ${String(sent.bytes).padStart(7)} bytes answered`);
        if (verbose && pass === 2) for (const q of statements) console.log(`      ${q.ms.toFixed(2).padStart(7)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
      }
    }
  }
  await app.close();
  await watched.close();
} finally {
  await database.close();
  await dropDatabase(DB_NAME, adminUrl);
}
