// Organisations, their people and how they sign in.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { TOrganisationKind, TRole } from '@tsumiki/domain';
import type { Timestamp, CreatedAt } from './columns';

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

export interface IdentityTables {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  organisation_invitations: OrganisationInvitationTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  user_second_factors: UserSecondFactorTable;
  user_recovery_codes: UserRecoveryCodeTable;
  pending_sign_ins: PendingSignInTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type OrganisationInvitation = Selectable<OrganisationInvitationTable>;
export type Session = Selectable<SessionTable>;
