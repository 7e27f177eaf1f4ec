import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReceived } from '@tsumiki/domain';
import type { Database } from './client';
import { insertApplication } from './repositories/applications.repository';
import { insertMembership, insertUser } from './repositories/users.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { insertAssignment } from './repositories/review-assignments.repository';
import { ensureLedger, findLedger, updateLedgerIfVersion } from './repositories/review-ledger.repository';
import { insertConflictDeclaration, insertRelatedOrganisation, isConflictedWith } from './repositories/review-conflicts.repository';
import { listProposalsOfProgramme, listReviewQueue } from './repositories/review-queue.repository';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('review repository on $name', (backend) => {
  let database: Database;
  let programmeId: string;
  let otherProgrammeId: string;
  let memberId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    const sugi = await insertOrganisation(db, { kind: 'applicant', name_ja: '杉山木材', name_en: 'Sugiyama Timber', short_name_ja: null });
    const tohoku = await insertOrganisation(db, { kind: 'applicant', name_ja: '東北CLT', name_en: 'Tohoku CLT', short_name_ja: null });
    const user = await insertUser(db, { email: 'a@example.jp', displayName: 'a', passwordHash: 'x' });
    const member = await insertUser(db, { email: 'm@example.jp', displayName: 'm', passwordHash: 'x' });
    memberId = member.id;
    await insertMembership(db, { userId: member.id, organisationId: office.id, role: 'committee' });
    const programme = (code: string) =>
      insertProgramme(db, {
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
    programmeId = (await programme('p1')).id;
    otherProgrammeId = (await programme('p2')).id;
    const statuses = ['submitted', 'submitted', 'under_review', 'draft', 'returned'] as const;
    for (const [i, status] of statuses.entries()) {
      const a = await insertApplication(db, {
        programmeId,
        organisationId: i % 2 ? tohoku.id : sugi.id,
        createdBy: user.id,
        title: `案件${i} 100%木造`,
        content: { programme: 'clt_demonstration' },
      });
      await db
        .updateTable('applications')
        .set({ status, submitted_at: !isReceived(status) ? null : new Date(Date.UTC(2026, 3, 1 + i)), tracking_number: `T-${i}`, requested_grant_yen: (i + 1) * 100 })
        .where('id', '=', a.id)
        .execute();
      ids.push(a.id);
    }
    await insertApplication(db, { programmeId: otherProgrammeId, organisationId: sugi.id, createdBy: user.id, title: 'other', content: { programme: 'clt_demonstration' } });
    await insertAssignment(db, { applicationId: ids[1]!, memberId, assignedBy: user.id });
  });
  afterAll(() => database?.close());

  const query = (over: Partial<Parameters<typeof listReviewQueue>[1]> = {}) =>
    listReviewQueue(database.db, { viewerId: memberId, programmeIds: [programmeId], sort: 'submitted_at', direction: 'asc', limit: 2, offset: 0, ...over });

  it('pages, counts per status and never shows drafts or other programmes', async () => {
    const page = await query();
    expect(page.total).toBe(4);
    expect(page.counts).toEqual({ submitted: 2, under_review: 1, returned: 1 });
    expect(page.rows.map((r) => r.trackingNumber)).toEqual(['T-0', 'T-1']);
    const next = await query({ offset: 2 });
    expect(next.rows.map((r) => r.trackingNumber)).toEqual(['T-2', 'T-4']);
    expect((await query({ programmeIds: [otherProgrammeId] })).total).toBe(0);
    expect((await query({ programmeIds: [] })).total).toBe(0);
  });

  it('filters by status, search (with % literal), amount and assignment; sorts both ways', async () => {
    expect((await query({ statuses: ['submitted'], limit: 10 })).rows.map((r) => r.trackingNumber)).toEqual(['T-0', 'T-1']);
    expect((await query({ search: '東北', limit: 10 })).rows.map((r) => r.trackingNumber)).toEqual(['T-1']);
    expect((await query({ search: 't-2', limit: 10 })).rows.map((r) => r.trackingNumber)).toEqual(['T-2']);
    expect((await query({ search: '100%', limit: 10 })).total).toBe(4);
    expect((await query({ search: '0%木', limit: 10 })).total).toBe(4);
    expect((await query({ search: '_', limit: 10 })).total).toBe(0);
    // Two characters, found through the bigram indexes: the same rows as a substring test.
    expect((await query({ search: '案件', limit: 10 })).total).toBe(4);
    expect((await query({ search: '件2', limit: 10 })).rows.map((r) => r.trackingNumber)).toEqual(['T-2']);
    expect((await query({ search: '%木', limit: 10 })).total).toBe(4);
    expect((await query({ search: 'cl', limit: 10 })).rows.map((r) => r.trackingNumber)).toEqual(['T-1']);
    expect((await query({ search: 'T-', limit: 10 })).total).toBe(4);
    expect((await query({ search: '造案', limit: 10 })).total).toBe(0);
    expect((await query({ minRequestedYen: 200, maxRequestedYen: 300, limit: 10 })).rows.map((r) => r.trackingNumber)).toEqual(['T-1', 'T-2']);
    const mine = await query({ programmeIds: [], assignedProgrammeIds: [programmeId], limit: 10 });
    expect(mine.rows.map((r) => [r.trackingNumber, r.assignedCount])).toEqual([['T-1', 1]]);
    expect((await query({ sort: 'requested_grant', direction: 'desc', limit: 10 })).rows.map((r) => r.requestedGrantYen)).toEqual([500, 300, 200, 100]);
  });

  it('hides from a person what they are conflicted with, whatever list asks', async () => {
    const { db } = database;
    const all = async () => (await query({ limit: 10 })).rows.map((r) => r.trackingNumber);
    expect(await all()).toEqual(['T-0', 'T-1', 'T-2', 'T-4']);
    // A related company declared on one proposal of 杉山木材 covers its other proposals in the programme.
    await insertConflictDeclaration(db, { applicationId: ids[0]!, programmeId, memberId, conflicts: [{ kind: 'related_company' }], at: new Date() });
    expect(await all()).toEqual(['T-1']);
    expect(await isConflictedWith(db, memberId, ids[4]!)).toBe(true);
    expect(await isConflictedWith(db, memberId, ids[1]!)).toBe(false);
    // A company recorded as related hides its proposals too; another person is not affected.
    await insertRelatedOrganisation(db, memberId, (await db.selectFrom('applications').select('applicant_organisation_id').where('id', '=', ids[1]!).executeTakeFirstOrThrow()).applicant_organisation_id);
    expect(await all()).toEqual([]);
    expect((await query({ viewerId: ids[0]!, limit: 10 })).total).toBe(4);
    const ranked = await listProposalsOfProgramme(db, { programmeId, statuses: ['submitted', 'under_review', 'returned'], seenBy: memberId });
    expect(ranked).toEqual([]);
    await db.deleteFrom('review_conflict_declarations').execute();
    await db.deleteFrom('review_related_organisations').execute();
  });

  it('writes the ledger only on the version it read, and the database refuses over-commitment', async () => {
    await ensureLedger(database.db, programmeId, 1_000, null);
    await ensureLedger(database.db, programmeId, 5_000, null);
    const ledger = await findLedger(database.db, programmeId);
    expect([ledger?.budget_yen, ledger?.version]).toEqual([1_000, 0]);
    const first = await updateLedgerIfVersion(database.db, { programmeId, expectedVersion: 0, budgetYen: 1_000, committedYen: 600, at: new Date() });
    expect(first?.version).toBe(1);
    const stale = await updateLedgerIfVersion(database.db, { programmeId, expectedVersion: 0, budgetYen: 1_000, committedYen: 900, at: new Date() });
    expect(stale).toBeUndefined();
    await expect(
      updateLedgerIfVersion(database.db, { programmeId, expectedVersion: 1, budgetYen: 1_000, committedYen: 1_001, at: new Date() }),
    ).rejects.toThrow(/budget_ledgers_within_budget/);
    expect((await findLedger(database.db, programmeId))?.committed_yen).toBe(600);
  });
});
