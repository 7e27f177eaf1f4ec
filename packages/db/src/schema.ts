import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { TApplicationStatus, TOrganisationKind, TProgrammeKind, TRole } from '@tsumiki/domain';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationTable {
  id: Generated<string>;
  kind: TOrganisationKind;
  name_ja: string;
  name_en: string;
  short_name_ja: string | null;
  created_at: CreatedAt;
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
  content: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  /** Optimistic concurrency: every update must name the version it read. */
  version: ColumnType<number, number | undefined, number>;
  submitted_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
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
  content: Uint8Array;
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
}

export interface DB {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  programmes: ProgrammeTable;
  applications: ApplicationTable;
  attachments: AttachmentTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type Session = Selectable<SessionTable>;
export type Programme = Selectable<ProgrammeTable>;
export type NewProgramme = Insertable<ProgrammeTable>;
export type Application = Selectable<ApplicationTable>;
export type ApplicationUpdate = Updateable<ApplicationTable>;
export type Attachment = Selectable<AttachmentTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxMessage = Selectable<OutboxTable>;

/** Tables in foreign-key order: parents first. Backups and restores follow it. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'organisations',
  'users',
  'memberships',
  'sessions',
  'sign_in_attempts',
  'programmes',
  'applications',
  'attachments',
  'audit_log',
  'outbox',
] as const satisfies readonly (keyof DB)[];
