import { describe, expect, it } from 'vitest';
import {
  RECOVERY_CODE_RANDOM_BYTES,
  ZRecoveryCode,
  ZSecondFactorCode,
  ZSecondFactorEnrolInput,
  ZTotpCode,
  recoveryCodeFromBytes,
  requiresSecondFactor,
  secondFactorStep,
} from './second-factor';

describe('requiresSecondFactor', () => {
  it('asks it of staff (reviewer, committee, programme admin, ministry) and of nobody else', () => {
    for (const role of ['reviewer', 'committee', 'programme_admin', 'ministry'] as const) expect(requiresSecondFactor([role])).toBe(true);
    for (const role of ['applicant', 'association_reporter', 'association_viewer'] as const) expect(requiresSecondFactor([role])).toBe(false);
    expect(requiresSecondFactor([])).toBe(false);
  });

  it('asks it of anyone holding a staff role among others', () => {
    expect(requiresSecondFactor(['applicant', 'committee'])).toBe(true);
  });
});

describe('secondFactorStep', () => {
  const staff = ['reviewer'] as const;
  it('enrols staff without a factor when required, lets them through when optional, never asks when off', () => {
    expect(secondFactorStep({ mode: 'required', roles: staff, enrolled: false })).toBe('enrol');
    expect(secondFactorStep({ mode: 'optional', roles: staff, enrolled: false })).toBe('none');
    expect(secondFactorStep({ mode: 'off', roles: staff, enrolled: true })).toBe('none');
  });
  it('asks enrolled staff for the code whether required or optional', () => {
    expect(secondFactorStep({ mode: 'required', roles: staff, enrolled: true })).toBe('verify');
    expect(secondFactorStep({ mode: 'optional', roles: staff, enrolled: true })).toBe('verify');
  });
  it('never asks an applicant', () => {
    expect(secondFactorStep({ mode: 'required', roles: ['applicant'], enrolled: false })).toBe('none');
  });
});

describe('recovery codes', () => {
  it('formats ten characters of the unambiguous alphabet as XXXXX-XXXXX', () => {
    const code = recoveryCodeFromBytes(Uint8Array.from({ length: RECOVERY_CODE_RANDOM_BYTES }, (_, i) => i * 29));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(code).not.toMatch(/[ILOU]/);
  });

  it('refuses the wrong amount of randomness', () => {
    expect(() => recoveryCodeFromBytes(new Uint8Array(4))).toThrow(RangeError);
  });

  it('reads a typed code in its canonical form, whatever the case, hyphen, spaces or misread letters', () => {
    expect(ZRecoveryCode.parse('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(ZRecoveryCode.parse(' 0ol1i 23456 ')).toBe('0011123456');
    expect(ZRecoveryCode.safeParse('ABCDE-FGHJ').success).toBe(false);
    expect(ZRecoveryCode.safeParse('ABCDE-FGHJU').success).toBe(false);
  });
});

describe('code inputs', () => {
  it('takes six digits as a TOTP code, spaces dropped', () => {
    expect(ZTotpCode.parse('123 456')).toBe('123456');
    expect(ZTotpCode.safeParse('12345').success).toBe(false);
    expect(ZTotpCode.safeParse('1234567').success).toBe(false);
  });

  it('tells a TOTP code from a recovery code', () => {
    expect(ZSecondFactorCode.parse('654321')).toEqual({ kind: 'totp', code: '654321' });
    expect(ZSecondFactorCode.parse('abcde-12345')).toEqual({ kind: 'recovery', code: 'ABCDE12345' });
  });

  it('names what is wrong with the code', () => {
    const empty = ZSecondFactorCode.safeParse('');
    expect(empty.error?.issues[0]?.message).toBe('auth.code_required');
    const wrong = ZSecondFactorCode.safeParse('12-34');
    expect(wrong.error?.issues[0]?.message).toBe('auth.code_format');
  });

  it('confirms enrolment with a TOTP code only', () => {
    const token = 'a'.repeat(43);
    expect(ZSecondFactorEnrolInput.safeParse({ pendingToken: token, code: '123456' }).success).toBe(true);
    expect(ZSecondFactorEnrolInput.safeParse({ pendingToken: token, code: 'ABCDE-12345' }).success).toBe(false);
    expect(ZSecondFactorEnrolInput.safeParse({ pendingToken: 'short', code: '123456' }).success).toBe(false);
  });
});
