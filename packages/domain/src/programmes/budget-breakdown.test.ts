import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessApplication } from './application-form';
import { budgetTables, budgetRowLabels, budgetRowWith, withRowLabels } from './budget-tables';
import { parseBudgetSheet, importHeader } from './budget-import';
import { cltExampleApplicationContent } from './clt/examples';
import { breakdownValue, budgetTable } from './forms/entered';
import { breakdownAmount, parseQuantityInput } from './shared/result';
import { BUILTIN_PROGRAMMES } from './input';

const B1 = budgetTables(BUILTIN_PROGRAMMES.clt_demonstration)[0]!;

describe('積算内訳 on a budget line (様式4-1 注1)', () => {
  it('computes the amount from unit price × quantity once both are given, and keeps a typed amount otherwise', () => {
    const row = { id: 'b1', amount: 0 };
    const priced = budgetRowWith(B1, row, 'unitPrice', 110_000);
    expect(priced).toEqual({ id: 'b1', amount: 0, unitPrice: 110_000 });
    expect(budgetRowWith(B1, priced, 'quantity', 10)).toEqual({ id: 'b1', amount: 1_100_000, unitPrice: 110_000, quantity: 10 });
    expect(budgetRowWith(B1, { id: 'b1', amount: 5, unitPrice: 3, quantity: 2.5 }, 'quantity', undefined)).toEqual({ id: 'b1', amount: 5, unitPrice: 3 });
    // An amount cleared first is filled in from the breakdown too.
    expect(budgetRowWith(B1, { id: 'b1', unitPrice: 3 }, 'quantity', 2)).toEqual({ id: 'b1', unitPrice: 3, quantity: 2, amount: 6 });
    // The CO2 factor list has no amount: none is added.
    expect(budgetRowWith(budgetTables(BUILTIN_PROGRAMMES.co2_factor_support)[0]!, { id: 'F1' }, 'quantity', 2)).toEqual({ id: 'F1', quantity: 2 });
  });

  it('the computed amount always agrees with the breakdown check (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (unitPrice, thousandths) => {
        const quantity = thousandths / 1000;
        const row = budgetRowWith(B1, budgetRowWith(B1, { id: 'b1', amount: 0 }, 'unitPrice', unitPrice), 'quantity', quantity);
        expect(row.amount).toBe(breakdownAmount(unitPrice, quantity));
      }),
    );
  });

  it('reads quantities as typed, full-width included, and refuses what is not one', () => {
    expect(parseQuantityInput('2.5')).toEqual({ ok: true, value: 2.5 });
    expect(parseQuantityInput('３')).toEqual({ ok: true, value: 3 });
    expect(parseQuantityInput('')).toEqual({ ok: true, value: null });
    for (const text of ['-3', '0', '1.2345', '1e3', '三'])
      expect(parseQuantityInput(text)).toEqual({ ok: false, code: 'grant.quantity_invalid' });
  });

  it('prints the breakdown in the form document’s 備考 column, after the amount', () => {
    expect(breakdownValue({ unitPrice: 110_000, quantity: 10, unit: '枚' })).toEqual({ kind: 'text', text: { ja: '110,000円×10枚', en: '¥110,000 × 10 枚' } });
    expect(breakdownValue({ remarks: '基礎工事 5,500千円' })).toEqual({ kind: 'text', text: { ja: '基礎工事 5,500千円', en: '基礎工事 5,500千円' } });
    expect(breakdownValue({})).toEqual({ kind: 'blank' });
    const content = cltExampleApplicationContent();
    const block = budgetTable(budgetTables(BUILTIN_PROGRAMMES.clt_demonstration)[0]!, content);
    if (block.kind !== 'table') throw new Error('a table');
    expect(block.columns.map((c) => c.label.ja).slice(0, 4)).toEqual(['経費区分', '内容', '金額（税込・円）', '備考（積算内訳）']);
    expect(block.rows[0]![3]).toEqual({ kind: 'text', text: { ja: '110,000円×10', en: '¥110,000 × 10' } });
    expect(block.footer).toHaveLength(block.columns.length);
  });

  it('imports the breakdown from the template, naming a bad quantity by its line', () => {
    const header = importHeader(BUILTIN_PROGRAMMES.clt_demonstration);
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
    const result = parseBudgetSheet(BUILTIN_PROGRAMMES.clt_demonstration, [
      header,
      row({ 表: '建築物の建築実証', 経費区分: '需用費', 内容: 'CLTパネル', '金額（税込・円）': '1,100,000', '単価（円）': '１１０，０００', 数量: '10', 単位: '枚', '備考（積算内訳）': '材料支給' }),
    ]);
    expect(result).toMatchObject({ ok: true, tables: { building: [{ unitPrice: 110_000, quantity: 10, unit: '枚', remarks: '材料支給', amount: 1_100_000 }] } });
    const bad = parseBudgetSheet(BUILTIN_PROGRAMMES.clt_demonstration, [header, row({ 表: '建築物の建築実証', 経費区分: '需用費', 内容: 'CLTパネル', '金額（税込・円）': '1,100,000', 数量: '-10' })]);
    expect(bad).toMatchObject({ ok: false, issues: [{ line: 2, column: '数量', code: 'budget_import.quantity_invalid', params: { value: '-10' } }] });
  });
});

describe('rows named as on screen', () => {
  it('labels each line by its table and its number there, and puts that label in messages', () => {
    const content = cltExampleApplicationContent();
    const labels = budgetRowLabels(BUILTIN_PROGRAMMES.clt_demonstration, content);
    expect(labels.get('b2')).toEqual({ ja: '建築物の建築実証（2行目）', en: 'Building demonstration #2' });
    expect(labels.get('d1')?.ja).toBe('建築物の設計実証（1行目）');
    expect(withRowLabels({ line: 'p1', amount: 5 }, labels, 'ja')).toEqual({ line: '部材の性能実証等（1行目）', amount: 5 });
    expect(withRowLabels({ line: 'zz' }, labels, 'ja')).toEqual({ line: 'zz' });
  });

  it('clears the 注1 warning for a line once its breakdown is filled in', () => {
    const base = cltExampleApplicationContent();
    const building = { lines: [{ id: 'b1', category: 'supplies', description: 'CLTパネル', amount: 1_100_000 }] };
    const warnings = (content: typeof base) =>
      (assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result?.reasons ?? []).filter((r) => r.code === 'grant.clt.breakdown_missing' && r.params.line === 'b1');
    expect(warnings({ ...base, grant: { ...base.grant, building } })).toHaveLength(1);
    const filled = { lines: [{ ...building.lines[0]!, unitPrice: 110_000, quantity: 10 }] };
    expect(warnings({ ...base, grant: { ...base.grant, building: filled } })).toHaveLength(0);
  });
});
