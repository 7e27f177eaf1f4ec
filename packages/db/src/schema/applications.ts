// Programmes and their versioned rules, rounds (the programmes table) and the applications made to them, with what was submitted and attached.
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { TApplicationStatus, TProgrammeKind, TRoundStatus } from '@tsumiki/domain';
import type { TApplicationContent } from '@tsumiki/domain/programmes';
import type { Timestamp, CreatedAt } from './columns';

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
  /** The programme this round is a call of; insertProgramme finds or makes it when not given. */
  programme_definition_id: ColumnType<string, string | undefined, string>;
  definition: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  /** The round's status (domain ROUND_STATUSES); only a published round takes applications. */
  status: ColumnType<TRoundStatus, TRoundStatus | undefined, TRoundStatus>;
  notes: Generated<string>;
  /** False while the budget is a placeholder the call did not state; the office setting it makes it true. */
  budget_stated: Generated<boolean>;
  updated_at: Generated<Date>;
  created_at: CreatedAt;
}

/** A programme an office runs (CLT 実証事業): its rules live in its versions. */
export interface ProgrammeDefinitionTable {
  id: Generated<string>;
  office_organisation_id: string;
  /** Unique across offices; the built-ins keep their kind as code. */
  code: string;
  /** Which application form and engine family applicants use. */
  kind: TProgrammeKind;
  name_ja: string;
  name_en: string;
  created_at: CreatedAt;
}

/** One version of a programme's rules: a draft the office edits, or published and never changed again. */
export interface ProgrammeDefinitionVersionTable {
  id: Generated<string>;
  programme_definition_id: string;
  version: number;
  status: 'draft' | 'published';
  /** Read through the repository, which parses it with the domain's ZProgrammeDefinition. */
  definition: ColumnType<unknown, string, string>;
  change_summary: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: Date | null;
  published_by: string | null;
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
  /** The definition version the application was submitted under; null while a draft follows the latest. */
  definition_version_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** lower(title) and lower(tracking_number), kept by the database: the queue's search (never written). */
  title_folded: ColumnType<string, never, never>;
  tracking_number_folded: ColumnType<string | null, never, never>;
  /** Their two-character pieces past draft (null for a draft), kept by the database for the queue's two-character search (never written). */
  title_bigrams: ColumnType<string[] | null, never, never>;
  tracking_number_bigrams: ColumnType<string[] | null, never, never>;
}

/** Applications per programme and status past draft (what the review queue counts), kept by triggers on applications (read-only here). */
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

export interface ApplicationTables {
  programme_definitions: ProgrammeDefinitionTable;
  programme_definition_versions: ProgrammeDefinitionVersionTable;
  programmes: ProgrammeTable;
  applications: ApplicationTable;
  application_status_counts: ApplicationStatusCountTable;
  application_submissions: ApplicationSubmissionTable;
  tracking_counters: TrackingCounterTable;
  attachments: AttachmentTable;
}

export type Programme = Selectable<ProgrammeTable>;
export type NewProgramme = Insertable<ProgrammeTable>;
export type ProgrammeDefinitionRow = Selectable<ProgrammeDefinitionTable>;
/** A row as the repositories return it: content parsed by its programme's schema. */
export type Application = Omit<Selectable<ApplicationTable>, 'content'> & { content: TApplicationContent };
export type ApplicationUpdate = Updateable<ApplicationTable>;
export type ApplicationSubmission = Omit<Selectable<ApplicationSubmissionTable>, 'content'> & {
  content: TApplicationContent;
};
export type Attachment = Selectable<AttachmentTable>;
