import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { assessApplication, fieldLabelAt } from './application-form';
import { budgetSheetRows, importHeader, parseBudgetSheet } from './budget-import';
import { budgetCell, budgetTables, budgetRowWith, columnApplies } from './budget-tables';
import { co2LicenceExampleContent } from './co2/examples';
import { co2FormDocument } from './forms/co2-lca';
import { budgetTable, licenceValue } from './forms/entered';
import type { Co2Breakdown } from './co2/compute';
import type { GrantResult } from './shared/result';
import { BUILTIN_PROGRAMMES } from './input';

const LINES = budgetTables(BUILTIN_PROGRAMMES.co2_factor_support)[1]!;

const draft = co2LicenceExampleContent;

describe('the CO2 licence line (001 §4.2(2)(5)): its term is typed on the line and the rules apportion it', () => {
  it('has start, term and purchase/contract columns that take a value on database and tool lines only', () => {
    const keys = LINES.columns.filter((c) => c.licence).map((c) => c.key);
    expect(keys).toEqual(['licence.acquisition', 'licence.start', 'licence.end', 'licence.usefulLifeYears']);
    const start = LINES.columns.find((c) => c.key === 'licence.start')!;
    expect(columnApplies(start, { category: 'tool' })).toBe(true);
    expect(columnApplies(start, { category: 'personnel' })).toBe(false);
  });

  it('keeps the term as typed, a cell at a time, and drops it when the line stops being a licence', () => {
    let row: Record<string, unknown> = { id: 'l2', category: 'database', amount: 730_000 };
    row = budgetRowWith(LINES, row, 'licence.start', '2026-06-01');
    row = budgetRowWith(LINES, row, 'licence.acquisition', 'purchase');
    row = budgetRowWith(LINES, row, 'licence.usefulLifeYears', 2);
    expect(row.licence).toEqual({ start: '2026-06-01', acquisition: 'purchase', usefulLifeYears: 2 });
    expect(budgetCell(row, 'licence.usefulLifeYears')).toBe(2);
    expect(budgetRowWith(LINES, row, 'licence.usefulLifeYears', undefined).licence).toEqual({ start: '2026-06-01', acquisition: 'purchase' });
    expect(budgetRowWith(LINES, row, 'category', 'personnel')).toEqual({ id: 'l2', category: 'personnel', amount: 730_000 });
  });

  it('computes the eligible amount: a two-year contract counts up to the results report by days', () => {
    const dead = assessApplication('co2_factor_support', draft(), undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    expect(dead.issues.map((i) => i.code)).toContain('grant.co2.licence_required');
    // Half typed: the draft saves and the message names the cell as on screen.
    const half = assessApplication('co2_factor_support', draft({ start: '2026-06-01' }), undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    const missing = half.issues.find((i) => i.code === 'grant.co2.licence_acquisition_required')!;
    expect(errorMessage(missing.code, 'ja', missing.params)).toBe('利用契約か購入かを選んでください（経費（2行目）利用の形態（契約・購入））。');
    const done = assessApplication('co2_factor_support', draft({ acquisition: 'subscription', start: '2026-06-01', end: '2028-05-31' }), undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    expect(done.issues.filter((i) => i.code.startsWith('grant.co2.licence'))).toEqual([]);
    const line = (done.result!.breakdown as Co2Breakdown).lines.find((l) => l.id === 'l2')!;
    // 2026-06-01 → 2027-02-26 is 271 days of 731: 730,000 × 271 ÷ 731 = 270,629.27…, rounded down.
    expect(line.licence).toMatchObject({ full: false, usedDays: 271, termDays: 731 });
    expect(line.counted).toBe(270_629);
    // A purchase with a useful life of one year counts in full.
    const year = assessApplication('co2_factor_support', draft({ acquisition: 'purchase', start: '2026-06-01', usefulLifeYears: 1 }), undefined, BUILTIN_PROGRAMMES['co2_factor_support']);
    expect((year.result!.breakdown as Co2Breakdown).lines.find((l) => l.id === 'l2')!.counted).toBe(730_000);
  });

  it('prints the term and its apportionment in the form document', () => {
    const content = draft({ acquisition: 'subscription', start: '2026-06-01', end: '2028-05-31' });
    const result = assessApplication('co2_factor_support', content, undefined, BUILTIN_PROGRAMMES['co2_factor_support']).result as GrantResult<Co2Breakdown>;
    const block = budgetTable(LINES, content, result.breakdown.lines);
    if (block.kind !== 'table') throw new Error('a table');
    const at = block.columns.findIndex((c) => c.label.ja === '利用期間（按分）');
    expect(at).toBeGreaterThan(0);
    expect(block.rows[1]![at]).toEqual({ kind: 'text', text: { ja: '利用契約 2026-06-01〜2028-05-31（成果報告まで 271日／731日で按分）', en: 'Contract 2026-06-01 to 2028-05-31 (apportioned 271 / 731 days to the report)' } });
    expect(block.rows[0]![at]).toEqual({ kind: 'blank' });
    expect(licenceValue({ licence: { acquisition: 'purchase', start: '2026-06-01', usefulLifeYears: 3 } })).toEqual({ kind: 'text', text: { ja: '購入 2026-06-01 耐用年数3年', en: 'Purchase 2026-06-01, useful life 3 years' } });
    expect(JSON.stringify(co2FormDocument({ content, result, def: BUILTIN_PROGRAMMES.co2_factor_support }))).toContain('271日／731日で按分');
  });

  it('round-trips the term through the Excel/CSV template, and refuses a term on a line that is not a licence', () => {
    const content = draft({ acquisition: 'purchase', start: '2026-06-01', usefulLifeYears: 3 });
    const header = importHeader(BUILTIN_PROGRAMMES.co2_factor_support);
    expect(header).toEqual(expect.arrayContaining(['利用の形態（契約・購入）', '契約（購入）の開始日', '契約の終了日（利用契約）', '耐用年数（年・購入）']));
    const result = parseBudgetSheet(BUILTIN_PROGRAMMES.co2_factor_support, [header, ...budgetSheetRows(BUILTIN_PROGRAMMES.co2_factor_support, content)]);
    expect(result).toMatchObject({ ok: true, tables: { lines: [{ category: 'personnel' }, { category: 'database', licence: { acquisition: 'purchase', start: '2026-06-01', usefulLifeYears: 3 } }] } });
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
    const bad = parseBudgetSheet(BUILTIN_PROGRAMMES.co2_factor_support, [
      header,
      row({ 表: '経費', 経費区分: '人件費', 内容: '算定', '金額（税込・円）': '100', '契約（購入）の開始日': '2026-06-01' }),
      row({ 表: '経費', 経費区分: 'データベース', 内容: 'IDEA', '金額（税込・円）': '100', 利用の形態: '購入', '契約（購入）の開始日': '2026/6/31', '耐用年数（年・購入）': '2.5' }),
    ]);
    expect(bad).toMatchObject({ ok: false, issues: [{ line: 2, code: 'budget_import.not_applicable' }, { line: 3, code: 'budget_import.date_invalid' }, { line: 3, code: 'budget_import.years_invalid' }] });
  });

  it('names a budget cell by its table, row number and column, never by its path', () => {
    const content = draft();
    expect(fieldLabelAt('co2_factor_support', BUILTIN_PROGRAMMES.co2_factor_support, content, 'grant.lines.1.licence.start')).toEqual({ ja: '経費（2行目）契約（購入）の開始日', en: 'Costs #2 Start of the contract (purchase)' });
    expect(fieldLabelAt('co2_factor_support', BUILTIN_PROGRAMMES.co2_factor_support, content, 'grant.lines.0.amount')?.ja).toBe('経費（1行目）金額（税込・円）');
    expect(fieldLabelAt('co2_factor_support', BUILTIN_PROGRAMMES.co2_factor_support, content, 'grant.period.resultsReportDate')?.ja).toBe('成果報告日（予定）');
  });
});
