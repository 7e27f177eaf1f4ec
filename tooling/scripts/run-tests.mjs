#!/usr/bin/env node
// Runs every check through Turborepo, then adds up the Vitest reports written during this run
// into one closing line: "Tests: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
// --continue: one CI run reports every failing package, not only the first.
const common = ['--continue', '--output-logs=errors-only', '--summarize', ...process.argv.slice(2)];
const turboArgs = (...tasks) => ['exec', 'turbo', 'run', ...tasks, ...common];
/** The longest test suites (databases, servers, spawned processes); Turborepo orders them in their lane. */
const SERVER_SUITES = ['@tsumiki/api-server', '@tsumiki/api', '@tsumiki/load', '@tsumiki/db'];

// The builds first, once: the browser tests serve the built apps, and two Turborepo runs building
// the same package at once would write one dist over the other.
const build = spawnSync('pnpm', [...turboArgs('build'), '--concurrency=2'], { cwd: root, stdio: 'inherit' });

// Then the checks, and the browser tests after them, not beside them. The machine is CPU-bound
// from the first task to the last, so running both halves at once bought no CPU, only contention:
// side by side a clean-clone CI took 1,721–1,894 s, while the two halves alone took about 640 s and
// 390 s. Under that contention the server's tests ran four times their own length and the
// browser tests waited on pages that a starved Chromium was slow to draw.
const run = (args) =>
  new Promise((resolve) => {
    const child = spawn('pnpm', args, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
const checks = build.status === 0 ? await runChecks() : 1;
/**
 * The checks in two lanes of one task at a time, side by side: the server suites (some 350, 200,
 * 120 and 110 s on a busy 2-core machine) in one; every typecheck and lint, then the other suites,
 * in the other (about as long in all). One Turborepo run of two at a time picks its own order, and
 * two clean-clone runs started the 200-s suite last, alone for most of its length: the checks took
 * 1,004 and 926 s. Given arguments of its own (`pnpm test --filter=…`), it is that one run, as before.
 */
async function runChecks() {
  if (process.argv.length > 2) return run([...turboArgs('typecheck', 'lint', 'test'), '--concurrency=2']);
  const lane = (...runs) => runs.reduce((done, args) => done.then(async (codes) => [...codes, await run(args)]), Promise.resolve([]));
  const servers = SERVER_SUITES.map((name) => `--filter=${name}`);
  const codes = (
    await Promise.all([
      lane([...turboArgs('test'), ...servers, '--concurrency=1']),
      lane(
        [...turboArgs('typecheck', 'lint'), '--concurrency=1'],
        [...turboArgs('test'), ...SERVER_SUITES.map((name) => `--filter=!${name}`), '--concurrency=1'],
      ),
    ])
  ).flat();
  return codes.find((code) => code !== 0) ?? 0;
}

// After failed checks too: one CI run reports every failure.
const e2e = build.status === 0 ? await run([...turboArgs('e2e'), '--only']) : 1;
const status = [build.status ?? 1, e2e, checks].find((code) => code !== 0) ?? 0;

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
process.exit(status);

/**
 * The run's slowest tasks from Turborepo's run summary (--summarize), so a CI log says where its
 * time went without a second, instrumented run.
 */
function printSlowestTasks() {
  const runs = join(root, '.turbo', 'runs');
  let summaries = [];
  try {
    summaries = readdirSync(runs)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(runs, f))
      .filter((f) => statSync(f).mtimeMs >= started);
  } catch {
    return;
  }
  const tasks = summaries
    .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')).tasks ?? [])
    .map((t) => ({ id: t.taskId, ms: (t.execution?.endTime ?? 0) - (t.execution?.startTime ?? 0), start: t.execution?.startTime ?? 0 }))
    .filter((t) => t.ms > 0)
    .sort((a, b) => b.ms - a.ms);
  if (tasks.length === 0) return;
  const first = Math.min(...tasks.map((t) => t.start));
  console.log('\nSlowest tasks (seconds; started at):');
  for (const t of tasks.slice(0, 12)) {
    console.log(`  ${(t.ms / 1000).toFixed(0).padStart(5)}  +${((t.start - first) / 1000).toFixed(0).padStart(4)}  ${t.id}`);
  }
}
