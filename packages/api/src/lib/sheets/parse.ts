/**
 * Reading a CSV or .xlsx file into rows or header-keyed records, within the limits. Runs inside the
 * sheet worker (sheet.worker.ts); exceljs is loaded only once the workbook has passed the scan, so
 * a refusal costs neither its load nor its memory.
 */
import type ExcelJS from 'exceljs';
import { cellText } from './cell-text';
import { columnLetters, SheetRefusal, type TSheetLimits } from './limits';
import { scanXlsx } from './xlsx-scan';

export type TSheetFile = { format: 'csv'; text: string } | { format: 'xlsx'; base64: string };
/** rows: every row kept (row i is line i + 1); records: keyed by the first row, blank rows left out. */
export type TSheetShape = 'rows' | 'records';
export type TSheetRequest = { file: TSheetFile; shape: TSheetShape; limits: TSheetLimits };
export interface TSheetRecords {
  records: Record<string, string>[];
  lines: number[];
}
export type TSheetTable = { rows: string[][] } | TSheetRecords;
const LIMIT_KEYS = ['fileBytes', 'unpackedBytes', 'parts', 'rows', 'columns', 'cells', 'textChars', 'xmlDepth', 'timeoutMs', 'heapMb'] as const satisfies readonly (keyof TSheetLimits)[];
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * What the worker is given, checked on arrival as anything crossing a thread is (by hand: loading
 * zod would cost the worker a second of start-up on a busy machine).
 */
export function isSheetRequest(value: unknown): value is TSheetRequest {
  if (!isRecord(value) || !isRecord(value.file) || !isRecord(value.limits)) return false;
  const { file, limits, shape } = value;
  const fileOk = (file.format === 'csv' && typeof file.text === 'string') || (file.format === 'xlsx' && typeof file.base64 === 'string');
  return fileOk && (shape === 'rows' || shape === 'records') && LIMIT_KEYS.every((k) => Number.isInteger(limits[k]) && Number(limits[k]) > 0);
}

/** CSV: counted record by record while parsing, so a file of commas stops at the limit. */
async function readCsv(text: string, shape: TSheetShape, limits: TSheetLimits): Promise<TSheetTable> {
  if (text.length > limits.fileBytes) throw new SheetRefusal('sheet.too_large_file', { limitMb: Math.round(limits.fileBytes / 1024 / 1024) });
  let cells = 0;
  const count = (columns: number, line: number) => {
    if (columns > limits.columns) throw new SheetRefusal('sheet.too_many_columns', { limit: limits.columns, limitColumn: columnLetters(limits.columns), column: columnLetters(columns) });
    if (line > limits.rows) throw new SheetRefusal('sheet.too_many_rows', { limit: limits.rows, found: line });
    cells += columns;
    if (cells > limits.cells) throw new SheetRefusal('sheet.too_many_cells', { limit: limits.cells });
  };
  const unreadable = shape === 'rows' ? 'carbon.import_unreadable' : 'ccus.import_unreadable';
  const { CsvError, parse } = await import('csv-parse/sync');
  try {
    if (shape === 'rows') {
      const rows: string[][] = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: true,
        on_record: (record: string[], context: { lines: number }) => (count(record.length, context.lines), record),
      });
      return { rows };
    }
    // info gives each record's own line, so a message still points at the right line after a blank one.
    const parsed = parse<{ record: Record<string, string>; info: { lines: number } }>(text, {
      // The header is counted too: a header line of commas alone is the whole attack.
      columns: (header: string[]) => (count(header.length, 1), header),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      on_record: (record, context) => (count(Object.keys(record.record).length, context.lines), record),
    });
    return { records: parsed.map((p) => p.record), lines: parsed.map((p) => p.info.lines) };
  } catch (error) {
    if (error instanceof CsvError) throw new SheetRefusal(unreadable, { detail: `${error.code}, line ${String(error.lines)}` });
    throw error;
  }
}

/** A cell as text; a date as the calendar date typed (Excel keeps it at UTC midnight). */
const rowCell = (value: ExcelJS.CellValue): string => (value instanceof Date ? value.toISOString().slice(0, 10) : cellText(value).trim());

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(rowCell(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Header-keyed like a CSV parse, so one checker serves both; dates as yyyy-mm (a typed month). */
function sheetRecords(sheet: ExcelJS.Worksheet): TSheetRecords {
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column - 1] = cellText(cell.value).trim();
  });
  const records: Record<string, string>[] = [];
  const lines: number[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const record: Record<string, string> = {};
    let empty = true;
    header.forEach((name, i) => {
      if (!name) return;
      const text = cellText(row.getCell(i + 1).value).trim();
      if (text !== '') empty = false;
      record[name] = text;
    });
    if (!empty) {
      records.push(record);
      lines.push(r);
    }
  }
  return { records, lines };
}

async function readXlsx(base64: string, shape: TSheetShape, limits: TSheetLimits): Promise<TSheetTable> {
  const bytes = Buffer.from(base64, 'base64');
  scanXlsx(bytes, limits);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SheetRefusal('ccus.import_xlsx_unreadable', { detail: error instanceof Error ? error.message.slice(0, 200) : 'xlsx' });
  }
  const sheet = workbook.worksheets[0];
  if (shape === 'rows') return { rows: sheet ? sheetRows(sheet) : [] };
  return sheet ? sheetRecords(sheet) : { records: [], lines: [] };
}

export function readSheetTable(request: TSheetRequest): Promise<TSheetTable> {
  const { file, shape, limits } = request;
  return file.format === 'csv' ? readCsv(file.text, shape, limits) : readXlsx(file.base64, shape, limits);
}
