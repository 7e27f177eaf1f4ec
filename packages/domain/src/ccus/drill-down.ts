import { z } from 'zod';
import { ZYearMonth } from './period';

/**
 * A member drill-down at national scale (tens of thousands of firms in one association) is read a
 * page at a time, ranked by the metric's value, with the distribution over every firm beside it.
 */
export const MEMBER_PAGE_SIZES = [25, 50, 100, 200] as const;

export const ZMemberDrillDownInput = z.object({
  associationId: z.uuid(),
  metricCode: z.string().max(63),
  month: ZYearMonth,
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.literal(MEMBER_PAGE_SIZES).default(50),
});
export type TMemberDrillDownInput = z.input<typeof ZMemberDrillDownInput>;

/**
 * Lower bounds of the distribution's bands of a rate (0–20 %, 20–40 %, … 80 % and above). A rate
 * sits in the band of the highest bound it reaches — PostgreSQL's width_bucket, which the query uses.
 */
export const MEMBER_RATE_BANDS = [0, 0.2, 0.4, 0.6, 0.8] as const;

/** The band (0-based) of a rate; null for no figure or a rate below the first bound. */
export function memberRateBand(value: number | null): number | null {
  if (value == null || value < MEMBER_RATE_BANDS[0]) return null;
  let band = 0;
  for (let i = 1; i < MEMBER_RATE_BANDS.length; i++) if (value >= MEMBER_RATE_BANDS[i]!) band = i;
  return band;
}
