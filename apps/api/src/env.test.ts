import { describe, expect, it } from 'vitest';
import { databaseConfigFrom, loadEnv, secondFactorSettingsFrom } from './env';

describe('TSUMIKI_TRUST_PROXY', () => {
  const trust = (value: string | undefined) => loadEnv({ TSUMIKI_TRUST_PROXY: value }).TSUMIKI_TRUST_PROXY;

  it('is off unless set', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
  });

  it('takes a hop count or the proxies’ addresses and CIDRs', () => {
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.0/8, 192.168.1.7,::1/128,loopback')).toEqual(['10.0.0.0/8', '192.168.1.7', '::1/128', 'loopback']);
  });

  it.each(['true', '11', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2', '1.2.3'])('refuses %j, naming the variable', (value) => {
    expect(() => trust(value)).toThrow(/TSUMIKI_TRUST_PROXY/);
  });
});

describe('TSUMIKI_DATABASE_POOL_MAX', () => {
  it('sizes the PostgreSQL pool of each process', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://db/tsumiki', TSUMIKI_DATABASE_POOL_MAX: '25' });
    expect(databaseConfigFrom(env)).toEqual({ kind: 'postgres', url: 'postgres://db/tsumiki', maxConnections: 25, preparedStatements: true });
    expect(() => loadEnv({ TSUMIKI_DATABASE_POOL_MAX: '0' })).toThrow(/TSUMIKI_DATABASE_POOL_MAX/);
  });
});

describe('TSUMIKI_SESSION_CACHE', () => {
  it('keeps sessions in memory unless switched off, and refuses anything but a yes or a no', () => {
    expect(loadEnv({}).TSUMIKI_SESSION_CACHE).toBe(true);
    expect(loadEnv({ TSUMIKI_SESSION_CACHE: '0' }).TSUMIKI_SESSION_CACHE).toBe(false);
    expect(() => loadEnv({ TSUMIKI_SESSION_CACHE: 'pgbouncer' })).toThrow(/TSUMIKI_SESSION_CACHE/);
  });
});

describe('TSUMIKI_OVERVIEW_CACHE', () => {
  it('keeps the ministry overviews in memory unless switched off', () => {
    expect(loadEnv({}).TSUMIKI_OVERVIEW_CACHE).toBe(true);
    expect(loadEnv({ TSUMIKI_OVERVIEW_CACHE: 'false' }).TSUMIKI_OVERVIEW_CACHE).toBe(false);
    expect(() => loadEnv({ TSUMIKI_OVERVIEW_CACHE: 'maybe' })).toThrow(/TSUMIKI_OVERVIEW_CACHE/);
  });
});

describe('TSUMIKI_QUEUE_CACHE', () => {
  it("keeps the review queue's first pages in memory unless switched off", () => {
    expect(loadEnv({}).TSUMIKI_QUEUE_CACHE).toBe(true);
    expect(loadEnv({ TSUMIKI_QUEUE_CACHE: '0' }).TSUMIKI_QUEUE_CACHE).toBe(false);
    expect(() => loadEnv({ TSUMIKI_QUEUE_CACHE: 'maybe' })).toThrow(/TSUMIKI_QUEUE_CACHE/);
  });
});

describe('TSUMIKI_PREPARED_STATEMENTS', () => {
  it('prepares statements on PostgreSQL unless switched off', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/tsumiki';
    expect(databaseConfigFrom(loadEnv({ DATABASE_URL: url }))).toMatchObject({ kind: 'postgres', preparedStatements: true });
    expect(databaseConfigFrom(loadEnv({ DATABASE_URL: url, TSUMIKI_PREPARED_STATEMENTS: '0' }))).toMatchObject({ preparedStatements: false });
    expect(() => loadEnv({ TSUMIKI_PREPARED_STATEMENTS: 'maybe' })).toThrow(/TSUMIKI_PREPARED_STATEMENTS/);
  });
});

describe('TSUMIKI_METRICS_*', () => {
  it('is off by default and listens on loopback when given a port', () => {
    expect(loadEnv({}).TSUMIKI_METRICS_PORT).toBe(0);
    const env = loadEnv({ TSUMIKI_METRICS_PORT: '9464' });
    expect(env.TSUMIKI_METRICS_HOST).toBe('127.0.0.1');
    expect(env.TSUMIKI_METRICS_TOKEN).toBeUndefined();
  });

  it('refuses a non-loopback address without a token, and a short token', () => {
    expect(() => loadEnv({ TSUMIKI_METRICS_PORT: '9464', TSUMIKI_METRICS_HOST: '0.0.0.0' })).toThrow(/TSUMIKI_METRICS_TOKEN/);
    expect(() => loadEnv({ TSUMIKI_METRICS_TOKEN: 'short' })).toThrow(/TSUMIKI_METRICS_TOKEN/);
    const token = 'a'.repeat(32);
    expect(loadEnv({ TSUMIKI_METRICS_PORT: '9464', TSUMIKI_METRICS_HOST: '0.0.0.0', TSUMIKI_METRICS_TOKEN: token }).TSUMIKI_METRICS_TOKEN).toBe(token);
  });
});

describe('staff second factor settings', () => {
  it('are required in production and optional elsewhere unless set', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(secondFactorSettingsFrom(loadEnv({ NODE_ENV: 'production', TSUMIKI_TOTP_KEY: key })).mode).toBe('required');
    expect(secondFactorSettingsFrom(loadEnv({})).mode).toBe('optional');
    expect(secondFactorSettingsFrom(loadEnv({ TSUMIKI_STAFF_TOTP: 'required' })).mode).toBe('required');
    expect(secondFactorSettingsFrom(loadEnv({ NODE_ENV: 'production', TSUMIKI_STAFF_TOTP: 'off' })).mode).toBe('off');
    expect(secondFactorSettingsFrom(loadEnv({ NODE_ENV: 'production', TSUMIKI_TOTP_KEY: key })).key).toEqual(Buffer.alloc(32, 7));
  });

  it('refuse an unknown mode, a key of the wrong size, and production without a key', () => {
    expect(() => loadEnv({ TSUMIKI_STAFF_TOTP: 'yes' })).toThrow(/TSUMIKI_STAFF_TOTP/);
    expect(() => loadEnv({ TSUMIKI_TOTP_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/TSUMIKI_TOTP_KEY: must be 32 bytes/);
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/TSUMIKI_TOTP_KEY: required in production/);
  });
});
