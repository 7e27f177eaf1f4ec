import { neutraliseCell, toCsv, type ExportTable } from '@tsumiki/domain';
import ExcelJS from 'exceljs';
import { appError } from '../errors';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  filename: string;
  mimeType: string;
  /** Base64, so the file travels inside a tRPC response and the browser saves it as a Blob. */
  base64: string;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sheet names: at most 31 characters and none of : \ / ? * [ ] (Excel's rules). */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

/**
 * CSV carries the first table (a CSV file has one sheet); Excel carries all of them, header rows
 * bold and frozen so a long sheet stays readable.
 */
export async function exportFile(tables: readonly ExportTable[], format: ExportFormat, basename: string): Promise<ExportFile> {
  if (format === 'csv') {
    const first = tables[0] ?? { header: [], rows: [] };
    const csv = toCsv([first.header, ...first.rows]);
    return { filename: `${basename}.csv`, mimeType: 'text/csv; charset=utf-8', base64: Buffer.from(csv, 'utf8').toString('base64') };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tsumiki';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.header).font = { bold: true };
    // Text is written as text, never as a formula; neutralising as well keeps the same file safe
    // when someone saves it on as CSV.
    for (const row of table.rows) sheet.addRow(row.map((cell) => neutraliseCell(cell)));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(String(table.header[i] ?? '').length * 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { filename: `${basename}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(buffer).toString('base64') };
}

/** Text of a cell as a person sees it: formulas by their result, dates as yyyy-mm, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) {
    // Excel stores a typed month ("2026/1") as a date at UTC midnight; keep the calendar month.
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/**
 * The first sheet of an .xlsx file as header-keyed records, like a CSV parse, so one checker
 * serves both. An unreadable file is a clear error, not a crash.
 */
export async function readXlsxRecords(base64: string): Promise<{ records: Record<string, string>[]; lines: number[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw appError('ccus.import_xlsx_unreadable', { detail: error instanceof Error ? error.message.slice(0, 200) : 'xlsx' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { records: [], lines: [] };
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
