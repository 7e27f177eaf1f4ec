import { createDatabase, insertApplication, insertConflictDeclaration, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchReviewQueues } from './routers/review/queue-cache';
import { submittedCltApplication } from './review-test-support';
import { seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();

type Watched = Awaited<ReturnType<typeof watchReviewQueues>>;

/**
 * The review queue's first pages kept in memory by each API process, dropped on the database's
 * notices. "Another process" is a second connection pool, as a second API process has.
 */
describe.each(backends)('review queue pages kept in memory on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let here: Watched;
  let reviewer: Client;
  let made = 0;

  const submit = (db: Database, programmeId: string) =>
    submittedCltApplication(db, {
      programmeId,
      organisationId: seed.orgs.applicant.id,
      createdBy: seed.users.applicant.id,
      key: `key-${++made}`,
      title: `木造事務所 ${made}`,
      trackingNumber: `CLT-${String(made).padStart(4, '0')}`,
      submittedAt: new Date(Date.UTC(2026, 3, made)),
    });
  const firstPage = (programmeId: string) => reviewer.caller.review.queue({ programmeId, sort: 'submitted_at', direction: 'desc' });

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    await submit(database, seed.programme.id);
    here = await watchReviewQueues(database);
    // The listener connects in the background, as at a server's start.
    for (let waited = 0; !here.cache.listening(); waited += 50) {
      if (waited > 10_000) throw new Error('the listener did not connect');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    reviewer = await signedInClient(database, seed.users.reviewer.email, { reviewQueues: here.cache });
  });
  afterAll(async () => {
    await here.close();
    await database.close();
  });

  it('answers a first page again from memory, never a searched one, and shows a change made through the API at once', async () => {
    const first = await firstPage(seed.programme.id);
    expect(await firstPage(seed.programme.id)).toBe(first);
    expect(Object.isFrozen(first.rows[0])).toBe(true);
    await reviewer.caller.review.queue({ programmeId: seed.programme.id, search: '木造', sort: 'submitted_at', direction: 'desc' });
    await reviewer.caller.review.queue({ programmeId: seed.programme.id, sort: 'submitted_at', direction: 'desc', page: 2 });
    // A file of up to 5,000 rows is asked for once: never kept.
    await reviewer.caller.review.exportQueue({ programmeId: seed.programme.id, sort: 'submitted_at', direction: 'desc', format: 'csv' });
    expect(here.cache.size()).toBe(1);

    // No waiting: the assignment answered after this process heard of it.
    const row = first.rows[0]!;
    await reviewer.caller.review.assign({ applicationId: row.id, memberId: seed.users.committee.id });
    const after = await firstPage(seed.programme.id);
    expect(after).not.toBe(first);
    expect(after.rows.find((r) => r.id === row.id)?.assignedCount).toBe(1);
  });

  it("drops a programme's pages when another process changes its proposals, and keeps the other programme's", async () => {
    // In-process PGlite has one connection: there, the same database stands in for the other process.
    const other = backend.name === 'postgres' ? await createDatabase({ kind: 'postgres', url: database.location }) : database;
    try {
      const open = await firstPage(seed.programme.id);
      const closed = await firstPage(seed.closedProgramme.id);
      expect(here.cache.size()).toBe(2);
      const added = await submit(other, seed.programme.id);
      await here.cache.settle();
      expect(await firstPage(seed.closedProgramme.id)).toBe(closed);
      const after = await firstPage(seed.programme.id);
      expect(after).not.toBe(open);
      expect([after.total, after.rows.some((r) => r.id === added.id)]).toEqual([open.total + 1, true]);

      // A conflict declared elsewhere hides the proposal from the reviewer's kept page too.
      await insertConflictDeclaration(other.db, { applicationId: added.id, programmeId: seed.programme.id, memberId: seed.users.reviewer.id, conflicts: [{ kind: 'consulted_self' }], at: new Date() });
      await here.cache.settle();
      const hidden = await firstPage(seed.programme.id);
      expect([hidden.total, hidden.rows.some((r) => r.id === added.id)]).toEqual([open.total, false]);

      // A draft of the reviewer's own in the programme: they applied to it, and see none of it.
      await insertApplication(other.db, { programmeId: seed.programme.id, organisationId: seed.orgs.applicant.id, createdBy: seed.users.reviewer.id, title: '自分の申請', content: { programme: 'clt_demonstration' } });
      await here.cache.settle();
      expect((await firstPage(seed.programme.id)).total).toBe(0);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it("keeps the programmes of the reviewer's offices through a submission, and drops them when a programme changes elsewhere", async () => {
    const other = backend.name === 'postgres' ? await createDatabase({ kind: 'postgres', url: database.location }) : database;
    const nameOf = async () => (await reviewer.caller.review.programmes()).find((p) => p.id === seed.programme.id)?.name;
    const before = await nameOf();
    try {
      expect(here.cache.officeProgrammes.size()).toBe(1);
      // A submission notices its programme's pages, not the programmes of an office.
      await submit(other, seed.programme.id);
      await here.cache.settle();
      expect(here.cache.officeProgrammes.size()).toBe(1);
      await other.db.updateTable('programmes').set({ name_ja: '改称した事業' }).where('id', '=', seed.programme.id).execute();
      await here.cache.settle();
      expect(await nameOf()).toBe('改称した事業');
    } finally {
      await other.db.updateTable('programmes').set({ name_ja: before! }).where('id', '=', seed.programme.id).execute();
      if (other !== database) await other.close();
    }
  });

  it('keeps nothing while not listening', async () => {
    here.cache.lost();
    await firstPage(seed.programme.id);
    expect([here.cache.size(), here.cache.officeProgrammes.size()]).toEqual([0, 0]);
    here.cache.ready();
  });
});
