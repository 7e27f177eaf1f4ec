import { insertMembership, insertUser, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { jstInstant } from '@tsumiki/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { submittedCltApplication } from './review-test-support';
import { PASSWORD, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();
const NOW = jstInstant(2026, 4, 10, 10, 0);
const DUE = jstInstant(2026, 4, 24, 17, 0);

/**
 * A notice about an application goes to the people of the organisation the application belongs
 * to, as they are when it is sent and when it is read: not to whoever once created it.
 */
describe.each(backends)('notices to the applicant organisation on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let reviewer: Client;
  let colleagueId: string;
  let ownId: string;
  let foreignId: string;

  const bellOf = async (email: string) => {
    const client = await signedInClient(database, email, { now: () => NOW });
    const list = await client.caller.notifications.list();
    return { titles: list.items.map((i) => i.applicationId), unread: list.unread, count: await client.caller.notifications.unreadCount() };
  };
  const returnIt = async (applicationId: string) => {
    const version = (await database.db.selectFrom('applications').select('version').where('id', '=', applicationId).executeTakeFirstOrThrow()).version;
    await reviewer.caller.review.transition({ applicationId, version, event: 'return_for_correction', reason: '図面が不足しています。', dueAt: DUE });
  };
  const mailsFor = async (applicationId: string) =>
    (
      await database.db
        .selectFrom('outbox')
        .innerJoin('users', 'users.id', 'outbox.recipient_user_id')
        .select(['users.email', 'outbox.payload'])
        .where('outbox.topic', '=', 'application.status_changed')
        .execute()
    )
      .filter((r) => r.payload.applicationId === applicationId)
      .map((r) => r.email)
      .sort();

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    const colleague = await insertUser(database.db, { email: 'colleague@example.jp', displayName: '同僚', passwordHash: await hashPassword(PASSWORD) });
    colleagueId = colleague.id;
    await insertMembership(database.db, { userId: colleague.id, organisationId: seed.orgs.applicant.id, role: 'applicant' });
    const common = { programmeId: seed.programme.id, submittedAt: NOW };
    ownId = (await submittedCltApplication(database, { ...common, organisationId: seed.orgs.applicant.id, createdBy: seed.users.applicant.id, key: `${backend.name}-own`, title: '自社の申請', trackingNumber: 'N-1' })).id;
    // Created by a person who is not a member of the organisation it belongs to (as the demo seed did).
    foreignId = (await submittedCltApplication(database, { ...common, organisationId: seed.orgs.otherApplicant.id, createdBy: seed.users.applicant.id, key: `${backend.name}-foreign`, title: '他社の申請', trackingNumber: 'N-2' })).id;
    reviewer = await signedInClient(database, seed.users.reviewer.email, { now: () => NOW });
  });
  afterAll(() => database?.close());

  it('goes to every current member of the application’s organisation, in the bell and by mail, and to no one else', async () => {
    await returnIt(ownId);
    await returnIt(foreignId);
    expect(await mailsFor(ownId)).toEqual(['applicant@example.jp', 'colleague@example.jp']);
    expect(await mailsFor(foreignId)).toEqual(['other-applicant@example.jp']);
    expect((await bellOf('applicant@example.jp')).titles).toEqual([ownId]);
    expect((await bellOf('colleague@example.jp')).titles).toEqual([ownId]);
    expect((await bellOf('other-applicant@example.jp')).titles).toEqual([foreignId]);
  });

  it('is no longer shown, counted or markable once the reader has left the organisation', async () => {
    const before = await bellOf('colleague@example.jp');
    expect([before.unread, before.count]).toEqual([1, 1]);
    await database.db.deleteFrom('memberships').where('user_id', '=', colleagueId).where('organisation_id', '=', seed.orgs.applicant.id).execute();
    // Still a member elsewhere, so still signed in: the bell is checked when read, not only when sent.
    await insertMembership(database.db, { userId: colleagueId, organisationId: seed.orgs.otherApplicant.id, role: 'applicant' });
    const after = await bellOf('colleague@example.jp');
    expect(after).toEqual({ titles: [], unread: 0, count: 0 });
    const colleague = await signedInClient(database, 'colleague@example.jp', { now: () => NOW });
    const stale = await database.db.selectFrom('notifications').select('id').where('user_id', '=', colleagueId).where('application_id', '=', ownId).executeTakeFirstOrThrow();
    expect(await colleague.caller.notifications.markRead({ ids: [stale.id] })).toEqual({ updated: 0 });
  });
});
