import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimPendingOutbox, enqueueNotice, enqueueOutbox, insertUser } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutbox, fileMailCatcher, OUTBOX_CLAIM_MS, retryDelayMinutes, startOutboxWorker, type MailTransport } from './outbox-worker';

describe('outbox delivery to the dev mail catcher', () => {
  const database = createPGliteTestDatabase();
  let userId = '';
  beforeAll(async () => {
    const { db } = await database;
    userId = (await insertUser(db, { email: 'sugiyama@example.jp', displayName: '杉山', passwordHash: 'x' })).id;
  });
  afterAll(async () => (await database).close());

  it('mails an applicant notice once, in Japanese, to the recipient; other messages are marked without mail', async () => {
    const { db } = await database;
    const dir = await mkdtemp(join(tmpdir(), 'tsumiki-mail-'));
    await enqueueNotice(db, {
      topic: 'application.status_changed',
      recipientUserId: userId,
      applicationId: null,
      payload: { applicationId: 'a1', title: 'CLT庁舎', trackingNumber: 'CLT-2026-0001', event: 'request_information', status: 'information_requested', reason: '構造計算書', dueAt: '2026-06-10T04:00:00.000Z' },
    });
    await enqueueOutbox(db, { topic: 'ledger.internal', recipientUserId: null, payload: {} });
    const now = new Date();
    expect(await deliverOutbox(db, fileMailCatcher(dir), now)).toEqual({ sent: 1, skipped: 1, failed: 0, givenUp: 0 });
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const mail = await readFile(join(dir, files[0]!), 'utf8');
    expect(mail).toContain('To: sugiyama@example.jp');
    expect(mail).toContain('Subject: 【追加資料の依頼】CLT-2026-0001 CLT庁舎');
    expect(mail).toContain('期限: 2026-06-10 13:00 JST');
    // Delivered once: a second pass finds nothing.
    expect(await deliverOutbox(db, fileMailCatcher(dir), now)).toEqual({ sent: 0, skipped: 0, failed: 0, givenUp: 0 });
  });

  it('keeps a failed message for a later attempt, with its error, backing off', async () => {
    const { db } = await database;
    await enqueueNotice(db, { topic: 'application.submitted', recipientUserId: userId, applicationId: null, payload: { applicationId: 'a2', title: '申請', trackingNumber: 'CO2-2025-0001', versionNo: 1, submittedAt: new Date().toISOString() } });
    const broken: MailTransport = { send: () => Promise.reject(new Error('mailbox full')) };
    const now = new Date();
    expect(await deliverOutbox(db, broken, now)).toEqual({ sent: 0, skipped: 0, failed: 1, givenUp: 0 });
    const row = await db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, last_error: 'mailbox full' });
    expect(row.available_at.getTime()).toBe(now.getTime() + 60_000);
    // Not due yet, so not retried in the same minute.
    expect(await deliverOutbox(db, broken, now)).toEqual({ sent: 0, skipped: 0, failed: 0, givenUp: 0 });
    expect(retryDelayMinutes(3)).toBe(8);
    expect(retryDelayMinutes(20)).toBe(60);
  });

  it('holds no database connection while the mail server answers', async () => {
    const { db } = await database;
    await db.updateTable('outbox').set({ sent_at: new Date() }).where('sent_at', 'is', null).execute();
    await enqueueNotice(db, { topic: 'application.submitted', recipientUserId: userId, applicationId: null, payload: { applicationId: 'a3', title: '接続', trackingNumber: 'CO2-2025-0002', versionNo: 1, submittedAt: new Date().toISOString() } });
    // PGlite has one connection: a pass that kept it while sending would leave this read waiting for ever.
    const seenWhileSending: number[] = [];
    const reading: MailTransport = {
      send: async () => {
        const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow();
        seenWhileSending.push(Number(row.n));
      },
    };
    expect(await deliverOutbox(db, reading, new Date())).toEqual({ sent: 1, skipped: 0, failed: 0, givenUp: 0 });
    expect(seenWhileSending).toEqual([1]);
  }, 15_000);

  it('leaves a message claimed by a pass that stopped until its claim runs out, then sends it once', async () => {
    const { db } = await database;
    await db.updateTable('outbox').set({ sent_at: new Date() }).where('sent_at', 'is', null).execute();
    await enqueueNotice(db, { topic: 'application.submitted', recipientUserId: userId, applicationId: null, payload: { applicationId: 'a4', title: '中断', trackingNumber: 'CO2-2025-0003', versionNo: 1, submittedAt: new Date().toISOString() } });
    const now = new Date();
    // A pass claimed it and stopped before sending (its process ended).
    expect(await claimPendingOutbox(db, now, 50, new Date(now.getTime() + OUTBOX_CLAIM_MS))).toHaveLength(1);
    const sent: string[] = [];
    const recording: MailTransport = { send: (mail) => Promise.resolve(void sent.push(mail.messageId)) };
    expect(await deliverOutbox(db, recording, new Date(now.getTime() + OUTBOX_CLAIM_MS - 1_000))).toMatchObject({ sent: 0 });
    expect(await deliverOutbox(db, recording, new Date(now.getTime() + OUTBOX_CLAIM_MS))).toMatchObject({ sent: 1 });
    expect(await deliverOutbox(db, recording, new Date(now.getTime() + 2 * OUTBOX_CLAIM_MS))).toMatchObject({ sent: 0 });
    expect(sent).toHaveLength(1);
  });

  it('stops a pass slowed by its mail server before its claim runs out, leaving the rest to a later pass', async () => {
    const { db } = await database;
    await db.updateTable('outbox').set({ sent_at: new Date() }).where('sent_at', 'is', null).execute();
    for (const n of [5, 6]) {
      await enqueueNotice(db, { topic: 'application.submitted', recipientUserId: userId, applicationId: null, payload: { applicationId: `a${n}`, title: '遅延', trackingNumber: `CO2-2025-000${n}`, versionNo: 1, submittedAt: new Date().toISOString() } });
    }
    // Each send takes six minutes of the pass's clock: past half the claim after the first.
    let clock = 0;
    const sent: string[] = [];
    const slow: MailTransport = { send: (mail) => Promise.resolve(void (sent.push(mail.messageId), (clock += 6 * 60_000))) };
    const now = new Date();
    expect(await deliverOutbox(db, slow, now, 50, () => clock)).toMatchObject({ sent: 1 });
    expect(await deliverOutbox(db, slow, new Date(now.getTime() + 60_000), 50, () => clock)).toMatchObject({ sent: 0 });
    expect(await deliverOutbox(db, slow, new Date(now.getTime() + OUTBOX_CLAIM_MS), 50, () => clock)).toMatchObject({ sent: 1 });
    expect(new Set(sent).size).toBe(2);
  });

  describe('the worker', () => {
    const backlog = async (n: number, title: string) => {
      const { db } = await database;
      await db.updateTable('outbox').set({ sent_at: new Date() }).where('sent_at', 'is', null).execute();
      for (let i = 0; i < n; i++) {
        await enqueueNotice(db, { topic: 'application.submitted', recipientUserId: userId, applicationId: null, payload: { applicationId: `b${i}`, title, trackingNumber: `CO2-2025-${String(1000 + i)}`, versionNo: 1, submittedAt: new Date().toISOString() } });
      }
    };
    const pending = async () => {
      const { db } = await database;
      return Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('sent_at', 'is', null).executeTakeFirstOrThrow()).n);
    };

    /** One tick of a worker taking ten messages a pass; `send` may stop it. The ids it tried, in order. */
    const tickOnce = async (send: (stop: () => void) => Promise<void>) => {
      const { db } = await database;
      const tried: string[] = [];
      const transport: MailTransport = { send: (mail) => (tried.push(mail.messageId), send(() => worker.stop())) };
      const worker = startOutboxWorker({ db, transport, intervalMs: 3_600_000, log: () => {}, batch: 10 });
      await worker.tick();
      worker.stop();
      return tried;
    };

    it('drains a backlog larger than one batch in one tick, each message once', async () => {
      await backlog(25, '滞留');
      const sent = await tickOnce(() => Promise.resolve());
      expect(sent).toHaveLength(25);
      expect(new Set(sent).size).toBe(25);
      expect(await pending()).toBe(0);
    });

    it('tries each failing message once per tick, then waits for its retry time', async () => {
      await backlog(25, '失敗');
      const tried = await tickOnce(() => Promise.reject(new Error('mailbox full')));
      expect(tried).toHaveLength(25);
      expect(new Set(tried).size).toBe(25);
      expect(await pending()).toBe(25);
    });

    it('ends its drain when stopped, leaving the rest for the next start', async () => {
      await backlog(25, '停止');
      // Stopped during the first pass, which still finishes its batch.
      const sent = await tickOnce((stop) => Promise.resolve(stop()));
      expect(sent).toHaveLength(10);
      expect(await pending()).toBe(15);
    });
  });
});
