#!/usr/bin/env node
/**
 * Functions longer than a limit (120 lines by default) in the project's non-test TypeScript, longest
 * first: the house style keeps functions under ~120 lines, and this is how that is measured.
 *
 *   node tooling/scripts/function-sizes.mjs [limit]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/domain/package.json', import.meta.url));
const ts = require('typescript');
const limit = Number(process.argv[2] ?? 120);
const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mts'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^(packages|apps|tooling)\//.test(f) && !/\.(test|e2e\.test)\.|\.d\.ts$/.test(f));

const long = [];
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - start + 1;
      const name = node.name?.getText() ?? node.parent?.name?.getText?.() ?? '(anonymous)';
      if (lines > limit) long.push({ lines, where: `${file}:${start + 1}`, name });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
long.sort((a, b) => b.lines - a.lines);
for (const f of long) console.log(`${String(f.lines).padStart(5)}  ${f.where}  ${f.name}`);
console.log(`${long.length} function(s) over ${limit} lines`);
