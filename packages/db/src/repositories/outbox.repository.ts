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
    .where('failed_at', 'is', null)
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
    .where('failed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const oldest = row.oldestDue === null ? null : new Date(row.oldestDue);
  return { pending: Number(row.pending), oldestDueSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}

/**
 * Mail that could not be delivered, newest first, for the programme office: given up for good, or
 * still being retried after a failure. The address is the invitation's own or the recipient's.
 */
export function listUndeliveredMail(db: Executor, limit = 50) {
  return db
    .selectFrom('outbox')
    .leftJoin('users', 'users.id', 'outbox.recipient_user_id')
    .select([
      'outbox.id',
      'outbox.topic',
      'outbox.attempts',
      'outbox.last_error as lastError',
      'outbox.failed_at as failedAt',
      'outbox.available_at as retryAt',
      'outbox.created_at as createdAt',
      'users.email as recipientEmail',
      (eb) => eb.ref('outbox.payload', '->>').key('to').as('invitedEmail'),
    ])
    .where('outbox.sent_at', 'is', null)
    .where('outbox.last_error', 'is not', null)
    .orderBy('outbox.id', 'desc')
    .limit(limit)
    .execute();
}
