import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { countRows, dumpDatabase, restoreDatabase } from './backup';
import { appendAudit } from './repositories/audit.repository';
import { insertApplication, updateApplicationIfVersion } from './repositories/applications.repository';
import { insertAttachment } from './repositories/attachments.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { enqueueOutbox, listPendingOutbox } from './repositories/outbox.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { insertUser } from './repositories/users.repository';
import { TABLES_IN_DEPENDENCY_ORDER } from './schema';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('database on $name', (backend) => {
  let database: Database;
  let fixture: { userId: string; applicationId: string };

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    const applicant = await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者', name_en: 'Applicant', short_name_ja: null });
    const user = await insertUser(db, { email: 'A@Example.jp', displayName: '申請 太郎', passwordHash: 'x' });
    const programme = await insertProgramme(db, {
      code: 'p1',
      kind: 'clt_demonstration',
      name_ja: 'CLT',
      name_en: 'CLT',
      fiscal_year: 2025,
      window_opens_at: new Date('2026-03-05T15:00:00Z'),
      window_closes_at: new Date('2026-04-06T04:00:00Z'),
      budget_yen: 627_000_000,
      office_organisation_id: office.id,
    });
    const application = await insertApplication(db, {
      programmeId: programme.id,
      organisationId: applicant.id,
      createdBy: user.id,
      title: '実証',
      content: { programme: 'clt_demonstration' },
    });
    fixture = { userId: user.id, applicationId: application.id };
  });
  afterAll(() => database.close());

  it('stores e-mail in lower case and money as integer yen', async () => {
    const user = await database.db.selectFrom('users').select('email').executeTakeFirstOrThrow();
    expect(user.email).toBe('a@example.jp');
    const programme = await database.db.selectFrom('programmes').select('budget_yen').executeTakeFirstOrThrow();
    expect(programme.budget_yen).toBe(627_000_000);
  });

  it('refuses an update from a stale version and keeps the newer content', async () => {
    const first = await updateApplicationIfVersion(database.db, {
      id: fixture.applicationId,
      expectedVersion: 1,
      content: { programme: 'clt_demonstration', plan: { content: 'first' } },
    });
    expect(first?.version).toBe(2);
    const stale = await updateApplicationIfVersion(database.db, {
      id: fixture.applicationId,
      expectedVersion: 1,
      content: { programme: 'clt_demonstration', plan: { content: 'stale' } },
    });
    expect(stale).toBeUndefined();
    const row = await database.db.selectFrom('applications').select(['content', 'version']).executeTakeFirstOrThrow();
    expect(row).toEqual({ content: { programme: 'clt_demonstration', plan: { content: 'first' } }, version: 2 });
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { id } = await appendAudit(database.db, {
      actorUserId: fixture.userId,
      action: 'test',
      entityType: 'application',
      entityId: fixture.applicationId,
      after: { a: 1 },
    });
    await expect(database.db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    const row = await database.db.selectFrom('audit_log').select('action').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.action).toBe('test');
  });

  it('refuses attachments the database cannot hold: type mismatch or over the size limit', async () => {
    const base = {
      applicationId: fixture.applicationId,
      uploadedBy: fixture.userId,
      fileName: 'a.pdf',
      declaredType: 'application/pdf',
      sha256: 'x',
    };
    await expect(
      insertAttachment(database.db, { ...base, detectedType: 'image/png', content: new Uint8Array([1]) }),
    ).rejects.toThrow();
    await expect(
      insertAttachment(database.db, { ...base, detectedType: 'application/pdf', content: new Uint8Array(20 * 1024 * 1024 + 1) }),
    ).rejects.toThrow();
    expect(await countRows(database.db, 'attachments')).toBe(0);
  });

  it('queues notifications in the outbox, due ones first, later ones held back', async () => {
    await enqueueOutbox(database.db, { topic: 'application.submitted', recipientUserId: fixture.userId, payload: { id: 1 } });
    await enqueueOutbox(database.db, {
      topic: 'reminder',
      recipientUserId: fixture.userId,
      payload: { id: 2 },
      availableAt: new Date(Date.now() + 86_400_000),
    });
    const pending = await listPendingOutbox(database.db);
    expect(pending.map((m) => m.topic)).toEqual(['application.submitted']);
    expect(pending[0]?.payload).toEqual({ id: 1 });
  });

  it('rolls back a transaction as a whole', async () => {
    const before = await countRows(database.db, 'organisations');
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertOrganisation(trx, { kind: 'applicant', name_ja: '途中', name_en: 'half', short_name_ja: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countRows(database.db, 'organisations')).toBe(before);
  });

  it('backs up and restores every table into a fresh database', async () => {
    await insertAttachment(database.db, {
      applicationId: fixture.applicationId,
      uploadedBy: fixture.userId,
      fileName: 'a.pdf',
      declaredType: 'application/pdf',
      detectedType: 'application/pdf',
      sha256: 'x',
      content: new Uint8Array([37, 80, 68, 70]),
    });
    const backup = await dumpDatabase(database.db);
    const target = await backend.create();
    try {
      await restoreDatabase(target.db, JSON.parse(JSON.stringify(backup)) as typeof backup);
      const again = await dumpDatabase(target.db);
      for (const table of TABLES_IN_DEPENDENCY_ORDER) {
        expect(JSON.parse(JSON.stringify(again.tables[table]))).toEqual(JSON.parse(JSON.stringify(backup.tables[table])));
      }
      // Restored audit ids continue: a new row does not collide.
      await appendAudit(target.db, { actorUserId: null, action: 'after-restore', entityType: 'x', entityId: null });
      // And a restore into a non-empty database is refused.
      await expect(restoreDatabase(target.db, backup)).rejects.toThrow(/not empty/);
    } finally {
      await target.close();
    }
  });
});
