import type { TApplicationStatus } from '@tsumiki/domain';
import type { TQueueCursor, TQueueSort } from '@tsumiki/domain/review';
import { sql, type OrderByItemBuilder } from 'kysely';
import { withContent } from './content';
import type { Executor } from './executor';
import { conflictCandidatesOf, conflictedWith, notConflictedWith, programmesAppliedToBy } from './review-conflicts.repository';

/* ───────────────────────────── queue ───────────────────────────── */

/** The sorts are the domain's (ZQueueFilters); the SQL for each is below. */
export { QUEUE_SORTS } from '@tsumiki/domain/review';
export type QueueSort = TQueueSort;

export interface QueueQuery {
  /** Who is looking: their conflicts of interest hide proposals whatever role they look with. */
  viewerId: string;
  /** Programmes where the viewer sees every received application (staff of the office). */
  programmeIds: readonly string[];
  /** Programmes where the viewer sees only what is assigned to them (committee). */
  assignedProgrammeIds?: readonly string[] | undefined;
  /** Narrow to one programme. */
  programmeId?: string | undefined;
  statuses?: readonly TApplicationStatus[] | undefined;
  /** Title, tracking number or applicant name (case-insensitive, substring). */
  search?: string | undefined;
  /** Filter on the requested grant (yen). */
  minRequestedYen?: number | undefined;
  maxRequestedYen?: number | undefined;
  submittedFrom?: Date | undefined;
  submittedTo?: Date | undefined;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** Keyset paging: the rows after this one in the chosen order (then `offset` is not used). */
  after?: QueueCursor | undefined;
}

/** Where a page ended: the last row's sort value and id (the domain's ZQueueCursor). */
export type QueueCursor = TQueueCursor;

const SORT_COLUMN = {
  submitted_at: 'applications.submitted_at',
  tracking_number: 'applications.tracking_number',
  title: 'applications.title',
  applicant: 'organisations.name_ja',
  requested_grant: 'applications.requested_grant_yen',
  status: 'applications.status',
  updated_at: 'applications.updated_at',
} as const satisfies Record<QueueSort, string>;

/** % and _ are literal in a search box. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a queue row shows of its application (its programme and applicant are joined for the page). */
const QUEUE_ROW_COLUMNS = [
  'applications.id',
  'applications.title',
  'applications.status',
  'applications.version',
  'applications.tracking_number as trackingNumber',
  'applications.requested_grant_yen as requestedGrantYen',
  'applications.submitted_at as submittedAt',
  'applications.updated_at as updatedAt',
  'applications.programme_id as programmeId',
  'applications.applicant_organisation_id as organisationId',
] as const;

const NO_PROGRAMME = '00000000-0000-0000-0000-000000000000';
const TIME_SORTS: ReadonlySet<QueueSort> = new Set(['submitted_at', 'updated_at']);

type Scope = Pick<QueueQuery, 'programmeIds' | 'assignedProgrammeIds' | 'programmeId'>;

/** The programmes in view, split by how the viewer sees them, after narrowing to `programmeId`. */
function scopeOf(q: Scope) {
  const narrow = (ids: readonly string[]) => (q.programmeId ? ids.filter((id) => id === q.programmeId) : [...ids]);
  const whole = narrow(q.programmeIds);
  const assignedOnly = narrow(q.assignedProgrammeIds ?? []).filter((id) => !whole.includes(id));
  return { whole, assignedOnly };
}

/** The programmes the query covers when the viewer sees all of each (staff), or null otherwise. */
function wholeProgrammes(q: Scope): string[] | null {
  const { whole, assignedOnly } = scopeOf(q);
  return assignedOnly.length === 0 ? whole : null;
}

const hasFilters = (q: Omit<QueueQuery, 'sort' | 'direction' | 'limit' | 'offset'>) =>
  Boolean(q.search?.trim()) || q.minRequestedYen !== undefined || q.maxRequestedYen !== undefined || q.submittedFrom !== undefined || q.submittedTo !== undefined;

function queueBase(db: Executor, q: Omit<QueueQuery, 'statuses' | 'sort' | 'direction' | 'limit' | 'offset'>) {
  const viewer = q.viewerId;
  let query = db
    .selectFrom('applications')
    // Drafts are the applicant's own: a reviewer never sees them.
    .where('applications.status', '!=', 'draft')
    .where((eb) => {
      const { whole, assignedOnly } = scopeOf(q);
      const inProgrammes = (ids: readonly string[]) => eb('applications.programme_id', 'in', ids.length ? [...ids] : [NO_PROGRAMME]);
      // What is assigned to the viewer, as ids the primary key finds (a committee member has few).
      const assignedToViewer = sql<boolean>`applications.id = any(array(${eb
        .selectFrom('review_assignments')
        .select('review_assignments.application_id')
        .where('review_assignments.member_id', '=', viewer)}))`;
      // Each shape is the plain test its case needs, so the queue's indexes serve it.
      if (assignedOnly.length === 0) return inProgrammes(whole);
      if (whole.length === 0) return eb.and([inProgrammes(assignedOnly), assignedToViewer]);
      return eb.or([inProgrammes(whole), eb.and([inProgrammes(assignedOnly), assignedToViewer])]);
    })
    .where(notConflictedWith(viewer));
  if (q.programmeId) query = query.where('applications.programme_id', '=', q.programmeId);
  const search = q.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    // Case-insensitive as ILIKE is (lower on both sides, in the database's own rules), on the
    // folded columns the database keeps. A term of three characters or more is a LIKE the
    // trigram indexes serve; a shorter one holds no trigram, and its index scan would return every
    // row, so it is a plain substring test (the same rows either way).
    const contains = (column: 'applications.title_folded' | 'applications.tracking_number_folded') =>
      [...search].length >= 3 ? sql<boolean>`${sql.ref(column)} like lower(${pattern})` : sql<boolean>`strpos(${sql.ref(column)}, lower(${search})) > 0`;
    query = query.where((eb) =>
      eb.or([
        contains('applications.title_folded'),
        contains('applications.tracking_number_folded'),
        sql<boolean>`applications.applicant_organisation_id = any(array(${eb
          .selectFrom('organisations as named')
          .select('named.id')
          .where((o) => o.or([o('named.name_ja', 'ilike', pattern), o('named.name_en', 'ilike', pattern)]))}))`,
      ]),
    );
  }
  if (q.minRequestedYen !== undefined) query = query.where('applications.requested_grant_yen', '>=', q.minRequestedYen);
  if (q.maxRequestedYen !== undefined) query = query.where('applications.requested_grant_yen', '<=', q.maxRequestedYen);
  if (q.submittedFrom) query = query.where('applications.submitted_at', '>=', q.submittedFrom);
  if (q.submittedTo) query = query.where('applications.submitted_at', '<', q.submittedTo);
  return query;
}

/** The matching rows counted per status. */
const countMatchesByStatus = (db: Executor, q: QueueQuery) =>
  queueBase(db, q)
    .select(['applications.status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('applications.status')
    .execute();

/**
 * The count per status without filters, over programmes the viewer sees whole: the kept count
 * (application_status_counts) less the proposals the viewer is conflicted with, found through the
 * indexed candidates. A programme the viewer applied to is hidden whole, so it is left out of both.
 */
async function keptCountByStatus(db: Executor, q: QueueQuery, whole: readonly string[]) {
  const programmes = whole.length ? [...whole] : [NO_PROGRAMME];
  // One statement: the kept counts, and the conflicted proposals as negative counts, summed.
  const kept = db
    .selectFrom('application_status_counts')
    .select(['application_status_counts.status', sql<number>`application_status_counts.applications`.as('n')])
    .where('application_status_counts.programme_id', 'in', programmes)
    .where('application_status_counts.programme_id', 'not in', programmesAppliedToBy(q.viewerId))
    .where('application_status_counts.status', '!=', 'draft');
  const conflicted = db
    .selectFrom('applications')
    .select(['applications.status', sql<number>`-count(*)`.as('n')])
    .where('applications.programme_id', 'in', programmes)
    .where('applications.programme_id', 'not in', programmesAppliedToBy(q.viewerId))
    .where('applications.status', '!=', 'draft')
    .where(conflictCandidatesOf(q.viewerId))
    .where(conflictedWith(q.viewerId))
    .groupBy('applications.status');
  const counts = await db
    .selectFrom(kept.unionAll(conflicted).as('c'))
    .select(['c.status', (eb) => eb.fn.sum<number>('c.n').as('count')])
    .groupBy('c.status')
    .execute();
  return counts.map((c) => ({ status: c.status, count: Number(c.count) })).filter((c) => c.count > 0);
}

/** The page's rows: by offset, or (keyset) after a given row, non-null sort values before nulls. */
async function pageRows(db: Executor, q: QueueQuery) {
  const base = queueBase(db, q);
  const filtered = q.statuses && q.statuses.length > 0 ? base.where('applications.status', 'in', [...q.statuses]) : base;
  const column = SORT_COLUMN[q.sort];
  // Times as text: the database keeps microseconds, which a JavaScript Date would round away.
  const cursorValue = TIME_SORTS.has(q.sort) ? sql<string | null>`${sql.ref(column)}::text` : sql<string | number | null>`${sql.ref(column)}`;
  const nullsLast = (ob: OrderByItemBuilder) => (q.direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast());
  // The page is chosen first; its programme and its assignment count are then looked up for its
  // rows alone. Asked in one level, the database computes both for every matching row before the
  // sort keeps a page of them (2,000 counts for a 50-row page of a broad search).
  const rowsOf = (where: ReturnType<typeof sql<boolean>> | null, limit: number, offset: number) => {
    // The applicant's name is joined where the page is sorted by it, and otherwise for the page's
    // rows alone: the estimate of a broad search is poor, and a join planned for a few rows ran
    // as a nested loop over every match.
    const sortedByApplicant = q.sort === 'applicant';
    const page = (where ? filtered.where(where) : filtered)
      .$if(sortedByApplicant, (qb) => qb.innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id'))
      .select(QUEUE_ROW_COLUMNS)
      .select(cursorValue.as('cursorValue'))
      .select(sql<unknown>`${sql.ref(column)}`.as('sortValue'))
      .orderBy(sql.ref(column), nullsLast)
      // Ties in the sort's direction too, so (value, id) is one index order and one row comparison.
      .orderBy('applications.id', q.direction)
      .limit(limit)
      .offset(offset)
      .as('page');
    return db
      .selectFrom(page)
      .innerJoin('programmes', 'programmes.id', 'page.programmeId')
      .innerJoin('organisations', 'organisations.id', 'page.organisationId')
      .select([
        'page.id',
        'page.title',
        'page.status',
        'page.version',
        'page.trackingNumber',
        'page.requestedGrantYen',
        'page.submittedAt',
        'page.updatedAt',
        'page.programmeId',
        'programmes.kind as programmeKind',
        'programmes.name_ja as programmeNameJa',
        'programmes.name_en as programmeNameEn',
        'page.organisationId',
        'organisations.name_ja as applicantNameJa',
        'organisations.name_en as applicantNameEn',
        'page.cursorValue',
      ])
      .select((eb) =>
        eb
          .selectFrom('review_assignments')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('review_assignments.application_id', '=', 'page.id')
          .as('assignedCount'),
      )
      .orderBy('page.sortValue', nullsLast)
      .orderBy('page.id', q.direction)
      .execute();
  };
  const after = q.after;
  if (!after) return rowsOf(null, q.limit, q.offset);
  const beyond = q.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const ref = sql.ref(column);
  if (after.value === null) return rowsOf(sql<boolean>`${ref} is null and applications.id ${beyond} ${after.id}`, q.limit, 0);
  // Rows past the cursor among the non-null values (one index range), then, if the page is not
  // full, the rows with no value, which sort last either way.
  const valued = await rowsOf(sql<boolean>`(${ref}, applications.id) ${beyond} (${after.value}, ${after.id})`, q.limit, 0);
  if (valued.length === q.limit) return valued;
  return [...valued, ...(await rowsOf(sql<boolean>`${ref} is null`, q.limit - valued.length, 0))];
}

/**
 * The page and the count per status from one scan of the matching rows, for the queries whose
 * counts must look at every match anyway (a search or a filter; a committee member's assigned
 * proposals): the matches' id, status and sort value are kept once (materialized), the counts
 * grouped from them and the page sorted from them, and only the page's rows are read whole. Two
 * statements, each scanning the matches, cost a broad search twice the database's time.
 */
async function pageAndCountsInOneScan(db: Executor, q: QueueQuery) {
  const column = SORT_COLUMN[q.sort];
  const matches = queueBase(db, q)
    .$if(q.sort === 'applicant', (qb) => qb.innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id'))
    .select(['applications.id', 'applications.status', sql<string | number | Date | null>`${sql.ref(column)}`.as('sort_value')]);
  const nullsLast = (ob: OrderByItemBuilder) => (q.direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast());
  const beyond = q.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const after = q.after;
  // After a cursor: the rows past it among the non-null values, then every row without one (they
  // sort last either way); after a row without one, the rows without one past its id.
  const pastCursor = !after
    ? null
    : after.value === null
      ? sql<boolean>`matches.sort_value is null and matches.id ${beyond} ${after.id}`
      : sql<boolean>`((matches.sort_value, matches.id) ${beyond} (${after.value}, ${after.id}) or matches.sort_value is null)`;
  const rows = await db
    .with((cte) => cte('matches').materialized(), () => matches)
    .with('page', (qc) =>
      qc
        .selectFrom('matches')
        .select(['matches.id', 'matches.sort_value'])
        .$if(Boolean(q.statuses?.length), (qb) => qb.where('matches.status', 'in', [...q.statuses!]))
        .$if(pastCursor !== null, (qb) => qb.where(pastCursor!))
        .orderBy('matches.sort_value', nullsLast)
        .orderBy('matches.id', q.direction)
        .limit(q.limit)
        .offset(after ? 0 : q.offset),
    )
    .selectFrom('page')
    .innerJoin('applications', 'applications.id', 'page.id')
    .innerJoin('programmes', 'programmes.id', 'applications.programme_id')
    .innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id')
    .select(QUEUE_ROW_COLUMNS)
    .select([
      'programmes.kind as programmeKind',
      'programmes.name_ja as programmeNameJa',
      'programmes.name_en as programmeNameEn',
      'organisations.name_ja as applicantNameJa',
      'organisations.name_en as applicantNameEn',
    ])
    // Times as text: the database keeps microseconds, which a JavaScript Date would round away.
    .select((TIME_SORTS.has(q.sort) ? sql<string | null>`page.sort_value::text` : sql<string | number | null>`page.sort_value`).as('cursorValue'))
    .select((eb) =>
      eb
        .selectFrom('review_assignments')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('review_assignments.application_id', '=', 'page.id')
        .as('assignedCount'),
    )
    // The same for every row: computed once, from the matches already kept.
    .select(sql<Record<string, number | string> | null>`(select json_object_agg(c.status, c.n) from (select matches.status, count(*) as n from matches group by matches.status) as c)`.as('counts'))
    .orderBy('page.sort_value', nullsLast)
    .orderBy('page.id', q.direction)
    .execute();
  // A page past the end has no row to carry the counts: they are asked for alone.
  const counts = rows[0]
    ? Object.entries(rows[0].counts ?? {}).map(([status, count]) => ({ status: status as TApplicationStatus, count: Number(count) }))
    : await countMatchesByStatus(db, q);
  return { rows: rows.map(({ counts: _, ...row }) => row), counts };
}

/**
 * One page of the review queue with the total and the count per status (for the tabs), all under
 * the same filters except the status filter itself, so the tabs show what each would hold.
 * `nextCursor` continues after the page's last row (null when the page is not full).
 */
export async function listReviewQueue(db: Executor, q: QueueQuery) {
  // Unfiltered, over programmes seen whole, the counts are kept; otherwise they scan the matches.
  const whole = wholeProgrammes(q);
  const { rows, counts } =
    whole && !hasFilters(q)
      ? await Promise.all([pageRows(db, q), keptCountByStatus(db, q, whole)]).then(([rows, counts]) => ({ rows, counts }))
      : await pageAndCountsInOneScan(db, q);
  const byStatus: Partial<Record<TApplicationStatus, number>> = {};
  for (const c of counts) byStatus[c.status] = Number(c.count);
  const total = q.statuses && q.statuses.length > 0
    ? q.statuses.reduce((s, status) => s + (byStatus[status] ?? 0), 0)
    : Object.values(byStatus).reduce((s, n) => s + n, 0);
  const last = rows.length === q.limit ? rows.at(-1) : undefined;
  return {
    rows: rows.map(({ cursorValue: _, ...r }) => ({ ...r, assignedCount: Number(r.assignedCount ?? 0) })),
    total,
    counts: byStatus,
    nextCursor: last ? { value: last.cursorValue, id: last.id } : null,
  };
}

/** Programmes whose office is one of these organisations. */
export function listProgrammeIdsOfOffices(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programmes')
    .select(['id', 'kind', 'code', 'name_ja', 'name_en', 'budget_yen', 'office_organisation_id', 'status'])
    .where('office_organisation_id', 'in', [...organisationIds])
    .orderBy('window_closes_at', 'desc')
    .execute();
}

/**
 * Applications of a programme past submission, with their latest frozen version (for rankings).
 * `seenBy` leaves out what that person is conflicted with; null gives every proposal, only for a
 * computation that needs all of them (averages, exclusions) and narrows its output afterwards.
 */
export async function listProposalsOfProgramme(db: Executor, q: { programmeId: string; statuses: readonly TApplicationStatus[]; seenBy: string | null }) {
  if (q.statuses.length === 0) return Promise.resolve([]);
  const query = db
    .selectFrom('applications')
    .innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id')
    .innerJoin('application_submissions', (join) =>
      join
        .onRef('application_submissions.application_id', '=', 'applications.id')
        .on((eb) =>
          eb(
            'application_submissions.version_no',
            '=',
            eb
              .selectFrom('application_submissions as s2')
              .select((e) => e.fn.max('s2.version_no').as('v'))
              .whereRef('s2.application_id', '=', 'applications.id'),
          ),
        ),
    )
    .select([
      'applications.id',
      'applications.title',
      'applications.status',
      'applications.applicant_organisation_id as organisationId',
      'applications.created_by as createdBy',
      'applications.tracking_number as trackingNumber',
      'applications.submitted_at as firstSubmittedAt',
      'applications.definition_version_id as definitionVersionId',
      'organisations.name_ja as applicantNameJa',
      'organisations.name_en as applicantNameEn',
      'application_submissions.content',
      'application_submissions.submitted_by as submittedBy',
      'application_submissions.submitted_at as submittedAt',
      'application_submissions.requested_grant_yen as requestedGrantYen',
    ])
    .where('applications.programme_id', '=', q.programmeId)
    .where('applications.status', 'in', [...q.statuses]);
  const rows = await (q.seenBy === null ? query : query.where(notConflictedWith(q.seenBy))).execute();
  return rows.map((row) => withContent(row.id, row));
}

/** For the bench and the demo: how many applications a programme holds, by status. */
export async function countApplicationsByStatus(db: Executor, programmeId: string) {
  const rows = await db
    .selectFrom('applications')
    .select(['status', sql<number>`count(*)`.as('count')])
    .where('programme_id', '=', programmeId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)])) as Partial<Record<TApplicationStatus, number>>;
}
