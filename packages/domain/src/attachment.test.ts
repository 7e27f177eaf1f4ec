import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, ZAttachmentFileName, checkAttachment, countPdfPages } from './attachment';

describe('attachments', () => {
  const pdf = { declaredType: 'application/pdf' as const, fileName: '様式1.pdf' };
  it('accepts a PDF that is a PDF', () => {
    expect(checkAttachment({ ...pdf, size: 10, detectedType: 'application/pdf' })).toEqual({ ok: true });
  });
  it('refuses a mislabelled file, an oversized one and an empty one', () => {
    expect(checkAttachment({ ...pdf, size: 10, detectedType: 'image/png' })).toMatchObject({ code: 'attachment.type_mismatch' });
    expect(checkAttachment({ ...pdf, size: 10, detectedType: undefined })).toMatchObject({ code: 'attachment.type_mismatch' });
    expect(checkAttachment({ ...pdf, size: ATTACHMENT_MAX_BYTES + 1, detectedType: 'application/pdf' })).toMatchObject({
      code: 'attachment.too_large',
    });
    expect(checkAttachment({ ...pdf, size: 0, detectedType: 'application/pdf' })).toMatchObject({ code: 'attachment.empty' });
    expect(checkAttachment({ ...pdf, fileName: 'a.png', size: 10, detectedType: 'application/pdf' })).toMatchObject({
      code: 'attachment.extension_mismatch',
    });
  });
  it('refuses path traversal in names', () => {
    expect(ZAttachmentFileName.safeParse('../../etc/passwd').success).toBe(false);
    expect(ZAttachmentFileName.safeParse('..').success).toBe(false);
    expect(ZAttachmentFileName.safeParse('図面 A3.pdf').success).toBe(true);
  });
});

describe('countPdfPages', () => {
  const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);
  it('counts page objects, not the page tree', () => {
    expect(countPdfPages(pdf('1 0 obj<</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>>endobj 2 0 obj<</Type /Page>>endobj 3 0 obj<</Type/Page>>endobj'))).toBe(2);
  });
  it('falls back to the page tree count when the pages sit in compressed streams, and says nothing when neither is readable', () => {
    expect(countPdfPages(pdf('5 0 obj<</Type /Pages /Count 14 /Kids [6 0 R]>>endobj 7 0 obj<</Type /ObjStm /Length 99>>stream\nxx\nendstream'))).toBe(14);
    expect(countPdfPages(pdf('7 0 obj<</Type /ObjStm>>stream\nxx\nendstream'))).toBeNull();
  });
});

describe('attachment file names (hostile input)', () => {
  it.each(['../../etc/passwd.pdf', 'a\\b.pdf', 'nul\u0000.pdf', 'invoice\u202efdp.exe', '\u2066x.pdf', '..'])('refuses %j', (name) => {
    expect(ZAttachmentFileName.safeParse(name).error?.issues[0]?.message).toBe('attachment.name_invalid');
  });
  it('keeps Japanese names, spaces and dots', () => {
    expect(ZAttachmentFileName.safeParse('様式1 (改訂版).v2.pdf').success).toBe(true);
  });
});
