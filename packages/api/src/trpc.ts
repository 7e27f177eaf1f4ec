import { getTRPCErrorFromUnknown, initTRPC, TRPCError } from '@trpc/server';
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

/**
 * An unexpected failure as the coded error the caller gets, or null when it already is one: a
 * database outage is a 503 the client may retry, a value the column cannot hold is invalid input.
 */
function mappedError(error: TRPCError, ctx: Context, path: string): TRPCError | null {
  if (error.code !== 'INTERNAL_SERVER_ERROR' || error.cause instanceof DomainError) return null;
  const cause = error.cause ?? error;
  if (cause instanceof DomainError) return appError(cause.code, cause.params);
  if (isDatabaseUnavailable(cause)) {
    ctx.log.warn({ err: cause, path, requestId: ctx.request.requestId }, 'database unavailable');
    return appError('service.unavailable');
  }
  // A value the schema let through but the column cannot hold (found by the hostile-input fuzz).
  if (isInvalidInputValue(cause)) {
    ctx.log.warn({ err: cause, path, requestId: ctx.request.requestId }, 'input value refused by the database');
    return appError('validation.invalid');
  }
  ctx.log.error({ err: cause, path, requestId: ctx.request.requestId }, 'unexpected error');
  return null;
}

/**
 * Cookie-authenticated calls from another site are refused: a browser will not add the custom
 * header cross-site without CORS consent (which the API never gives), and where the browser says
 * where the request comes from (Origin, Sec-Fetch-Site) it must be one of our apps.
 */
function refuseCrossSite(ctx: Context): void {
  const { origin, host, protocol, fetchSite, hasCsrfHeader } = ctx.request;
  const sameOrigin = origin !== null && host !== null && origin === `${protocol}://${host}`;
  const allowedOrigin = origin === null || sameOrigin || ctx.allowedOrigins.includes(origin);
  const allowedSite = fetchSite === null || fetchSite === 'same-origin' || fetchSite === 'same-site' || fetchSite === 'none';
  if (!hasCsrfHeader || !allowedOrigin || (!allowedSite && !ctx.allowedOrigins.includes(origin ?? ''))) {
    ctx.log.warn({ origin, fetchSite, hasCsrfHeader, requestId: ctx.request.requestId }, 'cross-site request refused');
    throw appError('auth.cross_site');
  }
}

/**
 * What every procedure goes through, in one middleware because tRPC copies the call's options at
 * each level (8% of the API's busy time under load when these were four levels of six). In order: the call is timed
 * for the observer (metrics), a mutation from another site is refused, the procedure runs, a
 * change it made to sessions, memberships or the CCUS figures is heard by this process's caches
 * before the answer leaves (so the caller's next request cannot be served from what the change
 * replaced), and an unexpected failure becomes a coded error; the observer hears the code sent.
 */
const base = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  let outcome: Awaited<ReturnType<typeof next>> | TRPCError;
  try {
    if (type === 'mutation') refuseCrossSite(ctx);
    outcome = await next();
    if (type === 'mutation') await Promise.all([ctx.sessions?.settle(), ctx.ccusOverviews?.settle(), ctx.reviewQueues?.settle()]);
  } catch (cause) {
    outcome = getTRPCErrorFromUnknown(cause);
  }
  const error = outcome instanceof TRPCError ? outcome : outcome.ok ? null : outcome.error;
  const sent = (error && mappedError(error, ctx, path)) ?? error;
  ctx.observe?.({ path, type, durationMs: performance.now() - started, errorCode: sent ? appCodeOf(sent) : null });
  // Thrown, tRPC makes it the call's result, as a failure inside the procedure would be.
  if (sent && sent !== error) throw sent;
  if (outcome instanceof TRPCError) throw outcome;
  return outcome;
});

/** The caller's sign-in, or the error that says why there is none. */
function signedIn(auth: Context['auth']) {
  if (auth.state === 'expired') throw appError('auth.session_expired');
  if (auth.state !== 'signed-in') throw appError('auth.unauthenticated');
  return auth;
}

const baseProcedure = t.procedure.use(base);

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
export const signedInProcedure = baseProcedure.meta({ access: 'signed-in' }).use(({ ctx, next }) => next({ ctx: { auth: signedIn(ctx.auth) } }));
/**
 * Only users holding one of `roles` (in some organisation). Downstream code sees only the
 * memberships that grant the procedure, so "my organisations" means the right ones. Signed in and
 * holding the role are checked in one middleware, for the reason `base` gives.
 */
export const roleProcedure = (...roles: TRole[]) =>
  baseProcedure.meta({ access: roles }).use(({ ctx, next }) => {
    const auth = signedIn(ctx.auth);
    const held = auth.memberships.filter((m) => roles.includes(m.role));
    if (held.length === 0) throw appError('auth.forbidden_role', { roles: roles.join(', ') });
    return next({ ctx: { auth: { ...auth, memberships: held } } });
  });

