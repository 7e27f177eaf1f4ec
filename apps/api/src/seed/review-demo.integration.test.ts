import { createCaller, createContext, type CookieJar } from '@tsumiki/api';
import type { Database } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from './demo';

class Jar implements CookieJar {
  token: string | undefined;
  read = () => this.token;
  write = (token: string) => void (this.token = token);
  clear = () => void (this.token = undefined);
}

describe('review demo data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createPGliteTestDatabase();
    await seedDemo(database.db);
  });
  afterAll(() => database.close());

  async function callerFor(email: string) {
    const deps = { db: database.db, allowedOrigins: [], log: { info() {}, warn() {}, error() {} } };
    const request = { requestId: 't', ip: null, userAgent: null, origin: null, host: null, protocol: 'http' as const, fetchSite: null, hasCsrfHeader: true, acceptLanguage: 'ja' };
    const jar = new Jar();
    await createCaller(await createContext(deps, request, jar)).auth.signIn({ email, password: DEMO_PASSWORD });
    return createCaller(await createContext(deps, request, jar));
  }

  it('gives the reviewer submitted CLT and CO2 applications with computed grants, and a ¥627,000,000 CLT ledger', async () => {
    const reviewer = await callerFor('reviewer@demo.tsumiki.jp');
    const queue = await reviewer.review.queue({});
    expect(queue.counts.submitted).toBe(4);
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

  it('shows the demo applicant no notice about another company’s application', async () => {
    const reviewer = await callerFor('reviewer@demo.tsumiki.jp');
    const { rows } = await reviewer.review.queue({ search: '東北CLT' });
    const tohoku = rows[0]!;
    await reviewer.review.transition({ applicationId: tohoku.id, version: tohoku.version, event: 'return_for_correction', reason: '図面が不足しています。', dueAt: new Date(Date.now() + 14 * 86_400_000) });
    const applicant = await callerFor('applicant@demo.tsumiki.jp');
    expect((await applicant.notifications.list()).items.map((i) => i.applicationId)).not.toContain(tohoku.id);
    const colleague = await callerFor('tohoku-clt@demo.tsumiki.jp');
    expect((await colleague.notifications.list()).items.map((i) => i.applicationId)).toContain(tohoku.id);
  });
});
