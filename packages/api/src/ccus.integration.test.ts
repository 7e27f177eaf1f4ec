import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { insertMemberFirms, insertOrganisation, upsertCcusTarget, writeCcusFacts, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { monthsOfFiscalYear } from '@tsumiki/domain/ccus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();

describe.each(backends)('CCUS API on $name', (backend) => {
  let database: Database;
  let ownId: string;
  let otherId: string;
  let ministry: Client;
  let viewer: Client;
  let reporter: Client;

  beforeAll(async () => {
    database = await backend.create();
    const seed = await seedRoles(database);
    ownId = seed.orgs.association.id;
    const other = await insertOrganisation(database.db, { kind: 'association', name_ja: '全国建設業協会', name_en: 'ZENKEN', short_name_ja: '全建' });
    otherId = other.id;
    const { db } = database;
    const [a, b] = await insertMemberFirms(db, ownId, [
      { name: 'A建設', projectCostYen: 900_000_000 },
      { name: 'B工業', projectCostYen: 100_000_000 },
    ]);
    await db.transaction().execute(async (trx) => {
      // Work-history records: last year complete (80,000 a month), this year April–January (100,000).
      const records = [
        ...monthsOfFiscalYear(2024).map((m) => ({ month: m, n: 80_000 })),
        ...monthsOfFiscalYear(2025).slice(0, 10).map((m) => ({ month: m, n: 100_000 })),
      ];
      await writeCcusFacts(
        trx,
        ownId,
        records.map((r) => ({ memberFirmId: null, metricCode: 'work_history_records', periodMonth: `${r.month}-01`, numerator: r.n, denominator: null, weightYen: null })),
        null,
      );
      await writeCcusFacts(
        trx,
        ownId,
        [
          { memberFirmId: a!.id, metricCode: 'business_registration_rate', periodMonth: '2025-09-01', numerator: 30, denominator: 100, weightYen: null },
          { memberFirmId: b!.id, metricCode: 'business_registration_rate', periodMonth: '2025-09-01', numerator: 90, denominator: 100, weightYen: null },
        ],
        null,
      );
      await writeCcusFacts(
        trx,
        otherId,
        [{ memberFirmId: null, metricCode: 'work_history_records', periodMonth: '2025-04-01', numerator: 5_000, denominator: null, weightYen: null }],
        null,
      );
      await upsertCcusTarget(trx, { associationId: ownId, metricCode: 'work_history_records', fiscalYear: 2025, annualTarget: 1_100_000, monthlyTargets: null, userId: null });
      await upsertCcusTarget(trx, { associationId: otherId, metricCode: 'work_history_records', fiscalYear: 2025, annualTarget: 100_000, monthlyTargets: null, userId: null });
    });
    ministry = await signedInClient(database, seed.users.ministry.email);
    viewer = await signedInClient(database, seed.users.association_viewer.email);
    reporter = await signedInClient(database, seed.users.association_reporter.email);
  });
  afterAll(() => database?.close());

  it('shows the ministry every association and the national roll-up', async () => {
    const overview = await ministry.caller.ccus.overview({ fiscalYear: 2025, asOf: '2026-01' });
    expect(overview.associations.map((a) => a.shortNameJa).sort()).toEqual(['全建', '協']);
    const own = overview.associations.find((a) => a.id === ownId)!;
    const records = own.summaries.find((s) => s.metricCode === 'work_history_records');
    if (records?.kind !== 'flow') throw new Error('expected the flow summary');
    expect(records.year.cumulative).toBe(1_000_000);
    expect(records.year.annualTarget).toBe(1_100_000);
    expect(records.year.projection.method).toBe('seasonal');
    const national = overview.national.find((s) => s.metricCode === 'work_history_records');
    if (national?.kind !== 'flow') throw new Error('expected the flow summary');
    expect(national.year.cumulative).toBe(1_005_000);
    expect(national.year.annualTarget).toBe(1_200_000);

    const rate = own.summaries.find((s) => s.metricCode === 'business_registration_rate');
    // 120 of 200 by count; by 事業費 (0.3 × 9 + 0.9 × 1) ÷ 10 = 36%.
    expect(rate).toMatchObject({ month: '2025-09', value: 0.6 });
    expect(rate?.kind !== 'flow' && rate?.costWeightedValue).toBeCloseTo(0.36, 12);
  });

  it('lets association staff read their own association and not another', async () => {
    const page = await viewer.caller.ccus.association({ associationId: ownId, fiscalYear: 2025, asOf: '2026-01' });
    expect(page.series.filter((s) => s.metricCode === 'work_history_records')).toHaveLength(22);
    const refused = await viewer.caller.ccus.association({ associationId: otherId, fiscalYear: 2025, asOf: '2026-01' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('NOT_FOUND');
    await expect(viewer.caller.ccus.overview({ fiscalYear: 2025, asOf: '2026-01' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('drills down to member firms ranked by rate, computed from their parts, a page at a time', async () => {
    const members = await ministry.caller.ccus.members({ associationId: ownId, metricCode: 'business_registration_rate', month: '2025-09' });
    expect(members.rows.map((m) => [m.rank, m.name, m.value])).toEqual([
      [1, 'B工業', 0.9],
      [2, 'A建設', 0.3],
    ]);
    expect(members).toMatchObject({ firms: 2, withValue: 2 });
    expect(members.bands.map((b) => b.firms)).toEqual([0, 1, 0, 0, 1]);
    const second = await ministry.caller.ccus.members({ associationId: ownId, metricCode: 'business_registration_rate', month: '2025-09', offset: 1, limit: 25 });
    expect(second.rows.map((m) => [m.rank, m.name])).toEqual([[2, 'A建設']]);
    expect(second.firms).toBe(2);
    await expect(ministry.caller.ccus.members({ associationId: ownId, metricCode: 'no_such_metric', month: '2025-09' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a malformed month with a clear code', async () => {
    const error = await ministry.caller.ccus.overview({ fiscalYear: 2025, asOf: '2026-13' }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });

  describe('CSV import', () => {
    const header = '指標コード,年月,会員企業,実績,分母,事業費';
    const good = ['work_history_records,2026年2月,,"110,000",,', 'business_registration_rate,2026-03,A建設,50,100,'];
    const bad = 'business_registration_rate,2026-03,存在しない会社,50,40,';

    it('previews every row’s problem in the user’s language and saves nothing while any row is wrong', async () => {
      const before = await reporter.caller.ccus.association({ associationId: ownId, fiscalYear: 2025, asOf: '2026-03' });
      const preview = await reporter.caller.ccus.importFacts({ associationId: ownId, file: { format: 'csv', text: [header, ...good, bad].join('\n') }, commit: true });
      expect(preview).toMatchObject({ ok: false, errorRows: 1, saved: 0 });
      const wrong = preview.rows.find((r) => r.line === 4)!;
      expect(wrong.issues.map((i) => i.message)).toEqual([
        '会員企業「存在しない会社」は登録されていません。会員企業の名称を確認してください。',
        '率の分子（該当数）が分母（対象数）を超えています。',
      ]);
      const after = await reporter.caller.ccus.association({ associationId: ownId, fiscalYear: 2025, asOf: '2026-03' });
      expect(after).toEqual(before);
    });

    it('saves a corrected file, rolls it up and records who imported it', async () => {
      const preview = await reporter.caller.ccus.importFacts({ associationId: ownId, file: { format: 'csv', text: [header, ...good].join('\n') }, commit: false });
      expect(preview).toMatchObject({ ok: true, errorRows: 0, saved: 0 });
      const saved = await reporter.caller.ccus.importFacts({ associationId: ownId, file: { format: 'csv', text: [header, ...good].join('\n') }, commit: true });
      expect(saved.saved).toBe(2);
      const page = await reporter.caller.ccus.association({ associationId: ownId, fiscalYear: 2025, asOf: '2026-03' });
      const records = page.summaries.find((s) => s.metricCode === 'work_history_records');
      if (records?.kind !== 'flow') throw new Error('expected the flow summary');
      expect(records.year.cumulative).toBe(1_110_000);
      const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'ccus.import').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]?.after).toMatchObject({ rows: 2, months: ['2026-02', '2026-03'] });
    });

    it('says which rows would replace stored figures, and with what, before saving', async () => {
      const changed = ['work_history_records,2026-02,,"120,000",,', 'business_registration_rate,2026-03,A建設,60,100,', 'work_history_records,2021-04,,1,,'];
      const preview = await reporter.caller.ccus.importFacts({ associationId: ownId, file: { format: 'csv', text: [header, ...changed].join('\n') }, commit: false });
      expect(preview.replacingRows).toBe(2);
      expect(preview.rows.map((r) => r.replaces)).toEqual([{ numerator: 110_000, denominator: null }, { numerator: 50, denominator: 100 }, null]);
    });

    it('refuses unreadable CSV clearly, and other associations and non-reporters', async () => {
      await expect(
        reporter.caller.ccus.importFacts({ associationId: ownId, file: { format: 'csv', text: `${header}\n"unterminated,2026-01,,1,,` }, commit: false }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'ccus.import_unreadable' } });
      await expect(
        reporter.caller.ccus.importFacts({ associationId: otherId, file: { format: 'csv', text: [header, ...good].join('\n') }, commit: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        viewer.caller.ccus.importFacts({ associationId: ownId, file: { format: 'csv', text: [header, ...good].join('\n') }, commit: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('figures typed into the form', () => {
    it('refuses a month with one wrong figure (nothing saved), then saves the corrected month', async () => {
      const wrong = await reporter.caller.ccus.enterFigures({
        associationId: ownId,
        month: '2025-09',
        figures: [
          { metricCode: 'work_history_records', numerator: 120_000, denominator: null },
          { metricCode: 'registration_renewal_rate', numerator: 90, denominator: 80 },
        ],
      });
      expect(wrong).toMatchObject({ ok: false, errorRows: 1, saved: 0 });
      expect(wrong.rows[1]!.issues.map((i) => i.message)).toEqual(['率の分子（該当数）が分母（対象数）を超えています。']);
      const untouched = await reporter.caller.ccus.monthFigures({ associationId: ownId, month: '2025-09' });
      expect(untouched.find((f) => f.metricCode === 'work_history_records')?.reportedNumerator).toBe(100_000);
      expect(untouched.find((f) => f.metricCode === 'registration_renewal_rate')).toBeUndefined();

      const saved = await reporter.caller.ccus.enterFigures({
        associationId: ownId,
        month: '2025-09',
        figures: [
          { metricCode: 'work_history_records', numerator: 100_000, denominator: null },
          { metricCode: 'registration_renewal_rate', numerator: 80, denominator: 100 },
        ],
      });
      expect(saved).toMatchObject({ ok: true, saved: 2 });
      const after = await viewer.caller.ccus.monthFigures({ associationId: ownId, month: '2025-09' });
      expect(after.find((f) => f.metricCode === 'registration_renewal_rate')).toMatchObject({ reportedNumerator: 80, reportedDenominator: 100 });
      await expect(
        viewer.caller.ccus.enterFigures({ associationId: ownId, month: '2025-09', figures: [{ metricCode: 'registration_renewal_rate', numerator: 1, denominator: 2 }] }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('member survey', () => {
    it('saves a year, refuses more answers than firms surveyed, and compares with the year before', async () => {
      const counts = { none: 390, under_20: 160, from_20_to_49: 140, from_50_to_79: 90, at_least_80: 70 };
      await reporter.caller.ccus.saveSurvey({ associationId: ownId, survey: { fiscalYear: 2023, surveyed: 1_200, counts } });
      const error = await reporter.caller.ccus
        .saveSurvey({ associationId: ownId, survey: { fiscalYear: 2024, surveyed: 100, counts } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect(JSON.stringify((error as TRPCError).cause)).toContain('ccus.survey_more_answers_than_surveyed');
      await reporter.caller.ccus.saveSurvey({
        associationId: ownId,
        survey: { fiscalYear: 2024, surveyed: 1_150, counts: { none: 344, under_20: 170, from_20_to_49: 160, from_50_to_79: 120, at_least_80: 106 } },
      });
      const history = await viewer.caller.ccus.surveys({ associationId: ownId });
      expect(history.map((h) => h.fiscalYear)).toEqual([2023, 2024]);
      expect(Math.round(history[1]!.change!.none * 1000) / 10).toBe(-7.7);
      await expect(reporter.caller.ccus.surveys({ associationId: otherId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('member firms and the association’s own metrics', () => {
    it('adds and renames firms (names compared after width normalisation), refusing a duplicate', async () => {
      const added = await reporter.caller.ccus.saveMemberFirm({ associationId: ownId, name: ' Ｃ電工 ', projectCostYen: 300_000_000 });
      expect(added.name).toBe('C電工');
      await expect(reporter.caller.ccus.saveMemberFirm({ associationId: ownId, name: 'C電工', projectCostYen: null })).rejects.toMatchObject({
        code: 'CONFLICT',
        cause: { code: 'ccus.member_name_taken' },
      });
      await expect(reporter.caller.ccus.saveMemberFirm({ associationId: ownId, name: '', projectCostYen: null })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const renamed = await reporter.caller.ccus.saveMemberFirm({ associationId: ownId, id: added.id, name: 'C電工株式会社', projectCostYen: 350_000_000 });
      expect(renamed).toMatchObject({ id: added.id, name: 'C電工株式会社', projectCostYen: 350_000_000 });
      const list = await viewer.caller.ccus.memberFirms({ associationId: ownId });
      expect(list.find((f) => f.name === 'A建設')).toMatchObject({ figures: expect.any(Number), latestMonth: expect.stringMatching(/^\d{4}-\d{2}$/) });
      expect(list.find((f) => f.id === added.id)).toMatchObject({ name: 'C電工株式会社', figures: 0, latestMonth: null });
      // Another association's firm cannot be edited through this one.
      await expect(
        reporter.caller.ccus.saveMemberFirm({ associationId: ownId, id: '00000000-0000-4000-8000-000000000000', name: 'X', projectCostYen: null }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('defines an association metric, imports it and shows it on the page; a built-in code is refused', async () => {
      const definition = {
        code: 'safety_training_rate',
        nameJa: '安全研修でのCCUS説明実施率',
        nameEn: 'CCUS briefings at safety training',
        kind: 'ratio' as const,
        unit: 'rate' as const,
        period: 'half_yearly' as const,
        views: ['count' as const],
        formulaJa: 'CCUSを説明した研修会数 ÷ 研修会数',
        formulaEn: 'Training sessions with a CCUS briefing ÷ sessions',
      };
      await reporter.caller.ccus.addCustomMetric({ associationId: ownId, definition });
      await expect(reporter.caller.ccus.addCustomMetric({ associationId: ownId, definition: { ...definition, code: 'touch_rate' } })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      await expect(reporter.caller.ccus.addCustomMetric({ associationId: ownId, definition })).rejects.toMatchObject({ cause: { code: 'ccus.metric_code_taken' } });
      const saved = await reporter.caller.ccus.importFacts({
        associationId: ownId,
        file: { format: 'csv', text: '指標コード,年月,会員企業,実績,分母\nsafety_training_rate,2025-09,,12,15' },
        commit: true,
      });
      expect(saved).toMatchObject({ ok: true, saved: 1 });
      const page = await viewer.caller.ccus.association({ associationId: ownId, fiscalYear: 2025, asOf: '2026-01' });
      expect(page.customMetrics.map((m) => m.code)).toEqual(['safety_training_rate']);
      expect(page.summaries.find((s) => s.metricCode === 'safety_training_rate')).toMatchObject({ value: 0.8, month: '2025-09' });
      // Another association does not know the metric.
      const elsewhere = await ministry.caller.ccus.customMetrics({ associationId: otherId });
      expect(elsewhere).toEqual([]);
      // Targets: the own rate takes a fraction like a built-in one; an unknown code is refused.
      await reporter.caller.ccus.setTargets({ associationId: ownId, fiscalYear: 2025, targets: [{ metricCode: 'safety_training_rate', annualTarget: 0.9 }] });
      const withTarget = await viewer.caller.ccus.association({ associationId: ownId, fiscalYear: 2025, asOf: '2026-01' });
      expect(withTarget.summaries.find((s) => s.metricCode === 'safety_training_rate')).toMatchObject({ target: 0.9 });
      await expect(
        reporter.caller.ccus.setTargets({ associationId: ownId, fiscalYear: 2025, targets: [{ metricCode: 'safety_training_rate', annualTarget: 90 }] }),
      ).rejects.toMatchObject({ cause: { code: 'ccus.target_rate_out_of_range' } });
      await expect(
        reporter.caller.ccus.setTargets({ associationId: ownId, fiscalYear: 2025, targets: [{ metricCode: 'nobody_defined_this', annualTarget: 1 }] }),
      ).rejects.toMatchObject({ cause: { code: 'ccus.metric_not_found' } });
    });
  });

  describe('Excel import and exports', () => {
    async function workbook(rows: (string | number | Date | null)[][]) {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('入力');
      for (const row of rows) sheet.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    }
    const header = ['指標コード', '年月', '会員企業', '実績', '分母', '事業費'];

    it('reads an .xlsx as typed in Excel (dates, numbers, a blank row) and names the right row', async () => {
      const base64 = await workbook([
        header,
        ['work_history_records', new Date(Date.UTC(2026, 1, 1)), null, 110_000, null, null],
        [],
        ['business_registration_rate', '2026-03', '存在しない会社', 50, 100, null],
      ]);
      const preview = await reporter.caller.ccus.importFacts({ associationId: ownId, file: { format: 'xlsx', base64 }, commit: true });
      expect(preview).toMatchObject({ ok: false, errorRows: 1, saved: 0 });
      expect(preview.rows.map((r) => [r.line, r.month, r.numerator])).toEqual([
        [2, '2026-02', 110_000],
        [4, '2026-03', 50],
      ]);
      expect(preview.rows[1]!.issues[0]!.code).toBe('ccus.import_member_unknown');
    });

    it('refuses a file that is not a workbook with a message that says how to fix it', async () => {
      const error = await reporter.caller.ccus
        .importFacts({ associationId: ownId, file: { format: 'xlsx', base64: Buffer.from('not a zip').toString('base64') }, commit: false })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'ccus.import_xlsx_unreadable' } });
    });

    it('exports the page as CSV (BOM, the summary) and as a workbook with three sheets', async () => {
      const period = { associationId: ownId, fiscalYear: 2025, asOf: '2026-01' };
      const csv = await viewer.caller.ccus.exportAssociation({ ...period, format: 'csv' });
      expect(csv.filename).toMatch(/^CCUS_.+_FY2025_2026-01\.csv$/);
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(text.startsWith('\uFEFF指標,')).toBe(true);
      // April–January at 100,000 a month against 1,100,000 a year.
      expect(text).toContain('就業履歴数,累計（月次）,2026-01,1000000,,1100000,90.91,109.09');

      const xlsx = await viewer.caller.ccus.exportAssociation({ ...period, format: 'xlsx', members: { metricCode: 'business_registration_rate', month: '2025-09' } });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ExcelJS.Buffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(['概要', '月次データ', '会員企業']);
      const members = book.getWorksheet('会員企業')!;
      expect(members.getRow(2).values).toEqual([undefined, 'A建設', 'business_registration_rate', '2025-09', 30, 100, 30, 900_000_000]);
      await expect(viewer.caller.ccus.exportAssociation({ ...period, associationId: otherId, format: 'csv' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('targets and the yearly report', () => {
    it('sets targets with an audit trail and refuses out-of-range rates', async () => {
      await reporter.caller.ccus.setTargets({
        associationId: ownId,
        fiscalYear: 2025,
        targets: [
          { metricCode: 'work_history_records', annualTarget: 1_200_000 },
          { metricCode: 'business_registration_rate', annualTarget: 0.9 },
        ],
      });
      const plan = await viewer.caller.ccus.plan({ associationId: ownId, fiscalYear: 2025 });
      expect(plan.targets).toEqual(
        expect.arrayContaining([
          { metricCode: 'work_history_records', annualTarget: 1_200_000 },
          { metricCode: 'business_registration_rate', annualTarget: 0.9 },
        ]),
      );
      await expect(
        reporter.caller.ccus.setTargets({ associationId: ownId, fiscalYear: 2025, targets: [{ metricCode: 'business_registration_rate', annualTarget: 90 }] }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      // One entry for this save (the refused one wrote none), with the targets it replaced.
      const audit = (await database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'ccus.set_targets').execute()).filter((a) =>
        JSON.stringify(a.after).includes('work_history_records'),
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]?.before).toMatchObject({ targets: expect.arrayContaining([{ metricCode: 'work_history_records', annualTarget: 1_100_000 }]) });
    });

    it('refuses a save from a stale version, so two editors cannot overwrite each other', async () => {
      const base = { associationId: ownId, fiscalYear: 2025, statusText: '状況', goalsText: '目標', actionsText: '内容', published: true };
      const first = await reporter.caller.ccus.saveReport({ ...base, version: 0 });
      expect(first.version).toBe(1);
      await expect(reporter.caller.ccus.saveReport({ ...base, goalsText: '別の画面から', version: 0 })).rejects.toMatchObject({
        code: 'CONFLICT',
        cause: { code: 'ccus.report_version_conflict' },
      });
      const plan = await viewer.caller.ccus.plan({ associationId: ownId, fiscalYear: 2025 });
      expect(plan.report).toMatchObject({ goalsText: '目標', version: 1 });
      const published = await ministry.caller.ccus.publicSummary();
      expect(published.map((r) => r.goalsText)).toEqual(['目標']);
    });
  });
});

