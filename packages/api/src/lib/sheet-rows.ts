import { DomainError } from '@tsumiki/domain';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { cellText } from './spreadsheet';

export type TSheetFile = { format: 'csv'; text: string } | { format: 'xlsx'; base64: string };

/** A cell as text; a date as the calendar date typed (Excel keeps it at UTC midnight). */
const cellString = (value: ExcelJS.CellValue): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : cellText(value).trim();

/**
 * The first sheet of a CSV or .xlsx file as rows of cell texts, blank rows kept so that row i is
 * line i + 1 of the file: for layouts with a block above the table (the carbon BoQ's building
 * facts), which header-keyed records cannot carry. Unreadable files are a coded error.
 */
export async function readSheetRows(file: TSheetFile): Promise<string[][]> {
  if (file.format === 'csv') {
    try {
      return parse(file.text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
    } catch (error) {
      if (error instanceof CsvError) throw new DomainError('carbon.import_unreadable', { detail: `${error.code}, line ${String(error.lines)}` });
      throw error;
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new DomainError('ccus.import_xlsx_unreadable', { detail: error instanceof Error ? error.message.slice(0, 200) : 'xlsx' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellString(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}
