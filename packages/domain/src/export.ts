/**
 * Tables people take into Excel. A cell that starts with = + - @ (or a tab / carriage return that
 * Excel strips before looking) would be read as a formula when the file is opened, so text cells
 * starting that way get a leading apostrophe: Excel shows the text as typed and runs nothing
 * (OWASP "CSV Injection"). Numbers stay numbers, so a negative figure is not mangled.
 */
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: Cell): string | number | null {
  if (value == null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  const cell = neutraliseCell(value);
  if (cell == null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV as Excel in Japan opens it without garbling: UTF-8 with a byte-order mark, CRLF line ends,
 * fields quoted only when they must be.
 */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A named sheet of a workbook export: the same shape for CSV and Excel. */
export interface ExportTable {
  name: string;
  header: string[];
  rows: Cell[][];
}
