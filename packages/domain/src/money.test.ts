import { describe, expect, it } from 'vitest';
import { ZYen, applyRate, formatYen, rate, yen } from './money';

describe('money', () => {
  it('rounds a rate down to the yen (切り捨て)', () => {
    expect(applyRate(yen(1_000_001), rate(3, 10))).toBe(300_000);
    expect(applyRate(yen(3), rate(1, 2))).toBe(1);
  });
  it('refuses fractional and negative yen', () => {
    expect(ZYen.safeParse(1.5).success).toBe(false);
    expect(ZYen.safeParse(-1).success).toBe(false);
    expect(() => yen(0.1)).toThrow(RangeError);
  });
  it('formats in both languages', () => {
    expect(formatYen(yen(4_000_000))).toBe('4,000,000円');
    expect(formatYen(yen(4_000_000), 'en')).toBe('¥4,000,000');
  });
});
