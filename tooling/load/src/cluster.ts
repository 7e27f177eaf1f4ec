/**
 * A private PostgreSQL cluster for the fault run, in a temporary directory on its own port, run as
 * the postgres OS user. The shared server at 5432 is never touched: stopping that one would break
 * everyone else's tests.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onExit } from './processes';

const run = promisify(execFile);

function binDir(explicit: string | undefined): string {
  if (explicit) return explicit;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql (set FAULTS_PG_BIN)');
  return join(root, versions[0], 'bin');
}

async function postgresUid(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export interface Cluster {
  port: number;
  adminUrl: string;
  /** Immediate shutdown: like a crash, the server comes back through WAL recovery. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and deletes its directory. */
  destroy(): Promise<void>;
}

export async function createCluster(port: number, bin?: string): Promise<Cluster> {
  const dir = binDir(bin);
  const base = mkdtempSync(join(tmpdir(), 'tsumiki-faults-pg-'));
  const data = join(base, 'data');
  const { uid, gid } = await postgresUid();
  chownSync(base, uid, gid);
  const asPostgres = (cmd: string, args: string[]) => run('runuser', ['-u', 'postgres', '--', join(dir, cmd), ...args], { cwd: base });
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  let running = false;
  const start = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '60', 'start']);
    running = true;
  };
  const stop = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    running = false;
  };
  // Whatever way the script ends, the private server is stopped and its files removed.
  const forget = onExit(() => {
    if (running) execFileSync('runuser', ['-u', 'postgres', '--', join(dir, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    rmSync(base, { recursive: true, force: true });
  });
  const cluster: Cluster = {
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      if (running) await stop().catch(() => {});
      rmSync(base, { recursive: true, force: true });
      forget();
    },
  };
  await start();
  return cluster;
}
