import { z } from 'zod';
import { builtinMetric, ZMetricKind, type MetricKind } from './metrics';

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

/** Why a target is out of range for its metric, if it is: rates in (0, 1], counts above 0. */
export function targetIssue(kind: MetricKind, annualTarget: number): 'ccus.target_rate_out_of_range' | 'ccus.target_not_positive' | null {
  if (kind === 'ratio') return annualTarget > 0 && annualTarget <= 1 ? null : 'ccus.target_rate_out_of_range';
  return annualTarget > 0 ? null : 'ccus.target_not_positive';
}

/**
 * Targets for one fiscal year. Counts are positive numbers; rates are fractions in (0, 1] — the
 * form shows them as percentages. A code that is not built in may be the association's own
 * metric: the API checks it against those (with targetIssue) before saving.
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
          const issue = metric ? targetIssue(metric.kind, t.annualTarget) : null;
          if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['annualTarget'] });
        }),
    )
    .max(100),
});
export type CcusTargetsInput = z.infer<typeof ZCcusTargetsInput>;

/** A target as the reporter types it: rates as percentages ("82.5" for 0.825), counts as they are. */
export const targetAsStored = (kind: MetricKind, typed: number): number => (kind === 'ratio' ? typed / 100 : typed);
/** A stored target as the form shows it: rates as percentages to one decimal place. */
export const targetAsTyped = (kind: MetricKind, stored: number): number => (kind === 'ratio' ? Math.round(stored * 1000) / 10 : stored);

/**
 * The targets form: one row per metric with the figure as typed (blank: no target set this year).
 * Each figure is checked by targetIssue in the metric's own kind, so a custom metric is refused as
 * typed too, and 120% stays 120% with its message rather than becoming 100%. Its reading is the
 * API's input (ZCcusTargetsInput): the rows with a figure, rates as fractions.
 */
export const ZCcusTargetsForm = z
  .object({
    associationId: z.uuid(),
    fiscalYear: z.number().int().min(2018).max(2100),
    targets: z
      .array(
        z
          .object({
            metricCode: z.string().max(63),
            kind: ZMetricKind,
            // A number input holds '' when cleared and its text while it reads as no number yet ("-").
            typed: z.union([z.number().finite(), z.string()]),
          })
          .superRefine((row, ctx) => {
            if (typeof row.typed === 'string') {
              if (row.typed.trim() !== '') ctx.addIssue({ code: 'custom', message: 'ccus.target_not_positive', path: ['typed'] });
              return;
            }
            const issue = targetIssue(row.kind, targetAsStored(row.kind, row.typed));
            if (issue) ctx.addIssue({ code: 'custom', message: issue, path: ['typed'] });
          }),
      )
      .max(100),
  })
  .transform(({ associationId, fiscalYear, targets }) => ({
    associationId,
    fiscalYear,
    targets: targets.flatMap((row) => (typeof row.typed === 'number' ? [{ metricCode: row.metricCode, annualTarget: targetAsStored(row.kind, row.typed) }] : [])),
  }))
  .pipe(ZCcusTargetsInput);
export type TCcusTargetsFormValues = z.input<typeof ZCcusTargetsForm>;
