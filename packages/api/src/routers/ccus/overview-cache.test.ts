import { describe, expect, it } from 'vitest';
import { createOverviewCache } from './overview-cache';

describe('the overview cache', () => {
  it('keeps nothing computed before a notice that arrived while it was being computed', () => {
    const cache = createOverviewCache<{ total: number }>();
    cache.ready();
    const keep = cache.begin();
    cache.forgetAll(); // a notice: the computation may have read replaced rows
    keep(2025, '2026-01', { total: 1 });
    expect(cache.read(2025, '2026-01')).toBeUndefined();
    const again = cache.begin();
    again(2025, '2026-01', { total: 2 });
    expect(cache.read(2025, '2026-01')).toEqual({ total: 2 });
  });

  it('keeps nothing before ready() or after lost(), and forgets the longest kept beyond its size', () => {
    const cache = createOverviewCache<number[]>({ maxEntries: 2 });
    cache.begin()(2025, '2026-01', [1]);
    expect(cache.size()).toBe(0);
    cache.ready();
    for (const month of ['2025-11', '2025-12', '2026-01']) cache.begin()(2025, month, [1]);
    expect(cache.size()).toBe(2);
    expect(cache.read(2025, '2025-11')).toBeUndefined();
    expect(Object.isFrozen(cache.read(2025, '2026-01'))).toBe(true);
    cache.lost();
    expect(cache.read(2025, '2026-01')).toBeUndefined();
    cache.begin()(2025, '2026-01', [1]);
    expect(cache.size()).toBe(0);
  });

  it('computes again after its maximum age, whatever the notices say', () => {
    let now = 0;
    const cache = createOverviewCache<number[]>({ maxAgeMs: 60_000, nowMs: () => now });
    cache.ready();
    cache.begin()(2025, '2026-01', [1]);
    now = 59_999;
    expect(cache.read(2025, '2026-01')).toEqual([1]);
    now = 60_000;
    expect(cache.read(2025, '2026-01')).toBeUndefined();
    expect(cache.size()).toBe(0);
  });
});
