import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_SORTS } from '@tsumiki/domain/review';
import { isReceived, type TApplicationStatus } from '@tsumiki/domain';
import type { Database } from './client';
import { insertApplication } from './repositories/applications.repository';
import { insertMembership, insertUser } from './repositories/users.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { insertConflictDeclaration, insertRelatedOrganisation } from './repositories/review-conflicts.repository';
import { listReviewQueue, type QueueQuery } from './repositories/review-queue.repository';
import { testBackends } from './testing';

/**
 * The queue at scale reads differently: keyset pages (after the last row seen), trigram-indexed
 * search, and tab counts from the kept per-status counts less the viewer's conflicts. Each is held
 * here to the plain answer: every page walk equals the offset listing, every count the rows listed.
 */
const backends = await testBackends();

const STATUSES: TApplicationStatus[] = ['submitted', 'under_review', 'returned', 'draft', 'submitted', 'selected'];

describe.each(backends)('review queue paging and counts on $name', (backend) => {
  let database: Database;
  let programmeId: string;
  let viewerId: string;
  let applicantOrgs: string[] = [];
  let ids: string[] = [];

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    applicantOrgs = [];
    for (const [ja, en] of [['杉山木材', 'Sugiyama Timber'], ['東北CLT', 'Tohoku CLT'], ['九州集成材', 'Kyushu Glulam']] as const) {
      applicantOrgs.push((await insertOrganisation(db, { kind: 'applicant', name_ja: ja, name_en: en, short_name_ja: null })).id);
    }
    const author = await insertUser(db, { email: 'author@example.jp', displayName: 'author', passwordHash: 'x' });
    const viewer = await insertUser(db, { email: 'staff@example.jp', displayName: 'staff', passwordHash: 'x' });
    viewerId = viewer.id;
    await insertMembership(db, { userId: viewer.id, organisationId: office.id, role: 'reviewer' });
    const programme = await insertProgramme(db, {
      code: 'p1',
      kind: 'clt_demonstration',
      name_ja: 'p1',
      name_en: 'p1',
      fiscal_year: 2026,
      window_opens_at: new Date('2026-03-05T15:00:00Z'),
      window_closes_at: new Date('2026-04-06T04:00:00Z'),
      budget_yen: 1_000,
      office_organisation_id: office.id,
    });
    programmeId = programme.id;
    ids = [];
    for (let i = 0; i < 30; i++) {
      const a = await insertApplication(db, {
        programmeId,
        organisationId: applicantOrgs[i % 3]!,
        createdBy: author.id,
        title: `木造${i % 4 === 0 ? '実証' : '事務所'}棟 第${i}号`,
        content: { programme: 'clt_demonstration' },
      });
      const status = STATUSES[i % STATUSES.length]!;
      // Ties (equal amounts and times) and missing values, which keyset paging must step over.
      await db
        .updateTable('applications')
        .set({
          status,
          submitted_at: isReceived(status) ? new Date(Date.UTC(2026, 3, 1 + (i % 7))) : null,
          tracking_number: i % 5 === 0 ? null : `CLT-${String(i).padStart(3, '0')}`,
          requested_grant_yen: i % 6 === 1 ? null : (i % 4) * 1_000,
        })
        .where('id', '=', a.id)
        .execute();
      ids.push(a.id);
    }
  });
  afterAll(() => database?.close());

  const base = (over: Partial<QueueQuery> = {}): QueueQuery => ({
    viewerId,
    programmeIds: [programmeId],
    sort: 'submitted_at',
    direction: 'desc',
    limit: 1_000,
    offset: 0,
    ...over,
  });

  type QueueRow = Awaited<ReturnType<typeof listReviewQueue>>['rows'][number];
  /** What a numeric or time sort orders by; texts follow the database's collation, which JavaScript does not reproduce, so they are not checked here. */
  function sortValueOf(r: QueueRow, sort: (typeof QUEUE_SORTS)[number]): string | number | null {
    switch (sort) {
      case 'submitted_at':
        return r.submittedAt ? r.submittedAt.getTime() : null;
      case 'updated_at':
        return r.updatedAt.getTime();
      case 'requested_grant':
        return r.requestedGrantYen;
      default:
        return null;
    }
  }

  async function walk(q: QueueQuery, pageSize: number) {
    const seen: string[] = [];
    let page = await listReviewQueue(database.db, { ...q, limit: pageSize });
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listReviewQueue(database.db, { ...q, limit: pageSize, after: page.nextCursor });
      seen.push(...page.rows.map((r) => r.id));
    }
    return seen;
  }

  it('walks every sort both ways by keyset to the same rows, in the same order, as by offset', async () => {
    for (const sort of QUEUE_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const rows = (await listReviewQueue(database.db, base({ sort, direction }))).rows;
        const all = rows.map((r) => r.id);
        expect(all).toHaveLength(25);
        // The page is chosen in an inner query and enriched outside it: the order must survive.
        const values = rows.map((r) => sortValueOf(r, sort));
        const present = values.filter((v) => v !== null);
        expect(values.slice(0, present.length).every((v) => v !== null), `${sort} ${direction}: nulls last`).toBe(true);
        const ordered = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(present, `${sort} ${direction}: sorted`).toEqual(direction === 'asc' ? ordered : ordered.reverse());
        expect(await walk(base({ sort, direction }), 4), `${sort} ${direction}`).toEqual(all);
        const byOffset: string[] = [];
        for (let offset = 0; offset < all.length; offset += 4) {
          byOffset.push(...(await listReviewQueue(database.db, base({ sort, direction, limit: 4, offset }))).rows.map((r) => r.id));
        }
        expect(byOffset, `${sort} ${direction}`).toEqual(all);
      }
    }
  });

  it('keyset pages under a status filter and a search too', async () => {
    const q = base({ sort: 'requested_grant', direction: 'asc', statuses: ['submitted', 'returned'], search: '事務所' });
    const all = (await listReviewQueue(database.db, q)).rows;
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((r) => r.title.includes('事務所') && ['submitted', 'returned'].includes(r.status))).toBe(true);
    expect(await walk(q, 3)).toEqual(all.map((r) => r.id));
  });

  it('searches titles, tracking numbers and applicant names (Japanese and English) by substring', async () => {
    const titles = async (search: string) => (await listReviewQueue(database.db, base({ search }))).rows;
    expect((await titles('実証棟')).every((r) => r.title.includes('実証棟'))).toBe(true);
    expect((await titles('実証棟')).length).toBe(8);
    expect((await titles('clt-01')).map((r) => r.trackingNumber).sort()).toEqual(['CLT-011', 'CLT-012', 'CLT-013', 'CLT-014', 'CLT-016', 'CLT-017', 'CLT-018', 'CLT-019']);
    expect(new Set((await titles('集成')).map((r) => r.applicantNameJa))).toEqual(new Set(['九州集成材']));
    expect(new Set((await titles('tohoku')).map((r) => r.applicantNameEn))).toEqual(new Set(['Tohoku CLT']));
    // Short searches (fewer than three characters: no trigram) still find their rows.
    expect((await titles('号')).length).toBe(25);
    expect((await titles('zz')).length).toBe(0);
  });

  it('pages a search from one scan of its matches as the unfiltered queue pages, by keyset and by offset, with its counts', async () => {
    // Every title has 号: the search matches all 25, so its pages must be the queue's own.
    for (const sort of QUEUE_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = (await listReviewQueue(database.db, base({ sort, direction }))).rows.map((r) => r.id);
        const searched = base({ sort, direction, search: '号' });
        const first = await listReviewQueue(database.db, searched);
        expect(first.rows.map((r) => r.id), `${sort} ${direction}`).toEqual(all);
        expect(first.total).toBe(25);
        expect(await walk(searched, 4), `${sort} ${direction}`).toEqual(all);
        const byOffset: string[] = [];
        for (let offset = 0; offset < all.length; offset += 4) {
          byOffset.push(...(await listReviewQueue(database.db, { ...searched, limit: 4, offset })).rows.map((r) => r.id));
        }
        expect(byOffset, `${sort} ${direction}`).toEqual(all);
      }
    }
    // A page past the end has no rows, and still the counts of what matched.
    const past = await listReviewQueue(database.db, base({ search: '号', offset: 100 }));
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(25);
    expect(past.counts).toEqual((await listReviewQueue(database.db, base())).counts);
    // An empty first page under a status filter: the other statuses still counted.
    const emptyTab = await listReviewQueue(database.db, base({ search: '号', statuses: ['withdrawn'] }));
    expect(emptyTab.rows).toEqual([]);
    expect(emptyTab.counts).toEqual(past.counts);
    expect(emptyTab.total).toBe(0);
    // A first page of every status that is empty: nothing matched, and nothing is counted.
    const none = await listReviewQueue(database.db, base({ search: '見当たらない語' }));
    expect(none).toMatchObject({ rows: [], counts: {}, total: 0, nextCursor: null });
  });

  async function expectCountsMatchRows(q: QueueQuery) {
    const page = await listReviewQueue(database.db, q);
    const expected: Partial<Record<TApplicationStatus, number>> = {};
    for (const r of page.rows) expected[r.status] = (expected[r.status] ?? 0) + 1;
    expect(page.counts).toEqual(expected);
    expect(page.total).toBe(page.rows.length);
  }

  it('counts per status from the kept counts, less each kind of conflict, as the rows listed', async () => {
    const { db } = database;
    await expectCountsMatchRows(base());
    // A declared conflict on one proposal; a related company (all of that applicant's proposals).
    await insertConflictDeclaration(db, { applicationId: ids[2]!, programmeId, memberId: viewerId, conflicts: [{ kind: 'consulted_self' }], at: new Date() });
    await expectCountsMatchRows(base());
    await insertConflictDeclaration(db, { applicationId: ids[4]!, programmeId, memberId: viewerId, conflicts: [{ kind: 'related_company' }], at: new Date() });
    await expectCountsMatchRows(base());
    await insertRelatedOrganisation(db, viewerId, applicantOrgs[2]!);
    await expectCountsMatchRows(base());
    // A status change and a deletion keep the kept counts true.
    await db.updateTable('applications').set({ status: 'under_review' }).where('id', 'in', [ids[0]!, ids[6]!]).execute();
    await db.deleteFrom('applications').where('id', '=', ids[12]!).execute();
    await expectCountsMatchRows(base());
    const kept = await db.selectFrom('application_status_counts').select(['status', 'applications']).where('programme_id', '=', programmeId).execute();
    const actual = await db.selectFrom('applications').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('programme_id', '=', programmeId).groupBy('status').execute();
    // Drafts are not kept: the queue never shows them.
    expect(Object.fromEntries(kept.filter((k) => Number(k.applications) > 0).map((k) => [k.status, Number(k.applications)]))).toEqual(
      Object.fromEntries(actual.filter((a) => isReceived(a.status)).map((a) => [a.status, Number(a.n)])),
    );
    // Having applied to the programme hides all of it, and only it: a second programme of the
    // office, with a conflicted proposal of its own, is counted as listed beside it.
    const office = await db.selectFrom('programmes').select('office_organisation_id').where('id', '=', programmeId).executeTakeFirstOrThrow();
    const other = await insertProgramme(db, {
      code: 'p2',
      kind: 'clt_demonstration',
      name_ja: 'p2',
      name_en: 'p2',
      fiscal_year: 2026,
      window_opens_at: new Date('2026-03-05T15:00:00Z'),
      window_closes_at: new Date('2026-04-06T04:00:00Z'),
      budget_yen: 1_000,
      office_organisation_id: office.office_organisation_id,
    });
    const { created_by: author } = await db.selectFrom('applications').select('created_by').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    for (const organisationId of [applicantOrgs[0]!, applicantOrgs[1]!, applicantOrgs[2]!]) {
      const a = await insertApplication(db, { programmeId: other.id, organisationId, createdBy: author, title: 'p2', content: { programme: 'clt_demonstration' } });
      await db.updateTable('applications').set({ status: 'submitted', submitted_at: new Date() }).where('id', '=', a.id).execute();
    }
    const both = base({ programmeIds: [programmeId, other.id] });
    await db.updateTable('applications').set({ created_by: viewerId }).where('id', '=', ids[3]!).execute();
    expect((await listReviewQueue(db, base())).total).toBe(0);
    await expectCountsMatchRows(base());
    // applicantOrgs[2] is related to the viewer: two of the second programme's three are shown.
    expect((await listReviewQueue(db, both)).total).toBe(2);
    await expectCountsMatchRows(both);
  });
});
