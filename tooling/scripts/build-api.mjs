#!/usr/bin/env node
/**
 * The production build of the API: every TypeScript file of apps/api and of the workspace packages
 * it runs (domain, db, api, pdf, wire) compiled to JavaScript, one file for one file, into each package's
 * own dist/ (src/x/y.ts → dist/x/y.js), so `node apps/api/dist/server.js` starts without compiling
 * anything at run time.
 *
 * One file per file, not a bundle: code that finds files beside itself keeps working — the
 * migrations folder read by packages/db/src/migrate.ts, a worker module started by its URL — and
 * third-party packages resolve from each package's node_modules as they do from source.
 * esbuild transpiles (types are checked by `pnpm typecheck`); a plugin rewrites the imports Node
 * cannot resolve by itself: extensionless relative ones (./context → ./context.js) and workspace
 * packages (@tsumiki/db → the relative path of that package's compiled entry). JSON is inlined.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = {
  '@tsumiki/api-server': 'apps/api',
  '@tsumiki/api': 'packages/api',
  '@tsumiki/db': 'packages/db',
  '@tsumiki/domain': 'packages/domain',
  '@tsumiki/pdf': 'packages/pdf',
  '@tsumiki/wire': 'packages/wire',
};
const SKIP = /\.(test|integration\.test|e2e\.test|bench)\.ts$|\.d\.ts$|(^|\/)testing(\/|$)|test-support\.ts$/;

const srcOf = (dir) => join(ROOT, dir, 'src');
const distOf = (dir) => join(ROOT, dir, 'dist');

function sources(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry) && !SKIP.test(relative(srcOf(dir), path).split(sep).join('/'))) out.push(path);
    }
  };
  walk(srcOf(dir));
  return out;
}

/** A workspace import (`@tsumiki/domain/ccus`) → the source file its package.json exports name. */
function workspaceTarget(specifier) {
  const name = Object.keys(PACKAGES).find((n) => specifier === n || specifier.startsWith(`${n}/`));
  if (!name) return null;
  const dir = PACKAGES[name];
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
  const key = specifier === name ? '.' : `.${specifier.slice(name.length)}`;
  const target = manifest.exports?.[key];
  if (typeof target !== 'string') throw new Error(`${specifier}: no export "${key}" in ${dir}/package.json`);
  return { dir, file: join(ROOT, dir, target) };
}

/** Where a source file of a built package lands: <pkg>/src/a/b.ts → <pkg>/dist/a/b.js. */
function outputOf(file) {
  const dir = Object.values(PACKAGES).find((d) => file.startsWith(srcOf(d) + sep));
  if (!dir) throw new Error(`${file} is outside the built packages`);
  return join(distOf(dir), relative(srcOf(dir), file)).replace(/\.tsx?$/, '.js');
}

function resolveSource(base) {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next
    }
  }
  return null;
}

const rewriteImports = {
  name: 'tsumiki-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      // JSON (the domain's messages) is inlined: Node would need import attributes for it.
      if (args.path.endsWith('.json')) return undefined;
      let target = null;
      if (args.path.startsWith('.')) target = resolveSource(resolve(args.resolveDir, args.path));
      else {
        const workspace = workspaceTarget(args.path);
        if (workspace) target = workspace.file;
        else return { path: args.path, external: true }; // node: built-ins and node_modules, as they are
      }
      if (!target) return undefined; // not TypeScript (a .js or asset): let esbuild report or inline it
      if (target.endsWith('.json')) return { path: target };
      const from = dirname(outputOf(args.importer));
      let path = relative(from, outputOf(target)).split(sep).join('/');
      if (!path.startsWith('.')) path = `./${path}`;
      return { path, external: true };
    });
  },
};

const started = Date.now();
let files = 0;
for (const dir of Object.values(PACKAGES)) {
  rmSync(distOf(dir), { recursive: true, force: true });
  const entryPoints = sources(dir);
  files += entryPoints.length;
  await build({
    entryPoints,
    outbase: srcOf(dir),
    outdir: distOf(dir),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [rewriteImports],
  });
}
console.log(`API built: ${files} files to JavaScript in ${((Date.now() - started) / 1000).toFixed(1)} s — node apps/api/dist/server.js`);
