/**
 * The files a CLT application must carry at submission (the domain's documentsToAttach for the
 * example content), each as a small one-page PDF, as the portal uploads them.
 */
import { BUILTIN_PROGRAMMES, cltExampleApplicationContent, documentsToAttach } from '@tsumiki/domain/programmes';
import { call } from './trpc-http';

const PDF = [
  '%PDF-1.4',
  '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj',
  'trailer <</Root 1 0 R>>',
  '%%EOF',
].join('\n');

export const SMALL_PDF_BASE64 = Buffer.from(PDF, 'latin1').toString('base64');

/** One upload input per copy of each document the example application must attach. */
export function requiredUploads(applicationId: string) {
  const content = cltExampleApplicationContent();
  return documentsToAttach('clt_demonstration', BUILTIN_PROGRAMMES.clt_demonstration, content)
    .filter((r) => r.status === 'required')
    .flatMap((r) =>
      Array.from({ length: r.copies }, (_, copy) => ({
        applicationId,
        fileName: `${r.document.code}-${copy + 1}.pdf`,
        declaredType: 'application/pdf' as const,
        documentCode: r.document.code,
        contentBase64: SMALL_PDF_BASE64,
      })),
    );
}

/** Uploads every required document; true when all were taken. */
export async function uploadRequired(baseUrl: string, cookie: string, applicationId: string): Promise<boolean> {
  for (const input of requiredUploads(applicationId)) {
    const result = await call(baseUrl, 'attachments.upload', 'mutation', input, cookie);
    if (result.status !== 200) return false;
  }
  return true;
}
