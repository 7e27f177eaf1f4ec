import { TRPCError } from '@trpc/server';
import { requestIdFrom } from './request-id';
import {
  extendSession,
  findSessionByTokenHash,
  isDatabaseUnavailable,
  type listMembershipsOfUser,
  type DB,
} from '@tsumiki/db';
import { SESSION_TTL_MS, type ErrorCode, type Locale } from '@tsumiki/domain';
import type { Kysely } from 'kysely';
import type { FoundSession, SessionCache } from './auth/session-cache';
import { hashSessionToken } from './auth/session-token';
import { DEVELOPMENT_TOTP_KEY, type SecondFactorSettings } from './auth/totp';
import { databaseStore, type AttachmentStore } from './storage/attachment-store';
import type { MinistryOverviewCache } from './routers/ccus/overview-cache';
import type { ReviewQueueCache } from './routers/review/queue-cache';

/** What the transport tells the API about a request; Fastify fills it, tests build it directly. */
export interface RequestInfo {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** Origin and Host headers, for the cross-site check. */
  origin: string | null;
  host: string | null;
  protocol: 'http' | 'https';
  /** Sec-Fetch-Site from browsers that send it. */
  fetchSite: string | null;
  /** The x-tsumiki-csrf header: a custom header a cross-site form cannot send without CORS consent. */
  hasCsrfHeader: boolean;
  acceptLanguage: string | null;
  /** The call came in one HTTP request with others (tRPC batching); absent means alone. */
  batched?: boolean;
}

export interface CookieJar {
  read(): string | undefined;
  write(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** One finished procedure call, for whoever counts them (the host's /metrics). */
export interface ProcedureCall {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  durationMs: number;
  /** The coded refusal the caller got, or null when it succeeded. */
  errorCode: ErrorCode | null;
}

export type ProcedureObserver = (call: ProcedureCall) => void;

export interface ApiDependencies {
  db: Kysely<DB>;
  /** Origins whose pages may call the API with the session cookie (the three apps). */
  allowedOrigins: readonly string[];
  now?: () => Date;
  log: Logger;
  /** Where attachment bytes go; the database (in the row) unless configured otherwise. */
  attachments?: AttachmentStore;
  /** Told of every procedure call once it has finished (metrics); nothing by default. */
  observe?: ProcedureObserver;
  /** Staff second factors (TSUMIKI_STAFF_TOTP, TSUMIKI_TOTP_KEY); optional with the development key unless given. */
  secondFactor?: SecondFactorSettings;
  /** Signed-in sessions kept in memory (watchSessions); every call reads the database without it. */
  sessions?: SessionCache;
  /** Computed ministry overviews kept in memory (watchCcusOverviews); computed on every call without it. */
  ccusOverviews?: MinistryOverviewCache;
  /** First pages of the review queue kept in memory (watchReviewQueues); read on every call without it. */
  reviewQueues?: ReviewQueueCache;
}

export type Membership = Awaited<ReturnType<typeof listMembershipsOfUser>>[number];

export type Auth =
  | { state: 'anonymous' }
  | { state: 'expired' }
  | {
      state: 'signed-in';
      sessionId: string;
      expiresAt: Date;
      user: { id: string; email: string; displayName: string; locale: Locale };
      memberships: Membership[];
    };

export interface Context {
  db: Kysely<DB>;
  request: RequestInfo;
  cookies: CookieJar;
  allowedOrigins: readonly string[];
  now: () => Date;
  log: Logger;
  attachments: AttachmentStore;
  observe: ProcedureObserver | null;
  secondFactor: SecondFactorSettings;
  auth: Auth;
  locale: Locale;
  sessions: SessionCache | null;
  ccusOverviews: MinistryOverviewCache | null;
  reviewQueues: ReviewQueueCache | null;
}

function localeFrom(acceptLanguage: string | null): Locale {
  // Japanese first: English only when the browser prefers it over Japanese.
  if (!acceptLanguage) return 'ja';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ja';
}

/** The session from memory when kept there, else from the database (and kept while valid). */
async function lookUpSession(deps: ApiDependencies, tokenHash: string, now: Date): Promise<FoundSession | undefined> {
  const cache = deps.sessions;
  const kept = cache?.read(tokenHash, now.getTime());
  if (kept) return kept;
  const keep = cache?.begin();
  const found = await findSessionByTokenHash(deps.db, tokenHash);
  if (keep && found && !found.revokedAt && !found.disabledAt && found.expiresAt.getTime() > now.getTime()) {
    keep(tokenHash, found, now.getTime());
  }
  return found;
}

async function resolveAuth(deps: ApiDependencies, cookies: CookieJar, now: Date): Promise<Auth> {
  const token = cookies.read();
  if (!token) return { state: 'anonymous' };
  const found = await lookUpSession(deps, hashSessionToken(token), now);
  if (!found || found.revokedAt || found.disabledAt) {
    cookies.clear();
    return found ? { state: 'expired' } : { state: 'anonymous' };
  }
  if (found.expiresAt.getTime() <= now.getTime()) {
    cookies.clear();
    return { state: 'expired' };
  }
  let expiresAt = found.expiresAt;
  // Sliding expiry: a session in use is renewed once past half its life.
  if (expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await extendSession(deps.db, found.sessionId, expiresAt);
    cookies.write(token, expiresAt);
  }
  const memberships = found.memberships;
  return {
    state: 'signed-in',
    sessionId: found.sessionId,
    expiresAt,
    user: { id: found.userId, email: found.email, displayName: found.displayName, locale: found.locale },
    memberships,
  };
}

export async function createContext(deps: ApiDependencies, request: RequestInfo, cookies: CookieJar): Promise<Context> {
  const now = deps.now ?? (() => new Date());
  let auth: Auth;
  try {
    auth = await resolveAuth(deps, cookies, now());
  } catch (error) {
    // The session lookup runs before any procedure: a database outage here is the same 503
    // "try again" as inside one, not an unexplained 500.
    if (!isDatabaseUnavailable(error)) throw error;
    deps.log.warn({ err: error, requestId: request.requestId }, 'database unavailable');
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', cause: error });
  }
  return {
    db: deps.db,
    // Checked here too, whatever server built the request: the id is written to the audit log.
    request: { ...request, requestId: requestIdFrom(request.requestId) },
    cookies,
    allowedOrigins: deps.allowedOrigins,
    now,
    log: deps.log,
    attachments: deps.attachments ?? databaseStore,
    observe: deps.observe ?? null,
    secondFactor: deps.secondFactor ?? { mode: 'optional', key: DEVELOPMENT_TOTP_KEY },
    auth,
    sessions: deps.sessions ?? null,
    ccusOverviews: deps.ccusOverviews ?? null,
    reviewQueues: deps.reviewQueues ?? null,
    locale: auth.state === 'signed-in' ? auth.user.locale : localeFrom(request.acceptLanguage),
  };
}
