import type { ProcedureCall } from '@tsumiki/api';
import { createHash, timingSafeEqual } from 'node:crypto';
import { outboxBacklog, type Database } from '@tsumiki/db';
import Fastify from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { LatencyHistogram } from './latency-histogram';

/**
 * What one API process tells Prometheus: requests and latency per tRPC procedure and per HTTP
 * route, the database pool, the outbox backlog and failed sign-ins, plus Node's own (event loop
 * lag, heap, GC). Each process has its own registry; Prometheus adds the processes up.
 */
export interface Metrics {
  registry: Registry;
  observeProcedure: (call: ProcedureCall) => void;
  observeHttp: (route: string, method: string, status: number, seconds: number) => void;
  /** The session check (cookie → session, user, memberships) before every tRPC call. */
  observeSessionCheck: (seconds: number) => void;
}

// Seconds: from a cached session check (~1 ms) to a slow export; the load goal is 250 ms at p95.
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(
  database: Pick<Database, 'db' | 'poolStats'>,
  now: () => Date = () => new Date(),
): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tsumiki_' });

  const procedureCalls = new Counter({
    name: 'tsumiki_trpc_requests_total',
    help: 'tRPC procedure calls by procedure, type and outcome (ok, or the error code the caller got).',
    labelNames: ['procedure', 'type', 'outcome'] as const,
    registers: [registry],
  });
  const procedureSeconds = new LatencyHistogram({
    name: 'tsumiki_trpc_duration_seconds',
    help: 'Time inside each tRPC procedure (input validation, guards, handler), after the session check.',
    labelNames: ['procedure', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const httpSeconds = new LatencyHistogram({
    name: 'tsumiki_http_request_duration_seconds',
    help: 'Whole HTTP requests by route (session check and serialisation included).',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const sessionCheckSeconds = new LatencyHistogram({
    name: 'tsumiki_session_check_seconds',
    help: 'The session check before each tRPC request (cookie to session, user and memberships).',
    labelNames: [],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  sessionCheckSeconds.open('', () => ({}));
  const signInFailures = new Counter({
    name: 'tsumiki_sign_in_failures_total',
    help: 'Refused sign-ins by reason (auth.invalid_credentials, auth.rate_limited, validation.invalid…).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  if (database.poolStats) {
    const poolStats = database.poolStats;
    new Gauge({
      name: 'tsumiki_db_pool_connections',
      help: 'PostgreSQL pool of this process: open (total), idle, in use, the configured maximum, and queries waiting for a connection.',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const s = poolStats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'in_use' }, s.total - s.idle);
        this.set({ state: 'max' }, s.max);
        this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }
  // One query for both outbox figures: the registry collects its metrics concurrently, so the
  // two gauges share the query in flight.
  let backlogInFlight: ReturnType<typeof outboxBacklog> | null = null;
  const backlog = () =>
    (backlogInFlight ??= outboxBacklog(database.db, now()).finally(() => {
      backlogInFlight = null;
    }));
  new Gauge({
    name: 'tsumiki_outbox_pending',
    help: 'Outbox messages not yet sent (the whole database, not this process).',
    registers: [registry],
    async collect() {
      this.set((await backlog()).pending);
    },
  });
  new Gauge({
    name: 'tsumiki_outbox_oldest_due_seconds',
    help: 'How long the oldest due, unsent outbox message has waited; 0 when none is due.',
    registers: [registry],
    async collect() {
      this.set((await backlog()).oldestDueSeconds);
    },
  });

  return {
    registry,
    observeProcedure(call) {
      const outcome = call.errorCode ?? 'ok';
      procedureCalls.inc({ procedure: call.path, type: call.type, outcome });
      procedureSeconds.record(`${call.path} ${call.type}`, () => ({ procedure: call.path, type: call.type }), call.durationMs / 1000);
      if (call.path === 'auth.signIn' && call.errorCode) signInFailures.inc({ reason: call.errorCode });
    },
    observeSessionCheck(seconds) {
      sessionCheckSeconds.record('', () => ({}), seconds);
    },
    observeHttp(route, method, status, seconds) {
      const statusClass = `${Math.floor(status / 100)}xx`;
      httpSeconds.record(`${route} ${method} ${statusClass}`, () => ({ route, method, status_class: statusClass }), seconds);
    },
  };
}

/**
 * /metrics on its own port, never on the API's or the apps' ports: those face the internet
 * through the reverse proxy, and the figures (procedure names, traffic, failed sign-ins) are for
 * operators. With a token set, a scrape must bring it as a bearer token.
 */
export async function buildMetricsServer(metrics: Metrics, token: string | undefined) {
  const app = Fastify({ logger: false });
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  app.get('/metrics', async (req, reply) => {
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected))
      return reply.code(401).header('www-authenticate', 'Bearer').send('unauthorised\n');
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}
