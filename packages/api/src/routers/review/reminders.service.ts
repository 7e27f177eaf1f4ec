import { appendAudit, claimReminder, enqueueOutbox, listApplicationRecipients, listOpenRequestsForReminders, type DB } from '@tsumiki/db';
import { DEFAULT_REMINDER_DAYS_BEFORE, reminderAt, REQUEST_WAITING_STATUS } from '@tsumiki/domain/review';
import type { Kysely } from 'kysely';

export interface ReminderRun {
  /** Reminders written to the outbox in this run. */
  sent: number;
  /** Open requests looked at. */
  open: number;
}

/**
 * Reminder e-mails for requests to applicants (3 and 1 days before the due date at 09:00 JST, and
 * once overdue), through the outbox. Idempotent: each (request, kind) is claimed by a unique key
 * in the same transaction as its outbox row, so a reminder is never sent twice, whether runs
 * overlap, repeat, or run from the API process and the CLI at once. A request whose application
 * has moved on (resubmitted, withdrawn…) is no longer waiting and gets nothing.
 */
export async function runReminders(db: Kysely<DB>, now: Date, daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS_BEFORE): Promise<ReminderRun> {
  const open = await listOpenRequestsForReminders(db);
  let sent = 0;
  for (const r of open) {
    if (r.status !== REQUEST_WAITING_STATUS[r.kind]) continue;
    const reminder = reminderAt({ id: r.id, applicationId: r.applicationId, kind: r.kind, message: r.message, issuedAt: r.issuedAt, dueAt: r.dueAt }, now, daysBefore);
    if (!reminder) continue;
    const claimed = await db.transaction().execute(async (trx) => {
      const claim = await claimReminder(trx, { requestId: r.id, kind: reminder.kind, at: now });
      if (!claim) return false;
      const payload = {
        applicationId: r.applicationId,
        title: r.title,
        trackingNumber: r.trackingNumber,
        requestKind: r.kind,
        reminder: reminder.kind,
        daysBefore: reminder.daysBefore,
        dueAt: r.dueAt.toISOString(),
        message: r.message,
      };
      // To the organisation's members as they are today, like every notice about an application.
      for (const recipientUserId of await listApplicationRecipients(trx, r.applicationId)) {
        await enqueueOutbox(trx, { topic: 'review.request_reminder', recipientUserId, payload });
      }
      await appendAudit(trx, {
        actorUserId: null,
        action: 'review.request_reminder',
        entityType: 'application',
        entityId: r.applicationId,
        after: { requestId: r.id, reminder: reminder.kind, dueAt: r.dueAt.toISOString() },
      });
      return true;
    });
    if (claimed) sent += 1;
  }
  return { sent, open: open.length };
}

/** The API process's timer: runs now and every `intervalMs`, one run at a time; stop() ends it. */
export function startReminderTimer(options: { db: Kysely<DB>; intervalMs: number; now?: () => Date; log: (line: string) => void }) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await runReminders(options.db, (options.now ?? (() => new Date()))());
      if (run.sent > 0) options.log(`reminders: ${run.sent} sent (${run.open} open requests)`);
    } catch (error) {
      options.log(`reminders: run failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
