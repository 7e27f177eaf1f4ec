import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { TApplicationStatus, TOrganisationKind, TProgrammeKind, TRole } from '@tsumiki/domain';
import type { TApplicationContent } from '@tsumiki/domain/programmes';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationTable {
  id: Generated<string>;
  kind: TOrganisationKind;
  name_ja: string;
  name_en: string;
  short_name_ja: string | null;
  /** 法人番号 (13 digits, check digit validated by the domain); unique when given. */
  corporate_number: ColumnType<string | null, string | null | undefined, string | null>;
  address: ColumnType<string | null, string | null | undefined, string | null>;
  representative: ColumnType<string | null, string | null | undefined, string | null>;
  /** The association's CCUS figures were made up by the demo seed (shown as 「デモデータ」). */
  demo_figures: Generated<boolean>;
  created_at: CreatedAt;
}

/** An invitation to join an organisation: single use, expiring; only the token's SHA-256 is kept. */
export interface OrganisationInvitationTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface UserTable {
  id: Generated<string>;
  /** Stored lower-case; unique. */
  email: string;
  display_name: string;
  /** scrypt$N$r$p$salt$hash */
  password_hash: string;
  locale: ColumnType<'ja' | 'en', 'ja' | 'en' | undefined, 'ja' | 'en'>;
  disabled_at: Date | null;
  created_at: CreatedAt;
}

export interface MembershipTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: TRole;
  created_at: CreatedAt;
}

export interface SessionTable {
  id: Generated<string>;
  /** SHA-256 of the cookie token: a leaked table does not leak sessions. */
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  revoked_at: Date | null;
  user_agent: string | null;
  ip: string | null;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  email: string;
  client_key: string;
  succeeded: boolean;
  attempted_at: Timestamp;
}

/** A staff user's TOTP factor; the secret is encrypted by the API with a key the database never sees. */
export interface UserSecondFactorTable {
  user_id: string;
  totp_secret_encrypted: string;
  enrolled_at: CreatedAt;
  /** The 30-second step of the last accepted code, so no code is accepted twice. */
  last_time_step: number | null;
}

/** One-time recovery codes: only their SHA-256 is kept; used_at marks the one use. */
export interface UserRecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  created_at: CreatedAt;
  used_at: Date | null;
}

/** Between a correct password and the second factor: opens only the code (or enrolment) step. */
export interface PendingSignInTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  purpose: 'verify' | 'enrol';
  totp_secret_encrypted: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  consumed_at: Date | null;
}

export interface ProgrammeTable {
  id: Generated<string>;
  code: string;
  kind: TProgrammeKind;
  name_ja: string;
  name_en: string;
  fiscal_year: number;
  window_opens_at: Timestamp;
  window_closes_at: Timestamp;
  budget_yen: number;
  office_organisation_id: string;
  /** A demo round: the documents' rules with dates moved so a newcomer can apply today. */
  is_demo: Generated<boolean>;
  definition: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface ApplicationTable {
  id: Generated<string>;
  programme_id: string;
  applicant_organisation_id: string;
  created_by: string;
  title: string;
  status: ColumnType<TApplicationStatus, TApplicationStatus | undefined, TApplicationStatus>;
  /** Read through parseApplicationContent (the repositories do): typed per programme, never cast. */
  content: ColumnType<unknown, string | undefined, string>;
  /** Optimistic concurrency: every update must name the version it read. */
  version: ColumnType<number, number | undefined, number>;
  submitted_at: Date | null;
  /** 受付番号, given at the first submission. */
  tracking_number: string | null;
  requested_grant_yen: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Applications per programme and status, kept by triggers on applications (read-only here). */
export interface ApplicationStatusCountTable {
  programme_id: string;
  status: TApplicationStatus;
  applications: number;
}

/** A frozen copy of what was submitted; version 1 is the first submission. */
export interface ApplicationSubmissionTable {
  id: Generated<string>;
  application_id: string;
  version_no: number;
  title: string;
  content: ColumnType<unknown, string, never>;
  assessment: JSONColumnType<Record<string, unknown>, string, never>;
  requested_grant_yen: ColumnType<number | null, number | null | undefined, never>;
  submitted_by: string;
  submitted_at: Date;
  idempotency_key: string;
}

export interface TrackingCounterTable {
  prefix: string;
  last_value: ColumnType<number, number | undefined, number>;
}

export interface AttachmentTable {
  id: Generated<string>;
  application_id: string;
  uploaded_by: string;
  file_name: string;
  declared_type: string;
  detected_type: string;
  size_bytes: number;
  sha256: string;
  /** The bytes when the database is the attachment store; null when storage_key names them elsewhere. */
  content: ColumnType<Uint8Array | null, Uint8Array | null | undefined, never>;
  /** Where a filesystem or S3-compatible store keeps the bytes (year/month/uuid); null in the database store. */
  storage_key: ColumnType<string | null, string | null | undefined, never>;
  /** Which of the call's required documents this file is (requiredDocuments[].code), if any. */
  document_code: ColumnType<string | null, string | null | undefined, never>;
  /** Pages counted in a PDF, for the page limits (003 §6.4); null when not a PDF or not countable. */
  page_count: ColumnType<number | null, number | null | undefined, never>;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
  request_id: string | null;
  ip: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  created_at: CreatedAt;
  topic: string;
  recipient_user_id: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  available_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  sent_at: Date | null;
  last_error: string | null;
  /** Delivery given up (the mail server refused the message for good); never retried. */
  failed_at: Date | null;
}

/** A calendar date as text, "2026-01-01" (see client.ts). */
type Day = ColumnType<string, string, string>;

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

export interface BudgetLedgerTable {
  programme_id: string;
  budget_yen: number;
  committed_yen: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface BudgetLedgerEntryTable {
  id: Generated<string>;
  programme_id: string;
  application_id: string | null;
  kind: 'open' | 'budget' | 'commit' | 'adjust' | 'release' | 'settle';
  amount_yen: number;
  committed_after_yen: number;
  budget_after_yen: number;
  version_after: number;
  actor_user_id: string | null;
  occurred_at: CreatedAt;
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

/** A change request (issue 4; 003 §4.1, 001 §2.6): the content it would freeze and the grant after it. */
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

/** An in-app notification: written with its outbox message, read by the bell. */
export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  application_id: string | null;
  outbox_id: number;
  topic: string;
  payload: JSONColumnType<Record<string, unknown>>;
  created_at: CreatedAt;
  read_at: Date | null;
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

export interface CarbonProjectTable {
  id: Generated<string>;
  organisation_id: string;
  application_id: string | null;
  name: string;
  /** Shapes from @tsumiki/domain/carbon (ZCarbonProjectContent), checked on the way in and out. */
  building: JSONColumnType<Record<string, unknown>, string, string>;
  settings: JSONColumnType<Record<string, unknown>, string, string>;
  boq: JSONColumnType<unknown[], string, string>;
  scenarios: JSONColumnType<unknown[], string, string>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CarbonFactorTable {
  /** The factor's own id, as BoQ lines pin it. */
  id: string;
  material_key: string;
  /** A ZEmissionFactor document: value and provenance. */
  factor: JSONColumnType<Record<string, unknown>, string, string>;
  imported_by: string;
  imported_at: Timestamp;
}

export interface CarbonMaterialNameTable {
  organisation_id: string;
  /** The name as compared (the domain's foldMaterialName); one material per folded name. */
  folded_name: string;
  /** The name as the organisation typed it last. */
  name: string;
  material_key: string;
  updated_by: string;
  updated_at: Generated<Timestamp>;
}

export interface DB {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  organisation_invitations: OrganisationInvitationTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  user_second_factors: UserSecondFactorTable;
  user_recovery_codes: UserRecoveryCodeTable;
  pending_sign_ins: PendingSignInTable;
  programmes: ProgrammeTable;
  applications: ApplicationTable;
  application_status_counts: ApplicationStatusCountTable;
  application_submissions: ApplicationSubmissionTable;
  tracking_counters: TrackingCounterTable;
  attachments: AttachmentTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  ccus_member_firms: CcusMemberFirmTable;
  ccus_custom_metrics: CcusCustomMetricTable;
  ccus_facts: CcusFactTable;
  ccus_rollups: CcusRollupTable;
  ccus_targets: CcusTargetTable;
  ccus_reports: CcusReportTable;
  ccus_surveys: CcusSurveyTable;
  review_assignments: ReviewAssignmentTable;
  review_conflict_declarations: ReviewConflictDeclarationTable;
  review_related_organisations: ReviewRelatedOrganisationTable;
  review_score_sheets: ReviewScoreSheetTable;
  review_bonus_reviews: ReviewBonusReviewTable;
  review_status_transitions: ReviewStatusTransitionTable;
  review_requests: ReviewRequestTable;
  budget_ledgers: BudgetLedgerTable;
  budget_ledger_entries: BudgetLedgerEntryTable;
  review_decisions: ReviewDecisionTable;
  review_report_lines: ReviewReportLineTable;
  review_special_rate_findings: ReviewSpecialRateFindingTable;
  review_saved_views: ReviewSavedViewTable;
  review_reminders: ReviewReminderTable;
  carbon_projects: CarbonProjectTable;
  carbon_factors: CarbonFactorTable;
  carbon_material_names: CarbonMaterialNameTable;
  change_requests: ChangeRequestTable;
  request_answers: RequestAnswerTable;
  results_reports: ResultsReportTable;
  notifications: NotificationTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type OrganisationInvitation = Selectable<OrganisationInvitationTable>;
export type Session = Selectable<SessionTable>;
export type Programme = Selectable<ProgrammeTable>;
export type NewProgramme = Insertable<ProgrammeTable>;
/** A row as the repositories return it: content parsed by its programme's schema. */
export type Application = Omit<Selectable<ApplicationTable>, 'content'> & { content: TApplicationContent };
export type ApplicationUpdate = Updateable<ApplicationTable>;
export type ApplicationSubmission = Omit<Selectable<ApplicationSubmissionTable>, 'content'> & { content: TApplicationContent };
export type Attachment = Selectable<AttachmentTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxMessage = Selectable<OutboxTable>;

/** Tables in foreign-key order: parents first. Backups and restores follow it. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'organisations',
  'users',
  'memberships',
  'organisation_invitations',
  'sessions',
  'sign_in_attempts',
  'user_second_factors',
  'user_recovery_codes',
  'pending_sign_ins',
  'programmes',
  'applications',
  'application_submissions',
  'tracking_counters',
  'attachments',
  'audit_log',
  'outbox',
  'ccus_member_firms',
  'ccus_custom_metrics',
  'ccus_facts',
  'ccus_rollups',
  'ccus_targets',
  'ccus_reports',
  'ccus_surveys',
  'review_assignments',
  'review_conflict_declarations',
  'review_related_organisations',
  'review_score_sheets',
  'review_bonus_reviews',
  'review_status_transitions',
  'review_requests',
  'budget_ledgers',
  'budget_ledger_entries',
  'review_decisions',
  'review_report_lines',
  'review_special_rate_findings',
  'review_saved_views',
  'review_reminders',
  'carbon_projects',
  'carbon_factors',
  'carbon_material_names',
  'change_requests',
  'request_answers',
  'results_reports',
  'notifications',
] as const satisfies readonly (keyof DB)[];
