import { z } from 'zod';
import { countRule } from '../number-input';

/**
 * The member survey of seeds/000 (全建): the share of a firm's sites where work history can
 * accumulate (就業履歴を蓄積できる現場の割合).
 */
export const SURVEY_BUCKETS = ['none', 'under_20', 'from_20_to_49', 'from_50_to_79', 'at_least_80'] as const;
export type SurveyBucket = (typeof SURVEY_BUCKETS)[number];

export const SURVEY_BUCKET_LABELS: Record<SurveyBucket, { ja: string; en: string }> = {
  none: { ja: 'なし', en: 'None' },
  under_20: { ja: '20%未満', en: 'Under 20%' },
  from_20_to_49: { ja: '20〜49%', en: '20–49%' },
  from_50_to_79: { ja: '50〜79%', en: '50–79%' },
  at_least_80: { ja: '80%以上', en: '80% or more' },
};

/** A count of firms as typed into the survey form: whole, not negative. */
export const SURVEY_COUNT_RULE = countRule(0, 1_000_000);
const count = z.number().int().nonnegative({ message: 'ccus.figure_negative' }).max(SURVEY_COUNT_RULE.max);
export const ZSurveyResult = z
  .object({
    fiscalYear: z.number().int().min(2018).max(2100),
    /** Member firms asked. */
    surveyed: count,
    counts: z.object(Object.fromEntries(SURVEY_BUCKETS.map((b) => [b, count])) as Record<SurveyBucket, typeof count>),
  })
  .refine((s) => SURVEY_BUCKETS.reduce((n, b) => n + s.counts[b], 0) <= s.surveyed, {
    message: 'ccus.survey_more_answers_than_surveyed',
    path: ['counts'],
  });
export type SurveyResult = z.infer<typeof ZSurveyResult>;

export interface SurveyDistribution {
  fiscalYear: number;
  respondents: number;
  responseRate: number | null;
  /** Share of respondents in each bucket (fractions summing to 1 when anyone answered). */
  shares: Record<SurveyBucket, number>;
}

export function surveyDistribution(result: SurveyResult): SurveyDistribution {
  const respondents = SURVEY_BUCKETS.reduce((n, b) => n + result.counts[b], 0);
  const shares = Object.fromEntries(
    SURVEY_BUCKETS.map((b) => [b, respondents > 0 ? result.counts[b] / respondents : 0]),
  ) as Record<SurveyBucket, number>;
  return {
    fiscalYear: result.fiscalYear,
    respondents,
    responseRate: result.surveyed > 0 ? respondents / result.surveyed : null,
    shares,
  };
}

/** Year-on-year change of each bucket's share, in points (as a fraction: −0.077 is −7.7 pt). */
export function compareSurveys(current: SurveyDistribution, previous: SurveyDistribution): Record<SurveyBucket, number> {
  return Object.fromEntries(SURVEY_BUCKETS.map((b) => [b, current.shares[b] - previous.shares[b]])) as Record<SurveyBucket, number>;
}

/** A year's survey with its year-on-year change against the year before, when there is one. */
export function surveyHistory(results: readonly SurveyResult[]) {
  const sorted = [...results].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const distributions = sorted.map(surveyDistribution);
  return distributions.map((d, i) => {
    const previous = distributions[i - 1];
    return { ...d, surveyed: sorted[i]!.surveyed, counts: sorted[i]!.counts, change: previous && previous.fiscalYear === d.fiscalYear - 1 ? compareSurveys(d, previous) : null };
  });
}
