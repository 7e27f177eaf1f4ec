import { z } from 'zod';
import { builtinMetric, ZMetricDefinition, type MetricDefinition, type MetricKind } from './metrics';

/** The largest 事業費 a member firm is given (10兆円, above any general contractor's year). */
export const MAX_PROJECT_COST_YEN = 10_000_000_000_000;

/**
 * A member firm as the association lists it. Names are compared after NFKC normalisation (as the
 * import does), so "ＡＢＣ建設" and "ABC建設" are one firm, not two.
 */
export const ZMemberFirmInput = z.object({
  associationId: z.uuid(),
  /** Absent for a new firm. */
  id: z.uuid().optional(),
  name: z
    .string()
    .transform((s) => s.normalize('NFKC').trim())
    .pipe(z.string().min(1, { message: 'ccus.member_name_required' }).max(200, { message: 'ccus.member_name_too_long' })),
  /** 事業費 (e.g. prior-year completed works) in yen, for the cost-weighted views; unknown is null. */
  projectCostYen: z.number().int({ message: 'money.not_integer' }).min(0, { message: 'money.negative' }).max(MAX_PROJECT_COST_YEN).nullable(),
});
export type TMemberFirmInput = z.infer<typeof ZMemberFirmInput>;

/**
 * An association's own metric: the same definition as the built-in ones, under a code that cannot
 * shadow a built-in metric (an import row must mean one thing).
 */
export const ZCustomMetricInput = z.object({
  associationId: z.uuid(),
  definition: ZMetricDefinition.omit({ ownerAssociationId: true, source: true })
    .extend({ source: z.string().max(200).default('') })
    .refine((m) => !builtinMetric(m.code), { message: 'ccus.metric_code_taken', path: ['code'] })
    .refine((m) => m.kind === 'ratio' || m.views.length === 1, { message: 'ccus.metric_views_ratio_only', path: ['views'] }),
});
export type TCustomMetricInput = z.infer<typeof ZCustomMetricInput>;

/** What a metric's kind implies for its unit and reporting period, as the settings form offers them. */
export function metricShapeOf(kind: MetricKind): Pick<MetricDefinition, 'unit' | 'period'> {
  if (kind === 'ratio') return { unit: 'rate', period: 'half_yearly' };
  if (kind === 'flow') return { unit: 'records', period: 'monthly' };
  return { unit: 'firms', period: 'half_yearly' };
}
