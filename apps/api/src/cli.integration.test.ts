import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDatabase, countRows, readTableInKeyOrder, TABLES_IN_DEPENDENCY_ORDER } from '@tsumiki/db';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION_APPLICANTS } from './seed/demo';

const run = promisify(execFile);
// One account per role plus the other demo companies' own applicants.
const DEMO_USERS = DEMO_ACCOUNTS.length + DEMO_ORGANISATION_APPLICANTS.length;
const CLI = new URL('./cli.ts', import.meta.url).pathname;
// One node with tsx's loader (`tsx cli.ts` would start a second node to run it), resolved from the package.
const PACKAGE_DIR = new URL('..', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsumiki-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tsumiki(args: string[], dataDir: string, extraEnv: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, DATABASE_URL: '', TSUMIKI_DATA_DIR: dataDir, ...extraEnv },
  });
}

// Each step is a fresh tsx process opening PGlite (WASM start, migrations, the full demo seed): ~50 s
// on an idle 2-core machine, several times that while turbo runs other suites beside it.
describe('tsumiki CLI on an embedded PGlite directory', () => {
  it('migrates, seeds, backs up and restores into a fresh directory; data survives a restart', { timeout: 300_000 }, async () => {
    const source = join(tempDir(), 'pglite');
    expect((await tsumiki(['migrate'], source)).stdout).toContain('applied: 2026-11-22T00-foundation');
    expect((await tsumiki(['migrate'], source)).stdout).toContain('already up to date');
    expect((await tsumiki(['seed'], source)).stdout).toContain('applicant@demo.tsumiki.jp');
    // The demo has no open requests to applicants: the run finds nothing to remind.
    expect((await tsumiki(['reminders', 'run'], source)).stdout).toContain('reminders: 0 sent');

    // Restart: a new process opens the same directory and finds the data.
    const reopened = await createDatabase({ kind: 'pglite', dataDir: source });
    expect(await countRows(reopened.db, 'users')).toBe(DEMO_USERS);
    await reopened.close();

    const file = join(tempDir(), 'backup.json');
    await tsumiki(['backup', file], source);
    const target = join(tempDir(), 'pglite');
    expect((await tsumiki(['restore', file], target)).stdout).toContain(`users=${DEMO_USERS}`);

    const [a, b] = [await createDatabase({ kind: 'pglite', dataDir: source }), await createDatabase({ kind: 'pglite', dataDir: target })];
    for (const table of TABLES_IN_DEPENDENCY_ORDER) {
      const rowsA = await readTableInKeyOrder(a.db, table);
      const rowsB = await readTableInKeyOrder(b.db, table);
      expect(rowsB, table).toEqual(rowsA);
    }
    await a.close();
    await b.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'tsumiki-backup' });
  });

  it('creates a user with validation errors in Japanese and exits non-zero on bad input', { timeout: 300_000 }, async () => {
    const dir = join(tempDir(), 'pglite');
    await tsumiki(['seed'], dir);
    const orgs = (await tsumiki(['organisations'], dir)).stdout;
    const association = orgs.split('\n').find((l) => l.includes('日本建設業連合会'))!.split(/\s+/)[0]!;
    const bad = tsumiki(['create-user', '--email', 'nope', '--name', '', '--organisation', association, '--role', 'reporter'], dir);
    await expect(bad).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('メールアドレスの形式が正しくありません') });
    const wrongRole = tsumiki(
      ['create-user', '--email', 'x@example.jp', '--name', 'X', '--organisation', association, '--role', 'applicant'],
      dir,
      { TSUMIKI_NEW_PASSWORD: 'a long enough password' },
    );
    await expect(wrongRole).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('この役割はこの種類の組織には割り当てられません') });
    const ok = await tsumiki(
      ['create-user', '--email', 'New.Person@example.jp', '--name', '新 担当', '--organisation', association, '--role', 'association_reporter'],
      dir,
      { TSUMIKI_NEW_PASSWORD: 'a long enough password' },
    );
    expect(ok.stdout).toContain('created new.person@example.jp');
  });
});
