import { ensureLedger, insertLedgerEntry, insertMembership, insertOrganisation, insertProgramme, insertRelatedOrganisation, insertUser, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { jstInstant } from '@tsumiki/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { submittedCltApplication } from './review-test-support';
import { errorCodeOf as codeOf, PASSWORD, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();
const NOW = jstInstant(2026, 4, 10, 10, 0);

/**
 * A conflict of interest hides a proposal from the person, whatever other roles they hold: the
 * member below is committee in one office and reviewer (staff) in another, and every list,
 * search, count, saved view, summary, statistic and export they can reach leaves out what they
 * are conflicted on.
 */
describe.each(backends)('conflicts across roles on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let dual: Client;
  let reviewer: Client;
  let committee2: Client;
  let otherProgrammeId: string;
  const app = {} as Record<'a1' | 'a2' | 'a3' | 'a4' | 'b1' | 'b2', string>;

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    const { db } = database;
    const memberId = seed.users.committee.id;
    const officeB = await insertOrganisation(db, { kind: 'programme_office', name_ja: '第二事務局', name_en: 'Second office', short_name_ja: null });
    const related = await insertOrganisation(db, { kind: 'applicant', name_ja: '関係木材', name_en: 'Related Timber', short_name_ja: null });
    await insertMembership(db, { userId: memberId, organisationId: officeB.id, role: 'reviewer' });
    await insertRelatedOrganisation(db, memberId, related.id);
    const programmeB = await insertProgramme(db, {
      code: 'clt-b',
      kind: 'clt_demonstration',
      name_ja: 'CLT実証（第二）',
      name_en: 'CLT demonstration B',
      fiscal_year: 2026,
      window_opens_at: new Date(Date.now() - 86_400_000),
      window_closes_at: new Date(Date.now() + 30 * 86_400_000),
      budget_yen: 627_000_000,
      office_organisation_id: officeB.id,
    });
    otherProgrammeId = programmeB.id;
    const hash = await hashPassword(PASSWORD);
    const second = await insertUser(db, { email: 'committee2@example.jp', displayName: '委員二', passwordHash: hash });
    await insertMembership(db, { userId: second.id, organisationId: seed.orgs.programme_office.id, role: 'committee' });

    const make = async (key: keyof typeof app, programmeId: string, organisationId: string) => {
      const created = await submittedCltApplication(database, {
        programmeId,
        organisationId,
        createdBy: seed.users.applicant.id,
        key: `${backend.name}-${key}`,
        title: `conf-${key.toUpperCase()}`,
        trackingNumber: `CONF-${key.toUpperCase()}`,
        submittedAt: NOW,
      });
      app[key] = created.id;
    };
    await make('a1', seed.programme.id, seed.orgs.applicant.id);
    await make('a2', seed.programme.id, seed.orgs.applicant.id);
    await make('a3', seed.programme.id, seed.orgs.otherApplicant.id);
    await make('a4', seed.programme.id, seed.orgs.otherApplicant.id);
    await make('b1', programmeB.id, seed.orgs.otherApplicant.id);
    await make('b2', programmeB.id, related.id);

    reviewer = await signedInClient(database, seed.users.reviewer.email, { now: () => NOW });
    dual = await signedInClient(database, seed.users.committee.email, { now: () => NOW });
    committee2 = await signedInClient(database, 'committee2@example.jp', { now: () => NOW });
    for (const id of [app.a1, app.a2, app.a3]) await reviewer.caller.review.assign({ applicationId: id, memberId });
    for (const id of [app.a1, app.a3]) await reviewer.caller.review.assign({ applicationId: id, memberId: second.id });

    // The other member scores the proposal the dual-role member will declare on higher than the one they keep.
    for (const [id, score] of [[app.a1, 5], [app.a3, 3]] as const) {
      await committee2.caller.review.declareConflict({ applicationId: id, noConflict: true, conflicts: [] });
      const { rubric } = await committee2.caller.review.sheet({ applicationId: id });
      await committee2.caller.review.saveSheet({ applicationId: id, version: null, scores: rubric.items.map((i) => ({ item: i.code, score })), submit: true });
    }
    await dual.caller.review.declareConflict({ applicationId: app.a3, noConflict: true, conflicts: [] });
    await dual.caller.review.declareConflict({ applicationId: app.a1, conflicts: [{ kind: 'related_company', note: '親会社' }] });
  });
  afterAll(() => database?.close());

  it('leaves conflicted and unassigned proposals out of the queue without a programme, its counts and its search', async () => {
    const page = await dual.caller.review.queue({});
    const ids = page.rows.map((r) => r.id);
    expect(ids.sort()).toEqual([app.a3, app.b1].sort());
    expect(page.total).toBe(2);
    expect(Object.values(page.counts).reduce((s, n) => s + (n ?? 0), 0)).toBe(2);
    for (const search of ['conf-A1', 'conf-A2', 'CONF-B2', '関係木材']) expect((await dual.caller.review.queue({ search })).total).toBe(0);
    // With the programme named, the same.
    expect((await dual.caller.review.queue({ programmeId: seed.programme.id })).rows.map((r) => r.id)).toEqual([app.a3]);
    expect((await dual.caller.review.queue({ programmeId: otherProgrammeId })).rows.map((r) => r.id)).toEqual([app.b1]);
    // Staff without a conflict still see every proposal of their office.
    const staff = (await reviewer.caller.review.queue({ programmeId: seed.programme.id })).rows.map((r) => r.id);
    expect(staff).toEqual(expect.arrayContaining([app.a1, app.a2, app.a3, app.a4]));
  });

  it('counts a saved view within what the caller may see', async () => {
    await dual.caller.review.saveView({ name: 'すべて', filters: { search: 'conf-' } });
    const [view] = await dual.caller.review.views();
    expect(view!.count).toBe(2);
  });

  it('applies a related-company declaration to all of that company’s proposals in the round', async () => {
    expect(await codeOf(dual.caller.review.open({ applicationId: app.a2 }))).toBe('FORBIDDEN conflict.conflicted');
    expect(await codeOf(reviewer.caller.review.assign({ applicationId: app.a2, memberId: seed.users.committee.id }))).toBe('FORBIDDEN conflict.conflicted');
    const members = await reviewer.caller.review.members({ applicationId: app.a2 });
    expect(members.find((m) => m.id === seed.users.committee.id)).toMatchObject({ blockedBy: 'conflict.conflicted' });
  });

  it('refuses a proposal of a related company to the person as staff too', async () => {
    expect(await codeOf(dual.caller.review.open({ applicationId: app.b2 }))).toBe('FORBIDDEN conflict.conflicted');
    expect(await codeOf(dual.caller.review.open({ applicationId: app.b1 }))).toBe('ok');
  });

  it('ranks the committee summary over what the member may see', async () => {
    const theirs = await dual.caller.review.summary({ programmeId: seed.programme.id });
    expect(theirs.rows.map((r) => r.proposalId)).toEqual([app.a3, app.a4]);
    expect(theirs.rows[0]).toMatchObject({ position: 1, rank: 1, tiedWith: [] });
    expect(theirs.rows[0]!.cumulativeMaximum).toBe(theirs.rows[0]!.maximumAmount);
    const staff = await reviewer.caller.review.summary({ programmeId: seed.programme.id });
    expect(staff.rows.find((r) => r.proposalId === app.a1)).toMatchObject({ rank: 1 });
    expect(staff.rows.find((r) => r.proposalId === app.a3)).toMatchObject({ rank: 2 });
    // The related-company declaration leaves the member out of the company's other proposal's averages too.
    expect(staff.rows.find((r) => r.proposalId === app.a2)!.excluded.map((e) => e.memberId)).toContain(seed.users.committee.id);
  });

  it('leaves them out of statistics, the publication list and exports', async () => {
    const stats = await dual.caller.review.statistics({ programmeId: otherProgrammeId });
    expect(stats.statistics.received).toBe(1);
    // The export is a staff procedure: the office where the person is reviewer, less the conflict.
    const file = await dual.caller.review.exportQueue({ format: 'csv' });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain('conf-B1');
    for (const title of ['conf-A1', 'conf-A2', 'conf-A3', 'conf-A4', 'conf-B2']) expect(csv).not.toContain(title);
    await ensureLedger(database.db, otherProgrammeId, 627_000_000, null);
    for (const [id, version] of [[app.b1, 1], [app.b2, 2]] as const) {
      await insertLedgerEntry(database.db, { programme_id: otherProgrammeId, application_id: id, kind: 'commit', amount_yen: 1_000, committed_after_yen: version * 1_000, budget_after_yen: 627_000_000, version_after: version, actor_user_id: null });
    }
    // The ledger keeps every amount (the budget must add up) but not the conflicted proposal's title.
    const ledger = await dual.caller.review.ledger({ programmeId: otherProgrammeId });
    expect(ledger.entries.filter((e) => e.applicationId).map((e) => [e.amountYen, e.title])).toEqual([[1_000, null], [1_000, 'conf-B1']]);
  });
});
