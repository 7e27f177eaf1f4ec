import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './env';

const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('production build (npm start)', () => {
  it('compiles the API to JavaScript that plain node starts: migrations from their folder, ready on /readyz', async () => {
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'tooling/scripts/build-api.mjs')], { cwd: REPO_ROOT });
    expect(stdout).toMatch(/API built: \d+ files/);
    const migrations = readdirSync(join(REPO_ROOT, 'packages/db/dist/migrations')).filter((f) => f.endsWith('.js'));
    const sources = readdirSync(join(REPO_ROOT, 'packages/db/src/migrations')).filter((f) => f.endsWith('.ts'));
    expect(migrations.length).toBe(sources.length);
    expect(existsSync(join(REPO_ROOT, 'apps/api/dist/server.js'))).toBe(true);

    const dataDir = mkdtempSync(join(tmpdir(), 'tsumiki-build-'));
    const port = await freePort();
    // Plain node, no loader: a TypeScript file anywhere on the way would stop it.
    const child = spawn(process.execPath, [join(REPO_ROOT, 'apps/api/dist/server.js')], {
      env: {
        PATH: process.env.PATH,
        TSUMIKI_DATA_DIR: dataDir,
        TSUMIKI_API_PORT: String(port),
        TSUMIKI_SERVE_APPS: '0',
        TSUMIKI_SEED_DEMO: '0',
        TSUMIKI_OUTBOX_INTERVAL_MS: '0',
        TSUMIKI_REMINDERS_INTERVAL_MS: '0',
        TSUMIKI_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      let ready: Response | undefined;
      for (let i = 0; i < 400 && child.exitCode === null && !ready?.ok; i++) {
        await new Promise((r) => setTimeout(r, 250));
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      }
      expect(ready?.status, output).toBe(200);
      expect(await ready!.json()).toEqual({ status: 'ready', database: 'ok' });
      expect(output).toContain(`migrated: ${sources.map((f) => f.replace(/\.ts$/, '')).join(', ')}`);
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("runs the spreadsheet reader's worker thread from its compiled module", async () => {
    // Runs after the build above (same file, in order): the worker is dist/…/sheet.worker.js beside read.js.
    const reader = join(REPO_ROOT, 'packages/api/dist/lib/sheets/read.js');
    const script = `const m = await import(${JSON.stringify(reader)}); console.log(JSON.stringify([m.workerEntry().eval, await m.readSheetRows({ format: 'csv', text: 'a,b\\n1,2\\n' })])); process.exit(0);`;
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-worker-'));
    try {
      const file = join(dir, 'check.mjs');
      writeFileSync(file, script);
      const { stdout } = await run(process.execPath, [file], { cwd: REPO_ROOT });
      expect(JSON.parse(stdout)).toEqual([false, [['a', 'b'], ['1', '2']]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
