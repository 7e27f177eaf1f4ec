import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = new URL('./cli.ts', import.meta.url).pathname;
// One node with tsx's loader (`tsx cli.ts` would start a second node to run it), resolved from the package.
const PACKAGE_DIR = new URL('..', import.meta.url).pathname;
// Help opens no database: an unreachable one proves it.
const tsumiki = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: PACKAGE_DIR, env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });

// Each command's text is checked in cli/help.test.ts; this checks what the shell sees.
describe('tsumiki <command> --help as a process', () => {
  it('prints the usage with exit code 0', { timeout: 60_000 }, async () => {
    const answer = await tsumiki(['carbon', 'assess', '--help']);
    expect(answer.stdout).toContain('Usage: pnpm tsumiki carbon assess');
    const grant = await tsumiki(['grant', 'compute', '--help']);
    expect(grant.stdout).toContain('Usage: pnpm tsumiki grant compute <programme>[@<version>] <input.json>');
    expect(grant.stdout).toContain('--definition <definition.json>');
  });

  it('refuses an unknown command with the usage and exit code 2', { timeout: 60_000 }, async () => {
    const failure = await tsumiki(['nope', '--help']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('unknown command "nope"');
  });
});
