import ExcelJS from 'exceljs';
import { insertApplication, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { pdfText } from '@tsumiki/pdf/testing';
import type { TCarbonProjectContent } from '@tsumiki/domain/carbon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyIfc } from './lib/ifc/ifc-test-support';
import { seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();

const FACTOR_HEADER = '原単位ID,資材キー,名称,名称（英語）,宣言単位,A1-A3,データ種別,所有者,出典,公表日';

describe.each(backends)('carbon API on $name', (backend) => {
  let database: Database;
  let applicant: Client;
  let otherApplicant: Client;
  let admin: Client;
  let reviewer: Client;
  let seed: Awaited<ReturnType<typeof seedRoles>>;

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    applicant = await signedInClient(database, seed.users.applicant.email, { now: () => new Date('2026-03-31T16:00:00Z') });
    otherApplicant = await signedInClient(database, seed.otherApplicant.email);
    admin = await signedInClient(database, seed.users.programme_admin.email);
    reviewer = await signedInClient(database, seed.users.reviewer.email);
  });
  afterAll(() => database?.close());

  const building = { use: 'office', structure: 'CLT', grossFloorAreaM2: 1000, works: 'new' as const };
  const clt = (id: string, quantity: number | null) => ({ id, category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity, unit: 'm3' });

  it('creates a project for the applicant’s organisation as of today in Japan, lists and reads it; others see nothing', async () => {
    const created = await applicant.caller.carbon.create({ name: 'CLT事務所' });
    expect(created).toMatchObject({ name: 'CLT事務所', version: 1, organisationId: seed.orgs.applicant.id });
    const project = await applicant.caller.carbon.get({ id: created.id });
    // 2026-03-31T16:00Z is 1 April in Japan.
    expect(project.content.settings.assessmentDate).toBe('2026-04-01');
    expect(project.content.scenarios.map((s) => s.id)).toEqual(['base']);
    expect((await applicant.caller.carbon.list()).map((p) => p.id)).toContain(created.id);
    expect(await otherApplicant.caller.carbon.list()).toEqual([]);
    await expect(otherApplicant.caller.carbon.get({ id: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { code: 'carbon.project_not_found' } });
    await expect(reviewer.caller.carbon.create({ name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('saves over the loaded version only: a stale save is a CONFLICT and changes nothing; saves are audited', async () => {
    const { id } = await applicant.caller.carbon.create({ name: '版管理' });
    const loaded = await applicant.caller.carbon.get({ id });
    const content: TCarbonProjectContent = { ...loaded.content, building, boq: [clt('L1', 10)] };
    expect(await applicant.caller.carbon.save({ id, version: 1, applicationId: null, content })).toEqual({ version: 2 });
    await expect(
      applicant.caller.carbon.save({ id, version: 1, applicationId: null, content: { ...content, boq: [] } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { code: 'carbon.project_version_conflict' } });
    expect((await applicant.caller.carbon.get({ id })).content.boq).toHaveLength(1);
    await expect(otherApplicant.caller.carbon.save({ id, version: 2, applicationId: null, content })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['carbon.create_project', 'carbon.save_project']);
    expect(audit[1]?.after).toMatchObject({ version: 2, lines: 1 });
  });

  it('links only an application of the same organisation', async () => {
    const { id } = await applicant.caller.carbon.create({ name: '申請に添付' });
    const own = await insertApplication(database.db, { programmeId: seed.programme.id, organisationId: seed.orgs.applicant.id, createdBy: seed.users.applicant.id, title: 'CLT', content: { programme: 'clt_demonstration' } });
    const theirs = await insertApplication(database.db, { programmeId: seed.programme.id, organisationId: seed.orgs.otherApplicant.id, createdBy: seed.otherApplicant.id, title: 'B', content: { programme: 'clt_demonstration' } });
    const { content } = await applicant.caller.carbon.get({ id });
    await expect(applicant.caller.carbon.save({ id, version: 1, applicationId: theirs.id, content })).rejects.toMatchObject({ cause: { code: 'carbon.application_not_found' } });
    await applicant.caller.carbon.save({ id, version: 1, applicationId: own.id, content });
    expect((await applicant.caller.carbon.get({ id })).applicationId).toBe(own.id);

    // The application page reads the linked assessment's headline figures; an unfinished one says what is open.
    expect(await applicant.caller.carbon.linkedTo({ applicationId: own.id })).toMatchObject([{ id, ok: false, issueCount: expect.any(Number) }]);
    await applicant.caller.carbon.save({ id, version: 2, applicationId: own.id, content: { ...content, building, boq: [clt('L1', 10)] } });
    const [linked] = await applicant.caller.carbon.linkedTo({ applicationId: own.id });
    expect(linked).toMatchObject({ id, ok: true, complete: true, evaluationYears: 60 });
    // A1–A3 10 m³ × 252, A4 2% and A5 6% of it (the scenario defaults).
    expect(linked?.ok && linked.upfrontKg).toBeCloseTo(2520 * 1.08, 9);
    await expect(applicant.caller.carbon.linkedTo({ applicationId: theirs.id })).rejects.toMatchObject({ cause: { code: 'carbon.application_not_found' } });
    expect(await otherApplicant.caller.carbon.linkedTo({ applicationId: theirs.id })).toEqual([]);
  });

  it('assesses every scenario of the editor’s content: results, comparison, and issues naming the line', async () => {
    const { content } = await applicant.caller.carbon.get({ id: (await applicant.caller.carbon.create({ name: '算定' })).id });
    const good = await applicant.caller.carbon.assess({
      content: { ...content, building, boq: [clt('L1', 10)], scenarios: [content.scenarios[0]!, { id: 'b', name: '施工削減', scenario: { a5Rate: 0.03 } }] },
    });
    expect(good.scenarios.map((s) => s.ok)).toEqual([true, true]);
    expect(good.scenarios[0]!.ok && good.scenarios[0]!.result.modules['A1-A3']).toBe(2520);
    expect(good.comparisons[0]!.scenarioId).toBe('b');
    const bad = await applicant.caller.carbon.assess({ content: { ...content, building, boq: [clt('L1', 10), clt('L2', -3)] } });
    expect(bad.scenarios[0]).toMatchObject({
      ok: false,
      issues: [{ code: 'carbon.quantity_negative', lineId: 'L2', message: '明細「L2」（2行目）の数量がマイナスです。0以上の数値を入力してください。' }],
    });
  });

  it('exports a scenario’s result as CSV, Excel or a PDF report, and refuses while the input has issues', async () => {
    const { content } = await applicant.caller.carbon.get({ id: (await applicant.caller.carbon.create({ name: '出力 テスト' })).id });
    const file = await applicant.caller.carbon.exportResult({ content: { ...content, building, boq: [clt('L1', 10)] }, scenarioId: 'base', format: 'csv' });
    expect(file.filename).toBe('LCCO2_出力_テスト_base.csv');
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain('module,A1-A3,資材製造,2520,2.52,0.042');
    const xlsx = await applicant.caller.carbon.exportResult({ content: { ...content, building, boq: [clt('L1', 10)] }, scenarioId: 'base', format: 'xlsx' });
    const pdf = await applicant.caller.carbon.exportResult({ content: { ...content, building, boq: [clt('L1', 10)] }, scenarioId: 'base', format: 'pdf' });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', filename: expect.stringMatching(/\.pdf$/) });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    expect(text).toContain('算定報告書');
    expect(text).toContain('2,520 kg-CO');
    expect(xlsx.filename.endsWith('.xlsx')).toBe(true);
    await expect(applicant.caller.carbon.exportResult({ content: { ...content, building, boq: [clt('L1', null)] }, scenarioId: 'base', format: 'csv' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'carbon.quantity_invalid' },
    });
  });

  it('maps Japanese material names: matched by alias, the rest with suggestions; choices remembered for the organisation only', async () => {
    const names = ['CLT', '集成材', '生コンクリート', '異形棒鋼', 'H形鋼', '板ガラス'];
    const first = await applicant.caller.carbon.resolveMaterialNames({ names });
    expect(first.map((r) => r.materialKey)).toEqual(['wood.clt', null, 'concrete.ready_mixed', 'steel.rebar', 'steel.section', 'glass.float']);
    const glulam = first[1]!;
    if (glulam.materialKey !== null) throw new Error('集成材 matched');
    expect(glulam.suggestions.slice(0, 2).map((s) => s.materialKey).sort()).toEqual(['wood.glulam_medium', 'wood.glulam_small']);
    await expect(
      applicant.caller.carbon.confirmMaterialNames({ mappings: [{ name: '集成材', materialKey: 'wood.nothing', remember: true }] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'carbon.material_key_not_in_library' } });
    const confirmed = await applicant.caller.carbon.confirmMaterialNames({
      mappings: [
        { name: '集成材', materialKey: 'wood.glulam_medium', remember: true },
        { name: '一度だけ', materialKey: 'wood.clt', remember: false },
      ],
    });
    expect(confirmed).toEqual({ mappings: [{ name: '集成材', materialKey: 'wood.glulam_medium' }, { name: '一度だけ', materialKey: 'wood.clt' }], remembered: 1 });
    expect(await applicant.caller.carbon.materialNames()).toMatchObject([{ name: '集成材', materialKey: 'wood.glulam_medium' }]);
    expect((await applicant.caller.carbon.resolveMaterialNames({ names: ['集成材', '一度だけ'] })).map((r) => [r.materialKey, 'how' in r ? r.how : null])).toEqual([
      ['wood.glulam_medium', 'remembered'],
      [null, null],
    ]);
    // Another organisation's applicant still gets the question; the file preview uses the remembered name.
    expect((await otherApplicant.caller.carbon.resolveMaterialNames({ names: ['集成材'] }))[0]!.materialKey).toBe(null);
    expect(await otherApplicant.caller.carbon.materialNames()).toEqual([]);
    const csv = '工事科目,工事細目,資材,数量,単位\n3,3.5,集成材,40,m3\n3,3.5,ＣＬＴ,120,m3\n3,3.9,謎の資材,1,m3\n';
    const preview = await applicant.caller.carbon.previewBoq({ file: { format: 'csv', text: csv } });
    expect(preview.ok).toBe(true);
    expect(preview.rows.map((r) => [r.materialName, r.values.materialKey, r.material && 'how' in r.material ? r.material.how : null])).toEqual([
      ['集成材', 'wood.glulam_medium', 'remembered'],
      ['ＣＬＴ', 'wood.clt', 'alias'],
      ['謎の資材', '謎の資材', null],
    ]);
    expect(preview.unmapped.map((u) => u.name)).toEqual(['謎の資材']);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'carbon.remember_material_names').execute();
    expect(audit).toHaveLength(1);
    await expect(applicant.caller.carbon.materialNames({ organisationId: seed.orgs.otherApplicant.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reviewer.caller.carbon.confirmMaterialNames({ mappings: [{ name: 'x', materialKey: 'wood.clt', remember: true }] })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Forgetting: only the owning organisation's names, and the next paste asks again.
    await expect(applicant.caller.carbon.forgetMaterialNames({ organisationId: seed.orgs.otherApplicant.id, names: ['集成材'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await otherApplicant.caller.carbon.forgetMaterialNames({ names: ['集成材'] })).toEqual({ forgotten: 0 });
    expect(await applicant.caller.carbon.materialNames()).toHaveLength(1);
    expect(await applicant.caller.carbon.forgetMaterialNames({ names: ['集成材'] })).toEqual({ forgotten: 1 });
    expect(await applicant.caller.carbon.materialNames()).toEqual([]);
    expect((await applicant.caller.carbon.resolveMaterialNames({ names: ['集成材'] }))[0]!.materialKey).toBe(null);
    expect(await database.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'carbon.forget_material_names').execute()).toHaveLength(1);
  });

  it('previews a BoQ file (CSV and Excel) row by row against the library, saving nothing', async () => {
    const csv = '延床面積,1200\n工事科目,工事細目,資材,数量,単位\n3,3.5,wood.clt,10,m3\n3,3.5,wood.nothing,1,m3\n3,3.5,CLT,-1,m3\n';
    const preview = await applicant.caller.carbon.previewBoq({ file: { format: 'csv', text: csv } });
    expect(preview).toMatchObject({ ok: false, errorRows: 1, building: { grossFloorAreaM2: 1200 } });
    // An unknown material is not an error of the file: it waits in the mapping step.
    expect(preview.rows[1]).toMatchObject({ line: 4, issues: [], material: { name: 'wood.nothing', materialKey: null } });
    expect(preview.rows[2]).toMatchObject({ line: 5, issues: [{ code: 'carbon.quantity_negative', message: expect.stringContaining('5行目') }] });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数量');
    sheet.addRow(['工事科目', '工事細目', '資材', '数量', '単位']);
    sheet.addRow(['3', '3.5', 'wood.lvl', 2.5, 'm3']);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const xlsx = await applicant.caller.carbon.previewBoq({ file: { format: 'xlsx', base64 } });
    expect(xlsx).toMatchObject({ ok: true, rows: [{ line: 2, values: { materialKey: 'wood.lvl', quantity: 2.5 } }] });
    await expect(applicant.caller.carbon.previewBoq({ file: { format: 'csv', text: 'a,"b\nc' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'carbon.import_unreadable' } });
  });

  it('previews an IFC model as BoQ lines with a summary of what was read and skipped, saving nothing', async () => {
    const base64 = Buffer.from(tinyIfc(), 'utf8').toString('base64');
    const preview = await applicant.caller.carbon.previewIfc({ file: { format: 'ifc', base64 } });
    expect(preview.lines.map((l) => [l.subItem, l.materialKey, l.quantity, l.unit])).toContainEqual(['3.1', 'Stahlbeton', 8.5, 'm3']);
    expect(preview.summary).toMatchObject({ schema: 'IFC4', elementsRead: 5, elementsUsed: 4, skippedByReason: { no_quantity: 1 }, unmappedMaterials: ['Holz', 'Mineralwolle', 'Stahlbeton'] });
    const notIfc = Buffer.from('工事科目,資材\n3,CLT\n', 'utf8').toString('base64');
    await expect(applicant.caller.carbon.previewIfc({ file: { format: 'ifc', base64: notIfc } })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { code: 'carbon.ifc_unreadable' } });
  });

  it('imports factor lists all or nothing (programme office only), and assessments then use them', async () => {
    const good = 'epd.acme.rebar,steel.rebar,ACME異形棒鋼,ACME rebar,t,720,EPD（個社製品データ）,ACME製鋼,SuMPO EPD JR-E-99999 (test fixture),2025-06-01';
    const bad = 'epd.acme.bad,steel.rebar,ACME,ACME,t,-1,epd_company,ACME,src,2025-06-01';
    const file = (...rows: string[]) => ({ format: 'csv' as const, text: [FACTOR_HEADER, ...rows].join('\n') });
    await expect(applicant.caller.carbon.importFactors({ file: file(good), commit: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const refused = admin.caller.carbon.importFactors({ file: file(good, bad), commit: true });
    await expect(refused).rejects.toMatchObject({ cause: { code: 'carbon.import_has_errors' } });
    const preview = await admin.caller.carbon.importFactors({ file: file(good, bad), commit: false });
    expect(preview).toMatchObject({ ok: false, errorRows: 1, saved: 0, rows: [{ line: 2, issues: [] }, { line: 3, issues: [{ code: 'carbon.factor_negative', message: expect.stringMatching(/^3行目の「A1-A3」: 原単位（A1–A3）は0以上/) }] }] });
    expect((await applicant.caller.carbon.factors()).some((f) => f.id === 'epd.acme.rebar')).toBe(false);

    expect(await admin.caller.carbon.importFactors({ file: file(good), commit: true })).toMatchObject({ ok: true, saved: 1 });
    const library = await applicant.caller.carbon.factors();
    expect(library.find((f) => f.id === 'epd.acme.rebar')).toMatchObject({ origin: 'imported', dataType: 'epd_company', owner: 'ACME製鋼' });
    expect(library.find((f) => f.id === 'jp.rinya.clt')).toMatchObject({ origin: 'starter' });
    const again = await admin.caller.carbon.importFactors({ file: file(good), commit: false });
    expect(again.rows[0]).toMatchObject({ replaces: true });

    // A rebar line now uses the imported EPD: a company EPD ranks above the starter library's generic factor.
    const { content } = await applicant.caller.carbon.get({ id: (await applicant.caller.carbon.create({ name: '鉄筋' })).id });
    const out = await applicant.caller.carbon.assess({ content: { ...content, building, boq: [{ id: 'R1', category: '3', subItem: '3.4', materialKey: 'steel.rebar', quantity: 2, unit: 't' }] } });
    expect(out.scenarios[0]!.ok && out.scenarios[0]!.result.modules['A1-A3']).toBe(1440);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'carbon.import_factors').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ ids: ['epd.acme.rebar'] });
  });

  it('imports openEPD JSON: each EPD previewed and named, a material key chosen per EPD, then saved all or nothing', async () => {
    const epd = (id: string, over: Record<string, unknown> = {}) => ({
      id,
      doctype: 'openEPD',
      product_name: `ガラス ${id}`,
      date_of_issue: '2025-01-10T00:00:00Z',
      valid_until: '2030-01-09T00:00:00Z',
      declared_unit: { qty: 1, unit: 'm2' },
      manufacturer: { name: 'Example Glass' },
      third_party_verifier: { name: 'Verifier' },
      impacts: { 'IPCC AR5': { gwp: { A1A2A3: { mean: 25, unit: 'kgCO2e' } } } },
      ...over,
    });
    const file = { format: 'openepd' as const, text: JSON.stringify([epd('G1'), epd('G2')]) };
    const preview = await admin.caller.carbon.importFactors({ file, commit: false, materialKeys: { G1: 'glass.float' } });
    expect(preview).toMatchObject({ ok: false, format: 'openepd', errorRows: 1, rows: [{ line: 1, issues: [] }, { line: 2, label: 'ガラス G2', issues: [{ code: 'carbon.epd_material_key_required' }] }] });
    expect(preview.rows[1]!.issues[0]!.message).toMatch(/^2件目のEPD「ガラス G2」: /);
    await expect(admin.caller.carbon.importFactors({ file, commit: true, materialKeys: { G1: 'glass.float' } })).rejects.toMatchObject({ cause: { code: 'carbon.import_has_errors' } });
    expect((await admin.caller.carbon.factors()).some((f) => f.id === 'openepd.G1')).toBe(false);
    await expect(applicant.caller.carbon.importFactors({ file, commit: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const saved = await admin.caller.carbon.importFactors({ file, commit: true, materialKeys: { G1: 'glass.float', G2: 'glass.float' } });
    expect(saved).toMatchObject({ ok: true, saved: 2 });
    expect((await admin.caller.carbon.factors()).find((f) => f.id === 'openepd.G1')).toMatchObject({ origin: 'imported', dataType: 'epd_company', a1a3: 25, declaredUnit: 'm2' });
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'carbon.import_factors').execute();
    expect(audit.at(-1)?.after).toMatchObject({ format: 'openepd', ids: ['openepd.G1', 'openepd.G2'] });
  });

  it('gives the programme office an empty factor template', async () => {
    const template = await admin.caller.carbon.factorTemplate({ format: 'csv' });
    expect(Buffer.from(template.base64, 'base64').toString('utf8')).toContain('原単位ID,資材キー,名称');
  });
});
