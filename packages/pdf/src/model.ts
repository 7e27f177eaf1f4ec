/**
 * What a printable document says, apart from how it is drawn: features build this model in a pure
 * function (testable without a PDF) and `renderPdf` lays it out. The blocks are the few shapes the
 * official forms are made of: headings, running text, bordered label | value tables (様式 headers),
 * and figure tables with a totals row.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string; small?: boolean }
  | { kind: 'fields'; rows: PdfField[] }
  | { kind: 'table'; columns: PdfColumn[]; rows: string[][]; footer?: string[] }
  | { kind: 'pageBreak' };

export interface PdfField {
  label: string;
  value: string;
}

export interface PdfColumn {
  header: string;
  align?: 'left' | 'right' | 'center';
  /** Relative weight of the column's width; columns without one weigh 1. */
  width?: number;
}

export interface PdfDocumentModel {
  title: string;
  /** Printed at the top right of the first page, as the official forms do (e.g. 様式第1). */
  formLabel?: string;
  subtitle?: string;
  /** The PDF's author metadata (the organisation or Tsumiki). */
  author?: string;
  /** Printed at the foot of every page beside the page number. */
  footer?: string;
  blocks: PdfBlock[];
}
