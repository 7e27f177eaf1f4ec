import { describe, expect, it } from 'vitest';
import { createSessionCache, type FoundSession } from './session-cache';

const session = (userId: string, sessionId = `s-${userId}`): FoundSession => ({
  sessionId,
  expiresAt: new Date('2026-12-31T00:00:00Z'),
  revokedAt: null,
  lastSeenAt: new Date('2026-12-01T00:00:00Z'),
  userId,
  email: `${userId}@example.jp`,
  displayName: userId,
  locale: 'ja',
  disabledAt: null,
  memberships: [{ id: `m-${userId}`, role: 'applicant', organisationId: 'o1', organisationKind: 'applicant', organisationNameJa: '組織', organisationNameEn: 'Org' }],
});

function listening() {
  const cache = createSessionCache({ maxAgeMs: 1_000, maxEntries: 3 });
  cache.ready();
  return cache;
}

describe('session cache', () => {
  it('keeps nothing until the listener is ready, and nothing after it is lost', () => {
    const cache = createSessionCache();
    cache.begin()('t1', session('u1'), 0);
    expect(cache.read('t1', 0)).toBeUndefined();
    cache.ready();
    cache.begin()('t1', session('u1'), 0);
    expect(cache.read('t1', 0)?.userId).toBe('u1');
    cache.lost();
    expect(cache.read('t1', 0)).toBeUndefined();
    cache.begin()('t1', session('u1'), 0);
    expect(cache.size()).toBe(0);
  });

  it("forgets every session of the user a notice names, and only those; '*' forgets all", () => {
    const cache = listening();
    cache.begin()('a1', session('a', 'sa1'), 0);
    cache.begin()('a2', session('a', 'sa2'), 0);
    cache.begin()('b1', session('b'), 0);
    cache.forget('a');
    expect(cache.read('a1', 0)).toBeUndefined();
    expect(cache.read('a2', 0)).toBeUndefined();
    expect(cache.read('b1', 0)?.userId).toBe('b');
    cache.forget('*');
    expect(cache.read('b1', 0)).toBeUndefined();
  });

  it("does not keep what a lookup found when a notice for its user, or for everyone, arrived while it ran; another user's notice does not stop it", () => {
    const cache = listening();
    const [acrossOwn, acrossAll, acrossOther] = [cache.begin(), cache.begin(), cache.begin()];
    cache.forget('u1');
    acrossOwn('t1', session('u1'), 0);
    acrossOther('t2', session('u2'), 0);
    expect(cache.read('t1', 0)).toBeUndefined();
    expect(cache.read('t2', 0)?.userId).toBe('u2');
    cache.forget('*');
    acrossAll('t3', session('u3'), 0);
    expect(cache.read('t3', 0)).toBeUndefined();
  });

  it('reads the database again once an entry is older than its maximum age', () => {
    const cache = listening();
    cache.begin()('t1', session('u1'), 0);
    expect(cache.read('t1', 999)?.userId).toBe('u1');
    expect(cache.read('t1', 1_000)).toBeUndefined();
  });

  it('holds at most its maximum, dropping the longest kept', () => {
    const cache = listening();
    for (const user of ['a', 'b', 'c', 'd']) cache.begin()(`t-${user}`, session(user), 0);
    expect(cache.size()).toBe(3);
    expect(cache.read('t-a', 0)).toBeUndefined();
    expect(cache.read('t-d', 0)?.userId).toBe('d');
  });

  it('hands every call the same frozen session, so no call can change it for another', () => {
    const cache = listening();
    cache.begin()('t1', session('u1'), 0);
    const kept = cache.read('t1', 0)!;
    expect(() => (kept.memberships as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(kept.memberships[0]!, { role: 'office_admin' })).toThrow(TypeError);
  });
});
