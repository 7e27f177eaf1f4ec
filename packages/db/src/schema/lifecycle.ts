// An awarded application afterwards: changes to its plan and its results report.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** A change request (003 §4.1, 001 §2.6): the content it would freeze and the grant after it. */
export interface ChangeRequestTable {
  id: Generated<string>;
  application_id: string;
  kind: 'plan' | 'budget' | 'add_company';
  status: ColumnType<'pending' | 'approved' | 'rejected', 'pending' | undefined, 'approved' | 'rejected'>;
  reason: string;
  proposed_content: ColumnType<unknown, string, string>;
  changed_paths: JSONColumnType<string[]>;
  based_on_version_no: number;
  maximum_yen: number;
  current_grant_yen: number;
  grant_after_yen: number;
  submitted_by: string;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  resulting_version_no: number | null;
}

/** The results-report draft, saved as typed on the version read; submitted_at once reported. */
export interface ResultsReportTable {
  application_id: string;
  /** A TResultsReportDraft as JSON: read through the domain's schema (findResultsReport), never cast. */
  content: ColumnType<unknown, string, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Date;
  submitted_at: Date | null;
}

export interface LifecycleTables {
  change_requests: ChangeRequestTable;
  results_reports: ResultsReportTable;
}
