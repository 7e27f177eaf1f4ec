import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createMigratedPGlite } from './pglite-snapshot';

describe('migrated PGlite from a dump', () => {
  it('is fully migrated and independent of every other database loaded from the same dump', async () => {
    const first = await createMigratedPGlite();
    const second = await createMigratedPGlite();
    try {
      const onDisk = readdirSync(new URL('../migrations/', import.meta.url)).filter((f) => f.endsWith('.ts')).length;
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(second.db);
      expect(rows[0]?.n).toBe(onDisk);
      await sql`create table only_in_first (id int)`.execute(first.db);
      const { rows: seen } = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'only_in_first'`.execute(second.db);
      expect(seen[0]?.n).toBe(0);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
