import type { z } from 'zod';
import { isErrorCode, type ErrorCode } from '../errors';
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
const REQUIRED: TFactorColumn[] = ['id', 'materialKey', 'nameJa', 'declaredUnit', 'a1a3', 'dataType', 'source'];

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const columnOf = (header: string): TFactorColumn | undefined => {
  const n = norm(header).replace(/\s*\((kg|m|kg-co2e).*\)$/, '');
  return (Object.keys(FACTOR_COLUMNS) as TFactorColumn[]).find((c) => (FACTOR_COLUMNS[c] as readonly string[]).includes(n));
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
  if (headerIndex < 0) return { ok: false, fileIssues: [{ code: 'carbon.import_empty', params: {} }], rows: [] };
  const columns = cells[headerIndex]!.map(columnOf);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { ok: false, fileIssues: missing.map((c) => ({ code: 'carbon.import_missing_column', params: { column: FACTOR_COLUMNS[c][0] } })), rows: [] };

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
      productCategory: cell('productCategory') || cell('materialKey').split('.')[0] || '',
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
    const issues: TFactorImportIssue[] = parsed.success ? [] : schemaIssues(parsed.error, raw, { row: line });
    if (builtin.has(raw.id)) issues.push({ code: 'carbon.factor_builtin_id', params: { id: raw.id, row: line }, field: 'id' });
    const first = seen.get(raw.id);
    if (first !== undefined && raw.id !== '') issues.push({ code: 'carbon.factor_id_duplicate', params: { id: raw.id, first, row: line }, field: 'id' });
    else seen.set(raw.id, line);
    rows.push({ line, id: raw.id, materialKey: raw.materialKey, factor: issues.length === 0 && parsed.success ? parsed.data : null, issues });
  }
  if (rows.length === 0) return { ok: false, fileIssues: [{ code: 'carbon.import_empty', params: {} }], rows };
  return { ok: rows.every((r) => r.issues.length === 0), fileIssues: [], rows };
}
