import { sql, type Compilable, type OperationNodeSource, type RawBuilder } from 'kysely';
import type { Executor } from './executor';

export interface AuditEntryInput {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

/** Append one audit row; call it inside the same transaction as the change it records. */
export function appendAudit(db: Executor, entry: AuditEntryInput) {
  return db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.requestId ?? null,
      ip: entry.ip ?? null,
    })
    .returning(['id', 'occurred_at'])
    .executeTakeFirstOrThrow();
}

export function listAuditOfEntity(db: Executor, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
}

/**
 * A change and its audit row in one statement: the audit row is written only when the change
 * returned a row, and the two commit together or not at all. A change alone in its transaction
 * needs no BEGIN and COMMIT then — three round trips fewer on the busiest writes (autosave,
 * upload, new draft).
 */
export async function writeWithAudit<Row>(db: Executor, change: (Compilable<Row> | RawBuilder<Row>) & OperationNodeSource, entry: AuditEntryInput): Promise<Row | undefined> {
  const { rows } = await withAudit(change, auditRowOf(entry)).execute(db);
  return rows[0];
}

/** writeWithAudit's statement, for a bound statement to build. */
export function withAudit<Row>(change: (Compilable<Row> | RawBuilder<Row>) & OperationNodeSource, row: AuditRowInput) {
  return sql<Row>`
    with changed as (${change}),
    audited as (${auditOfChanged(row)})
    select * from changed`;
}

/** An audit entry as a statement binds it: its before and after as JSON text (or null). */
export interface AuditRowInput extends Omit<AuditEntryInput, 'before' | 'after'> {
  before: string | null;
  after: string | null;
}

export function auditRowOf(entry: AuditEntryInput): AuditRowInput {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return { ...entry, before: json(entry.before), after: json(entry.after) };
}

/**
 * The audit row as a CTE's body: one for each row the statement's CTE named `changed` returned.
 * The entry is already text (auditRowOf), as a bound statement binds it. `afterFromChanged` adds to
 * `after` what only the statement knows (a jsonb object over `changed`); `after` must then be an
 * object's text.
 */
export function auditOfChanged(row: AuditRowInput, afterFromChanged?: RawBuilder<unknown>) {
  const after = afterFromChanged ? sql`(${row.after}::jsonb || ${afterFromChanged})` : sql`${row.after}::jsonb`;
  return sql`
    insert into audit_log (actor_user_id, action, entity_type, entity_id, before, after, request_id, ip)
    select ${row.actorUserId}::uuid, ${row.action}, ${row.entityType}, ${row.entityId}, ${row.before}::jsonb,
           ${after}, ${row.requestId ?? null}, ${row.ip ?? null}
    from changed`;
}
