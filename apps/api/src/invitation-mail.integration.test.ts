import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueOutbox } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { INVITATION_TOPIC } from '@tsumiki/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { deliverOutbox, fileMailCatcher } from './outbox-worker';

describe('invitation e-mails through the outbox', () => {
  const database = createPGliteTestDatabase();
  afterAll(async () => (await database).close());

  it('mails the invitation to the invited address (no account yet), once', async () => {
    const { db } = await database;
    const dir = await mkdtemp(join(tmpdir(), 'tsumiki-invite-'));
    await enqueueOutbox(db, {
      topic: INVITATION_TOPIC,
      recipientUserId: null,
      payload: { to: 'jiro@example.jp', organisationName: '積み木木材株式会社', invitedBy: '木村 花子', link: 'http://localhost:5173/invitations/abc', expiresAt: '2026-12-07T01:00:00.000Z' },
    });
    const now = new Date();
    expect(await deliverOutbox(db, fileMailCatcher(dir), now)).toEqual({ sent: 1, skipped: 0, failed: 0, givenUp: 0 });
    const [file] = await readdir(dir);
    const mail = await readFile(join(dir, file!), 'utf8');
    expect(mail).toContain('To: jiro@example.jp');
    expect(mail).toContain('http://localhost:5173/invitations/abc');
    expect(mail).toContain('有効期限 2026-12-07 10:00 JST');
    expect(await deliverOutbox(db, fileMailCatcher(dir), now)).toEqual({ sent: 0, skipped: 0, failed: 0, givenUp: 0 });
  });
});
