import type { TApplicationStatus } from '@tsumiki/domain';
import type { TQueueCursor, TQueueSort } from '@tsumiki/domain/review';
import { sql, type ExpressionBuilder, type OrderByItemBuilder } from 'kysely';
import type { DB } from '../schema';
import { boundStatement, statementBuilder } from './bound-statement';
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

const hasFilters = (q: Omit<QueueQuery, 'sort' | 'direction' | 'limit' | 'offset'>) =>
  Boolean(q.search?.trim()) || q.minRequestedYen !== undefined || q.maxRequestedYen !== undefined || q.submittedFrom !== undefined || q.submittedTo !== undefined;

/**
 * What decides a queue statement's text. The statements are bound statements (boundStatement):
 * built once per shape, each page binding its values.
 */
interface QueueShape {
  sort: QueueSort;
  direction: 'asc' | 'desc';
  /**
   * Case-insensitive as ILIKE is (lower on both sides, in the database's own rules), on the
   * folded columns the database keeps. A term of three characters or more is a LIKE the trigram
   * indexes serve; one of two characters (熊本, 庁舎) holds no trigram, so the bigram indexes find
   * it; a single character is a plain substring test over the rows in view. The same rows each way.
   */
  searchBy: SearchIndex;
  /** Keyset paging: after a row with a sort value, after a row without one, or by offset. */
  after: 'value' | 'no-value' | null;
}

type SearchIndex = 'trigram' | 'bigram' | 'none';

/**
 * Two characters whose lower case is two characters (not, say, 「İ」, lowered to two) are one
 * bigram, in the index exactly where the text contains them.
 */
const searchIndexFor = (term: string): SearchIndex => {
  const characters = [...term];
  if (characters.length >= 3) return 'trigram';
  return characters.length === 2 && characters.every((c) => [...c.toLowerCase()].length === 1) ? 'bigram' : 'none';
};

/** What a queue statement binds, worked out from the query before any statement is built. */
interface QueueValues {
  viewerId: string;
  /** Programmes the viewer sees whole (staff of the office), and those seen only as assigned (committee). */
  whole: string[];
  assignedOnly: string[];
  programmeId: string | null;
  statuses: TApplicationStatus[] | null;
  search: { text: string; pattern: string } | null;
  minRequestedYen: number | null;
  maxRequestedYen: number | null;
  submittedFrom: Date | null;
  submittedTo: Date | null;
  limit: number;
  offset: number;
  afterValue: string | number | null;
  afterId: string | null;
}

function queueStatementOf(q: QueueQuery): { shape: QueueShape; values: QueueValues } {
  const { whole, assignedOnly } = scopeOf(q);
  const search = q.search?.trim();
  return {
    shape: {
      sort: q.sort,
      direction: q.direction,
      searchBy: search ? searchIndexFor(search) : 'none',
      after: !q.after ? null : q.after.value === null ? 'no-value' : 'value',
    },
    values: {
      viewerId: q.viewerId,
      whole,
      assignedOnly,
      programmeId: q.programmeId ? q.programmeId : null,
      statuses: q.statuses && q.statuses.length > 0 ? [...q.statuses] : null,
      search: search ? { text: search, pattern: likePattern(search) } : null,
      minRequestedYen: q.minRequestedYen ?? null,
      maxRequestedYen: q.maxRequestedYen ?? null,
      submittedFrom: q.submittedFrom ?? null,
      submittedTo: q.submittedTo ?? null,
      limit: q.limit,
      offset: q.offset,
      afterValue: q.after?.value ?? null,
      afterId: q.after?.id ?? null,
    },
  };
}

function queueBase(shape: QueueShape, v: QueueValues) {
  let query = statementBuilder
    .selectFrom('applications')
    // Drafts are the applicant's own: a reviewer never sees them. Written out, not bound, so the
    // indexes that leave drafts out are seen to apply whatever plan the statement gets.
    .where(sql<boolean>`applications.status <> 'draft'`)
    .where((eb) => {
      const inProgrammes = (ids: string[]) => eb('applications.programme_id', 'in', ids.length ? ids : [NO_PROGRAMME]);
      // What is assigned to the viewer, as ids the primary key finds (a committee member has few).
      const assignedToViewer = sql<boolean>`applications.id = any(array(${eb
        .selectFrom('review_assignments')
        .select('review_assignments.application_id')
        .where('review_assignments.member_id', '=', v.viewerId)}))`;
      // Each shape is the plain test its case needs, so the queue's indexes serve it.
      if (v.assignedOnly.length === 0) return inProgrammes(v.whole);
      if (v.whole.length === 0) return eb.and([inProgrammes(v.assignedOnly), assignedToViewer]);
      return eb.or([inProgrammes(v.whole), eb.and([inProgrammes(v.assignedOnly), assignedToViewer])]);
    })
    .where(notConflictedWith(v.viewerId));
  if (v.programmeId !== null) query = query.where('applications.programme_id', '=', v.programmeId);
  const search = v.search;
  if (search) {
    const contains = (folded: 'applications.title_folded' | 'applications.tracking_number_folded', bigrams: 'applications.title_bigrams' | 'applications.tracking_number_bigrams') =>
      shape.searchBy === 'trigram'
        ? sql<boolean>`${sql.ref(folded)} like lower(${search.pattern})`
        : shape.searchBy === 'bigram'
          ? // The term's one bigram, in the index: a row holds it exactly when its text contains the term.
            sql<boolean>`${sql.ref(bigrams)} @> array[lower(${search.text})]`
          : sql<boolean>`strpos(${sql.ref(folded)}, lower(${search.text})) > 0`;
    query = query.where((eb) =>
      eb.or([
        contains('applications.title_folded', 'applications.title_bigrams'),
        contains('applications.tracking_number_folded', 'applications.tracking_number_bigrams'),
        applicantNamed(eb, shape.searchBy !== 'none', search.pattern),
      ]),
    );
  }
  if (v.minRequestedYen !== null) query = query.where('applications.requested_grant_yen', '>=', v.minRequestedYen);
  if (v.maxRequestedYen !== null) query = query.where('applications.requested_grant_yen', '<=', v.maxRequestedYen);
  if (v.submittedFrom !== null) query = query.where('applications.submitted_at', '>=', v.submittedFrom);
  if (v.submittedTo !== null) query = query.where('applications.submitted_at', '<', v.submittedTo);
  return query;
}

/**
 * The applicant's name matches the search. Where the title and tracking number are searched by
 * index, as an array the applicant index can take (the search is then an OR of index scans); for a
 * single character, which scans every row of the programmes anyway, as a hashed subquery: an array
 * is searched from its start for every row (a scanning search matching 140 applicants: 0.3 ms of
 * its 3.6 ms).
 */
function applicantNamed(eb: ExpressionBuilder<DB, 'applications'>, indexed: boolean, pattern: string) {
  const named = eb
    .selectFrom('organisations as named')
    .select('named.id')
    .where((o) => o.or([o('named.name_ja', 'ilike', pattern), o('named.name_en', 'ilike', pattern)]));
  return indexed ? sql<boolean>`applications.applicant_organisation_id = any(array(${named}))` : eb('applications.applicant_organisation_id', 'in', named);
}

/** The matching rows counted per status. */
const matchCountsByStatus = boundStatement((shape: QueueShape, v: QueueValues) =>
  queueBase(shape, v)
    .select(['applications.status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('applications.status'),
);

/**
 * The count per status without filters, over programmes the viewer sees whole: the kept count
 * (application_status_counts) less the proposals the viewer is conflicted with, found through the
 * indexed candidates. A programme the viewer applied to is hidden whole, so it is left out of both.
 */
const keptCountsByStatus = boundStatement((_: null, v: { viewerId: string; programmes: string[] }) => {
  // One statement: the kept counts, and the conflicted proposals as negative counts, summed.
  const kept = statementBuilder
    .selectFrom('application_status_counts')
    .select(['application_status_counts.status', sql<number>`application_status_counts.applications`.as('n')])
    .where('application_status_counts.programme_id', 'in', v.programmes)
    .where('application_status_counts.programme_id', 'not in', programmesAppliedToBy(v.viewerId))
    .where('application_status_counts.status', '!=', 'draft');
  const conflicted = statementBuilder
    .selectFrom('applications')
    .select(['applications.status', sql<number>`-count(*)`.as('n')])
    .where('applications.programme_id', 'in', v.programmes)
    .where('applications.programme_id', 'not in', programmesAppliedToBy(v.viewerId))
    .where('applications.status', '!=', 'draft')
    .where(conflictCandidatesOf(v.viewerId))
    .where(conflictedWith(v.viewerId))
    .groupBy('applications.status');
  return statementBuilder
    .selectFrom(kept.unionAll(conflicted).as('c'))
    .select(['c.status', (eb) => eb.fn.sum<number>('c.n').as('count')])
    .groupBy('c.status');
});

async function keptCountByStatus(db: Executor, viewerId: string, whole: readonly string[]) {
  const counts = await keptCountsByStatus.execute(db, null, { viewerId, programmes: whole.length ? [...whole] : [NO_PROGRAMME] });
  return counts.map((c) => ({ status: c.status, count: Number(c.count) })).filter((c) => c.count > 0);
}

const nullsLastIn = (direction: 'asc' | 'desc') => (ob: OrderByItemBuilder) => (direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast());

/**
 * A page's rows in the queue's order. `cursor` says which of them: by offset; past the cursor
 * among rows without a sort value; past the cursor among rows with one; or rows without one.
 * The page is chosen first; its programme and its assignment count are then looked up for its
 * rows alone. Asked in one level, the database computes both for every matching row before the
 * sort keeps a page of them (2,000 counts for a 50-row page of a broad search).
 */
const pageRowsStatement = boundStatement((shape: QueueShape & { cursor: 'offset' | 'no-value-past-id' | 'value-past' | 'no-value' }, v: QueueValues) => {
  const base = queueBase(shape, v);
  const filtered = v.statuses !== null ? base.where('applications.status', 'in', v.statuses) : base;
  const column = SORT_COLUMN[shape.sort];
  const ref = sql.ref(column);
  const beyond = shape.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const where = {
    offset: null,
    'no-value-past-id': sql<boolean>`${ref} is null and applications.id ${beyond} ${v.afterId}`,
    'value-past': sql<boolean>`(${ref}, applications.id) ${beyond} (${v.afterValue}, ${v.afterId})`,
    'no-value': sql<boolean>`${ref} is null`,
  }[shape.cursor];
  // Times as text: the database keeps microseconds, which a JavaScript Date would round away.
  const cursorValue = TIME_SORTS.has(shape.sort) ? sql<string | null>`${ref}::text` : sql<string | number | null>`${ref}`;
  const nullsLast = nullsLastIn(shape.direction);
  // The applicant's name is joined where the page is sorted by it, and otherwise for the page's
  // rows alone: the estimate of a broad search is poor, and a join planned for a few rows ran
  // as a nested loop over every match.
  const page = (where ? filtered.where(where) : filtered)
    .$if(shape.sort === 'applicant', (qb) => qb.innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id'))
    .select(QUEUE_ROW_COLUMNS)
    .select(cursorValue.as('cursorValue'))
    .select(sql<unknown>`${ref}`.as('sortValue'))
    .orderBy(ref, nullsLast)
    // Ties in the sort's direction too, so (value, id) is one index order and one row comparison.
    .orderBy('applications.id', shape.direction)
    .limit(v.limit)
    .offset(v.offset)
    .as('page');
  return statementBuilder
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
    .orderBy('page.id', shape.direction);
});

/** The page's rows: by offset, or (keyset) after a given row, non-null sort values before nulls. */
async function pageRows(db: Executor, shape: QueueShape, v: QueueValues) {
  const rows = (cursor: 'offset' | 'no-value-past-id' | 'value-past' | 'no-value', limit = v.limit) =>
    pageRowsStatement.execute(db, { ...shape, cursor }, { ...v, limit, offset: cursor === 'offset' ? v.offset : 0 });
  if (shape.after === null) return rows('offset');
  if (shape.after === 'no-value') return rows('no-value-past-id');
  // Rows past the cursor among the non-null values (one index range), then, if the page is not
  // full, the rows with no value, which sort last either way.
  const valued = await rows('value-past');
  if (valued.length === v.limit) return valued;
  return [...valued, ...(await rows('no-value', v.limit - valued.length))];
}

/**
 * The page and the count per status from one scan of the matching rows, for the queries whose
 * counts must look at every match anyway (a search or a filter; a committee member's assigned
 * proposals): the matches' id, status and sort value are kept once (materialized), the counts
 * grouped from them and the page sorted from them, and only the page's rows are read whole. Two
 * statements, each scanning the matches, cost a broad search twice the database's time.
 */
const pageAndCountsStatement = boundStatement((shape: QueueShape, v: QueueValues) => {
  const column = SORT_COLUMN[shape.sort];
  const matches = queueBase(shape, v)
    .$if(shape.sort === 'applicant', (qb) => qb.innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id'))
    .select(['applications.id', 'applications.status', sql<string | number | Date | null>`${sql.ref(column)}`.as('sort_value')]);
  const nullsLast = nullsLastIn(shape.direction);
  const beyond = shape.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  // After a cursor: the rows past it among the non-null values, then every row without one (they
  // sort last either way); after a row without one, the rows without one past its id.
  const pastCursor =
    shape.after === null
      ? null
      : shape.after === 'no-value'
        ? sql<boolean>`matches.sort_value is null and matches.id ${beyond} ${v.afterId}`
        : sql<boolean>`((matches.sort_value, matches.id) ${beyond} (${v.afterValue}, ${v.afterId}) or matches.sort_value is null)`;
  const statuses = v.statuses;
  return statementBuilder
    .with((cte) => cte('matches').materialized(), () => matches)
    .with('page', (qc) =>
      qc
        .selectFrom('matches')
        .select(['matches.id', 'matches.sort_value'])
        .$if(statuses !== null, (qb) => qb.where('matches.status', 'in', statuses!))
        .$if(pastCursor !== null, (qb) => qb.where(pastCursor!))
        .orderBy('matches.sort_value', nullsLast)
        .orderBy('matches.id', shape.direction)
        .limit(v.limit)
        .offset(shape.after !== null ? 0 : v.offset),
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
    .select((TIME_SORTS.has(shape.sort) ? sql<string | null>`page.sort_value::text` : sql<string | number | null>`page.sort_value`).as('cursorValue'))
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
    .orderBy('page.id', shape.direction);
});

async function pageAndCountsInOneScan(db: Executor, shape: QueueShape, v: QueueValues) {
  const rows = await pageAndCountsStatement.execute(db, shape, v);
  if (rows[0]) {
    const counts = Object.entries(rows[0].counts ?? {}).map(([status, count]) => ({ status: status as TApplicationStatus, count: Number(count) }));
    return { rows: rows.map(({ counts: _, ...row }) => row), counts };
  }
  // An empty first page of every status is an empty queue: nothing matched, nothing to count (a
  // committee member with nothing assigned yet asks for it on every visit).
  if (v.statuses === null && v.offset === 0 && shape.after === null && v.limit > 0) return { rows: [], counts: [] };
  // A page past the end, or of a status tab that holds nothing, has no row to carry the counts.
  return { rows: [], counts: await matchCountsByStatus.execute(db, shape, v) };
}

/**
 * One page of the review queue with the total and the count per status (for the tabs), all under
 * the same filters except the status filter itself, so the tabs show what each would hold.
 * `nextCursor` continues after the page's last row (null when the page is not full).
 */
export async function listReviewQueue(db: Executor, q: QueueQuery) {
  const { shape, values } = queueStatementOf(q);
  // Unfiltered, over programmes seen whole, the counts are kept; otherwise they scan the matches.
  const { rows, counts } =
    values.assignedOnly.length === 0 && !hasFilters(q)
      ? await Promise.all([pageRows(db, shape, values), keptCountByStatus(db, q.viewerId, values.whole)]).then(([rows, counts]) => ({ rows, counts }))
      : await pageAndCountsInOneScan(db, shape, values);
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
