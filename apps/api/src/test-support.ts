import { createCaller, createContext, type CookieJar } from '@tsumiki/api';
import type { Database } from '@tsumiki/db';
import * as wire from '@tsumiki/wire';
import type { buildServer } from './app';
import { DEMO_PASSWORD } from './seed/demo';

/** The origin the tests' servers allow, as the apps' dev servers send it. */
export const TEST_ORIGIN = 'http://localhost:5173';

type Server = Awaited<ReturnType<typeof buildServer>>;

/** Signs a demo account in over HTTP, as the apps do (same origin, CSRF header), and returns its session token. */
export async function signInOverHttp(app: Server, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/trpc/auth.signIn',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, 'x-tsumiki-csrf': '1' },
    payload: JSON.stringify(wire.serialize({ email, password })),
  });
  const session = response.cookies.find((c) => c.name === 'tsumiki_session');
  if (!session) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  return session.value;
}

/** The Cookie header that carries a session. */
export const sessionCookie = (session: string) => `tsumiki_session=${session}`;

class MemoryJar implements CookieJar {
  token: string | undefined;
  read = () => this.token;
  write = (token: string) => void (this.token = token);
  clear = () => void (this.token = undefined);
}

/** A tRPC caller signed in as a demo account, with its own cookie jar (one browser), without HTTP in between. */
export async function signedInCaller(database: Database, email: string, password = DEMO_PASSWORD) {
  const deps = { db: database.db, allowedOrigins: [], log: { info() {}, warn() {}, error() {} } };
  const request = { requestId: 't', ip: null, userAgent: null, origin: null, host: null, protocol: 'http' as const, fetchSite: null, hasCsrfHeader: true, acceptLanguage: 'ja' };
  const jar = new MemoryJar();
  await createCaller(await createContext(deps, request, jar)).auth.signIn({ email, password });
  return createCaller(await createContext(deps, request, jar));
}
