import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import {
  attachmentPreview,
  createContext,
  requestIdFrom,
  SESSION_COOKIE,
  type ApiDependencies,
  type AttachmentStore,
  type CookieJar,
  type RequestInfo,
  type SecondFactorSettings,
  type MinistryOverviewCache,
  type ReviewQueueCache,
  type SessionCache,
} from '@tsumiki/api';
import { pingDatabase, type DB } from '@tsumiki/db';
import { ATTACHMENT_MAX_BYTES } from '@tsumiki/domain';
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Metrics } from './metrics';
import { registerTrpcRoute } from './trpc-route';

export interface ServerOptions {
  db: Kysely<DB>;
  /** Origins (besides the server's own) whose pages may call with the session cookie. */
  allowedOrigins: readonly string[];
  secureCookies: boolean;
  /** Reverse proxies trusted for the client address (TSUMIKI_TRUST_PROXY); off by default. */
  trustProxy?: false | number | string[];
  logger?: FastifyServerOptions['logger'];
  /** Where attachment bytes go (TSUMIKI_ATTACHMENT_STORE); the database by default. */
  attachments?: AttachmentStore;
  /** A built SPA to serve beside the API (one of the three apps). */
  staticDir?: string;
  now?: () => Date;
  /** Counts requests and procedure calls for /metrics (served apart, see metrics.ts). */
  metrics?: Metrics;
  /** Staff second factors (TSUMIKI_STAFF_TOTP, TSUMIKI_TOTP_KEY); optional with the development key unless given. */
  secondFactor?: SecondFactorSettings;
  /** Signed-in sessions kept in memory for the process (watchSessions); none kept without it. */
  sessions?: SessionCache;
  /** Computed ministry overviews kept in memory for the process (watchCcusOverviews); computed on every call without it. */
  ccusOverviews?: MinistryOverviewCache;
  /** First pages of the review queue kept in memory for the process (watchReviewQueues); read on every call without it. */
  reviewQueues?: ReviewQueueCache;
  /** false: every request through tRPC's own handler (see trpc-route.ts); for comparing the two. */
  singleCallFastPath?: boolean;
}

// Attachments travel base64-encoded inside JSON: 4/3 of the file plus room for the envelope.
const BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 1024 * 1024;

function requestInfo(req: FastifyRequest, batched = false): RequestInfo {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value : null;
  };
  return {
    requestId: String(req.id),
    ip: req.ip ?? null,
    userAgent: header('user-agent'),
    origin: header('origin'),
    host: header('host'),
    protocol: req.protocol === 'https' ? 'https' : 'http',
    fetchSite: header('sec-fetch-site'),
    hasCsrfHeader: header('x-tsumiki-csrf') === '1',
    acceptLanguage: header('accept-language'),
    batched,
  };
}

function cookieJar(req: FastifyRequest, res: FastifyReply, secure: boolean): CookieJar {
  return {
    read: () => req.cookies[SESSION_COOKIE],
    write: (token, expiresAt) =>
      void res.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt }),
    clear: () => void res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' }),
  };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets inline styles; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

function apiDependencies(options: ServerOptions, log: ApiDependencies['log']): ApiDependencies {
  return {
    db: options.db,
    allowedOrigins: options.allowedOrigins,
    log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.attachments ? { attachments: options.attachments } : {}),
    ...(options.metrics ? { observe: options.metrics.observeProcedure } : {}),
    ...(options.secondFactor ? { secondFactor: options.secondFactor } : {}),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.ccusOverviews ? { ccusOverviews: options.ccusOverviews } : {}),
    ...(options.reviewQueues ? { reviewQueues: options.reviewQueues } : {}),
  };
}

const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

/** One Fastify instance: the tRPC API, health and readiness, and optionally one app's static files. */
export async function buildServer(options: ServerOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 5000 },
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    // A hop count trusts that many proxies nearest to us (what Fastify does with a number).
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
  });

  await app.register(fastifyCookie);

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // A route with its own framing policy (the attachment preview) keeps it; everything else is never framed.
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy', CSP);
    }
    if (options.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });

  const metrics = options.metrics;
  if (metrics) {
    app.addHook('onResponse', async (req, reply) => {
      metrics.observeHttp(req.routeOptions.url ?? 'unmatched', req.method, reply.statusCode, reply.elapsedTime / 1000);
    });
  }

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await pingDatabase(options.db);
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'not ready', database: 'unavailable' });
    }
  });

  await registerTrpcRoute(app, {
    createContext: async (req, reply, batched) => {
      const started = performance.now();
      try {
        return await createContext(apiDependencies(options, req.log), requestInfo(req, batched), cookieJar(req, reply, options.secureCookies));
      } finally {
        metrics?.observeSessionCheck((performance.now() - started) / 1000);
      }
    },
    ...(options.singleCallFastPath === false ? { singleCallFastPath: false } : {}),
  });

  // Attachment preview for the console: access as review.open, inline, framed by the console only.
  app.get('/files/attachments/:attachmentId', async (req, reply) => {
    const { attachmentId } = req.params as { attachmentId: string };
    const deps = apiDependencies(options, req.log);
    const preview = await attachmentPreview(deps, requestInfo(req), cookieJar(req, reply, options.secureCookies), attachmentId);
    return reply.code(preview.status).headers(preview.headers).send(preview.body);
  });

  if (options.staticDir) {
    await app.register(fastifyStatic, { root: options.staticDir, wildcard: false, index: ['index.html'] });
    // Client-side routes (/applications/…) get the app shell; unknown API paths stay 404.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/trpc') && req.headers.accept?.includes('text/html')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'Not Found' });
    });
  }

  return app;
}
