#!/usr/bin/env node
// Runs every check through Turborepo, then adds up the Vitest reports written during this run
// into one closing line: "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
// --continue: one CI run reports every failing package, not only the first.
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'typecheck', 'lint', 'test', 'build', 'e2e', '--concurrency=2', '--continue', '--output-logs=errors-only', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ['apps', 'packages', 'tooling']) {
  for (const name of readdirSync(join(root, group))) {
    const report = join(root, group, name, '.vitest', 'report.json');
    try {
      if (statSync(report).mtimeMs < started) continue;
    } catch {
      continue;
    }
    const data = JSON.parse(readFileSync(report, 'utf8'));
    passed += data.numPassedTests ?? 0;
    failed += data.numFailedTests ?? 0;
    skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0);
  }
}
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(turbo.status ?? 1);
