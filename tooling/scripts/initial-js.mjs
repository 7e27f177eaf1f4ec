#!/usr/bin/env node
/**
 * After `vite build`: the JavaScript a browser must load before the app's first screen — the entry
 * chunk and the chunks it imports statically, not the lazily loaded routes — summed gzip-compressed,
 * from Vite's manifest, against the budget (INITIAL_JS_BUDGET_KB, default 200). Over it, the build
 * fails (INITIAL_JS_STRICT=0 only warns, for a local experiment): the sign-in screens, zod and the
 * portal's notification popover are kept out of the first screen for this, and a static import
 * that drags one of them back in should be caught where it is made.
 *
 *   node tooling/scripts/initial-js.mjs apps/portal
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const appDir = resolve(process.argv[2] ?? '.');
const dist = join(appDir, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const budgetKb = Number(process.env.INITIAL_JS_BUDGET_KB ?? 200);

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

const files = [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const sizes = files.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const lazy = Object.values(manifest).filter((c) => c.isDynamicEntry).length;
const total = sizes.reduce((s, x) => s + x.gzip, 0);
const kb = (n) => (n / 1024).toFixed(1);
const name = appDir.split('/').pop();
for (const s of sizes) console.log(`  ${s.file}  ${kb(s.raw)} kB, ${kb(s.gzip)} kB gzip`);
console.log(`${name}: initial JavaScript ${kb(total)} kB gzip in ${sizes.length} chunk(s), ${lazy} lazy chunk(s); budget ${budgetKb} kB`);
if (total > budgetKb * 1024) {
  console.warn(`${name}: OVER BUDGET — initial JavaScript ${kb(total)} kB gzip > ${budgetKb} kB`);
  if (process.env.INITIAL_JS_STRICT !== '0') process.exit(1);
}
