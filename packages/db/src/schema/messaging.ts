// Messages on their way out (the outbox) and the in-app notifications written with them.
import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { Timestamp, CreatedAt } from './columns';

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
  /** Delivery given up (the mail server refused the message for good); never retried. */
  failed_at: Date | null;
  /** A delivery pass is sending it until then; after that, if still unsent, it is due again. */
  claimed_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An in-app notification: written with its outbox message, read by the bell. */
export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  application_id: string | null;
  outbox_id: number;
  topic: string;
  payload: JSONColumnType<Record<string, unknown>>;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface MessagingTables {
  outbox: OutboxTable;
  notifications: NotificationTable;
}

export type OutboxMessage = Selectable<OutboxTable>;
