// Largest source files and functions (line spans) under the given folders, tests excluded.
// usage: node sizes.mjs <dir>... ; uses the repo's typescript compiler API.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(path.resolve('packages/domain/package.json'));
const ts = require('typescript');
const files = [];
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue; const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.tsx?$/.test(e.name) && !/\.(test|spec|integration\.test|e2e\.test)\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p); } };
process.argv.slice(2).forEach(walk);
const fileSizes = []; const fns = [];
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  fileSizes.push([text.split('\n').length - (text.endsWith('\n') ? 1 : 0), f]);
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const visit = (n) => {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessor(n)) {
      const a = sf.getLineAndCharacterOfPosition(n.getStart()).line, b = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      let name = n.name?.getText?.() ?? (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText() : ts.isPropertyAssignment(n.parent) ? n.parent.name.getText() : '<anon>');
      fns.push([b - a + 1, `${f}:${a + 1} ${name}`]);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
const top = Number(process.env.TOP ?? 8);
fileSizes.sort((x, y) => y[0] - x[0]); fns.sort((x, y) => y[0] - x[0]);
console.log('largest files:'); fileSizes.slice(0, top).forEach(([n, f]) => console.log(`  ${n}\t${f}`));
console.log('largest functions:'); fns.slice(0, top).forEach(([n, f]) => console.log(`  ${n}\t${f}`));
console.log(`files over 600: ${fileSizes.filter(([n]) => n > 600).length}; functions over 120: ${fns.filter(([n]) => n > 120).length}`);
