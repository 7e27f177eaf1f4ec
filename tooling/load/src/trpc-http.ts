/**
 * The tRPC wire format as the apps speak it (JSON with Date paths, @tsumiki/wire; one procedure per request), for scripts
 * that drive the API over HTTP the way a browser does.
 */
import * as wire from '@tsumiki/wire';

export const CSRF_HEADERS = { 'x-tsumiki-csrf': '1', 'content-type': 'application/json' } as const;

export const queryPath = (procedure: string, input?: unknown) =>
  `/trpc/${procedure}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(wire.serialize(input)))}`}`;

export const mutationBody = (input: unknown) => JSON.stringify(wire.serialize(input));

/** The data of a successful response, or undefined when the body is not one. */
export function resultOf<T>(body: string): T | undefined {
  try {
    const parsed = JSON.parse(body) as { result?: { data?: wire.WireEnvelope } };
    const data = parsed.result?.data;
    return data ? (wire.deserialize(data) as T) : undefined;
  } catch {
    return undefined;
  }
}

export interface ErrorBody {
  message: string;
  code: number;
  data: { appCode?: string; httpStatus?: number; stack?: string };
}

export function errorOf(body: string): ErrorBody | undefined {
  try {
    return (JSON.parse(body) as { error?: { json: ErrorBody } }).error?.json;
  } catch {
    return undefined;
  }
}

export interface HttpResult {
  status: number;
  body: string;
}

export async function call(baseUrl: string, procedure: string, kind: 'query' | 'mutation', input: unknown, cookie?: string): Promise<HttpResult> {
  const headers: Record<string, string> = { ...CSRF_HEADERS, ...(cookie ? { cookie } : {}) };
  const response =
    kind === 'query'
      ? await fetch(`${baseUrl}${queryPath(procedure, input)}`, { headers })
      : await fetch(`${baseUrl}/trpc/${procedure}`, { method: 'POST', headers, body: mutationBody(input) });
  return { status: response.status, body: await response.text() };
}

/** Signs in over HTTP and returns the Cookie header the session needs. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.signIn`, { method: 'POST', headers: CSRF_HEADERS, body: mutationBody({ email, password }) });
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('tsumiki_session='));
  if (!response.ok || !setCookie) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return setCookie.split(';')[0]!;
}
