import { isReceived, RECEIVED_STATUSES } from '@tsumiki/domain';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import type { DB } from './schema';
import { insertApplication } from './repositories/applications.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

/**
 * The kept count per programme and status past draft (application_status_counts) against the rows
 * it counts, through every kind of change; and, on PostgreSQL, that an autosave (no status change)
 * and a new draft leave the counts unlocked, so applicants of one programme do not save or start
 * one after another, nor wait for a submission in flight.
 */
const backends = await testBackends();

describe.each(backends)('kept application counts on $name', (backend) => {
  let database: Database;
  const programmes: string[] = [];
  let organisationId: string;
  let createdBy: string;

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    organisationId = (await insertOrganisation(db, { kind: 'applicant', name_ja: '杉山木材', name_en: 'Sugiyama Timber', short_name_ja: null })).id;
    createdBy = (await insertUser(db, { email: 'author@example.jp', displayName: 'author', passwordHash: 'x' })).id;
    for (const code of ['p1', 'p2']) {
      const programme = await insertProgramme(db, {
        code,
        kind: 'clt_demonstration',
        name_ja: code,
        name_en: code,
        fiscal_year: 2026,
        window_opens_at: new Date('2026-03-05T15:00:00Z'),
        window_closes_at: new Date('2026-04-06T04:00:00Z'),
        budget_yen: 1_000,
        office_organisation_id: office.id,
      });
      programmes.push(programme.id);
    }
  });
  afterAll(() => database.close());

  const draft = (programmeId: string, title: string) =>
    insertApplication(database.db, { programmeId, organisationId, createdBy, title, content: { programme: 'clt_demonstration' } });

  /** Work on another connection that fails, rather than waits, on a lock held for more than 2 s. */
  const withoutWaiting = (work: (other: Kysely<DB>) => Promise<unknown>) =>
    database.db.connection().execute(async (other) => {
      await sql`set lock_timeout = '2s'`.execute(other);
      try {
        await work(other);
      } finally {
        await sql`reset lock_timeout`.execute(other);
      }
    });

  async function expectCountsTrue() {
    const { db } = database;
    const kept = await db.selectFrom('application_status_counts').select(['programme_id', 'status', 'applications']).execute();
    const actual = await db
      .selectFrom('applications')
      .select(['programme_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', [...RECEIVED_STATUSES])
      .groupBy(['programme_id', 'status'])
      .execute();
    // Drafts are not counted: the queue never shows them.
    expect(kept.filter((k) => !isReceived(k.status))).toEqual([]);
    const key = (p: string, s: string) => `${p}/${s}`;
    expect(Object.fromEntries(kept.filter((k) => Number(k.applications) > 0).map((k) => [key(k.programme_id, k.status), Number(k.applications)]))).toEqual(
      Object.fromEntries(actual.map((a) => [key(a.programme_id, a.status), Number(a.n)])),
    );
  }

  it('stays equal to the rows through inserts, saves, moves that cancel out, mixed updates and deletions', async () => {
    const { db } = database;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await draft(programmes[i % 2]!, `申請${i}`)).id);
    await expectCountsTrue();
    // A save changes no status: nothing to move.
    await db.updateTable('applications').set({ title: '保存' }).where('id', 'in', ids).execute();
    await expectCountsTrue();
    await db.updateTable('applications').set({ status: 'submitted' }).where('id', 'in', [ids[0]!, ids[1]!, ids[2]!]).execute();
    await expectCountsTrue();
    // One statement whose moves cancel out per programme: one draft submitted, one submitted back to draft.
    await sql`update applications set status = case when status = 'draft' then 'submitted' else 'draft' end where id in (${ids[0]!}, ${ids[4]!})`.execute(db);
    await expectCountsTrue();
    // Some rows change status and some do not, across both programmes.
    await db.updateTable('applications').set({ status: 'under_review' }).where('status', '=', 'submitted').execute();
    await db.updateTable('applications').set({ title: '再保存' }).execute();
    await expectCountsTrue();
    await db.deleteFrom('applications').where('id', '=', ids[5]!).execute();
    await expectCountsTrue();
  });

  it.runIf(backend.name === 'postgres')('does not lock the programme’s counts for a save that changes no status', async () => {
    const saved = await draft(programmes[0]!, '自動保存');
    const { db } = database;
    await db.transaction().execute(async (autosave) => {
      await autosave.updateTable('applications').set({ title: '自動保存 2' }).where('id', '=', saved.id).execute();
      // Another applicant of the same programme, on another connection, while the save is open:
      // before, both waited on the programme's draft count until the save committed.
      await withoutWaiting(async (other) => {
        await other.transaction().execute((trx) => insertApplication(trx, { programmeId: programmes[0]!, organisationId, createdBy, title: '新規', content: { programme: 'clt_demonstration' } }));
        await other.transaction().execute((trx) => trx.updateTable('applications').set({ title: '別の保存' }).where('title', '=', '新規').execute());
      });
    });
    await expectCountsTrue();
  });

  it.runIf(backend.name === 'postgres')('does not make a new draft wait for a submission of the programme in flight', async () => {
    const submitting = await draft(programmes[1]!, '提出中');
    const { db } = database;
    await db.transaction().execute(async (submission) => {
      await submission.updateTable('applications').set({ status: 'submitted' }).where('id', '=', submitting.id).execute();
      // Another applicant starts a draft of the same programme while the submission is open:
      // before, the submission held the programme's draft count until it committed.
      await withoutWaiting((other) => insertApplication(other, { programmeId: programmes[1]!, organisationId, createdBy, title: '新規の下書き', content: { programme: 'clt_demonstration' } }));
    });
    await expectCountsTrue();
  });
});
