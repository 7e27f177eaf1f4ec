import type { z } from 'zod';
import { errorMessage, isErrorCode, type ErrorCode, type Locale } from '../errors';
import { parseNumberCell } from './boq-import';
import { DATA_TYPE_NAMES, DATA_TYPES, ZEmissionFactor, type TEmissionFactor } from './factors';
import { STARTER_LIBRARY } from './library';
import { parseUnit } from './units';

/**
 * A programme office's factor list (EPDs, CFPs, national defaults) from CSV or Excel: one factor
 * per row, every field of its provenance in a column, each row checked with the library's own
 * schema before anything is saved.
 */
export const FACTOR_COLUMNS = {
  id: ['原単位id', 'id', 'factor id'],
  materialKey: ['資材キー', 'material key', 'materialkey'],
  nameJa: ['名称', '名称(日本語)', 'name ja', 'nameja'],
  nameEn: ['名称(英語)', '英語名称', 'name en', 'nameen'],
  productCategory: ['製品区分', 'product category', 'productcategory'],
  declaredUnit: ['宣言単位', '単位', 'declared unit', 'declaredunit'],
  a1a3: ['a1-a3', 'a1a3', 'a1–a3', '原単位'],
  dataType: ['データ種別', 'data type', 'datatype'],
  owner: ['所有者', 'データ所有者', 'owner'],
  source: ['出典', 'source'],
  publishedOn: ['公表日', 'published on', 'publishedon'],
  validUntil: ['有効期限', 'valid until', 'validuntil'],
  biogenicStorage: ['炭素貯蔵量', 'biogenic storage', 'biogenicstorage'],
  density: ['密度', 'density'],
  upliftFactor: ['割増係数', 'uplift', 'uplift factor'],
  upliftBasis: ['割増根拠', 'uplift basis'],
  gap: ['未整備', 'gap'],
  gapReason: ['未整備理由', 'gap reason'],
  notes: ['備考', 'notes'],
  a4: ['a4'],
  a5: ['a5'],
  c1: ['c1'],
  c2: ['c2'],
  c3: ['c3'],
  c4: ['c4'],
  d: ['d'],
} as const;
type TFactorColumn = keyof typeof FACTOR_COLUMNS;
const COLUMN_NAMES = Object.keys(FACTOR_COLUMNS) as TFactorColumn[];

/** Each column's header as the template prints it and messages name it (原単位ID, A1-A3 …). */
export const FACTOR_COLUMN_LABELS = Object.fromEntries(
  COLUMN_NAMES.map((c) => [c, FACTOR_COLUMNS[c][0].replace(/id$/, 'ID').replace(/^[a-z0-9-]+$/, (n) => n.toUpperCase())]),
) as Record<TFactorColumn, string>;
const REQUIRED: TFactorColumn[] = ['id', 'materialKey', 'nameJa', 'declaredUnit', 'a1a3', 'dataType', 'source'];

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const columnOf = (header: string): TFactorColumn | undefined => {
  const n = norm(header).replace(/\s*\((kg|m|kg-co2e).*\)$/, '');
  return COLUMN_NAMES.find((c) => (FACTOR_COLUMNS[c] as readonly string[]).includes(n));
};

export interface TFactorImportIssue {
  code: ErrorCode;
  params: Record<string, string | number>;
  field?: string;
}
export interface TFactorImportRow {
  line: number;
  id: string;
  materialKey: string;
  /** How the row is named to the user when it has no valid factor yet (an EPD's product name). */
  label?: string;
  factor: TEmissionFactor | null;
  issues: TFactorImportIssue[];
}
export interface TFactorImport {
  ok: boolean;
  fileIssues: TFactorImportIssue[];
  rows: TFactorImportRow[];
}

export const FACTOR_IMPORT_MAX_ROWS = 5_000;

/** The library schema's objections to one entry, each naming the field and the value given. */
export function schemaIssues(error: z.ZodError, raw: Record<string, unknown>, params: Record<string, string | number>): TFactorImportIssue[] {
  return error.issues.map((i) => {
    const field = i.path.filter((p) => typeof p !== 'symbol').join('.');
    const value = raw[String(i.path[0])];
    return {
      code: isErrorCode(i.message) ? i.message : 'carbon.input_invalid',
      params: { ...params, field, ...(typeof value === 'string' || typeof value === 'number' ? { value } : {}) },
      field,
    };
  });
}
const YES = new Set(['1', 'true', 'yes', 'y', 'はい', '○', '〇', 'gap', '未整備']);

/** Checks every row; a file with any bad row is refused as a whole (the API saves all or none). */
export function checkFactorImport(cells: readonly (readonly string[])[]): TFactorImport {
  const headerIndex = cells.findIndex((row) => row.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { ok: false, fileIssues: [{ code: 'carbon.factor_import_empty', params: {} }], rows: [] };
  const columns = cells[headerIndex]!.map(columnOf);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { ok: false, fileIssues: missing.map((c) => ({ code: 'carbon.factor_import_missing_column', params: { column: FACTOR_COLUMN_LABELS[c] } })), rows: [] };

  const builtin = new Set(STARTER_LIBRARY.map((f) => f.id));
  const seen = new Map<string, number>();
  const rows: TFactorImportRow[] = [];
  for (let r = headerIndex + 1; r < cells.length; r++) {
    const row = cells[r]!;
    if (row.every((c) => c.trim() === '')) continue;
    if (rows.length >= FACTOR_IMPORT_MAX_ROWS)
      return { ok: false, fileIssues: [{ code: 'carbon.import_too_many_rows', params: { max: FACTOR_IMPORT_MAX_ROWS } }], rows: [] };
    const line = r + 1;
    const cell = (c: TFactorColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : (row[i] ?? '').normalize('NFKC').trim();
    };
    const opt = (c: TFactorColumn) => cell(c) || undefined;
    const num = (c: TFactorColumn) => parseNumberCell(cell(c));
    const gap = YES.has(cell('gap').toLowerCase());
    const dataTypeText = cell('dataType');
    const modules: Record<string, number | string> = {};
    for (const m of ['a4', 'a5', 'c1', 'c2', 'c3', 'c4', 'd'] as const) {
      const v = num(m);
      if (v !== undefined) modules[m] = v;
    }
    const upliftFactor = num('upliftFactor');
    const raw = {
      id: cell('id'),
      materialKey: cell('materialKey'),
      nameJa: cell('nameJa'),
      nameEn: cell('nameEn') || cell('nameJa'),
      // An empty material key is reported on its own; the category it would give is not a second problem.
      productCategory: cell('productCategory') || cell('materialKey').split('.')[0] || '—',
      declaredUnit: parseUnit(cell('declaredUnit')) ?? cell('declaredUnit'),
      a1a3: gap && cell('a1a3') === '' ? null : num('a1a3'),
      dataType: DATA_TYPES.find((t) => t === dataTypeText || norm(DATA_TYPE_NAMES[t].ja) === norm(dataTypeText) || norm(DATA_TYPE_NAMES[t].en) === norm(dataTypeText)) ?? dataTypeText,
      owner: cell('owner') || '—',
      source: cell('source'),
      publishedOn: opt('publishedOn'),
      validUntil: opt('validUntil'),
      biogenicStorage: num('biogenicStorage'),
      density: num('density'),
      ...(Object.keys(modules).length > 0 ? { modules } : {}),
      ...(upliftFactor !== undefined ? { uplift: { factor: upliftFactor, basis: cell('upliftBasis') } } : {}),
      gap,
      gapReason: opt('gapReason'),
      notes: opt('notes'),
    };
    const parsed = ZEmissionFactor.safeParse(raw);
    const issues: TFactorImportIssue[] = parsed.success ? [] : distinct(schemaIssues(parsed.error, raw, { row: line }).map(cellIssue));
    if (builtin.has(raw.id)) issues.push({ code: 'carbon.factor_builtin_id', params: { id: raw.id, row: line, column: FACTOR_COLUMN_LABELS.id }, field: 'id' });
    const first = seen.get(raw.id);
    if (first !== undefined && raw.id !== '') issues.push({ code: 'carbon.factor_id_duplicate', params: { id: raw.id, first, row: line, column: FACTOR_COLUMN_LABELS.id }, field: 'id' });
    else seen.set(raw.id, line);
    rows.push({ line, id: raw.id, materialKey: raw.materialKey, factor: issues.length === 0 && parsed.success ? parsed.data : null, issues });
  }
  if (rows.length === 0) return { ok: false, fileIssues: [{ code: 'carbon.factor_import_empty', params: {} }], rows };
  return { ok: rows.every((r) => r.issues.length === 0), fileIssues: [], rows };
}

const NUMBER_COLUMNS: ReadonlySet<TFactorColumn> = new Set(['a1a3', 'biogenicStorage', 'density', 'upliftFactor', 'a4', 'a5', 'c1', 'c2', 'c3', 'c4', 'd']);

/** The file's column behind a schema path ("modules.c3" → C3, "uplift.factor" → 割増係数). */
function columnOfField(field: string): TFactorColumn | undefined {
  const [head, sub] = field.split('.');
  if (head === 'modules' && sub !== undefined) return COLUMN_NAMES.find((c) => c === sub);
  if (head === 'uplift') return sub === 'basis' ? 'upliftBasis' : 'upliftFactor';
  return COLUMN_NAMES.find((c) => c === head);
}

/**
 * A schema objection in the file's terms: the column by its header, and for the schema's generic
 * "invalid" what the cell should hold (a number, something rather than nothing).
 */
function cellIssue(issue: TFactorImportIssue): TFactorImportIssue {
  const column = issue.field === undefined ? undefined : columnOfField(issue.field);
  if (column === undefined) return issue;
  const label = FACTOR_COLUMN_LABELS[column];
  const params = { ...issue.params, column: label, field: label };
  const value = issue.params.value;
  const generic = issue.code === 'carbon.input_invalid' || issue.code === 'carbon.material_key_required';
  if (!generic) return { ...issue, params };
  const empty = value === undefined || value === '';
  const code: ErrorCode = empty
    ? 'carbon.factor_cell_required'
    : NUMBER_COLUMNS.has(column) && typeof value === 'string'
      ? 'carbon.factor_cell_number'
      : 'carbon.factor_cell_invalid';
  return { ...issue, code, params };
}

/** A refinement may report what a field check already did (a date that is no date, twice). */
const distinct = (issues: TFactorImportIssue[]) =>
  issues.filter((i, n) => issues.findIndex((j) => j.code === i.code && j.field === i.field) === n);

/** A row's problem as the import shows it: which row and column, then what is wrong there. */
export function factorImportMessage(issue: TFactorImportIssue, locale: Locale): string {
  const message = errorMessage(issue.code, locale, issue.params);
  const { row, column } = issue.params;
  return row !== undefined && column !== undefined ? errorMessage('carbon.factor_cell', locale, { row, column }) + message : message;
}
