import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { budgetSheetRows, importHeader, parseBudgetSheet, parseYen } from './budget-import';
import { budgetTables, budgetRows, budgetWriteValue } from './budget-tables';
import { cltExampleApplicationContent } from './clt/examples';
import { BUILTIN_PROGRAMMES } from './input';

describe('budget tables as data', () => {
  it('gives the CLT form 様式4-1 by demonstration kind and 様式4-2 for the council, the CO2 quote with its factors', () => {
    expect(budgetTables(BUILTIN_PROGRAMMES.clt_demonstration).map((t) => [t.code, t.form])).toEqual([
      ['building', '様式4-1'],
      ['design', '様式4-1'],
      ['performance', '様式4-1'],
      ['council', '様式4-2'],
    ]);
    expect(budgetTables(BUILTIN_PROGRAMMES.co2_factor_support).map((t) => t.code)).toEqual(['factors', 'lines']);
    expect(budgetTables(BUILTIN_PROGRAMMES.clt_demonstration)[0]!.columns.map((c) => c.key)).toEqual(['category', 'description', 'amount', 'workType', 'unitPrice', 'quantity', 'unit', 'remarks', 'explanation']);
    expect(budgetWriteValue(budgetTables(BUILTIN_PROGRAMMES.clt_demonstration)[0]!, [])).toBeUndefined();
  });
});

describe('budget import from Excel/CSV', () => {
  const content = cltExampleApplicationContent();

  it('reads back what the template writes: the 記載例 budget round-trips to the same lines, breakdowns included', () => {
    const sheet = [importHeader(BUILTIN_PROGRAMMES.clt_demonstration), ...budgetSheetRows(BUILTIN_PROGRAMMES.clt_demonstration, content)];
    const result = parseBudgetSheet(BUILTIN_PROGRAMMES.clt_demonstration, sheet);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const table of budgetTables(BUILTIN_PROGRAMMES.clt_demonstration)) {
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...r }) => r);
      expect(strip(result.tables[table.code] ?? [])).toEqual(strip(budgetRows(content, table)));
    }
  });

  it('names every bad cell by its line before anything is taken, in Japanese', () => {
    const sheet = [
      importHeader(BUILTIN_PROGRAMMES.clt_demonstration),
      ['建築物の建築実証', '需用費', 'CLTパネル', '1,100,000', '', ''],
      ['建築物の建築実証', '需用費', '金額が負', '-5', '', ''],
      [],
      ['屋根の実証', '需用費', '表が違う', '100', '', ''],
      ['council', '食糧費', '会議弁当', '3000', '', ''],
      ['design', 'services', '基本設計', '99999999999', '', ''],
      ['performance', '', '', '１２０００', '', ''],
    ];
    const result = parseBudgetSheet(BUILTIN_PROGRAMMES.clt_demonstration, sheet);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'budget_import.amount_invalid'],
      [5, 'budget_import.table_unknown'],
      [6, 'budget_import.value_unknown'],
      [7, 'budget_import.amount_too_large'],
      [8, 'budget_import.value_required'],
      [8, 'budget_import.value_required'],
    ]);
    const text = errorMessage('budget_import.row_invalid', 'ja', { line: 3, message: errorMessage(result.issues[0]!.code, 'ja', result.issues[0]!.params) });
    expect(text).toBe('3行目: 金額は0以上の整数（円）で入力してください（入力値: -5）。');
    // The tables there are, as each reader names them.
    const unknownTable = result.issues[1]!;
    expect(errorMessage(unknownTable.code, 'ja', unknownTable.params)).toContain('建築物の建築実証、建築物の設計実証');
    expect(errorMessage(unknownTable.code, 'en', unknownTable.params)).toContain('Building demonstration, Design demonstration');
  });

  it('refuses a sheet that is not the template, and one with no lines', () => {
    expect(parseBudgetSheet(BUILTIN_PROGRAMMES.clt_demonstration, [['品名', '金額']])).toMatchObject({ ok: false, issues: [{ line: 1, code: 'budget_import.header_mismatch' }] });
    expect(parseBudgetSheet(BUILTIN_PROGRAMMES.clt_demonstration, [importHeader(BUILTIN_PROGRAMMES.clt_demonstration)])).toMatchObject({ ok: false, issues: [{ code: 'budget_import.no_rows' }] });
  });

  it('lets CO2 cost lines name a factor listed in the same file', () => {
    const header = importHeader(BUILTIN_PROGRAMMES.co2_factor_support);
    const col = (label: string) => header.indexOf(label);
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
    const result = parseBudgetSheet(BUILTIN_PROGRAMMES.co2_factor_support, [
      header,
      row({ 表: '経費', 経費区分: '人件費', 内容: '原単位の算定', '金額（税込・円）': '2,000,000', 対象の原単位: 'F1' }),
      row({ 表: '策定する原単位', 原単位の種類: 'epd_cfp_verified', 製品名: '断熱材', 製品区分: '断熱材' }),
    ]);
    expect(col('対象の原単位')).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: true, tables: { factors: [{ id: 'F1', kind: 'epd_cfp_verified', product: '断熱材', productCategory: '断熱材' }], lines: [{ id: 'l1', category: 'personnel', amount: 2_000_000, factorId: 'F1' }] } });
  });

  it('reads amounts as people type them', () => {
    expect([parseYen('¥1,100,000'), parseYen('１１０万'), parseYen('38500000円'), parseYen('1.5')]).toEqual([1_100_000, null, 38_500_000, null]);
  });
});
