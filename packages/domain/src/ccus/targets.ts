import { z } from 'zod';
import { builtinMetric } from './metrics';

const TEXT_MAX = 20_000;
const text = z.string().max(TEXT_MAX, { message: 'ccus.report_text_too_long' });

/** The association's free text for a fiscal year, as the three columns of seeds/000. */
export const ZCcusReportInput = z.object({
  associationId: z.uuid(),
  fiscalYear: z.number().int().min(2018).max(2100),
  statusText: text, // 取組状況
  goalsText: text, // 取組目標
  actionsText: text, // 取組内容
  published: z.boolean(),
  /** The version the editor started from; a newer one on the server means someone else saved. */
  version: z.number().int().min(0),
});
export type CcusReportInput = z.infer<typeof ZCcusReportInput>;

/**
 * Targets for one fiscal year. Counts are positive numbers; rates are fractions in (0, 1] — the
 * form shows them as percentages.
 */
export const ZCcusTargetsInput = z.object({
  associationId: z.uuid(),
  fiscalYear: z.number().int().min(2018).max(2100),
  targets: z
    .array(
      z
        .object({ metricCode: z.string().max(63), annualTarget: z.number().finite() })
        .superRefine((t, ctx) => {
          const metric = builtinMetric(t.metricCode);
          if (!metric) {
            ctx.addIssue({ code: 'custom', message: 'ccus.metric_not_found', path: ['metricCode'] });
          } else if (metric.kind === 'ratio' ? !(t.annualTarget > 0 && t.annualTarget <= 1) : !(t.annualTarget > 0)) {
            ctx.addIssue({ code: 'custom', message: metric.kind === 'ratio' ? 'ccus.target_rate_out_of_range' : 'ccus.target_not_positive', path: ['annualTarget'] });
          }
        }),
    )
    .max(100),
});
export type CcusTargetsInput = z.infer<typeof ZCcusTargetsInput>;
