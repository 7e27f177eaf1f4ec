import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { claimPendingOutbox, markOutboxFailed, markOutboxGivenUp, markOutboxSent } from '@tsumiki/db';
import { addressedMail } from '@tsumiki/domain';
import { renderNotice } from '@tsumiki/domain/lifecycle';
import type { Kysely } from 'kysely';
import type { DB } from '@tsumiki/db';

/**
 * Delivers the outbox: each message written with its change is mailed once, in the
 * recipient's language, by the same renderer as the in-app notification. The mail goes to a
 * catcher in development (one file per message in a folder, or the log) or to an SMTP server
 * (smtp-transport.ts), as TSUMIKI_MAIL_TRANSPORT says.
 */
export interface Mail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: Mail): Promise<void>;
}

/** One RFC 822-style file per message, named by the outbox id, so a developer can read what was sent. */
export function fileMailCatcher(dir: string): MailTransport {
  return {
    async send(mail) {
      await mkdir(dir, { recursive: true });
      const body = [`Message-ID: <${mail.messageId}@tsumiki.local>`, `To: ${mail.to}`, `Subject: ${mail.subject}`, 'Content-Type: text/plain; charset=utf-8', '', mail.text, ''].join('\n');
      await writeFile(join(dir, `${mail.messageId}.eml`), body, 'utf8');
    },
  };
}

export function logMailCatcher(log: (line: string) => void): MailTransport {
  return {
    send(mail) {
      log(`mail to ${mail.to}: ${mail.subject}`);
      return Promise.resolve();
    },
  };
}

/**
 * A failure the mail server says is final (an SMTP 5xx: no such mailbox, relaying denied): retrying
 * cannot help, so the message is given up and shown to the programme office. Anything else (4xx,
 * a dropped connection, a timeout) is temporary and retried.
 */
export function isPermanentMailFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('responseCode' in error)) return false;
  const code = error.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Minutes to wait before retrying a failed message: 1, 2, 4 … at most an hour. */
export const retryDelayMinutes = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts));

export interface DeliveryResult {
  sent: number;
  skipped: number;
  /** Failed this time and to be retried. */
  failed: number;
  /** Refused for good by the mail server. */
  givenUp: number;
}

/**
 * How long a pass may take before its messages are due again for another: far longer than fifty
 * mails take to send, so a live pass never sees its messages sent twice.
 */
export const OUTBOX_CLAIM_MS = 10 * 60_000;

/**
 * One pass: claims the due messages (skipping those another pass holds), mails those that are
 * applicant notices with a known address, and marks them sent; a failure is retried later with its
 * error kept. Messages that are not mail (no recipient, not an applicant topic) are marked sent
 * without mailing, so they never block the queue. No transaction or connection is held while the
 * mail server answers: each statement takes a connection for itself. A pass that dies before
 * marking its messages leaves them claimed; they are due again when the claim runs out, and sent
 * again (at least once, never lost).
 */
export async function deliverOutbox(db: Kysely<DB>, transport: MailTransport, now: Date, limit = 50, elapsedClock: () => number = Date.now): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, skipped: 0, failed: 0, givenUp: 0 };
  const done: number[] = [];
  const started = elapsedClock();
  for (const message of await claimPendingOutbox(db, now, limit, new Date(now.getTime() + OUTBOX_CLAIM_MS))) {
    // A pass slowed by its mail server (each send may take its timeouts) stops halfway through its
    // claim: what it has not tried is due again when the claim runs out, and no other pass has
    // sent it meanwhile.
    if (elapsedClock() - started > OUTBOX_CLAIM_MS / 2) break;
    // Invitations and sign-up mail go to an address, perhaps without an account: they carry their own recipient.
    const addressed = addressedMail(message.topic, message.payload);
    const notice = addressed ?? renderNotice(message.topic, message.payload, message.recipientLocale ?? 'ja');
    const to = addressed?.to ?? message.recipientEmail;
    if (!notice || !to) {
      done.push(message.id);
      result.skipped += 1;
      continue;
    }
    try {
      await transport.send({ messageId: `outbox-${message.id}`, to, subject: notice.subject, text: notice.body });
      done.push(message.id);
      result.sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (isPermanentMailFailure(error)) {
        await markOutboxGivenUp(db, message.id, reason, now);
        result.givenUp += 1;
      } else {
        await markOutboxFailed(db, message.id, reason, new Date(now.getTime() + retryDelayMinutes(message.attempts) * 60_000));
        result.failed += 1;
      }
    }
  }
  await markOutboxSent(db, done, now);
  return result;
}

/**
 * Runs `deliverOutbox` every `intervalMs` until stopped; a failed pass is logged and the next one
 * tries again. A pass that handled a full batch starts the next at once: under load more messages
 * are written each interval than one batch holds, and a backlog waiting for ticks only grows. A
 * pass that stopped short (a slow mail server, or nothing more due) waits for the next tick.
 */
export function startOutboxWorker(options: { db: Kysely<DB>; transport: MailTransport; intervalMs: number; log: (line: string) => void; now?: () => Date; batch?: number }) {
  const batch = options.batch ?? 50;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const r = await deliverOutbox(options.db, options.transport, (options.now ?? (() => new Date()))(), batch);
        if (r.sent + r.failed + r.givenUp > 0) options.log(`outbox: ${r.sent} sent, ${r.failed} to retry, ${r.givenUp} refused for good, ${r.skipped} not mail`);
        if (stopped || r.sent + r.skipped + r.failed + r.givenUp < batch) break;
        // Between passes, requests waiting for this process come first.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      options.log(`outbox: delivery pass failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  return {
    tick,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
