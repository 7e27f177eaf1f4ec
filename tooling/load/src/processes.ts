import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inheritedEnv, scriptEnv } from './env';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Everything a script started, so that every exit path stops it (no servers left running). */
const started = new Set<ChildProcess>();

/** Synchronous clean-ups for things that are not child processes (a private database cluster). */
const cleanups = new Set<() => void>();
export function onExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

export function killAll() {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  started.clear();
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort on the way out
    }
  }
  cleanups.clear();
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Started {
  url: string;
  port: number;
  child: ChildProcess;
  /** Lines the process wrote, for the report when it fails to start. */
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

// Generous: tsx compiles the API at start, which takes most of a minute on a busy 2-core CI machine.
async function waitReady(url: string, child: ChildProcess, output: string[], timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited early:\n${output.join('')}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready after ${timeoutMs} ms: ${url}\n${output.join('')}`);
}

/** A script run by node: TypeScript through tsx as its loader, compiled JavaScript as it is. */
/**
 * How `npm start` runs the API (package.json "start:run"; a test holds the two together): a young
 * generation of 64 MB, so the short-lived objects of a request die in fewer, cheaper scavenges
 * (the API's time in the garbage collector under the twins: 15 % of its CPU → 6 %).
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'] as const;

function startNode(script: string, env: Record<string, string>, port: number, readyPath: string, nodeFlags: readonly string[] = []): Promise<Started> {
  // node itself with tsx as its loader (not the tsx wrapper, which runs the script in a second
  // process): a SIGKILL must reach the server itself, or the fault run would leave it running.
  // LOAD_PROFILE_DIR: each server writes a V8 CPU profile there when it stops (open in Chrome DevTools).
  const profileDir = inheritedEnv().LOAD_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...profile, ...loader, script], {
    cwd: REPO_ROOT,
    env: { ...inheritedEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return void started.delete(child);
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    started.delete(child);
  };
  return waitReady(`${url}${readyPath}`, child, output).then(
    () => ({ url, port, child, output, stop }),
    async (error: unknown) => {
      await stop('SIGKILL');
      throw error;
    },
  );
}

/**
 * Where the scripts' API processes write their outbox e-mail (the file catcher): one directory
 * for the script's run, removed when it exits, not the checkout's .data/mail, which a full load
 * run would fill with a thousand receipts.
 */
let mailDir: string | undefined;
function scriptMailDir(): string {
  if (!mailDir) {
    const dir = (mailDir = mkdtempSync(join(tmpdir(), 'tsumiki-load-mail-')));
    onExit(() => {
      rmSync(dir, { recursive: true, force: true });
      mailDir = undefined;
    });
  }
  return mailDir;
}

/** One Tsumiki API process (apps/api server) on its own port, without the apps or the demo seed. */
export async function startApi(
  databaseUrl: string,
  options: { port?: number; poolMax?: number; metricsPort?: number; env?: Record<string, string> } = {},
): Promise<Started> {
  const port = options.port ?? (await freePort());
  return startNode(
    scriptEnv().LOAD_API_BUILD ? 'apps/api/dist/server.js' : 'apps/api/src/server.ts',
    {
      DATABASE_URL: databaseUrl,
      TSUMIKI_API_PORT: String(port),
      TSUMIKI_SERVE_APPS: '0',
      TSUMIKI_SEED_DEMO: '0',
      TSUMIKI_LOG_LEVEL: 'error',
      TSUMIKI_DATABASE_POOL_MAX: String(options.poolMax ?? 10),
      TSUMIKI_METRICS_PORT: String(options.metricsPort ?? 0),
      NODE_ENV: 'production',
      // The load's staff sign in with a password alone: the measured journeys start after sign-in.
      TSUMIKI_STAFF_TOTP: 'off',
      TSUMIKI_MAIL_DIR: scriptMailDir(),
      ...options.env,
    },
    port,
    '/healthz',
    API_NODE_FLAGS,
  );
}

/** The bare Fastify route, for the ratio: the same framework and machine, no database, no tRPC. */
export async function startBare(): Promise<Started> {
  const port = await freePort();
  return startNode('tooling/load/src/bare-server.ts', { BARE_PORT: String(port) }, port, '/bare');
}

/** The stack-limit twins (twin-server.ts): same session check and SQL as the API, nothing else. */
export async function startTwin(databaseUrl: string, poolMax: number): Promise<Started> {
  const port = await freePort();
  return startNode(
    'tooling/load/src/twin-server.ts',
    { BARE_PORT: String(port), TWIN_DATABASE_URL: databaseUrl, LOAD_POOL_MAX: String(poolMax) },
    port,
    '/healthz',
  );
}
