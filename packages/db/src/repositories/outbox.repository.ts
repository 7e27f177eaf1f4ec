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

/** Messages not yet sent, and how long the oldest due one has waited (for the metrics). */
export async function outboxBacklog(db: Executor, now: Date): Promise<{ pending: number; oldestDueSeconds: number }> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<string>().as('pending'),
      eb.fn.min('available_at').filterWhere('available_at', '<=', now).as('oldestDue'),
    ])
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  const oldest = row.oldestDue === null ? null : new Date(row.oldestDue);
  return { pending: Number(row.pending), oldestDueSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}
