import { neutraliseCell, toCsv, type ExportTable } from '@tsumiki/domain';
import ExcelJS from 'exceljs';

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
