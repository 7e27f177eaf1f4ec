import {
  getTRPCErrorFromUnknown,
  middlewareMarker,
  TRPCError,
  type AnyMiddlewareFunction,
  type AnyProcedure,
  type GetRawInputFn,
  type MiddlewareResult,
  type ProcedureCallOptions,
} from '@trpc/server/unstable-core-do-not-import';

type CallOptions = ProcedureCallOptions<object>;
type NextOptions = { ctx?: object; input?: unknown; getRawInput?: GetRawInputFn } | undefined;

const NO_RESULT = 'No result from middlewares - did you forget to `return next()`?';

const middlewareLists = new WeakMap<AnyProcedure, readonly AnyMiddlewareFunction[] | null>();

/**
 * The procedure's middlewares as tRPC's builder keeps them (the guards, the input parsers and the
 * resolver, in order); null where they are not there to read, and the procedure is then called
 * through tRPC.
 */
export function middlewaresOf(procedure: AnyProcedure): readonly AnyMiddlewareFunction[] | null {
  let list = middlewareLists.get(procedure);
  if (list === undefined) {
    const kept: unknown = Reflect.get(procedure._def, 'middlewares');
    list = Array.isArray(kept) && kept.length > 0 && kept.every((m): m is AnyMiddlewareFunction => typeof m === 'function') ? kept : null;
    middlewareLists.set(procedure, list);
  }
  return list;
}

/**
 * Calls a procedure as tRPC's own caller does (createProcedureCaller and callRecursive): the same
 * middlewares, in the same order, given the same options and the same `next`, a throw turned into
 * the same failed result. tRPC copies the options with a compiled spread helper at every level,
 * twice: 5.9 s of the API processes' CPU profile in a mixed `pnpm load` run (LOAD_PROFILE_DIR),
 * about 5 % of their busy time; here the engine's own spread copies them.
 */
export async function callProcedure(procedure: AnyProcedure, opts: CallOptions): Promise<unknown> {
  const middlewares = middlewaresOf(procedure);
  if (!middlewares) return procedure(opts);
  const result = await step(middlewares, procedure._def.meta, 0, opts);
  if (!result) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: NO_RESULT });
  if (!result.ok) throw result.error;
  return result.data;
}

async function step(middlewares: readonly AnyMiddlewareFunction[], meta: unknown, index: number, opts: CallOptions): Promise<MiddlewareResult<object>> {
  try {
    const middleware = middlewares[index];
    if (!middleware) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: NO_RESULT });
    return await middleware({
      ...opts,
      meta,
      input: opts.input,
      next: (nextOpts?: NextOptions) =>
        step(middlewares, meta, index + 1, {
          ...opts,
          ctx: nextOpts?.ctx ? { ...opts.ctx, ...nextOpts.ctx } : opts.ctx,
          input: nextOpts && 'input' in nextOpts ? nextOpts.input : opts.input,
          getRawInput: nextOpts?.getRawInput ?? opts.getRawInput,
        }),
    });
  } catch (cause) {
    return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker };
  }
}
