/**
 * Workbooks an attacker would send, built byte by byte (fflate) so that each one is exactly the
 * attack and small on the wire: used by the sheet tests, the upload test and the fuzzing.
 */
import { zipSync, type Zippable } from 'fflate';

const enc = (text: string) => new TextEncoder().encode(text);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

export interface TWorkbookParts {
  /** The inside of <sheetData>. */
  sheetData: string;
  /** Put before <sheetData>, e.g. a <dimension ref>. */
  beforeData?: string;
  /** The <si> elements of the shared strings part. */
  sharedStrings?: string[];
  /** Extra parts by path (e.g. a deeply nested one). */
  extra?: Record<string, string>;
  /** A document type declaration put in the sheet's XML. */
  doctype?: string;
}

/** A minimal, valid .xlsx with one sheet. */
export function workbookBytes(parts: TWorkbookParts): Uint8Array {
  const strings = parts.sharedStrings ?? [];
  const files: Zippable = {
    '[Content_Types].xml': enc(CONTENT_TYPES),
    '_rels/.rels': enc(ROOT_RELS),
    'xl/workbook.xml': enc(WORKBOOK),
    'xl/_rels/workbook.xml.rels': enc(WORKBOOK_RELS),
    'xl/sharedStrings.xml': enc(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': enc(`${SHEET_HEAD.replace('\n', `\n${parts.doctype ?? ''}`)}${parts.beforeData ?? ''}<sheetData>${parts.sheetData}</sheetData></worksheet>`),
  };
  for (const [path, text] of Object.entries(parts.extra ?? {})) files[path] = enc(text);
  return zipSync(files, { level: 9 });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The issue's workbook: each row a cell in column A and one in column XFD (the last column). */
export function xfdWorkbook(rows = 1000): string {
  let data = '';
  for (let r = 1; r <= rows; r += 1) data += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="XFD${r}"><v>1</v></c></row>`;
  return base64(workbookBytes({ sheetData: data }));
}

/** A sheet that declares a huge used range (and has one cell). */
export const hugeDimensionWorkbook = () =>
  base64(workbookBytes({ beforeData: '<dimension ref="A1:XFD1048576"/>', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }));

/** One long shared string referred to by many cells: small file, huge text once every cell is read. */
export function sharedStringBombWorkbook(cells = 2000, length = 100_000): string {
  let data = '';
  for (let r = 1; r <= cells; r += 1) data += `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`;
  return base64(workbookBytes({ sheetData: data, sharedStrings: [`<si><t>${'x'.repeat(length)}</t></si>`] }));
}

/** Many shared strings (each cheap) — the table alone is large. */
export function sharedStringCountWorkbook(count = 400_000): string {
  return base64(workbookBytes({ sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sharedStrings: Array.from({ length: count }, () => '<si><t>a</t></si>') }));
}

/** Elements nested deeper than any spreadsheet needs, inside a cell's inline string. */
export function deepXmlWorkbook(depth = 100_000): string {
  const open = '<r>'.repeat(depth);
  const close = '</r>'.repeat(depth);
  return base64(workbookBytes({ sheetData: `<row r="1"><c r="A1" t="inlineStr"><is>${open}<t>x</t>${close}</is></c></row>` }));
}

/** A part that inflates to far more than the whole file (200 MB of spaces from about 200 KB by default). */
export function zipRatioBombWorkbook(megabytes = 200): string {
  return base64(workbookBytes({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>', extra: { 'xl/padding.xml': ' '.repeat(megabytes * 1024 * 1024) } }));
}

/** A workbook cut off half-way. */
export function truncatedWorkbook(): string {
  const bytes = workbookBytes({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });
  return base64(bytes.subarray(0, Math.floor(bytes.length / 2)));
}

/** An entity declaration (billion laughs) in the sheet. */
export function entityWorkbook(): string {
  const dtd = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
  return base64(workbookBytes({ doctype: dtd, sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>' }));
}
