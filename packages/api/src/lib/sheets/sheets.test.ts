/**
 * Hostile spreadsheets against the sheet reader: each attack refused with the code naming its
 * limit, quickly, and generated workbooks (fast-check) either read within the limits or refused
 * with a coded message — never another error, never a hang.
 */
import { DomainError } from '@tsumiki/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deepXmlWorkbook,
  entityWorkbook,
  hugeDimensionWorkbook,
  sharedStringBombWorkbook,
  sharedStringCountWorkbook,
  truncatedWorkbook,
  workbookBytes,
  xfdWorkbook,
  zipRatioBombWorkbook,
} from './hostile-workbooks';
import { columnLetters, SHEET_LIMITS, SheetRefusal, type TSheetLimits } from './limits';
import { readSheetTable } from './parse';
import { readSheetRecords, readSheetRows, workerEntry } from './read';
import { scanXlsx } from './xlsx-scan';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof SheetRefusal) return error.code;
    throw error;
  }
};
const scan = (base64: string, limits: TSheetLimits = SHEET_LIMITS) => codeOf(() => scanXlsx(Buffer.from(base64, 'base64'), limits));

/** A workbook whose central directory claims each part is 10 bytes, whatever it inflates to. */
function lyingSizes(bytes: Uint8Array): string {
  const zip = Buffer.from(bytes);
  for (let at = zip.length - 22; at >= 0; at -= 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) continue;
    zip.writeUInt32LE(10, at + 24);
  }
  return zip.toString('base64');
}

describe('the sheet scan refuses each attack with the limit it reached', () => {
  it('the issue workbook (1,000 rows to column XFD) as too many columns, naming XFD, in milliseconds', () => {
    const started = performance.now();
    expect(() => scanXlsx(Buffer.from(xfdWorkbook(1000), 'base64'), SHEET_LIMITS)).toThrow(
      expect.objectContaining({ code: 'sheet.too_many_columns', params: { limit: 200, limitColumn: 'GR', column: 'XFD' } }),
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a huge declared dimension, before any cell', () => {
    expect(scan(hugeDimensionWorkbook())).toBe('sheet.too_many_columns');
  });

  it('a shared string used by many cells, and a shared-string table larger than the cell limit', () => {
    expect(scan(sharedStringBombWorkbook(2000, 100_000))).toBe('sheet.too_much_text');
    expect(scan(sharedStringCountWorkbook(SHEET_LIMITS.cells + 1))).toBe('sheet.too_many_cells');
  });

  it('deeply nested XML and entity declarations', () => {
    expect(scan(deepXmlWorkbook(100_000))).toBe('sheet.too_deeply_nested');
    expect(scan(entityWorkbook())).toBe('sheet.doctype_not_allowed');
  });

  it('zip ratio bombs, whether the sizes are declared honestly or not', () => {
    expect(scan(zipRatioBombWorkbook(80))).toBe('sheet.too_large_unpacked');
    const bomb = workbookBytes({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>', extra: { 'xl/padding.xml': ' '.repeat(70 * 1024 * 1024) } });
    expect(scan(lyingSizes(bomb))).toBe('sheet.too_large_unpacked');
  });

  it('merged cells and validations that exceljs would expand cell by cell', () => {
    const merge = b64(workbookBytes({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>' }));
    expect(scan(merge)).toBe('sheet.too_large_range');
    const validation = b64(
      workbookBytes({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations count="1"><dataValidation type="list" sqref="A1:A1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations><sheetData>' }),
    );
    expect(scan(validation)).toBe('sheet.too_large_range');
  });

  it('too many rows and cells, and a truncated or foreign file as unreadable', () => {
    const limits = { ...SHEET_LIMITS, rows: 10, cells: 15 };
    const rows = (n: number, cols = 1) =>
      b64(workbookBytes({ sheetData: Array.from({ length: n }, (_, r) => `<row r="${r + 1}">${Array.from({ length: cols }, (_, c) => `<c r="${columnLetters(c + 1)}${r + 1}"><v>1</v></c>`).join('')}</row>`).join('') }));
    expect(scan(rows(11), limits)).toBe('sheet.too_many_rows');
    expect(scan(rows(8, 2), limits)).toBe('sheet.too_many_cells');
    expect(scan(rows(5, 3), limits)).toBeNull();
    expect(scan(truncatedWorkbook())).toBe('ccus.import_xlsx_unreadable');
    expect(scan(Buffer.from('PK\u0003\u0004 not really').toString('base64'))).toBe('ccus.import_xlsx_unreadable');
  });

  it('CSV: a line of commas, too many lines, a file over the size limit', async () => {
    const limits = { ...SHEET_LIMITS, rows: 100, cells: 1000, fileBytes: 100_000 };
    const read = (text: string) => readSheetTable({ file: { format: 'csv', text }, shape: 'rows', limits }).catch((e: unknown) => (e instanceof SheetRefusal ? e.code : e));
    expect(await read(','.repeat(5000))).toBe('sheet.too_many_columns');
    expect(await read('a\n'.repeat(101))).toBe('sheet.too_many_rows');
    expect(await read('a,b,c,d,e,f,g,h,i,j,k\n'.repeat(95))).toBe('sheet.too_many_cells');
    expect(await read('x'.repeat(100_001))).toBe('sheet.too_large_file');
  });
});

describe('reading in a worker thread', () => {
  it('refuses through the worker with a DomainError naming the limit, in Japanese and English', async () => {
    const refused = await readSheetRows({ format: 'xlsx', base64: xfdWorkbook(1000) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'sheet.too_many_columns', message: expect.stringContaining('XFD') });
  });

  it('stops a file at the time ceiling and at the heap ceiling (the worker is terminated)', async () => {
    const big = b64(workbookBytes({ sheetData: Array.from({ length: 3000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${'x'.repeat(200)}</t></is></c></row>`).join('') }));
    await expect(readSheetRows({ format: 'xlsx', base64: big }, { ...SHEET_LIMITS, timeoutMs: 1 })).rejects.toMatchObject({ code: 'sheet.too_slow', params: { seconds: 0 } });
    const many = b64(
      workbookBytes({ sheetData: Array.from({ length: 20_000 }, (_, r) => `<row r="${r + 1}">${['A', 'B', 'C', 'D', 'E'].map((c) => `<c r="${c}${r + 1}"><v>${r}</v></c>`).join('')}</row>`).join('') }),
    );
    await expect(readSheetRows({ format: 'xlsx', base64: many }, { ...SHEET_LIMITS, heapMb: 24 })).rejects.toMatchObject({ code: 'sheet.too_much_memory' });
  }, 60_000);

  it('reads records keyed by the first row, with their lines (the CCUS shape)', async () => {
    const base64 = b64(
      workbookBytes({
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><v>5</v></c></row>',
        sharedStrings: ['<si><t>指標</t></si>', '<si><t>値</t></si>', '<si><t>m1</t></si>'],
      }),
    );
    expect(await readSheetRecords({ format: 'xlsx', base64 })).toEqual({ records: [{ 指標: 'm1', 値: '5' }], lines: [3] });
    expect(await readSheetRecords({ format: 'csv', text: '指標,値\n\nm1,5\n' })).toEqual({ records: [{ 指標: 'm1', 値: '5' }], lines: [3] });
  });

  it('chooses the compiled worker when a build put one beside the module, else the TypeScript source through tsx', () => {
    const base = 'file:///srv/api/lib/sheets/read.js';
    expect(workerEntry(base, () => true)).toEqual({ script: new URL('file:///srv/api/lib/sheets/sheet.worker.js'), eval: false });
    const source = workerEntry(base, () => false);
    expect(source.eval).toBe(true);
    expect(source.script).toContain('/srv/api/lib/sheets/sheet.worker.ts');
    expect(source.script).toMatch(/tsx.*cjs.*api/);
  });
});

describe('fuzzing the reader with generated workbooks', () => {
  const limits: TSheetLimits = { ...SHEET_LIMITS, rows: 40, columns: 12, cells: 300, textChars: 4000, xmlDepth: 24, unpackedBytes: 400_000 };
  const cell = fc.record({
    row: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant(1_048_576)),
    column: fc.oneof(fc.integer({ min: 1, max: 15 }), fc.constant(16_384)),
    value: fc.oneof(
      fc.integer().map((n) => ({ t: 'n', v: String(n) })),
      fc.nat({ max: 5 }).map((i) => ({ t: 's', v: String(i) })),
      fc.string({ maxLength: 30 }).map((s) => ({ t: 'inlineStr', v: s })),
    ),
  });
  /** Text as XML may carry it: markup as character references, characters XML forbids left out. */
  const escape = (s: string) =>
    [...s]
      .filter((ch) => {
        const code = ch.codePointAt(0) ?? 0;
        return code === 9 || code === 10 || code === 13 || (code >= 0x20 && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff);
      })
      .map((ch) => (/[&<>"]/.test(ch) ? `&#${String(ch.charCodeAt(0))};` : ch))
      .join('');
  const workbook = fc.record({
    cells: fc.array(cell, { maxLength: 120 }),
    shared: fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constant('y'.repeat(3000))), { maxLength: 6 }),
    depth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
    dimension: fc.option(fc.constantFrom('A1:C3', 'A1:XFD1048576', 'A1:L40', 'A1:A2000')),
    padding: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })),
    cut: fc.option(fc.double({ min: 0.05, max: 0.99, noNaN: true })),
  });
  const build = (w: typeof workbook extends fc.Arbitrary<infer T> ? T : never) => {
    const byRow = new Map<number, string[]>();
    for (const c of [...w.cells].sort((a, b) => a.row - b.row || a.column - b.column)) {
      const ref = `${columnLetters(c.column)}${String(c.row)}`;
      const xml = c.value.t === 'inlineStr' ? `<c r="${ref}" t="inlineStr"><is><t>${escape(c.value.v)}</t></is></c>` : `<c r="${ref}" t="${c.value.t}"><v>${c.value.v}</v></c>`;
      byRow.set(c.row, [...(byRow.get(c.row) ?? []), xml]);
    }
    const nest = `<c r="A1" t="inlineStr"><is>${'<r>'.repeat(w.depth)}<t>deep</t>${'</r>'.repeat(w.depth)}</is></c>`;
    const rows = [...byRow].map(([r, cells]) => `<row r="${String(r)}">${cells.join('')}</row>`).join('');
    const bytes = workbookBytes({
      sheetData: w.depth ? `<row r="1">${nest}</row>${rows.replace(/^<row r="1">.*?<\/row>/, '')}` : rows,
      sharedStrings: w.shared.map((s) => `<si><t>${escape(s)}</t></si>`),
      ...(w.dimension ? { beforeData: `<dimension ref="${w.dimension}"/>` } : {}),
      ...(w.padding ? { extra: { 'xl/padding.xml': `<a>${' '.repeat(w.padding)}</a>` } } : {}),
    });
    return b64(w.cut === null ? bytes : bytes.subarray(0, Math.floor(bytes.length * w.cut)));
  };
  const allowed = new Set(['sheet.too_many_rows', 'sheet.too_many_columns', 'sheet.too_many_cells', 'sheet.too_much_text', 'sheet.too_deeply_nested', 'sheet.too_large_unpacked', 'ccus.import_xlsx_unreadable']);

  it('in process: every generated workbook is read within the limits or refused with a coded message', async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (w) => {
        const started = performance.now();
        try {
          const table = await readSheetTable({ file: { format: 'xlsx', base64: build(w) }, shape: 'rows', limits });
          const rows = 'rows' in table ? table.rows : [];
          expect(rows.length).toBeLessThanOrEqual(limits.rows);
          expect(rows.every((r) => r.length <= limits.columns)).toBe(true);
        } catch (error) {
          if (!(error instanceof SheetRefusal)) throw error;
          expect(allowed).toContain(error.code);
        }
        expect(performance.now() - started).toBeLessThan(5000);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: 20261204 },
    );
  }, 120_000);

  it('through the worker: a few generated workbooks end in a table or a DomainError', async () => {
    const samples = fc.sample(workbook, { numRuns: 4, seed: 7 });
    for (const w of samples) {
      const outcome = await readSheetRows({ format: 'xlsx', base64: build(w) }, limits).then(
        () => 'read',
        (error: unknown) => (error instanceof DomainError ? error.code : error),
      );
      expect(outcome === 'read' || allowed.has(String(outcome))).toBe(true);
    }
  }, 120_000);
});
