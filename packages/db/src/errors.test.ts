import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isInvalidInputValue, isUniqueViolation } from './errors';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['server shut down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['starting up (57P03)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    // pg's answer when a transaction's client already lost its server and the rollback is sent anyway.
    ['broken client reused', new Error('Client has encountered a connection error and is not queryable')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s is a 503 the client may retry', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error at or near "x"'), { code: '42601' })],
    ['not an error', 'Connection terminated'],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('tells unique violations apart', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation(new Error('Connection terminated'))).toBe(false);
  });
});

describe('isInvalidInputValue', () => {
  it('is a data exception (class 22) only', () => {
    expect(isInvalidInputValue({ code: '22003' })).toBe(true); // integer out of range
    expect(isInvalidInputValue({ code: '22P02' })).toBe(true); // invalid text representation
    expect(isInvalidInputValue({ code: '23505' })).toBe(false);
    expect(isInvalidInputValue({ code: 'ECONNREFUSED' })).toBe(false);
    expect(isInvalidInputValue(null)).toBe(false);
  });
});
