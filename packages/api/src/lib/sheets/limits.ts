import type { ErrorCode } from '@tsumiki/domain';

/**
 * How much of a spreadsheet the server agrees to read. A file past any of these is refused with a
 * message that names the limit; the worker's time and memory ceilings catch what the counting
 * cannot foresee. The figures fit every import we have (BoQ, budget, CCUS, factors) many times
 * over: the largest real file, a year of an association's CCUS figures, is a few thousand rows.
 */
export interface TSheetLimits {
  /** The file as sent (decoded bytes for .xlsx, characters for CSV). */
  fileBytes: number;
  /** All parts of an .xlsx together once unpacked. */
  unpackedBytes: number;
  /** Parts (files) inside an .xlsx. */
  parts: number;
  rows: number;
  columns: number;
  /** Cells in the whole workbook (every sheet is read). */
  cells: number;
  /** Characters of all cell texts together, shared strings counted each time a cell uses them. */
  textChars: number;
  /** Element nesting in any XML part (a worksheet needs about 6). */
  xmlDepth: number;
  /** Wall-clock ceiling for one file, after which the worker is terminated. */
  timeoutMs: number;
  /** The worker's heap ceiling. */
  heapMb: number;
}

export const SHEET_LIMITS: TSheetLimits = {
  fileBytes: 5 * 1024 * 1024,
  unpackedBytes: 60 * 1024 * 1024,
  parts: 300,
  rows: 20_000,
  columns: 200,
  cells: 400_000,
  textChars: 20_000_000,
  xmlDepth: 64,
  timeoutMs: 15_000,
  heapMb: 384,
};

/** 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A → 1, XFD → 16384; NaN when not letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0) - 64;
    if (code < 1 || code > 26) return Number.NaN;
    n = n * 26 + code;
  }
  return letters ? n : Number.NaN;
}

/** "XFD1000" → { column: 16384, row: 1000 }; missing parts are undefined ("A:A" ranges give rows undefined). */
export function cellAddress(ref: string): { column?: number; row?: number } {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(ref.trim());
  if (!match) return {};
  const column = match[1] ? columnNumber(match[1]) : undefined;
  const row = match[2] ? Number(match[2]) : undefined;
  return { ...(column !== undefined && !Number.isNaN(column) ? { column } : {}), ...(row !== undefined ? { row } : {}) };
}

/**
 * A refusal raised inside the worker: a catalogue code and its parameters, posted back and turned
 * into a DomainError by the caller (the worker does not load the domain package, so it starts fast).
 */
export class SheetRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'SheetRefusal';
  }
}
