import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { folderMigrationProvider, migrationFiles } from './migrate';

/** Names that existing databases have recorded as run: renaming one would run it again there. */
const RECORDED = [
  '2026-11-22T00-foundation',
  '2026-11-22T01-ccus',
  '2026-11-30T02-submissions',
  '2026-11-30T03-review',
  '2026-11-30T04-carbon',
  '2026-11-30T07-change-requests',
  '2026-11-30T07-lifecycle',
  '2026-11-30T08-organisations',
  '2026-11-30T09-review-console',
  '2026-11-30T10-attachment-storage',
];

describe('migrations are found from their folder', () => {
  it('runs every file of packages/db/src/migrations, in name order, under the names databases recorded', async () => {
    const folder = new URL('./migrations/', import.meta.url);
    const onDisk = readdirSync(folder)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();
    const found = Object.keys(await folderMigrationProvider().getMigrations());
    expect(found).toEqual(onDisk);
    expect(found).toEqual([...found].sort());
    for (const name of RECORDED) expect(found).toContain(name);
  });

  it('orders by name, whatever order the folder lists them in', () => {
    const files = migrationFiles(['2026-11-30T09-b.ts', '2026-11-22T00-a.ts', '2026-11-30T08-c.ts'], '.ts');
    expect(files.map((f) => f.name)).toEqual(['2026-11-22T00-a', '2026-11-30T08-c', '2026-11-30T09-b']);
  });

  it('refuses a file it would otherwise never run, naming it', () => {
    expect(() => migrationFiles(['2026-11-22T00-a.ts', 'add-index.ts'], '.ts')).toThrow(/add-index\.ts/);
    expect(() => migrationFiles(['2026-12-04-no-sequence.ts'], '.ts')).toThrow(/2026-12-04-no-sequence\.ts/);
    expect(() => migrationFiles(['2026-12-04T01-Camel.ts'], '.ts')).toThrow(/Camel/);
    expect(() => migrationFiles(['2026-12-04T01-notes.sql'], '.ts')).toThrow(/notes\.sql/);
  });

  it('ignores compiler by-products and prefers the kind of file the running build is made of', () => {
    const files = [
      '2026-11-22T00-a.ts',
      '2026-11-22T00-a.js',
      '2026-11-22T00-a.d.ts',
      '2026-11-22T00-a.js.map',
    ];
    expect(migrationFiles(files, '.js')).toEqual([{ name: '2026-11-22T00-a', file: '2026-11-22T00-a.js' }]);
    expect(migrationFiles(files, '.ts')).toEqual([{ name: '2026-11-22T00-a', file: '2026-11-22T00-a.ts' }]);
  });

  describe('in a compiled build', () => {
    let root: string | undefined;
    afterEach(() => {
      if (root) rmSync(root, { recursive: true, force: true });
      root = undefined;
    });
    /** A dist/ with its package.json (ESM, as this package is) and an empty migrations/ folder. */
    function compiledFolder(): string {
      root = mkdtempSync(join(tmpdir(), 'tsumiki-dist-'));
      writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
      mkdirSync(join(root, 'migrations'));
      return join(root, 'migrations');
    }

    it('imports the .js files beside it', async () => {
      const dir = compiledFolder();
      writeFileSync(
        join(dir, '2026-01-01T01-second.js'),
        'export async function up() { return "second"; }\n',
      );
      writeFileSync(join(dir, '2026-01-01T00-first.js'), 'export async function up() { return "first"; }\n');
      writeFileSync(
        join(dir, '2026-01-01T00-first.d.ts'),
        'export declare function up(): Promise<string>;\n',
      );
      const migrations = await folderMigrationProvider(pathToFileURL(dir + '/'), '.js').getMigrations();
      expect(Object.keys(migrations)).toEqual(['2026-01-01T00-first', '2026-01-01T01-second']);
    });

    it('refuses a migration file without up()', async () => {
      const dir = compiledFolder();
      writeFileSync(join(dir, '2026-01-01T00-empty.js'), 'export const nothing = 1;\n');
      await expect(folderMigrationProvider(pathToFileURL(dir + '/'), '.js').getMigrations()).rejects.toThrow(
        /2026-01-01T00-empty\.js exports no up/,
      );
    });
  });
});
