import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, ZAttachmentFileName, checkAttachment } from './attachment';

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
