import { initTRPC, type TRPCError } from '@trpc/server';
import { isDatabaseUnavailable, isInvalidInputValue } from '@tsumiki/db';
import { configureZodMessages, DomainError, errorMessage, fieldIssueOf, type ErrorCode, type TRole } from '@tsumiki/domain';
import { wire } from '@tsumiki/wire';
import { ZodError } from 'zod';
import type { Context } from './context';
import { appError } from './errors';

/**
 * Who may call a procedure, recorded on the procedure by the builder that guards it
 * (publicProcedure, signedInProcedure, roleProcedure). The authorisation test enumerates it, so the
 * allowed/denied table lives in one place: the router definitions.
 */
export interface Meta {
  access?: 'public' | 'signed-in' | readonly TRole[];
}

interface FieldError {
  path: string;
  code: string;
  /** The limits the message names (maximum, minimum…), for a client that words it itself. */
  params: Record<string, string | number>;
  message: string;
}

// A missing field is reported as "required" wherever a schema gave no message of its own.
configureZodMessages();

function appCodeOf(error: TRPCError): ErrorCode {
  if (error.cause instanceof DomainError) return error.cause.code;
  if (error.cause instanceof ZodError) return 'validation.invalid';
  if (error.code === 'SERVICE_UNAVAILABLE') return 'service.unavailable';
  if (error.code === 'PAYLOAD_TOO_LARGE') return 'request.too_large';
  if (error.code === 'UNAUTHORIZED') return 'auth.unauthenticated';
  if (error.code === 'PARSE_ERROR' || error.code === 'BAD_REQUEST') return 'validation.invalid';
  return 'internal.error';
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: wire,
    errorFormatter({ shape, error, ctx }) {
      const locale = ctx?.locale ?? 'ja';
      const appCode = appCodeOf(error);
      const appParams = error.cause instanceof DomainError ? error.cause.params : {};
      const fieldErrors: FieldError[] | undefined =
        error.cause instanceof ZodError
          ? error.cause.issues.map((issue) => {
              // Each field says what is wrong with it, with its limits; never the generic "unexpected error".
              const field = fieldIssueOf(issue);
              return { path: field.path, code: field.code, params: field.params, message: errorMessage(field.code, locale, field.params) };
            })
          : undefined;
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        // Never the internal message of an unexpected error: it may carry SQL or paths.
        message: errorMessage(appCode, locale, appParams),
        data: { ...data, appCode, appParams, ...(fieldErrors ? { fieldErrors } : {}) },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Unexpected failures become coded errors; a database outage is a 503 the client may retry. */
const errorMapping = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (!result.ok) {
    const error = result.error;
    if (error.code === 'INTERNAL_SERVER_ERROR' && !(error.cause instanceof DomainError)) {
      const cause = error.cause ?? error;
      if (cause instanceof DomainError) throw appError(cause.code, cause.params);
      if (isDatabaseUnavailable(cause)) {
        ctx.log.warn({ err: cause, path, requestId: ctx.request.requestId }, 'database unavailable');
        throw appError('service.unavailable');
      }
      // A value the schema let through but the column cannot hold (found by the hostile-input fuzz).
      if (isInvalidInputValue(cause)) {
        ctx.log.warn({ err: cause, path, requestId: ctx.request.requestId }, 'input value refused by the database');
        throw appError('validation.invalid');
      }
      ctx.log.error({ err: cause, path, requestId: ctx.request.requestId }, 'unexpected error');
    }
  }
  return result;
});

/**
 * Cookie-authenticated calls from another site are refused: a browser will not add the custom
 * header cross-site without CORS consent (which the API never gives), and where the browser says
 * where the request comes from (Origin, Sec-Fetch-Site) it must be one of our apps.
 */
const crossSiteGuard = t.middleware(({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  const { origin, host, protocol, fetchSite, hasCsrfHeader } = ctx.request;
  const sameOrigin = origin !== null && host !== null && origin === `${protocol}://${host}`;
  const allowedOrigin = origin === null || sameOrigin || ctx.allowedOrigins.includes(origin);
  const allowedSite = fetchSite === null || fetchSite === 'same-origin' || fetchSite === 'same-site' || fetchSite === 'none';
  if (!hasCsrfHeader || !allowedOrigin || (!allowedSite && !ctx.allowedOrigins.includes(origin ?? ''))) {
    ctx.log.warn({ origin, fetchSite, hasCsrfHeader, requestId: ctx.request.requestId }, 'cross-site request refused');
    throw appError('auth.cross_site');
  }
  return next();
});

const requireSignedIn = t.middleware(({ ctx, next }) => {
  if (ctx.auth.state === 'expired') throw appError('auth.session_expired');
  if (ctx.auth.state !== 'signed-in') throw appError('auth.unauthenticated');
  return next({ ctx: { auth: ctx.auth } });
});

/** Times each call and tells the observer (metrics) how it ended, after the error mapping above. */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const observe = ctx.observe;
  if (!observe) return next();
  const started = performance.now();
  const result = await next();
  observe({ path, type, durationMs: performance.now() - started, errorCode: result.ok ? null : appCodeOf(result.error) });
  return result;
});

/**
 * A change this call made to sessions or memberships (a sign-out, a role taken away), or to the
 * CCUS figures, is heard by this process's caches before the answer leaves, so the caller's next
 * request cannot be served from what the change replaced.
 */
const settleCaches = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation') await Promise.all([ctx.sessions?.settle(), ctx.ccusOverviews?.settle()]);
  return result;
});

const baseProcedure = t.procedure.use(observed).use(errorMapping).use(crossSiteGuard).use(settleCaches);

export const publicProcedure = baseProcedure.meta({ access: 'public' });

/**
 * Signing in, signing up and second factors: public, and never in a batch. A batch would be one
 * request carrying many guesses, run side by side; refused whole, with a code, before any is checked.
 */
export const authenticationProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.request.batched) throw appError('auth.not_batchable');
  return next();
});
/** Any signed-in user, whatever the role. */
export const signedInProcedure = baseProcedure.meta({ access: 'signed-in' }).use(requireSignedIn);
/**
 * Only users holding one of `roles` (in some organisation). Downstream code sees only the
 * memberships that grant the procedure, so "my organisations" means the right ones.
 */
export const roleProcedure = (...roles: TRole[]) =>
  signedInProcedure.meta({ access: roles }).use(({ ctx, next }) => {
    const held = ctx.auth.memberships.filter((m) => roles.includes(m.role));
    if (held.length === 0) throw appError('auth.forbidden_role', { roles: roles.join(', ') });
    return next({ ctx: { auth: { ...ctx.auth, memberships: held } } });
  });

