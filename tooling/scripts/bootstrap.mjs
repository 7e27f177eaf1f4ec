#!/usr/bin/env node
// The two commands of the README run through here, so a fresh machine with only Node and npm
// needs nothing else: pnpm is fetched from the npm registry when missing, dependencies are
// installed from the lockfile when node_modules is missing or older than the lockfile.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PNPM_VERSION = '10.34.9';
const target = process.argv[2];
const extra = process.argv.slice(3);

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Tsumiki needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { cwd: root, encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

const [pnpm, pnpmPrefix] = pnpmCommand();
const modules = join(root, 'node_modules', '.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing dependencies (pnpm install --frozen-lockfile)…');
  const status = run(pnpm, [...pnpmPrefix, 'install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}

const scripts = { start: 'start:run', test: 'test:run' };
if (!scripts[target]) {
  console.error(`usage: node tooling/scripts/bootstrap.mjs ${Object.keys(scripts).join('|')}`);
  process.exit(2);
}
process.exit(run(pnpm, [...pnpmPrefix, 'run', scripts[target], ...extra]));
