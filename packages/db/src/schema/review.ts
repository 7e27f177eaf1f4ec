// The office's and the committee's review of an application, and the applicant's answers to its requests.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { TApplicationStatus, TRole } from '@tsumiki/domain';
import type { Timestamp, CreatedAt } from './columns';

export type TConflictEntry = { kind: string; note?: string };

export type TScoreEntry = { item: string; score?: number | null; comment?: string };

export interface ReviewAssignmentTable {
  id: Generated<string>;
  application_id: string;
  member_id: string;
  assigned_by: string;
  assigned_at: CreatedAt;
}

export interface ReviewConflictDeclarationTable {
  id: Generated<string>;
  application_id: string;
  programme_id: string;
  member_id: string;
  conflicts: JSONColumnType<TConflictEntry[], string, never>;
  declared_at: CreatedAt;
}

export interface ReviewRelatedOrganisationTable {
  member_id: string;
  organisation_id: string;
  created_at: CreatedAt;
}

export interface ReviewScoreSheetTable {
  id: Generated<string>;
  application_id: string;
  member_id: string;
  status: 'draft' | 'submitted';
  scores: JSONColumnType<TScoreEntry[], string, string>;
  overall_comment: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  submitted_at: Date | null;
}

export interface ReviewBonusReviewTable {
  id: Generated<string>;
  application_id: string;
  item: string;
  decision: 'confirmed' | 'rejected';
  reason: string | null;
  reviewer_id: string;
  reviewed_at: Timestamp;
}

export interface ReviewStatusTransitionTable {
  id: Generated<number>;
  application_id: string;
  event: string;
  from_status: TApplicationStatus;
  to_status: TApplicationStatus;
  actor_user_id: string;
  actor_role: TRole;
  reason: string | null;
  due_at: Date | null;
  amount_yen: number | null;
  notified_applicant: boolean;
  occurred_at: Timestamp;
}

export interface ReviewRequestTable {
  id: Generated<string>;
  application_id: string;
  kind: 'information' | 'correction' | 'report_correction' | 'repayment';
  message: string;
  issued_by: string;
  issued_at: Date;
  due_at: Date;
  answered_at: Date | null;
}

/** The special-rate (1/2) finding recorded for a proposal (003 §2.4); every one kept, the latest counts. */
export interface ReviewSpecialRateFindingTable {
  id: Generated<string>;
  application_id: string;
  excellent: boolean;
  criteria: JSONColumnType<string[], string, never>;
  reason: string;
  status: string;
  recorded_by: string;
  recorded_at: CreatedAt;
  seq: Generated<number>;
}

/** A user's saved view of the review queue: filters, sort and search by name. */
export interface ReviewSavedViewTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  filters: JSONColumnType<Record<string, unknown>, string, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A reminder sent for a request to an applicant: one per request and kind, never twice. */
export interface ReviewReminderTable {
  id: Generated<string>;
  request_id: string;
  /** 'before_3' (days before the due date) or 'overdue'. */
  kind: string;
  sent_at: CreatedAt;
}

export interface ReviewDecisionTable {
  application_id: string;
  maximum_yen: number;
  granted_yen: number;
  decided_by: string;
  decided_at: Date;
  fixed_yen: number | null;
  own_share_yen: number | null;
  settlement: JSONColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  fixed_by: string | null;
  fixed_at: Date | null;
}

/** The applicant's answer to one request of the office, with the files uploaded for it. */
export interface RequestAnswerTable {
  id: Generated<string>;
  request_id: string;
  application_id: string;
  message: string;
  attachment_ids: JSONColumnType<string[]>;
  answered_by: string;
  answered_at: Date;
}

export interface ReviewReportLineTable {
  id: Generated<string>;
  application_id: string;
  line_id: string;
  category: string;
  description: string | null;
  amount_yen: number;
  decision: 'accepted' | 'reduced' | 'rejected' | null;
  accepted_yen: number | null;
  reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export interface ReviewTables {
  review_assignments: ReviewAssignmentTable;
  review_conflict_declarations: ReviewConflictDeclarationTable;
  review_related_organisations: ReviewRelatedOrganisationTable;
  review_score_sheets: ReviewScoreSheetTable;
  review_bonus_reviews: ReviewBonusReviewTable;
  review_status_transitions: ReviewStatusTransitionTable;
  review_requests: ReviewRequestTable;
  review_decisions: ReviewDecisionTable;
  review_report_lines: ReviewReportLineTable;
  review_special_rate_findings: ReviewSpecialRateFindingTable;
  review_saved_views: ReviewSavedViewTable;
  review_reminders: ReviewReminderTable;
  request_answers: RequestAnswerTable;
}
