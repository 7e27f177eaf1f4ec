import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { claimPendingOutbox, markOutboxFailed, markOutboxSent } from './repositories/lifecycle.repository';
import { enqueueOutbox, outboxBacklog } from './repositories/outbox.repository';
import { testBackends } from './testing';

const CLAIM_MS = 10 * 60_000;

describe.each(await testBackends())('outbox claims on $name', (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(() => database?.close());

  const enqueue = async (n: number) => {
    for (let i = 0; i < n; i++) await enqueueOutbox(database.db, { topic: 'ledger.internal', recipientUserId: null, payload: { i } });
  };

  it('gives each due message to one pass only, however many claim at once, until the claim runs out', async () => {
    const { db } = database;
    await enqueue(30);
    const now = new Date(Date.now() + 1_000);
    const until = new Date(now.getTime() + CLAIM_MS);
    const [a, b, c] = await Promise.all([claimPendingOutbox(db, now, 20, until), claimPendingOutbox(db, now, 20, until), claimPendingOutbox(db, now, 20, until)]);
    const ids = [...a, ...b, ...c].map((m) => m.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    // Claimed messages are still pending: the backlog counts them until they are marked sent.
    expect((await outboxBacklog(db, now)).pending).toBe(30);
    expect(await claimPendingOutbox(db, new Date(until.getTime() - 1), 50, until)).toHaveLength(0);

    // The pass sent twenty and failed one; the nine left unmarked come back when the claim runs out.
    const sent = ids.slice(0, 20);
    await markOutboxSent(db, sent, now);
    await markOutboxFailed(db, ids[20]!, 'mailbox full', new Date(now.getTime() + 60_000));
    const again = await claimPendingOutbox(db, until, 50, new Date(until.getTime() + CLAIM_MS));
    expect(again.map((m) => m.id).sort((x, y) => x - y)).toEqual([ids[20]!, ...ids.slice(21)].sort((x, y) => x - y));
    expect(again.every((m) => m.claimed_until?.getTime() === until.getTime() + CLAIM_MS)).toBe(true);
    await markOutboxSent(db, again.map((m) => m.id), until);
    expect((await outboxBacklog(db, until)).pending).toBe(0);
  });
});
