// Programmes (rounds) and the applications made to them, with what was submitted and attached.
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';
import type { TApplicationStatus, TProgrammeKind } from '@tsumiki/domain';
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

export interface ApplicationTables {
  programmes: ProgrammeTable;
  applications: ApplicationTable;
  application_status_counts: ApplicationStatusCountTable;
  application_submissions: ApplicationSubmissionTable;
  tracking_counters: TrackingCounterTable;
  attachments: AttachmentTable;
}

export type Programme = Selectable<ProgrammeTable>;
export type NewProgramme = Insertable<ProgrammeTable>;
/** A row as the repositories return it: content parsed by its programme's schema. */
export type Application = Omit<Selectable<ApplicationTable>, 'content'> & { content: TApplicationContent };
export type ApplicationUpdate = Updateable<ApplicationTable>;
export type ApplicationSubmission = Omit<Selectable<ApplicationSubmissionTable>, 'content'> & {
  content: TApplicationContent;
};
export type Attachment = Selectable<AttachmentTable>;
