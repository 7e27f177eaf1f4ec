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
