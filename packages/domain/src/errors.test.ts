import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessages } from './errors';

const { ja, en } = errorMessages;

describe('error messages', () => {
  it('has the same codes in Japanese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });
  it('fills placeholders and defaults to Japanese', () => {
    expect(errorMessage('auth.rate_limited', 'ja', { minutes: 15 })).toContain('15分後');
    expect(errorMessage('auth.rate_limited', 'en', { minutes: 15 })).toContain('15 minutes');
  });
  it('falls back to the generic message for an unknown code', () => {
    expect(errorMessage('no.such.code')).toBe(ja['internal.error']);
  });
});
