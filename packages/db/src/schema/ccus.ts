// Associations' CCUS figures: member firms, facts, roll-ups, targets, reports and surveys.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Timestamp, CreatedAt, Day } from './columns';

export interface CcusMemberFirmTable {
  id: Generated<string>;
  association_id: string;
  name: string;
  project_cost_yen: number | null;
  created_at: CreatedAt;
}

export interface CcusCustomMetricTable {
  association_id: string;
  code: string;
  definition: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: CreatedAt;
}

export interface CcusFactTable {
  id: Generated<number>;
  association_id: string;
  /** NULL for the association's own reported total. */
  member_firm_id: string | null;
  metric_code: string;
  /** The first day of the month (snapshots: September and March). */
  period_month: Day;
  numerator: number;
  denominator: number | null;
  weight_yen: number | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CcusRollupTable {
  association_id: string;
  metric_code: string;
  period_month: Day;
  members: number;
  sum_numerator: number;
  sum_denominator: number | null;
  sum_weighted_rate: number;
  sum_weight: number;
  reported_numerator: number | null;
  reported_denominator: number | null;
}

export interface CcusTargetTable {
  association_id: string;
  metric_code: string;
  fiscal_year: number;
  annual_target: number;
  monthly_targets: JSONColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CcusReportTable {
  association_id: string;
  fiscal_year: number;
  status_text: ColumnType<string, string | undefined, string>;
  goals_text: ColumnType<string, string | undefined, string>;
  actions_text: ColumnType<string, string | undefined, string>;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CcusSurveyTable {
  association_id: string;
  fiscal_year: number;
  surveyed: number;
  counts: JSONColumnType<Record<string, number>, string, string>;
  updated_at: Timestamp;
}

export interface CcusTables {
  ccus_member_firms: CcusMemberFirmTable;
  ccus_custom_metrics: CcusCustomMetricTable;
  ccus_facts: CcusFactTable;
  ccus_rollups: CcusRollupTable;
  ccus_targets: CcusTargetTable;
  ccus_reports: CcusReportTable;
  ccus_surveys: CcusSurveyTable;
}
