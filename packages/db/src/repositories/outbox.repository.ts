import type { Executor } from './executor';

/** Queue a notification in the same transaction as the change that causes it. */
export function enqueueOutbox(
  db: Executor,
  message: { topic: string; recipientUserId: string | null; payload: Record<string, unknown>; availableAt?: Date },
) {
  return db
    .insertInto('outbox')
    .values({
      topic: message.topic,
      recipient_user_id: message.recipientUserId,
      payload: JSON.stringify(message.payload),
      ...(message.availableAt ? { available_at: message.availableAt } : {}),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export function listPendingOutbox(db: Executor, limit = 100) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('available_at', '<=', new Date())
    .orderBy('id')
    .limit(limit)
    .execute();
}
