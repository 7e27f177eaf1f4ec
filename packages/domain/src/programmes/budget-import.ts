import { listedNamesParams } from '../display-params';
import { countRule, parseNumberInput } from '../number-input';
import { parseYenInput } from '../yen-input';
import { parseIsoDateText } from './shared/dates';
import type { TProgrammeDefinition } from './shared/definition';
import { parseQuantityInput } from './shared/result';
import { budgetCell, budgetRows, budgetTables, columnApplies, columnOptions, nextRowId, withBudgetCell, type BudgetColumn, type BudgetRow, type BudgetTable } from './budget-tables';

/**
 * The budget from Excel/CSV: one sheet, a header row naming the table and the columns of the
 * budget tables of the definition the application computes with (budgetTables), one cost line
 * per row. Every bad cell is reported
 * with its line in the file before anything changes; a clean file gives the rows of every table.
 */

export const TABLE_HEADER = { ja: '表', en: 'Table' } as const;
/** One line at most this many yen: an absurd figure is a typing error, not a budget. */
export const IMPORT_MAX_AMOUNT = 10_000_000_000;

export type BudgetImportCode =
  | 'budget_import.no_rows'
  | 'budget_import.header_mismatch'
  | 'budget_import.table_unknown'
  | 'budget_import.amount_invalid'
  | 'budget_import.amount_too_large'
  | 'budget_import.quantity_invalid'
  | 'budget_import.date_invalid'
  | 'budget_import.years_invalid'
  | 'budget_import.not_applicable'
  | 'budget_import.value_unknown'
  | 'budget_import.value_required';

export interface BudgetImportIssue {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  column: string | null;
  code: BudgetImportCode;
  params: Record<string, string | number>;
}

export type BudgetImportResult =
  | { ok: true; tables: Record<string, BudgetRow[]>; rowCount: number }
  | { ok: false; issues: BudgetImportIssue[] };

/** Every column the programme's tables have, once each, in table order: the template's header. */
export function importColumns(def: TProgrammeDefinition): BudgetColumn[] {
  const seen = new Map<string, BudgetColumn>();
  for (const table of budgetTables(def)) for (const c of table.columns) if (!seen.has(c.key)) seen.set(c.key, c);
  return [...seen.values()];
}

/** The template's header row (Japanese, as the office's forms are). */
export const importHeader = (def: TProgrammeDefinition): string[] => [TABLE_HEADER.ja, ...importColumns(def).map((c) => c.label.ja)];

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();

/** "1,100,000", "¥1,100,000", "１１０００００円" → 1100000; anything else is not an amount (the form fields' rule, parseYenInput). */
export function parseYen(text: string): number | null {
  const read = parseYenInput(text, Number.MAX_SAFE_INTEGER);
  return read.ok ? read.value : null;
}

function matchOption(options: ReturnType<typeof columnOptions>, text: string): string | null {
  const n = normalise(text);
  const found = options.find((o) => normalise(o.value) === n || normalise(o.label.ja) === n || normalise(o.label.en) === n);
  if (found) return found.value;
  // "人件費" for "① CO2原単位等策定に係る人件費": a part of one label only, never a guess between two.
  const partial = options.filter((o) => normalise(o.label.ja).includes(n) || normalise(o.label.en).includes(n));
  return partial.length === 1 ? partial[0]!.value : null;
}

function findTable(def: TProgrammeDefinition, text: string): BudgetTable | undefined {
  const n = normalise(text);
  return budgetTables(def).find((t) => normalise(t.code) === n || normalise(t.title.ja) === n || normalise(t.title.en) === n);
}

export function parseBudgetSheet(def: TProgrammeDefinition, rows: readonly (readonly string[])[], content: unknown = {}): BudgetImportResult {
  const columns = importColumns(def);
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { ok: false, issues: [{ line: 1, column: null, code: 'budget_import.no_rows', params: {} }] };
  const header = rows[headerIndex]!.map((c) => normalise(c));
  const expected = importHeader(def).join(', ');
  const at = new Map<string, number>();
  const tableAt = header.findIndex((h) => h === normalise(TABLE_HEADER.ja) || h === normalise(TABLE_HEADER.en));
  for (const c of columns) {
    const i = header.findIndex((h) => h === normalise(c.label.ja) || h === normalise(c.label.en) || h === normalise(c.key));
    if (i >= 0) at.set(c.key, i);
  }
  const missing = columns.filter((c) => c.required && !at.has(c.key));
  if (tableAt < 0 || missing.length > 0)
    return { ok: false, issues: [{ line: headerIndex + 1, column: null, code: 'budget_import.header_mismatch', params: { expected } }] };

  const issues: BudgetImportIssue[] = [];
  const tables: Record<string, BudgetRow[]> = Object.fromEntries(budgetTables(def).map((t) => [t.code, [] as BudgetRow[]]));
  const pending: { line: number; table: BudgetTable; cells: Map<string, string> }[] = [];
  rows.forEach((row, index) => {
    if (index <= headerIndex || row.every((c) => c.trim() === '')) return;
    const line = index + 1;
    const tableText = (row[tableAt] ?? '').trim();
    const table = findTable(def, tableText);
    if (!table) {
      issues.push({
        line,
        column: TABLE_HEADER.ja,
        code: 'budget_import.table_unknown',
        // Either language's title is taken: each reader is told the ones in their own.
        params: { table: tableText, ...listedNamesParams('tables', budgetTables(def).map((t) => t.title)) },
      });
      return;
    }
    pending.push({ line, table, cells: new Map(columns.map((c) => [c.key, (row[at.get(c.key) ?? -1] ?? '').trim()])) });
  });
  // Factors first, so cost lines may name a factor listed in the same file.
  const order = (t: BudgetTable) => (t.hasAmount ? 1 : 0);
  pending.sort((a, b) => order(a.table) - order(b.table) || a.line - b.line);
  for (const { line, table, cells } of pending) {
    let out: BudgetRow = {};
    for (const column of table.columns) {
      const text = cells.get(column.key) ?? '';
      const at = { line, column: column.label.ja };
      if (text === '') {
        if (column.required) issues.push({ ...at, code: 'budget_import.value_required', params: { column: column.label.ja, columnEn: column.label.en } });
        continue;
      }
      // Columns are read in table order, so the category a licence column depends on is already read.
      if (!columnApplies(column, out)) {
        issues.push({ ...at, code: 'budget_import.not_applicable', params: { column: column.label.ja, columnEn: column.label.en } });
        continue;
      }
      const read = readCell(column, text, content, tables);
      if (read.ok) out = withBudgetCell(out, column.key, read.value);
      else issues.push({ ...at, code: read.code, params: read.params });
    }
    const list = tables[table.code]!;
    list.push({ id: nextRowId(table, list), ...out });
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.line - b.line) };
  const rowCount = Object.values(tables).reduce((n, r) => n + r.length, 0);
  if (rowCount === 0) return { ok: false, issues: [{ line: headerIndex + 2, column: null, code: 'budget_import.no_rows', params: {} }] };
  return { ok: true, tables, rowCount };
}

type CellRead = { ok: true; value: string | number } | { ok: false; code: BudgetImportCode; params: Record<string, string | number> };

/** One non-blank cell read by its column's kind, or why it cannot be. */
function readCell(column: BudgetColumn, text: string, content: unknown, tables: Record<string, BudgetRow[]>): CellRead {
  switch (column.kind) {
    case 'yen': {
      const yen = parseYen(text);
      if (yen === null) return { ok: false, code: 'budget_import.amount_invalid', params: { value: text } };
      return yen > IMPORT_MAX_AMOUNT ? { ok: false, code: 'budget_import.amount_too_large', params: { value: text } } : { ok: true, value: yen };
    }
    case 'quantity': {
      const quantity = parseQuantityInput(text);
      return quantity.ok && quantity.value !== null ? { ok: true, value: quantity.value } : { ok: false, code: 'budget_import.quantity_invalid', params: { value: text } };
    }
    case 'years': {
      const years = parseNumberInput(text, countRule(1, column.max ?? 50));
      return years.ok && years.value !== null
        ? { ok: true, value: years.value }
        : { ok: false, code: 'budget_import.years_invalid', params: { column: column.label.ja, columnEn: column.label.en, value: text, max: column.max ?? 50 } };
    }
    case 'date': {
      const date = parseIsoDateText(text);
      return date === null ? { ok: false, code: 'budget_import.date_invalid', params: { column: column.label.ja, columnEn: column.label.en, value: text } } : { ok: true, value: date };
    }
    case 'select': {
      const options = column.optionsFrom === 'factors' ? columnOptions(column, { grant: { factors: tables.factors ?? [] } }).concat(columnOptions(column, content)) : columnOptions(column, content);
      const value = matchOption(options, text);
      if (value !== null) return { ok: true, value };
      return { ok: false, code: 'budget_import.value_unknown', params: { column: column.label.ja, columnEn: column.label.en, value: text, allowed: options.slice(0, 12).map((o) => o.label.ja).join('、'), allowedEn: options.slice(0, 12).map((o) => o.label.en).join(', ') } };
    }
    default:
      return { ok: true, value: column.max !== undefined ? text.slice(0, column.max) : text };
  }
}

/** The rows of each table as template lines (for the template's example and round trips). */
export function budgetSheetRows(def: TProgrammeDefinition, content: unknown, lang: 'ja' | 'en' = 'ja'): string[][] {
  const columns = importColumns(def);
  const out: string[][] = [];
  for (const table of budgetTables(def)) {
    const rows = budgetRows(content, table);
    for (const row of rows)
      out.push([
        table.title[lang],
        ...columns.map((c) => {
          if (!table.columns.some((tc) => tc.key === c.key)) return '';
          const v = budgetCell(row, c.key);
          if (typeof v !== 'string' && typeof v !== 'number') return '';
          if (c.kind === 'select') return columnOptions(c, content).find((o) => o.value === v)?.label[lang] ?? String(v);
          return String(v);
        }),
      ]);
  }
  return out;
}
