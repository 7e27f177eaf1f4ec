import { createDatabase, insertOrganisation, upsertCcusTarget, writeCcusFacts, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { monthsOfFiscalYear } from '@tsumiki/domain/ccus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchCcusOverviews } from './routers/ccus/overview-cache';
import { seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();

type Watched = Awaited<ReturnType<typeof watchCcusOverviews>>;
const PERIOD = { fiscalYear: 2025, asOf: '2026-01' } as const;

/**
 * The ministry's overview kept in memory by each API process, dropped on the database's notices.
 * "Another process" is a second connection pool with a cache of its own, as a second API process has.
 */
describe.each(backends)('ministry overviews kept in memory on $name', (backend) => {
  let database: Database;
  let here: Watched;
  let ministry: Client;
  let reporter: Client;
  let associationId: string;

  beforeAll(async () => {
    database = await backend.create();
    const seed = await seedRoles(database);
    associationId = seed.orgs.association.id;
    const records = monthsOfFiscalYear(2025).slice(0, 10).map((month) => ({
      memberFirmId: null,
      metricCode: 'work_history_records',
      periodMonth: `${month}-01`,
      numerator: 100_000,
      denominator: null,
      weightYen: null,
    }));
    await database.db.transaction().execute((trx) => writeCcusFacts(trx, associationId, records, null));
    here = await watchCcusOverviews(database);
    // The listener connects in the background, as at a server's start.
    for (let waited = 0; !here.cache.listening(); waited += 50) {
      if (waited > 10_000) throw new Error('the listener did not connect');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    ministry = await signedInClient(database, seed.users.ministry.email, { ccusOverviews: here.cache });
    reporter = await signedInClient(database, seed.users.association_reporter.email, { ccusOverviews: here.cache });
  });
  afterAll(async () => {
    await here.close();
    await database.close();
  });

  const recordsTarget = (overview: Awaited<ReturnType<Client['caller']['ccus']['overview']>>) =>
    overview.associations.find((a) => a.id === associationId)?.summaries.find((s) => s.metricCode === 'work_history_records');

  it('answers a second call from memory, and a change made through the API before that change is answered', async () => {
    const first = await ministry.caller.ccus.overview(PERIOD);
    expect(await ministry.caller.ccus.overview(PERIOD)).toBe(first);
    expect(here.cache.size()).toBe(1);
    // Kept objects are shared by every later call: none may change them.
    expect(Object.isFrozen(first.associations[0]!.summaries)).toBe(true);

    await reporter.caller.ccus.setTargets({ associationId, fiscalYear: 2025, targets: [{ metricCode: 'work_history_records', annualTarget: 1_500_000 }] });
    // No waiting: the save answered after this process heard of it.
    const after = await ministry.caller.ccus.overview(PERIOD);
    expect(after).not.toBe(first);
    const summary = recordsTarget(after);
    expect(summary?.kind === 'flow' && summary.year.annualTarget).toBe(1_500_000);
  });

  it('drops what it keeps when another process changes the figures, and keeps each period apart', async () => {
    // In-process PGlite has one connection: there, the same database stands in for the other process.
    const other = backend.name === 'postgres' ? await createDatabase({ kind: 'postgres', url: database.location }) : database;
    try {
      const before = await ministry.caller.ccus.overview(PERIOD);
      const earlier = await ministry.caller.ccus.overview({ fiscalYear: 2025, asOf: '2025-12' });
      expect(here.cache.size()).toBeGreaterThanOrEqual(2);
      await upsertCcusTarget(other.db, { associationId, fiscalYear: 2025, metricCode: 'work_history_records', annualTarget: 1_800_000, monthlyTargets: null, userId: null });
      await here.cache.settle();
      expect(here.cache.size()).toBe(0);
      const after = await ministry.caller.ccus.overview(PERIOD);
      expect(after).not.toBe(before);
      const summary = recordsTarget(after);
      expect(summary?.kind === 'flow' && summary.year.annualTarget).toBe(1_800_000);
      expect(await ministry.caller.ccus.overview({ fiscalYear: 2025, asOf: '2025-12' })).not.toBe(earlier);

      // A new association is a change too: it appears at once.
      await insertOrganisation(other.db, { kind: 'association', name_ja: '全国建設業協会', name_en: 'ZENKEN', short_name_ja: '全建' });
      await here.cache.settle();
      expect((await ministry.caller.ccus.overview(PERIOD)).associations.map((a) => a.shortNameJa)).toContain('全建');
    } finally {
      if (other !== database) await other.close();
    }
  });

  it('keeps nothing while it cannot hear the database', async () => {
    here.cache.lost();
    const first = await ministry.caller.ccus.overview(PERIOD);
    expect(await ministry.caller.ccus.overview(PERIOD)).not.toBe(first);
    expect(here.cache.size()).toBe(0);
    here.cache.ready();
    const kept = await ministry.caller.ccus.overview(PERIOD);
    expect(await ministry.caller.ccus.overview(PERIOD)).toBe(kept);
  });
});
