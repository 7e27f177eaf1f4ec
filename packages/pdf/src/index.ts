export type { PdfBlock, PdfColumn, PdfDocumentModel, PdfField } from './model';
export { renderPdf } from './render';
