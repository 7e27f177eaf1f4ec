import { describe, expect, it } from 'vitest';
import { ZUpdateDraftInput } from './application';
import { ZUploadAttachmentInput } from './attachment';
import { ZCreateUserInput, ZSignInInput } from './auth';
import { isErrorCode } from './errors';
import { ROLE_APP, ROLES, rolesForApp, roleMayHoldIn } from './roles';

/** Every message a schema can produce must be a code the apps can translate. */
function codesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('schemas speak in error codes', () => {
  it.each([
    ['sign-in', ZSignInInput.safeParse({ email: 'x', password: '' })],
    ['new user', ZCreateUserInput.safeParse({ email: 'a@b.jp', displayName: ' ', password: 'short', organisationId: crypto.randomUUID(), role: 'applicant' })],
    ['draft', ZUpdateDraftInput.safeParse({ id: crypto.randomUUID(), version: 1, title: '' })],
    [
      'attachment',
      ZUploadAttachmentInput.safeParse({ applicationId: crypto.randomUUID(), fileName: '../x', declaredType: 'application/zip', contentBase64: '***' }),
    ],
  ])('%s', (_name, result) => {
    const codes = codesOf(result);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(isErrorCode(code), code).toBe(true);
  });

  it('normalises e-mail addresses', () => {
    expect(ZSignInInput.parse({ email: '  Applicant@Demo.Tsumiki.JP ', password: 'x' }).email).toBe('applicant@demo.tsumiki.jp');
  });
});

describe('roles', () => {
  it('puts every role in exactly one app', () => {
    const all = [...rolesForApp('portal'), ...rolesForApp('console'), ...rolesForApp('dashboard')];
    expect(all.sort()).toEqual([...ROLES].sort());
    expect(ROLE_APP.committee).toBe('console');
  });
  it('gives roles only in the right kind of organisation', () => {
    expect(roleMayHoldIn('reviewer', 'programme_office')).toBe(true);
    expect(roleMayHoldIn('reviewer', 'applicant')).toBe(false);
    expect(roleMayHoldIn('ministry', 'association')).toBe(false);
  });
});
