import { findApplicationById, findLatestSubmission, type Database } from '@tsumiki/db';
import { assessApplication, BUILTIN_PROGRAMMES } from '@tsumiki/domain/programmes';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInCaller } from '../test-support';
import { seedDemo } from './demo';

describe('review demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createPGliteTestDatabase();
    await seedDemo(database.db);
  });
  afterAll(() => database.close());

  const callerFor = (email: string) => signedInCaller(database, email);

  it('gives the reviewer submitted CLT and CO2 applications with computed grants, and a ¥627,000,000 CLT ledger', async () => {
    const reviewer = await callerFor('reviewer@demo.tsumiki.jp');
    const queue = await reviewer.review.queue({});
    expect(queue.counts).toMatchObject({ submitted: 3, under_review: 1, resubmitted: 1 });
    expect(new Set(queue.rows.map((r) => r.programmeKind))).toEqual(new Set(['clt_demonstration', 'co2_factor_support']));
    for (const row of queue.rows) expect(row.requestedGrantYen).toBeGreaterThan(0);
    const clt = queue.rows.find((r) => r.programmeKind === 'clt_demonstration')!;
    const ledger = await reviewer.review.ledger({ programmeId: clt.programmeId });
    expect(ledger.summary).toMatchObject({ budget: 627_000_000, committed: 0, remaining: 627_000_000 });
    const opened = await reviewer.review.open({ applicationId: clt.id });
    expect(opened.eligibility?.status).toBe('eligible');
  });

  it('assigns one proposal to the demo committee member, who must declare before opening it', async () => {
    const committee = await callerFor('committee@demo.tsumiki.jp');
    const queue = await committee.review.queue({});
    expect(queue.rows).toHaveLength(1);
    expect(await committee.review.declarationStatus({ applicationId: queue.rows[0]!.id })).toMatchObject({ required: true });
  });

  it('has each demo application created and submitted by a member of its own organisation', async () => {
    const rows = await database.db
      .selectFrom('applications')
      .innerJoin('application_submissions', 'application_submissions.application_id', 'applications.id')
      .select(['applications.title', 'applications.applicant_organisation_id as organisationId', 'applications.created_by as createdBy', 'application_submissions.submitted_by as submittedBy'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const memberships = await database.db.selectFrom('memberships').select(['user_id', 'organisation_id']).execute();
    const isMember = (userId: string, organisationId: string) => memberships.some((m) => m.user_id === userId && m.organisation_id === organisationId);
    for (const r of rows) expect([r.title, isMember(r.createdBy, r.organisationId), isMember(r.submittedBy, r.organisationId)]).toEqual([r.title, true, true]);
  });

  it('has applications whose content matches their titles (storeys, use, applicant), each requesting its own amount', async () => {
    const rows = await database.db
      .selectFrom('applications')
      .innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id')
      .select(['applications.id', 'applications.title', 'applications.requested_grant_yen as requested', 'organisations.name_ja as organisation'])
      .execute();
    const clt = rows.filter((r) => /CLT/.test(r.title) && /階建て|平屋/.test(r.title));
    expect(clt.length).toBeGreaterThanOrEqual(4);
    for (const r of clt) {
      const content = (await findApplicationById(database.db, r.id))!.content;
      if (content.programme !== 'clt_demonstration') throw new Error(`${r.title} is not a CLT application`);
      const storeys = /平屋/.test(r.title) ? 1 : Number(/(\d+)階建て/.exec(r.title)?.[1]);
      const use = ['事務所', '共同住宅', '店舗', '保育所'].find((u) => r.title.includes(u));
      const facts = content.grant?.facts;
      expect([r.title, facts?.storeys, facts?.mainUse, content.applicant?.name]).toEqual([r.title, storeys, use, r.organisation]);
      // The narrative says the same: the structure names the storeys, the plan the use.
      expect(content.building?.structure).toContain(storeys === 1 ? '平屋' : `${storeys}階建て`);
      expect(content.plan?.content).toContain(use);
      // The stored request is what the rules give on the submitted content.
      expect(r.requested).toBe(assessApplication('clt_demonstration', (await findLatestSubmission(database.db, r.id))!.content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result?.grant.amount);
    }
    const amounts = clt.map((r) => r.requested);
    expect(new Set(amounts).size).toBe(amounts.length);
  });

  it('has applicant organisations whose record holds the representative and address their forms give', async () => {
    const rows = await database.db
      .selectFrom('applications')
      .innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id')
      .select(['applications.id', 'organisations.name_ja as name', 'organisations.representative', 'organisations.address'])
      .execute();
    expect(new Set(rows.map((r) => r.name)).size).toBe(3);
    for (const r of rows) {
      const applicant = (await findApplicationById(database.db, r.id))!.content.applicant;
      expect([r.name, r.representative, r.address]).toEqual([applicant?.name, applicant?.representative, applicant?.address]);
      expect(r.representative).toBeTruthy();
    }
  });

  it('has a returned and resubmitted application whose two versions differ in a budget line and the grant', async () => {
    const reviewer = await callerFor('reviewer@demo.tsumiki.jp');
    const { rows } = await reviewer.review.queue({ statuses: ['resubmitted'] });
    expect(rows).toHaveLength(1);
    const { from, to, comparison } = await reviewer.review.compareVersions({ applicationId: rows[0]!.id });
    expect([from, to]).toEqual([1, 2]);
    expect(comparison?.lines).toEqual([expect.objectContaining({ change: 'changed', before: expect.objectContaining({ description: '仮設工事', amount: 3_300_000 }), after: expect.objectContaining({ amount: 2_750_000 }) })]);
    expect(comparison?.amounts.grant.after).toBeLessThan(comparison!.amounts.grant.before!);
    const opened = await reviewer.review.open({ applicationId: rows[0]!.id });
    expect(opened.history.map((h) => h.event)).toEqual(['start_review', 'return_for_correction', 'resubmit']);
    expect(opened.requests).toEqual([expect.objectContaining({ kind: 'correction', answeredAt: expect.any(Date) })]);
  });

  it('shows the demo applicant no notice about another company’s application', async () => {
    const reviewer = await callerFor('reviewer@demo.tsumiki.jp');
    const { rows } = await reviewer.review.queue({ search: '3階建て共同住宅' });
    const tohoku = rows[0]!;
    await reviewer.review.transition({ applicationId: tohoku.id, version: tohoku.version, event: 'return_for_correction', reason: '図面が不足しています。', dueAt: new Date(Date.now() + 14 * 86_400_000) });
    const applicant = await callerFor('applicant@demo.tsumiki.jp');
    expect((await applicant.notifications.list()).items.map((i) => i.applicationId)).not.toContain(tohoku.id);
    const colleague = await callerFor('tohoku-clt@demo.tsumiki.jp');
    expect((await colleague.notifications.list()).items.map((i) => i.applicationId)).toContain(tohoku.id);
  });
});
