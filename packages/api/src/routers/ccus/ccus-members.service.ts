import { listMemberDrillDownPage, memberDrillDownCounts, type Executor } from '@tsumiki/db';
import { builtinMetric, MEMBER_RATE_BANDS, metricValue, type ZMemberDrillDownInput } from '@tsumiki/domain/ccus';
import type { z } from 'zod';
import { appError } from '../../errors';
import type { SignedInAuth } from '../../trpc-types';
import { assertAssociationAccess, customMetricsOf, toDate } from './ccus.service';

/**
 * One page of an association's member firms for a metric and month, ranked by value, with the
 * number of firms and (for a rate) the distribution over all of them, not just the page.
 */
export async function memberDrillDown(ctx: { db: Executor; auth: SignedInAuth }, input: z.output<typeof ZMemberDrillDownInput>) {
  assertAssociationAccess(ctx.auth, input.associationId, 'read');
  const metric = builtinMetric(input.metricCode) ?? (await customMetricsOf(ctx.db, input.associationId)).find((m) => m.code === input.metricCode);
  if (!metric) throw appError('ccus.metric_not_found', { code: input.metricCode });
  const isRatio = metric.kind === 'ratio';
  const query = {
    associationId: input.associationId,
    metricCode: metric.code,
    isRatio,
    periodMonth: toDate(input.month),
    offset: input.offset,
    limit: input.limit,
    bands: isRatio ? MEMBER_RATE_BANDS : [],
  };
  const [rows, counts] = await Promise.all([listMemberDrillDownPage(ctx.db, query), memberDrillDownCounts(ctx.db, query)]);
  return {
    metricCode: metric.code,
    offset: input.offset,
    limit: input.limit,
    firms: counts.firms,
    withValue: counts.withValue,
    bands: isRatio ? MEMBER_RATE_BANDS.map((low, i) => ({ low, high: MEMBER_RATE_BANDS[i + 1] ?? null, firms: counts.perBand[i] ?? 0 })) : [],
    rows: rows.map((r, i) => {
      // The value shown is the domain's; the SQL value only ranked the rows.
      const value = metricValue(metric.kind, r);
      return {
        memberFirmId: r.memberFirmId,
        name: r.name,
        projectCostYen: r.projectCostYen,
        value,
        rank: value == null ? null : input.offset + i + 1,
      };
    }),
  };
}
