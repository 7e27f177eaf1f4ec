import type { createCaller } from '@tsumiki/api';
import type { Database } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { formatRate } from '@tsumiki/domain/ccus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInCaller } from '../test-support';
import { seedDemo } from './demo';

// The figures of 「CCUS普及に向けた各団体の取組状況」 (seeds/000), read back through the API the
// dashboard calls: the demo must reproduce them for the months the document speaks of.
describe('CCUS demo figures against the associations’ own report', () => {
  let database: Database;
  let ministry: ReturnType<typeof createCaller>;
  beforeAll(async () => {
    database = await createPGliteTestDatabase();
    // Long after the document: the demo still covers the fiscal years it describes.
    await seedDemo(database.db, { now: new Date('2028-06-15T03:00:00Z') });
    ministry = await signedInCaller(database, 'ministry@demo.tsumiki.jp');
  }, 180_000);
  afterAll(() => database.close());

  const summaryOf = async (shortName: string, metricCode: string, fiscalYear: number, asOf: `${number}-${number}`) => {
    const overview = await ministry.ccus.overview({ fiscalYear, asOf });
    const association = overview.associations.find((a) => a.shortNameJa === shortName)!;
    expect(association.demoFigures).toBe(true);
    return association.summaries.find((s) => s.metricCode === metricCode)!;
  };

  it('日建連: January 2025 work-history records at 189% of the month’s target', async () => {
    const summary = await summaryOf('日建連', 'work_history_records', 2024, '2025-01');
    if (summary.kind !== 'flow') throw new Error('work-history records are a flow');
    expect(summary.year.latestMonth?.month).toBe('2025-01');
    expect(formatRate(summary.year.latestMonth.achievement!)).toBe('189%');
  });

  it('日空衛: 1.1 million records a year, 52% by the end of January 2025', async () => {
    const summary = await summaryOf('日空衛', 'work_history_records', 2024, '2025-01');
    if (summary.kind !== 'flow') throw new Error('work-history records are a flow');
    expect(summary.year.annualTarget).toBe(1_100_000);
    expect(summary.year.cumulative).toBe(572_400);
    expect(formatRate(summary.year.annualAchievement!)).toBe('52%');
  });

  it('日本電設工業協会: a registration renewal rate of 80% in FY2024, its target', async () => {
    const summary = await summaryOf('日本電設工業協会', 'registration_renewal_rate', 2024, '2025-03');
    if (summary.kind === 'flow') throw new Error('a rate');
    expect(formatRate(summary.value!)).toBe('80%');
    expect(summary.target).toBe(0.8);
  });

  it('建専連: company-ID 40.7% and individual-ID 58.1% at the end of R5', async () => {
    for (const [metricCode, shown] of [['company_id_rate', '40.7%'], ['individual_id_rate', '58.1%']] as const) {
      const summary = await summaryOf('建専連', metricCode, 2023, '2024-03');
      if (summary.kind === 'flow') throw new Error('a rate');
      expect([metricCode, summary.month, formatRate(summary.value!)]).toEqual([metricCode, '2024-03', shown]);
    }
  });

  it('marks the association page as demo figures', async () => {
    const overview = await ministry.ccus.overview({ fiscalYear: 2024, asOf: '2025-01' });
    const page = await ministry.ccus.association({ associationId: overview.associations[0]!.id, fiscalYear: 2024, asOf: '2025-01' });
    expect(page.demoFigures).toBe(true);
  });
});
