import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { countRows, dumpDatabase, restoreDatabase } from './backup';
import {
  findCcusReport,
  insertMemberFirms,
  listPublishedCcusReports,
  saveCcusReportIfVersion,
  listCcusRollups,
  listCcusTargets,
  listMemberFigures,
  upsertCcusTarget,
  writeCcusFacts,
} from './repositories/ccus.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('CCUS facts on $name', (backend) => {
  let database: Database;
  let associationId: string;
  let firms: { id: string; name: string }[];

  beforeAll(async () => {
    database = await backend.create();
    const association = await insertOrganisation(database.db, {
      kind: 'association',
      name_ja: '日本空調衛生工事業協会',
      name_en: 'JACCA',
      short_name_ja: '日空衛',
    });
    associationId = association.id;
    firms = await insertMemberFirms(database.db, associationId, [
      { name: 'A設備', projectCostYen: 300_000_000_000 },
      { name: 'B工業', projectCostYen: 100_000_000_000 },
      { name: 'C工務店', projectCostYen: null },
    ]);
  });
  afterAll(() => database?.close());

  const firm = (name: string) => firms.find((f) => f.name === name)!.id;

  it('keeps monthly roll-ups equal to the facts, including replacements', async () => {
    await database.db.transaction().execute((trx) =>
      writeCcusFacts(
        trx,
        associationId,
        [
          { memberFirmId: firm('A設備'), metricCode: 'worker_registration_rate', periodMonth: '2025-09-01', numerator: 600, denominator: 1_000, weightYen: null },
          { memberFirmId: firm('B工業'), metricCode: 'worker_registration_rate', periodMonth: '2025-09-01', numerator: 90, denominator: 100, weightYen: null },
          { memberFirmId: firm('C工務店'), metricCode: 'worker_registration_rate', periodMonth: '2025-09-01', numerator: 5, denominator: 10, weightYen: null },
          { memberFirmId: null, metricCode: 'work_history_records', periodMonth: '2026-01-01', numerator: 54_900, denominator: null, weightYen: null },
        ],
        null,
      ),
    );
    const [rates] = await listCcusRollups(database.db, { fromMonth: '2025-09-01', toMonth: '2025-09-01', associationId });
    expect(rates).toMatchObject({ members: 3, sumNumerator: 695, sumDenominator: 1_110, reportedNumerator: null });
    // 事業費 weighting from the firms' project costs; C has none and is left out.
    expect(rates!.sumWeight).toBe(400_000_000_000);
    expect(rates!.sumWeightedRate / rates!.sumWeight).toBeCloseTo((0.6 * 300 + 0.9 * 100) / 400, 12);

    await database.db.transaction().execute((trx) =>
      writeCcusFacts(
        trx,
        associationId,
        [{ memberFirmId: firm('A設備'), metricCode: 'worker_registration_rate', periodMonth: '2025-09-01', numerator: 700, denominator: 1_000, weightYen: null }],
        null,
      ),
    );
    const [after] = await listCcusRollups(database.db, { fromMonth: '2025-09-01', toMonth: '2025-09-01', associationId });
    expect(after).toMatchObject({ members: 3, sumNumerator: 795, sumDenominator: 1_110 });

    const [records] = await listCcusRollups(database.db, { fromMonth: '2026-01-01', toMonth: '2026-01-01', metricCodes: ['work_history_records'] });
    expect(records).toMatchObject({ members: 0, reportedNumerator: 54_900, periodMonth: '2026-01-01' });
  });

  it('refuses a part larger than its whole and writes nothing of that batch', async () => {
    const before = await countRows(database.db, 'ccus_facts');
    await expect(
      database.db.transaction().execute((trx) =>
        writeCcusFacts(
          trx,
          associationId,
          [
            { memberFirmId: firm('B工業'), metricCode: 'touch_rate', periodMonth: '2025-10-01', numerator: 5, denominator: 10, weightYen: null },
            { memberFirmId: firm('C工務店'), metricCode: 'touch_rate', periodMonth: '2025-10-01', numerator: 11, denominator: 10, weightYen: null },
          ],
          null,
        ),
      ),
    ).rejects.toThrow(/ccus_facts_part_within_whole/);
    expect(await countRows(database.db, 'ccus_facts')).toBe(before);
    expect(await listCcusRollups(database.db, { fromMonth: '2025-10-01', toMonth: '2025-10-01' })).toEqual([]);
  });

  it('lists every member for drill-down, with or without a figure', async () => {
    const figures = await listMemberFigures(database.db, associationId, 'worker_registration_rate', '2025-09-01');
    expect(figures.map((f) => [f.name, f.numerator])).toEqual([
      ['A設備', 700],
      ['B工業', 90],
      ['C工務店', 5],
    ]);
    const none = await listMemberFigures(database.db, associationId, 'touch_rate', '2025-09-01');
    expect(none.every((f) => f.numerator === null)).toBe(true);
  });

  it('keeps one target per association, metric and fiscal year', async () => {
    const target = { associationId, metricCode: 'work_history_records', fiscalYear: 2025, monthlyTargets: null, userId: null };
    await upsertCcusTarget(database.db, { ...target, annualTarget: 1_000_000 });
    await upsertCcusTarget(database.db, { ...target, annualTarget: 1_100_000 });
    expect(await listCcusTargets(database.db, { fiscalYears: [2025], associationId })).toEqual([
      { associationId, metricCode: 'work_history_records', fiscalYear: 2025, annualTarget: 1_100_000, monthlyTargets: null },
    ]);
  });

  it('backs up and restores the CCUS tables, dates unshifted', async () => {
    const backup = await dumpDatabase(database.db);
    const fresh = await backend.create();
    try {
      await restoreDatabase(fresh.db, JSON.parse(JSON.stringify(backup)) as typeof backup);
      const original = await listCcusRollups(database.db, { fromMonth: '2000-01-01', toMonth: '2100-01-01' });
      const restored = await listCcusRollups(fresh.db, { fromMonth: '2000-01-01', toMonth: '2100-01-01' });
      expect(restored).toEqual(original);
      expect(await countRows(fresh.db, 'ccus_facts')).toBe(await countRows(database.db, 'ccus_facts'));
    } finally {
      await fresh.close();
    }
  });

  it('saves the year’s report only from the version it was read at (no lost update)', async () => {
    const { id: userId } = await database.db
      .insertInto('users')
      .values({ email: 'reporter@example.jp', display_name: '報告 担当', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report = { associationId, fiscalYear: 2025, statusText: '状況', goalsText: '目標', actionsText: '内容', published: false, userId };
    expect(await saveCcusReportIfVersion(database.db, report, 0)).toBe(1);
    expect(await saveCcusReportIfVersion(database.db, { ...report, goalsText: '別の人の目標' }, 0)).toBeUndefined();
    expect(await saveCcusReportIfVersion(database.db, { ...report, goalsText: '更新した目標', published: true }, 1)).toBe(2);
    expect(await saveCcusReportIfVersion(database.db, { ...report, goalsText: '古い版からの保存' }, 1)).toBeUndefined();
    expect(await findCcusReport(database.db, associationId, 2025)).toMatchObject({ goalsText: '更新した目標', version: 2, published: true });
    expect((await listPublishedCcusReports(database.db)).map((r) => [r.nameJa, r.fiscalYear])).toEqual([['日本空調衛生工事業協会', 2025]]);
  });
});

