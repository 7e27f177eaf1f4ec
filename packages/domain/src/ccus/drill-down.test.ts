import { describe, expect, it } from 'vitest';
import { MEMBER_RATE_BANDS, memberRateBand, ZMemberDrillDownInput } from './drill-down';

describe('the member drill-down', () => {
  it('puts a rate in the band of the highest bound it reaches', () => {
    expect(MEMBER_RATE_BANDS).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect([0, 0.19999, 0.2, 0.5, 0.8, 1, 1.2].map(memberRateBand)).toEqual([0, 0, 1, 2, 4, 4, 4]);
    expect(memberRateBand(null)).toBeNull();
    expect(memberRateBand(-0.1)).toBeNull();
  });

  it('reads a page of 50 from the top by default and refuses a page size it does not offer', () => {
    const base = { associationId: '00000000-0000-4000-8000-000000000000', metricCode: 'worker_registration_rate', month: '2026-01' };
    expect(ZMemberDrillDownInput.parse(base)).toMatchObject({ offset: 0, limit: 50 });
    expect(ZMemberDrillDownInput.safeParse({ ...base, limit: 10_000 }).success).toBe(false);
    expect(ZMemberDrillDownInput.safeParse({ ...base, offset: -1 }).success).toBe(false);
  });
});
