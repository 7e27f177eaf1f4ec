/**
 * An .xlsx checked against the limits before any cell is made: the zip's parts inflated with a
 * ceiling, every XML part streamed once (saxes, the parser exceljs itself uses) counting depth,
 * rows, columns, cells and text, and the ranges exceljs expands cell by cell (merged cells, data
 * validations, tables). A workbook that passes is one exceljs can materialise within the limits.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { cellAddress, columnLetters, SheetRefusal, type TSheetLimits } from './limits';
import { inflateEntry, zipEntries } from './zip';

const unreadable = (detail: string) => new SheetRefusal('ccus.import_xlsx_unreadable', { detail: detail.slice(0, 200) });
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

interface TElementHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** One XML part streamed: no DOCTYPE (no entities to expand), no deeper than the limit. */
function streamXml(xml: string, limits: TSheetLimits, handlers: TElementHandlers) {
  const parser = new SaxesParser();
  let depth = 0;
  parser.on('doctype', () => {
    throw new SheetRefusal('sheet.doctype_not_allowed');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth > limits.xmlDepth) throw new SheetRefusal('sheet.too_deeply_nested', { limit: limits.xmlDepth });
    handlers.open?.(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    depth -= 1;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) parser.on('text', handlers.text);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof SheetRefusal) throw error;
    throw unreadable(`xml: ${error instanceof Error ? error.message : 'parse'}`);
  }
}

/** Character counts of the shared strings, in order (a cell of type "s" points at one by index). */
function sharedStringLengths(xml: string, limits: TSheetLimits): number[] {
  const lengths: number[] = [];
  let inItem = false;
  let total = 0;
  streamXml(xml, limits, {
    open: (name) => {
      if (name !== 'si') return;
      inItem = true;
      lengths.push(0);
      if (lengths.length > limits.cells) throw new SheetRefusal('sheet.too_many_cells', { limit: limits.cells });
    },
    close: (name) => {
      if (name === 'si') inItem = false;
    },
    text: (text) => {
      if (!inItem) return;
      lengths[lengths.length - 1]! += text.length;
      total += text.length;
      if (total > limits.textChars) throw new SheetRefusal('sheet.too_much_text', { limit: limits.textChars });
    },
  });
  return lengths;
}

/** Counters shared by every sheet of the workbook (exceljs reads them all). */
interface TWorkbookTally {
  cells: number;
  text: number;
  rangeCells: number;
}

function checkPosition(limits: TSheetLimits, position: { column?: number | undefined; row?: number | undefined }) {
  if (position.column !== undefined && position.column > limits.columns) {
    throw new SheetRefusal('sheet.too_many_columns', { limit: limits.columns, limitColumn: columnLetters(limits.columns), column: columnLetters(position.column) });
  }
  if (position.row !== undefined && position.row > limits.rows) throw new SheetRefusal('sheet.too_many_rows', { limit: limits.rows, found: position.row });
}

/** A range ("A1:C3", "A:A", "B2") that exceljs will expand cell by cell; counted against the cell budget. */
function countRange(limits: TSheetLimits, tally: TWorkbookTally, ranges: string) {
  for (const range of ranges.split(/\s+/).filter(Boolean)) {
    const [from = '', to = from] = range.split(':');
    const a = cellAddress(from);
    const b = cellAddress(to);
    const columns = Math.abs((b.column ?? 16_384) - (a.column ?? 1)) + 1;
    const rows = Math.abs((b.row ?? 1_048_576) - (a.row ?? 1)) + 1;
    tally.rangeCells += columns * rows;
    if (tally.rangeCells > limits.cells) throw new SheetRefusal('sheet.too_large_range', { limit: limits.cells, range: range.slice(0, 40) });
  }
}

function scanWorksheet(xml: string, limits: TSheetLimits, shared: number[], tally: TWorkbookTally) {
  let row = 0;
  let column = 0;
  let cellType: string | null = null;
  let inValue = false;
  let inInline = false;
  const addText = (n: number) => {
    tally.text += n;
    if (tally.text > limits.textChars) throw new SheetRefusal('sheet.too_much_text', { limit: limits.textChars });
  };
  streamXml(xml, limits, {
    open: (name, attributes) => {
      switch (name) {
        case 'dimension': {
          const end = (attributes.ref ?? '').split(':').pop() ?? '';
          checkPosition(limits, cellAddress(end));
          break;
        }
        case 'row':
          row = attributes.r ? Number(attributes.r) : row + 1;
          if (!Number.isInteger(row) || row < 1) throw unreadable(`row r="${String(attributes.r)}"`);
          column = 0;
          checkPosition(limits, { row });
          break;
        case 'c': {
          const at = attributes.r ? cellAddress(attributes.r) : {};
          column = at.column ?? column + 1;
          checkPosition(limits, { column, row: at.row ?? row });
          tally.cells += 1;
          if (tally.cells > limits.cells) throw new SheetRefusal('sheet.too_many_cells', { limit: limits.cells });
          cellType = attributes.t ?? 'n';
          break;
        }
        case 'v':
          inValue = cellType !== null;
          break;
        case 'is':
          inInline = true;
          break;
        case 'mergeCell':
          countRange(limits, tally, attributes.ref ?? '');
          break;
        case 'dataValidation':
          countRange(limits, tally, attributes.sqref ?? '');
          break;
      }
    },
    close: (name) => {
      if (name === 'c') cellType = null;
      else if (name === 'v') inValue = false;
      else if (name === 'is') inInline = false;
    },
    text: (text) => {
      if (inValue && cellType === 's') addText(shared[Number(text)] ?? 0);
      else if (inValue || inInline) addText(text.length);
    },
  });
}

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);
const isSharedStrings = (name: string) => /(^|\/)sharedStrings\.xml$/i.test(name);
const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const isTable = (name: string) => /^xl\/tables\/[^/]+\.xml$/i.test(name);

/** Refuses (a coded DomainError) an .xlsx that is past a limit or not a zip; returns nothing when it may be read. */
export function scanXlsx(zip: Buffer, limits: TSheetLimits): void {
  if (zip.length > limits.fileBytes) throw new SheetRefusal('sheet.too_large_file', { limitMb: Math.round(limits.fileBytes / 1024 / 1024) });
  const entries = zipEntries(zip, limits.parts).filter((e) => !e.name.endsWith('/'));
  const limitMb = Math.round(limits.unpackedBytes / 1024 / 1024);
  // What the parts claim is a quick first refusal; inflating below does not trust it.
  if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > limits.unpackedBytes) throw new SheetRefusal('sheet.too_large_unpacked', { limitMb });
  let left = limits.unpackedBytes;
  const text = (entry: (typeof entries)[number]) => {
    const bytes = inflateEntry(zip, entry, left, limits.unpackedBytes);
    left -= bytes.length;
    return bytes.toString('utf8');
  };
  const sharedEntry = entries.find((e) => isSharedStrings(e.name));
  const shared = sharedEntry ? sharedStringLengths(text(sharedEntry), limits) : [];
  const tally: TWorkbookTally = { cells: 0, text: 0, rangeCells: 0 };
  for (const entry of entries) {
    if (entry === sharedEntry) continue;
    if (!isXml(entry.name)) {
      text(entry); // inflated only to count it: exceljs inflates images too
      continue;
    }
    const xml = text(entry);
    if (isWorksheet(entry.name)) scanWorksheet(xml, limits, shared, tally);
    else if (isTable(entry.name)) streamXml(xml, limits, { open: (name, a) => name === 'table' && countRange(limits, tally, a.ref ?? '') });
    else streamXml(xml, limits, {});
  }
}
