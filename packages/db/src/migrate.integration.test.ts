import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('migrations on $name', (backend) => {
  it('records every file of the migrations folder as run, in name order', async () => {
    const onDisk = readdirSync(new URL('./migrations/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();
    const database = await backend.create();
    try {
      const { rows } = await sql<{
        name: string;
      }>`select name from kysely_migration order by timestamp, name`.execute(database.db);
      expect(rows.map((r) => r.name)).toEqual(onDisk);
    } finally {
      await database.close();
    }
  });
});
