import { initTRPC, TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callProcedure, middlewaresOf } from './procedure-runner';

interface Ctx {
  user: string | null;
  trail: string[];
}

const t = initTRPC.context<Ctx>().create();
const timed = t.procedure.use(async ({ ctx, next }) => {
  ctx.trail.push('base');
  const result = await next();
  ctx.trail.push(result.ok ? 'base:ok' : 'base:failed');
  return result;
});
const signedIn = timed.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in' });
  return next({ ctx: { user: ctx.user.toUpperCase(), role: 'reviewer' as const } });
});
const router = t.router({
  echo: signedIn.input(z.object({ id: z.string().min(2) })).query(({ ctx, input }) => {
    ctx.trail.push('resolver');
    return { user: ctx.user, role: ctx.role, input };
  }),
  broken: signedIn.mutation(() => {
    throw new Error('unexpected');
  }),
});

const call = (user: string | null, input: unknown, path: 'echo' | 'broken' = 'echo') => {
  const procedure = router[path];
  const opts = (trail: string[]) => ({
    ctx: { user, trail },
    path,
    type: procedure._def.type,
    getRawInput: () => Promise.resolve(input),
    signal: undefined,
    batchIndex: 0,
  });
  const outcome = async (run: (o: ReturnType<typeof opts>) => Promise<unknown>) => {
    const trail: string[] = [];
    const settled = await run(opts(trail)).then(
      (data) => ({ data }),
      (error: unknown) => ({ error: error instanceof TRPCError ? { code: error.code, message: error.message } : String(error) }),
    );
    return { ...settled, trail };
  };
  return Promise.all([outcome((o) => callProcedure(procedure, o)), outcome((o) => procedure(o))]);
};

describe('callProcedure', () => {
  it('reads the middlewares tRPC keeps, so it runs them itself', () => {
    expect(middlewaresOf(router.echo)?.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['an answer, with the context a guard gave', 'ayumi', { id: 'a1' }, 'echo'],
    ['an input that fails its schema', 'ayumi', { id: 'a' }, 'echo'],
    ['a guard that refuses', null, { id: 'a1' }, 'echo'],
    ['a resolver that throws', 'ayumi', undefined, 'broken'],
  ] as const)('gives what tRPC’s own caller gives: %s', async (_name, user, input, path) => {
    const [ours, trpc] = await call(user, input, path);
    expect(ours).toEqual(trpc);
  });

  it('answers the resolver’s data through every middleware', async () => {
    const [ours] = await call('ayumi', { id: 'a1' });
    expect(ours).toEqual({ data: { user: 'AYUMI', role: 'reviewer', input: { id: 'a1' } }, trail: ['base', 'resolver', 'base:ok'] });
  });
});
