import { renderPdf, type PdfDocumentModel } from '@tsumiki/pdf';
import type { ExportFile } from './spreadsheet';

/** A document model rendered as a PDF download, carried like the CSV/Excel exports. */
export async function pdfFile(model: PdfDocumentModel, basename: string): Promise<ExportFile> {
  const bytes = await renderPdf(model);
  return { filename: `${basename}.pdf`, mimeType: 'application/pdf', base64: bytes.toString('base64') };
}
