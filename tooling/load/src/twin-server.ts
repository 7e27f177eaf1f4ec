/**
 * Stack-limit twins: for a few procedures, the thinnest possible Fastify handler that does what
 * the procedure must do — the same session check (createContext) and the same SQL (the same
 * repository functions) — and answers with JSON.stringify. No tRPC, no wire transformer, no zod, no
 * domain shaping. The procedure's throughput over its twin's says what the layers above cost.
 */
import { createContext, watchSessions, type Context, type CookieJar } from '@tsumiki/api';
import {
  createDatabase,
  findApplicationWithDocuments,
  definitionForApplication,
  listCcusRollups,
  listCcusTargets,
  listOrganisations,
  listProgrammeIdsOfOffices,
  listProgrammesWithLedger,
  publishedDefinitions,
  listReviewQueue,
} from '@tsumiki/db';
import { monthsOfFiscalYear } from '@tsumiki/domain/ccus';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scriptEnv } from './env';

const env = scriptEnv();
const database = await createDatabase({ kind: 'postgres', url: env.TWIN_DATABASE_URL, maxConnections: env.LOAD_POOL_MAX });
const db = database.db;
// The procedures' session check keeps sessions in memory as the API does; so does the twin's.
const watched = await watchSessions(database);
const silent = { info() {}, warn() {}, error() {} };

function cookieOf(req: FastifyRequest): CookieJar {
  const token = /(?:^|;\s*)tsumiki_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  return { read: () => token, write() {}, clear() {} };
}

/** The session check every tRPC call makes, by the same function; 401 when not signed in. */
async function signedIn(req: FastifyRequest, reply: FastifyReply): Promise<(Context & { auth: { state: 'signed-in' } }) | null> {
  const ctx = await createContext(
    { db, allowedOrigins: [], log: silent, sessions: watched.cache },
    {
      requestId: '',
      ip: req.ip,
      userAgent: null,
      origin: null,
      host: null,
      protocol: 'http',
      fetchSite: null,
      hasCsrfHeader: false,
      acceptLanguage: null,
    },
    cookieOf(req),
  );
  if (ctx.auth.state !== 'signed-in') {
    void reply.code(401).send({ error: 'unauthenticated' });
    return null;
  }
  return { ...ctx, auth: ctx.auth };
}

const ZQuery = z.object({ id: z.string().optional(), programmeId: z.string().optional(), fiscalYear: z.coerce.number().optional() });

const app = Fastify({ logger: false });

app.get('/twin/programmes.list', async (req, reply) => {
  if (!(await signedIn(req, reply))) return reply;
  const rounds = await listProgrammesWithLedger(db);
  const rules = await publishedDefinitions(db, rounds.flatMap((p) => (p.published_version_id ? [p.published_version_id] : [])));
  // The rules are read as the procedure reads them; shaping them into a summary is the procedure's own cost.
  return rounds.map((round) => ({ round, published: round.published_version_id !== null && rules.has(round.published_version_id) }));
});

app.get('/twin/review.queue', async (req, reply) => {
  const ctx = await signedIn(req, reply);
  if (!ctx) return reply;
  const { programmeId } = ZQuery.parse(req.query);
  // The twin's user is a reviewer (staff): every programme of its offices, none by assignment only.
  const offices = [...new Set(ctx.auth.memberships.map((m) => m.organisationId))];
  const programmes = await listProgrammeIdsOfOffices(db, offices);
  return listReviewQueue(db, {
    viewerId: ctx.auth.user.id,
    programmeIds: programmes.map((p) => p.id),
    assignedProgrammeIds: [],
    programmeId,
    sort: 'submitted_at',
    direction: 'desc',
    limit: 50,
    offset: 0,
  });
});

app.get('/twin/ccus.overview', async (req, reply) => {
  if (!(await signedIn(req, reply))) return reply;
  const fiscalYear = ZQuery.parse(req.query).fiscalYear ?? new Date().getUTCFullYear() - 1;
  const range = { fromMonth: `${monthsOfFiscalYear(fiscalYear - 1)[0]!}-01`, toMonth: `${monthsOfFiscalYear(fiscalYear)[11]!}-01` };
  const [associations, rows, targets] = await Promise.all([
    listOrganisations(db, 'association'),
    listCcusRollups(db, range),
    listCcusTargets(db, { fiscalYears: [fiscalYear] }),
  ]);
  return { associations, rows, targets };
});

app.get('/twin/applications.get', async (req, reply) => {
  const ctx = await signedIn(req, reply);
  if (!ctx) return reply;
  const found = await findApplicationWithDocuments(db, ZQuery.parse(req.query).id ?? '');
  if (!found || !ctx.auth.memberships.some((m) => m.organisationId === found.application.applicant_organisation_id)) {
    return reply.code(404).send({ error: 'not found' });
  }
  const { round: programme, ...page } = found;
  const rules = programme ? await definitionForApplication(db, page.application, programme) : undefined;
  // Which rules, as the procedure answers: the rules themselves are read once per version elsewhere.
  return { ...page, programme, definition: rules && { versionId: rules.id, version: rules.version } };
});

app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ host: '127.0.0.1', port: env.BARE_PORT });
const stop = () => void app.close().then(() => watched.close()).then(() => database.close()).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
