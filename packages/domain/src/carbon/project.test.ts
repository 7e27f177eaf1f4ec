import { describe, expect, it } from 'vitest';
import { factorSourceTitles, productCategoryName } from './factor-display';
import { checkFactorImport, factorImportMessage } from './factor-import';
import { STARTER_LIBRARY } from './library';
import { assessProject, newProjectContent, ZCarbonProjectContent, type TCarbonProjectContent } from './project';

const project = (over: Partial<TCarbonProjectContent> = {}): TCarbonProjectContent => ({
  ...newProjectContent('CLT事務所', '2026-04-01'),
  building: { use: 'office', structure: 'CLT', grossFloorAreaM2: 1000, works: 'new' },
  boq: [{ id: 'L1', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 10, unit: 'm3' }],
  ...over,
});

describe('carbon projects (drafts) and their assessment', () => {
  it('stores half-typed lines; the assessment names them by line', () => {
    const draft = ZCarbonProjectContent.parse(
      project({ boq: [{ id: 'L1', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: null, unit: 'm3' }] }),
    );
    const [base] = assessProject(draft, STARTER_LIBRARY).scenarios;
    expect(base!.outcome).toMatchObject({ ok: false, issues: [{ code: 'carbon.quantity_invalid', lineId: 'L1', params: { row: 1 } }] });
  });

  it('assesses every scenario and compares each with the baseline per m²', () => {
    const content = project({
      scenarios: [
        { id: 'base', name: '基本案', scenario: {} },
        { id: 'low', name: '施工削減', scenario: { a5Rate: 0.03 } },
      ],
    });
    const out = assessProject(content, STARTER_LIBRARY, 'p1');
    expect(out.scenarios.map((s) => s.outcome.ok)).toEqual([true, true]);
    const a5 = out.comparisons[0]!.comparison.modules.find((m) => m.key === 'A5')!;
    // 10 m³ CLT × 252 = 2,520 kg A1–A3; A5 at 6% (default) against 3%, per 1,000 m².
    expect(a5.baseline).toBeCloseTo((2520 * 0.06) / 1000, 12);
    expect(a5.proposal).toBeCloseTo((2520 * 0.03) / 1000, 12);
    expect(a5.change).toBeCloseTo(-0.5, 12);
  });

  it('takes the operational inputs (refrigerants, water, renewables) into B1, B6 and B7', () => {
    const content = project({
      settings: {
        ...project().settings,
        gwpSet: 'AR5',
        evaluationPeriodYears: 60,
        refrigerants: [{ id: 'AC1', gas: 'R32', chargeKg: 10, annualLeakRate: 0.02 }],
        water: { annualM3: 1000, factorKgCo2ePerM3: 0.5, factorSource: 'test' },
        energy: [{ carrier: 'electricity', annualQuantity: 10_000, unit: 'kWh' }],
        gridFactorKgCo2ePerKWh: 0.4,
        renewables: [{ id: 'PV', annualGenerationKWh: 3000, selfConsumedKWh: 2000 }],
      },
    });
    const parsed = ZCarbonProjectContent.parse(content);
    const [base] = assessProject(parsed, STARTER_LIBRARY).scenarios;
    if (!base!.outcome.ok) throw new Error(JSON.stringify(base!.outcome.issues));
    const m = base!.outcome.result.modules;
    // R32 (HFC-32) AR5 GWP 677: 10 kg × 2% × 677 × 60 years.
    expect(m.B1).toBeCloseTo(10 * 0.02 * 677 * 60, 6);
    expect(m.B7).toBeCloseTo(1000 * 0.5 * 60, 6);
    // (10,000 − 2,000 kWh used on site) × 0.4 × 60.
    expect(m.B6).toBeCloseTo(8000 * 0.4 * 60, 6);
  });

  it('a missing floor area stops the assessment instead of dividing by nothing', () => {
    const out = assessProject(project({ building: { use: 'office', structure: 'CLT', works: 'new' } }), STARTER_LIBRARY);
    expect(out.scenarios[0]!.outcome).toMatchObject({ ok: false, issues: [{ code: 'carbon.floor_area_required' }] });
  });
});

describe('factor list import', () => {
  const header = ['原単位ID', '資材キー', '名称', '名称（英語）', '宣言単位', 'A1-A3', 'データ種別', '所有者', '出典', '公表日', '未整備'];
  it('reads provenance for each row and accepts Japanese data-type names', () => {
    const out = checkFactorImport([
      header,
      ['epd.acme.clt', 'wood.clt', 'ACME CLT', 'ACME CLT', '㎥', '230', 'EPD（個社製品データ）', 'ACME', 'SuMPO EPD JR-E-22001', '2025-06-01', ''],
    ]);
    expect(out.ok).toBe(true);
    expect(out.rows[0]!.factor).toMatchObject({ id: 'epd.acme.clt', declaredUnit: 'm3', a1a3: 230, dataType: 'epd_company', publishedOn: '2025-06-01' });
  });

  it('names every bad row by its line, and refuses starter ids and duplicates', () => {
    const out = checkFactorImport([
      header,
      ['x.1', 'wood.clt', 'X', 'X', 'm3', '-1', 'epd_company', 'X', 'src', '2025-01-01', ''],
      ['x.2', 'wood.clt', 'X', 'X', 'm3', '1', 'magic', 'X', 'src', '2025-01-01', ''],
      ['jp.rinya.clt', 'wood.clt', 'X', 'X', 'm3', '1', 'epd_company', 'X', 'src', '2025-01-01', ''],
      ['x.2', 'wood.clt', 'X', 'X', 'm3', '1', 'epd_company', 'X', 'src', '2025-02-30', ''],
      ['x.5', 'steel.rebar', '鉄筋', 'Rebar', 't', '', 'national_default', '—', 'seeds/002', '', 'はい'],
    ]);
    expect(out.ok).toBe(false);
    expect(out.rows.map((r) => [r.line, r.issues.map((i) => i.code)])).toEqual([
      [2, ['carbon.factor_negative']],
      [3, ['carbon.data_type_unknown']],
      [4, ['carbon.factor_builtin_id']],
      [5, ['carbon.date_invalid', 'carbon.factor_id_duplicate']],
      [6, []],
    ]);
    expect(out.rows[4]!.factor).toMatchObject({ gap: true, a1a3: null });
  });

  it('refuses a file without the required columns', () => {
    expect(checkFactorImport([['原単位ID', '資材キー']]).fileIssues.map((i) => i.params.column)).toEqual(['名称', '宣言単位', 'A1-A3', 'データ種別', '出典']);
  });

  it('says in Japanese which row and column is wrong and what the cell should hold', () => {
    const out = checkFactorImport([
      header,
      ['x.1', 'wood.clt', 'X', 'X', 'm3', 'abc', 'epd_company', 'X', 'src', '2025-01-01', ''],
      ['x.2', '', 'X', 'X', 'bushel', '1', 'epd_company', 'X', '', '2025-13-01', ''],
    ]);
    const messages = out.rows.map((r) => r.issues.map((i) => factorImportMessage(i, 'ja')));
    expect(messages[0]).toEqual(['2行目の「A1-A3」: 数値を入れてください（入力: 「abc」）。']);
    expect(messages[1]).toEqual(
      expect.arrayContaining([
        '3行目の「資材キー」: 空欄です。入力してください。',
        '3行目の「出典」: 空欄です。入力してください。',
        expect.stringMatching(/^3行目の「宣言単位」: 単位「bushel」は使えません（宣言単位）/),
        expect.stringMatching(/^3行目の「公表日」: 日付が正しくありません/),
      ]),
    );
    expect(messages[1]).toHaveLength(4);
    // No schema field names reach the reader.
    expect(messages.flat().join('')).not.toMatch(/declaredUnit|publishedOn|materialKey|productCategory|a1a3/);
    const missing = checkFactorImport([['名前', '値'], ['a', '1']]).fileIssues.map((i) => factorImportMessage(i, 'ja'));
    expect(missing[0]).toMatch(/^見出し「原単位ID」の列がありません。1行目に 原単位ID・資材キー/);
  });
});

describe('the library page’s wording', () => {
  it('cites seed documents by title, without file or line', () => {
    expect(factorSourceTitles('seeds/002 l.2161–2166; SuMPO EPD JR-E-22001; seeds/002 l.2429')).toEqual([
      '今後の住宅・建築物の省エネルギー対策のあり方（第四次答申）参考資料',
      'SuMPO EPD JR-E-22001',
    ]);
    expect(factorSourceTitles('seeds/002（l.2429）仙台市ガス局', 'en')[0]).toMatch(/^Energy-efficiency measures.*仙台市ガス局$/);
  });

  it('names product categories in Japanese, keeping an office’s own words', () => {
    expect(productCategoryName('insulation')).toBe('断熱材');
    expect(productCategoryName('insulation', 'en')).toBe('Insulation');
    expect(productCategoryName('自社区分')).toBe('自社区分');
  });
});
