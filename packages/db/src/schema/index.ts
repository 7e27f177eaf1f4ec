// The database as Kysely sees it, composed from one file per aggregate: a new table goes in the
// file of what it is for, and into the dependency order below.
import type { ApplicationTables } from './applications';
import type { AuditTables } from './audit';
import type { CarbonTables } from './carbon';
import type { CcusTables } from './ccus';
import type { IdentityTables } from './identity';
import type { LedgerTables } from './ledger';
import type { LifecycleTables } from './lifecycle';
import type { MessagingTables } from './messaging';
import type { ReviewTables } from './review';

export * from './applications';
export * from './audit';
export * from './carbon';
export * from './ccus';
export * from './identity';
export * from './ledger';
export * from './lifecycle';
export * from './messaging';
export * from './review';

export interface DB
  extends
    IdentityTables,
    ApplicationTables,
    ReviewTables,
    LifecycleTables,
    LedgerTables,
    CcusTables,
    CarbonTables,
    MessagingTables,
    AuditTables {}

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
  'programme_definitions',
  'programme_definition_versions',
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
