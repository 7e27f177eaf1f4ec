import type { QueryClient } from '@tanstack/react-query';
import { QueryCache, QueryClient as QueryClientImpl } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@tsumiki/api';
import { wire } from '@tsumiki/wire';

export type { AppRouter };

/** One typed client for the three apps: the router's types come from the API package, nothing else. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The header that the API's cross-site guard requires on every mutation. A form on another site
 * cannot set it, and the session cookie is SameSite=Strict besides.
 */
export const CSRF_HEADER = { 'x-tsumiki-csrf': '1' } as const;

/**
 * Queries are batched; mutations travel alone. The API refuses sign-in, sign-up and second-factor
 * calls inside a batch (a batch would carry many guesses at once), and a mutation gains nothing
 * from sharing a request.
 */
export function createHttpLinks(url = '/trpc'): TRPCLink<AppRouter>[] {
  const options = {
    url,
    transformer: wire,
    headers: () => CSRF_HEADER,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, credentials: 'same-origin' }),
  };
  return [splitLink({ condition: (op) => op.type === 'mutation', true: httpLink(options), false: httpBatchLink(options) })];
}

export function createApiClient(links: TRPCLink<AppRouter>[] = createHttpLinks()) {
  return createTRPCClient<AppRouter>({ links });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The API's error data (see packages/api trpc.ts errorFormatter). */
export interface AppErrorData {
  appCode?: string;
  appParams?: Record<string, string | number>;
  fieldErrors?: { path: string; code: string; params?: Record<string, string | number>; message: string }[];
  httpStatus?: number;
}

export function appErrorData(error: unknown): AppErrorData | undefined {
  if (error instanceof TRPCClientError) return (error.data ?? undefined) as AppErrorData | undefined;
  return undefined;
}

const isSignedOut = (error: unknown) => {
  const code = appErrorData(error)?.appCode;
  return code === 'auth.unauthenticated' || code === 'auth.session_expired';
};

const isAuthMe = (queryKey: readonly unknown[]) => JSON.stringify(queryKey[0]) === '["auth","me"]';

/**
 * Queries retry only what may succeed on retry (not refusals), and a session that ends while the app
 * is open sends the user back to sign-in by refreshing `auth.me` — drafts live on the server.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClientImpl({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSignedOut(error) && !isAuthMe(query.queryKey)) {
          void client.invalidateQueries({ predicate: (q) => isAuthMe(q.queryKey) });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          const status = appErrorData(error)?.httpStatus ?? 0;
          return failureCount < 2 && (status === 0 || status >= 500);
        },
      },
    },
  });
  return client;
}
