import { isErrorCode, type ErrorCode } from '../errors';
import { CATEGORY_CODES, CATEGORY_NAMES, METHOD_NAMES, METHODS, SUB_ITEMS, subItem } from './categories';
import type { TEmissionFactor } from './factors';
import { materialNameIndex, resolveMaterialName, type TMaterialResolution, type TRememberedName } from './material-names';
import { ZBoqLine, STRUCTURE_NAMES, STRUCTURES, type TAssessmentInputRaw, type TBoqLineInput } from './model';
import { BUILDING_USE_NAMES, BUILDING_USES } from './period';
import type { TCarbonIssue } from './result';
import { parseUnit } from './units';

/**
 * Bills of quantities from spreadsheets, in a J-CAT-like layout: an optional block of building
 * facts ("延床面積, 5000") on top, then a header row (工事科目, 工事細目, 資材, 数量, 単位, 原単位ID …)
 * and one row per line. The same reader serves CSV, Excel and cells pasted from Excel, so a row is
 * refused for the same reason whichever way it arrives, with the same messages as the API.
 */

/** Names compared after NFKC, case-blind, runs of spaces as one. */
const normName = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ');
/** Headers compare like names, with a unit in brackets at the end ignored ("延床面積（m²）"). */
const norm = (s: string) => normName(s.normalize('NFKC').replace(/\(.*\)$/, ''));

/** Header names accepted for each BoQ column (compared after NFKC, case-blind, units in brackets ignored). */
export const BOQ_COLUMNS = {
  id: ['明細id', '明細番号', 'no', 'no.', 'id', 'line id'],
  category: ['工事科目', '科目', 'category', 'work category'],
  subItem: ['工事細目', '細目', 'sub-item', 'subitem', 'sub item'],
  material: ['資材', '資材キー', '資材名', '材料', 'material', 'material key'],
  quantity: ['数量', 'quantity', 'qty'],
  unit: ['単位', 'unit'],
  factorId: ['原単位id', '原単位', 'factor id', 'factor'],
  label: ['名称', '摘要', '品名', 'label', 'description'],
  density: ['密度', 'density'],
  thickness: ['厚さ', 'thickness'],
  kgPerPiece: ['1個あたり質量', '単位質量', 'kg per piece'],
  kgPerMetre: ['1mあたり質量', 'kg per metre', 'kg per meter'],
} as const;
export type TBoqColumn = keyof typeof BOQ_COLUMNS;
/** Column order of a paste without a header row: what the portal's grid shows. */
export const BOQ_PASTE_ORDER: readonly TBoqColumn[] = ['category', 'subItem', 'material', 'quantity', 'unit', 'factorId', 'label'];

/** Building facts accepted in the block above the BoQ header. */
export const BUILDING_FIELDS = {
  name: ['プロジェクト名', '建物名称', '名称', '件名', 'project', 'project name', 'name'],
  use: ['用途', '建物用途', 'use', 'building use'],
  structure: ['構造', '構造種別', 'structure'],
  grossFloorAreaM2: ['延床面積', '延べ面積', '延べ床面積', 'gross floor area', 'gfa'],
  storeysAboveGround: ['地上階数', 'storeys above ground'],
  storeysBelowGround: ['地下階数', 'storeys below ground'],
  region: ['地域', '地域区分', 'region'],
  works: ['新築/改修', '工事種別', '新築・改修', 'works'],
  ageYears: ['築年数', 'age', 'age years'],
  durabilityGrade: ['劣化対策等級', 'durability grade'],
  assessmentDate: ['算定日', '評価日', '算定基準日', 'assessment date'],
  method: ['算定法', '算定方法', 'method'],
  evaluationPeriodYears: ['評価期間', 'evaluation period'],
  gwpSet: ['gwp', 'gwp set'],
} as const;
type TBuildingField = keyof typeof BUILDING_FIELDS;

const findKey = <K extends string>(table: Record<K, readonly string[]>, text: string): K | undefined => {
  const n = norm(text);
  if (n === '') return undefined;
  return (Object.keys(table) as K[]).find((k) => table[k].includes(n));
};

/** "1,234.5", "１２" → a number; "" → undefined; anything else is kept so the schema names it. */
export function parseNumberCell(text: string): number | string | undefined {
  const t = text.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

function parseCategory(text: string, subItemText: string): string {
  const t = text.normalize('NFKC').trim();
  const code = /^([1-6])(?:\D|$)/.exec(t)?.[1];
  if (code) return code;
  if (t === '') {
    // The sub-item's code names its category ("3.1" → 3).
    const fromSub = /^([1-6])(?:\.\d)?(?:\s|$)/.exec(subItemText.normalize('NFKC').trim())?.[1];
    return fromSub ?? '';
  }
  const n = norm(t);
  return CATEGORY_CODES.find((c) => norm(CATEGORY_NAMES[c].ja) === n || norm(CATEGORY_NAMES[c].en) === n) ?? t;
}

function parseSubItem(text: string, category: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const code = /^(\d(?:\.\d)?)(?:\s|$)/.exec(t)?.[1];
  if (code) return code;
  const n = norm(t);
  const named = SUB_ITEMS.filter((s) => s.category === category && (norm(s.ja) === n || norm(s.en) === n));
  return named.length === 1 ? named[0]!.code : t;
}

const enumValue = <T extends string>(
  text: string,
  codes: readonly T[],
  names: Record<T, { ja: string; en: string }>,
  suffix = '',
): string => {
  const t = text.normalize('NFKC').trim();
  const n = norm(t);
  return (
    codes.find((c) => c.toLowerCase() === n) ??
    codes.find((c) => {
      const ja = norm(names[c].ja);
      return ja === n || ja === `${n}${suffix}` || ja.startsWith(`${n}(`) || norm(names[c].en) === n;
    }) ??
    t
  );
};

function buildingValue(field: TBuildingField, text: string): string | number | undefined {
  const t = text.normalize('NFKC').trim();
  switch (field) {
    case 'name':
    case 'region':
    case 'assessmentDate':
      return t === '' ? undefined : t;
    case 'use':
      return enumValue(t, BUILDING_USES, BUILDING_USE_NAMES);
    case 'structure':
      // "RC造" and "RC" alike.
      return enumValue(t.replace(/造$/, ''), STRUCTURES, STRUCTURE_NAMES, '造');
    case 'method':
      return enumValue(t.replace(/(算定)?法$/, ''), METHODS, METHOD_NAMES, '算定法');
    case 'works':
      if (/^(新築|new)/i.test(t)) return 'new';
      if (/^(改修|renovation)/i.test(t)) return 'renovation';
      return t;
    case 'gwpSet':
      return t.toUpperCase();
    default:
      return parseNumberCell(t);
  }
}

export interface TBoqImportRow {
  /** The row's line in the file (1-based), or its position in a paste. */
  line: number;
  /** The line as read, before validation (what the grid shows). */
  values: TBoqLineInput;
  issues: TCarbonIssue[];
  /** The material as the sheet names it, and (with a library) which library material that is. */
  materialName: string;
  material?: TMaterialResolution;
}

export interface TBoqSheet {
  ok: boolean;
  /** Problems with the file as a whole (no header row, unknown building field …). */
  fileIssues: TCarbonIssue[];
  /** Building facts from the block above the header, as read (the assessment validates them). */
  building: Record<string, unknown>;
  project: { name?: string; assessmentDate?: string; method?: string; evaluationPeriodYears?: unknown; gwpSet?: string };
  rows: TBoqImportRow[];
}

export const BOQ_IMPORT_MAX_ROWS = 100_000;

export interface TBoqSheetOptions {
  /** The line number of rows[0] in the file (1 for a file, 1 for a paste). */
  firstLine?: number;
  /**
   * Materials are also accepted by the library's names and their aliases (material-names.ts);
   * a name that matches none is kept as typed, with suggestions, for the mapping step.
   */
  library?: readonly TEmissionFactor[];
  /** The organisation's own names for materials, remembered from earlier mappings. */
  remembered?: readonly TRememberedName[];
  /** Line ids for rows without one: the file line ("L12") by default. */
  idPrefix?: string;
}

const issue = (code: ErrorCode, params: Record<string, string | number>, path: (string | number)[], lineId?: string): TCarbonIssue =>
  lineId === undefined ? { code, params, path } : { code, params, path, lineId };

/**
 * Reads a sheet given as rows of cell texts (CSV, Excel, a paste). Each row is checked with the
 * schema the assessment uses (ZBoqLine), so every problem names its line in the file before
 * anything is saved or assessed.
 */
export function parseBoqSheet(cells: readonly (readonly string[])[], options: TBoqSheetOptions = {}): TBoqSheet {
  const firstLine = options.firstLine ?? 1;
  const fileIssues: TCarbonIssue[] = [];
  const building: Record<string, unknown> = {};
  const project: TBoqSheet['project'] = {};
  const isBlank = (row: readonly string[]) => row.every((c) => c.trim() === '');

  // The header row: the first with a category or material column and at least one other BoQ column.
  const headerIndex = cells.findIndex((row) => {
    const found = new Set(row.map((c) => findKey(BOQ_COLUMNS, c)).filter(Boolean));
    return (found.has('category') || found.has('material')) && found.size >= 2;
  });
  let columns: (TBoqColumn | undefined)[];
  let dataStart: number;
  if (headerIndex < 0) {
    // No header: a paste of data rows in the grid's column order, or a file missing its header.
    if (cells.every(isBlank) || cells.some((row) => findKey(BUILDING_FIELDS, row[0] ?? '') !== undefined)) {
      fileIssues.push(issue('carbon.import_missing_column', { column: BOQ_COLUMNS.category[0] }, []));
      return { ok: false, fileIssues, building, project, rows: [] };
    }
    columns = [...BOQ_PASTE_ORDER];
    dataStart = 0;
  } else {
    columns = cells[headerIndex]!.map((c) => findKey(BOQ_COLUMNS, c));
    dataStart = headerIndex + 1;
    for (const required of ['material', 'quantity', 'unit'] as const) {
      if (!columns.includes(required)) fileIssues.push(issue('carbon.import_missing_column', { column: BOQ_COLUMNS[required][0] }, []));
    }
    if (!columns.includes('category') && !columns.includes('subItem'))
      fileIssues.push(issue('carbon.import_missing_column', { column: BOQ_COLUMNS.category[0] }, []));
    // The block above the header: one fact per row, name then value.
    for (let r = 0; r < headerIndex; r++) {
      const row = cells[r]!;
      if (isBlank(row)) continue;
      const key = findKey(BUILDING_FIELDS, row[0] ?? '');
      const value = row.slice(1).find((c) => c.trim() !== '') ?? '';
      if (!key) {
        fileIssues.push(issue('carbon.import_field_unknown', { name: (row[0] ?? '').trim(), row: firstLine + r }, []));
        continue;
      }
      const parsed = buildingValue(key, value);
      if (parsed === undefined) continue;
      if (key === 'name' || key === 'assessmentDate' || key === 'method' || key === 'gwpSet') project[key] = String(parsed);
      else if (key === 'evaluationPeriodYears') project.evaluationPeriodYears = parsed;
      else building[key] = parsed;
    }
  }
  if (fileIssues.length > 0) return { ok: false, fileIssues, building, project, rows: [] };

  const columnIndex = (c: TBoqColumn) => columns.indexOf(c);
  const at = (row: readonly string[], c: TBoqColumn) => {
    const i = columnIndex(c);
    return i < 0 ? '' : (row[i] ?? '').trim();
  };
  const names = options.library ? materialNameIndex(options.library, options.remembered) : undefined;
  const factorIds = new Set((options.library ?? []).map((f) => f.id));
  const resolved = new Map<string, TMaterialResolution>();
  const resolve = (text: string) => {
    let r = resolved.get(text);
    if (!r && names) resolved.set(text, (r = resolveMaterialName(text, names)));
    return r;
  };
  const rows: TBoqImportRow[] = [];
  const seenIds = new Map<string, number>();
  for (let r = dataStart; r < cells.length; r++) {
    const row = cells[r]!;
    if (isBlank(row)) continue;
    if (rows.length >= BOQ_IMPORT_MAX_ROWS) {
      fileIssues.push(issue('carbon.import_too_many_rows', { max: BOQ_IMPORT_MAX_ROWS }, []));
      return { ok: false, fileIssues, building, project, rows: [] };
    }
    const line = firstLine + r;
    const subItemText = at(row, 'subItem');
    const category = parseCategory(at(row, 'category'), subItemText);
    const materialText = at(row, 'material');
    const material = materialText === '' ? undefined : resolve(materialText);
    const materialKey = material?.materialKey ?? materialText;
    const values: Record<string, unknown> = {
      id: at(row, 'id') || `${options.idPrefix ?? 'L'}${line}`,
      category,
      subItem: parseSubItem(subItemText, category),
      materialKey,
      quantity: parseNumberCell(at(row, 'quantity')),
      unit: parseUnit(at(row, 'unit')) ?? at(row, 'unit'),
    };
    const factorId = at(row, 'factorId') || undefined;
    if (factorId) values.factorId = factorId;
    const label = at(row, 'label');
    if (label) values.label = label;
    for (const prop of ['density', 'thickness', 'kgPerPiece', 'kgPerMetre'] as const) {
      const v = parseNumberCell(at(row, prop));
      if (v !== undefined) values[prop] = v;
    }
    const lineId = String(values.id);
    const params = { line: lineId, row: line };
    const issues = lineIssues(values, params, lineId);
    // An unknown material is not a problem of the sheet: the mapping step asks which it is.
    if (issues.length === 0 && options.library && factorId !== undefined && !factorIds.has(factorId))
      issues.push(issue('carbon.factor_not_found', { ...params, factor: factorId }, ['factorId'], lineId));
    const first = seenIds.get(lineId);
    if (first !== undefined) issues.push(issue('carbon.line_id_duplicate', params, ['id'], lineId));
    else seenIds.set(lineId, line);
    rows.push({ line, values: values as TBoqLineInput, issues, materialName: materialText, ...(material ? { material } : {}) });
  }
  if (rows.length === 0) fileIssues.push(issue('carbon.import_empty', {}, []));
  return { ok: fileIssues.length === 0 && rows.every((r) => r.issues.length === 0), fileIssues, building, project, rows };
}

/** One line through the assessment's own schema, its problems named by line id and file row. */
function lineIssues(values: Record<string, unknown>, params: { line: string; row: number }, lineId: string): TCarbonIssue[] {
  const parsed = ZBoqLine.safeParse(values);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = String(path[0] ?? '');
    const value = values[field];
    const extra: Record<string, string | number> = { field };
    if (typeof value === 'string' || typeof value === 'number') extra.value = value;
    if (typeof values.unit === 'string') extra.unit = values.unit;
    if (typeof values.subItem === 'string') extra.subItem = values.subItem;
    return issue(isErrorCode(i.message) ? i.message : 'carbon.input_invalid', { ...extra, ...params }, path, lineId);
  });
}

/** The distinct names of a sheet that the mapping step must ask about, in the order first met. */
export function unmappedMaterials(rows: readonly TBoqImportRow[]): Extract<TMaterialResolution, { materialKey: null }>[] {
  const out = new Map<string, Extract<TMaterialResolution, { materialKey: null }>>();
  for (const r of rows) if (r.material && r.material.materialKey === null && !out.has(r.material.name)) out.set(r.material.name, r.material);
  return [...out.values()];
}

/** Every problem of a sheet, file-level first, then by row. */
export const sheetIssues = (sheet: TBoqSheet): TCarbonIssue[] => [...sheet.fileIssues, ...sheet.rows.flatMap((r) => r.issues)];

/** A checked sheet as the raw input `assess` takes (the building facts are validated there). */
export function sheetToAssessmentInput(sheet: TBoqSheet, over: Partial<TAssessmentInputRaw> = {}): TAssessmentInputRaw {
  const raw = {
    project: { name: sheet.project.name, building: sheet.building },
    assessmentDate: sheet.project.assessmentDate,
    method: sheet.project.method ?? 'standard',
    ...(sheet.project.evaluationPeriodYears !== undefined ? { evaluationPeriodYears: sheet.project.evaluationPeriodYears } : {}),
    ...(sheet.project.gwpSet !== undefined ? { gwpSet: sheet.project.gwpSet } : {}),
    boq: sheet.rows.map((r) => r.values),
    ...over,
  };
  // Cells are strings and numbers; `assess` parses and names whatever is missing or wrong.
  return raw as TAssessmentInputRaw;
}

/**
 * The engine numbers BoQ rows from 1 in the order given; a sheet's reader knows them by their
 * line in the file. This puts the file's line back into each issue that names a BoQ line.
 */
export function issuesAtFileLines(issues: readonly TCarbonIssue[], sheet: TBoqSheet): TCarbonIssue[] {
  const lineOf = new Map(sheet.rows.map((r) => [String(r.values.id), r.line]));
  return issues.map((i) => {
    const line = i.lineId === undefined ? undefined : lineOf.get(i.lineId);
    return line === undefined ? i : { ...i, params: { ...i.params, row: line } };
  });
}

/** A sub-item's display text ("3.1 コンクリート"), as the import and the grid show it. */
export function subItemLabel(code: string, locale: 'ja' | 'en' = 'ja'): string {
  const s = subItem(code);
  return s ? `${s.code} ${s[locale]}` : code;
}
