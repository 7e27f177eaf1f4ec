import { fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import {
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type AnyProcedure,
} from '@trpc/server/unstable-core-do-not-import';
import { appRouter, isSharedAnswer, type Context } from '@tsumiki/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { callProcedure } from './procedure-runner';

export interface TrpcRouteOptions {
  /**
   * Builds the request's context. It throws only when the request must stop before any procedure
   * (the database unreachable, say); a missing or unknown session is not such a case, the procedure decides.
   */
  createContext(req: FastifyRequest, reply: FastifyReply, batched: boolean): Promise<Context>;
  /**
   * Answers one-procedure requests without tRPC's Fetch adapter (on by default). Tests turn it off
   * to compare the two answers byte for byte.
   */
  singleCallFastPath?: boolean;
}

/**
 * /trpc/:path as tRPC's Fastify plugin serves it, with one shortcut. The plugin turns every request
 * into a Fetch Request and every answer into a Fetch Response that Fastify then streams back; for
 * the API's typical request — one query or one mutation with a small JSON answer — that copying
 * was about a sixth of the API's CPU time under load. A request with one procedure and a JSON
 * input is answered here with tRPC's own parts (procedure lookup, error shape, status code,
 * transformer), so its answer is the same; batches, streams and any other shape go through
 * tRPC's handler unchanged.
 */
export async function registerTrpcRoute(app: FastifyInstance, options: TrpcRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    // As tRPC's plugin does: the body reaches tRPC as text, parsed there (or here) with its input.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser('multipart/form-data');
    scope.addContentTypeParser('multipart/form-data', {}, (_req, body, done) => done(null, body));

    scope.all<{ Params: { path: string } }>('/trpc/:path', async (req, reply) => {
      const path = req.params.path;
      if (options.singleCallFastPath !== false) {
        const procedure = await singleCallProcedure(req, path);
        if (procedure) return answerSingleCall(req, reply, path, procedure, options);
      }
      await fastifyRequestHandler({
        router: appRouter,
        req,
        res: reply,
        path,
        createContext: ({ info }) => options.createContext(req, reply, info.isBatchCall),
      });
      return reply;
    });
  });
}

/** The procedure when the request is one call with a JSON input that tRPC would take; otherwise undefined. */
async function singleCallProcedure(req: FastifyRequest, path: string): Promise<AnyProcedure | undefined> {
  const query = req.query as Record<string, unknown>;
  if (query.batch !== undefined || req.headers['trpc-accept'] !== undefined) return undefined;
  const contentType = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  const procedure = await getProcedureAtPath(appRouter, path);
  if (!procedure) return undefined;
  const type = procedure._def.type;
  if (type === 'query' && req.method === 'GET' && (contentType === undefined || contentType === 'application/json')) return procedure;
  if (type === 'mutation' && req.method === 'POST' && contentType === 'application/json') return procedure;
  return undefined;
}

async function answerSingleCall(req: FastifyRequest, reply: FastifyReply, path: string, procedure: AnyProcedure, options: TrpcRouteOptions) {
  const config = appRouter._def._config;
  const type = procedure._def.type;
  // Read as tRPC reads it: lazily, on the procedure's first look at its input, and a body that is
  // not JSON (or not the transformer's shape) is a BAD_REQUEST naming the parser's complaint.
  let input: { value: unknown } | undefined;
  let unreadable: TRPCError | undefined;
  const getRawInput = async () => {
    if (unreadable) throw unreadable;
    if (!input) {
      try {
        const text = req.method === 'GET' ? (req.query as Record<string, string | undefined>).input : (req.body as string);
        const parsed: unknown = req.method === 'GET' && !text ? undefined : JSON.parse(text ?? '');
        input = { value: parsed === undefined ? undefined : config.transformer.input.deserialize(parsed) };
      } catch (cause) {
        unreadable = new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
        throw unreadable;
      }
    }
    return input.value;
  };

  let ctx: Context | undefined;
  let data: unknown;
  let body: unknown;
  try {
    ctx = await options.createContext(req, reply, false);
    // No abort signal: no procedure reads one (tRPC's handler would pass the request's).
    data = await callProcedure(procedure, { path, getRawInput, ctx, type, signal: undefined, batchIndex: 0 });
    body = { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    body = { error: getErrorShape({ config, ctx, error, input: input?.value, path, type }) };
  }
  const encode = () => Buffer.from(JSON.stringify(transformTRPCResponse(config, body as Parameters<typeof transformTRPCResponse>[1])));
  return reply
    .code(getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]))
    .header('vary', 'trpc-accept, accept')
    .header('content-type', 'application/json')
    // A Buffer, so Fastify sends the content type as tRPC names it (a string would gain a charset).
    .send(isSharedAnswer(data) ? encodedOnce(data, encode) : encode());
}

// A shared answer is frozen, so its bytes stay right for as long as the object lives; they go
// with it when the cache that holds it lets it go.
const encodedAnswers = new WeakMap<object, Buffer>();

function encodedOnce(answer: object, encode: () => Buffer): Buffer {
  let bytes = encodedAnswers.get(answer);
  if (!bytes) encodedAnswers.set(answer, (bytes = encode()));
  return bytes;
}
