// Who did what to which record, kept apart from the records themselves.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt } from './columns';

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

export interface AuditTables {
  audit_log: AuditLogTable;
}

export type AuditEntry = Selectable<AuditLogTable>;
