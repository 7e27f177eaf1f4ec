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
  ['exec', 'turbo', 'run', 'typecheck', 'lint', 'test', 'build', 'e2e', '--concurrency=2', '--continue', '--output-logs=errors-only', '--summarize', ...process.argv.slice(2)],
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
printSlowestTasks();
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(turbo.status ?? 1);

/**
 * The run's slowest tasks from Turborepo's run summary (--summarize), so a CI log says where its
 * time went without a second, instrumented run.
 */
function printSlowestTasks() {
  const runs = join(root, '.turbo', 'runs');
  let latest;
  try {
    latest = readdirSync(runs)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(runs, f))
      .filter((f) => statSync(f).mtimeMs >= started)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  } catch {
    return;
  }
  if (!latest) return;
  const summary = JSON.parse(readFileSync(latest, 'utf8'));
  const tasks = (summary.tasks ?? [])
    .map((t) => ({ id: t.taskId, ms: (t.execution?.endTime ?? 0) - (t.execution?.startTime ?? 0), start: t.execution?.startTime ?? 0 }))
    .filter((t) => t.ms > 0)
    .sort((a, b) => b.ms - a.ms);
  const first = Math.min(...tasks.map((t) => t.start));
  console.log('\nSlowest tasks (seconds; started at):');
  for (const t of tasks.slice(0, 12)) {
    console.log(`  ${(t.ms / 1000).toFixed(0).padStart(5)}  +${((t.start - first) / 1000).toFixed(0).padStart(4)}  ${t.id}`);
  }
}
