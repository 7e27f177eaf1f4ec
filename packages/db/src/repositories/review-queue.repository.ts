import type { TApplicationStatus } from '@tsumiki/domain';
import type { TQueueSort } from '@tsumiki/domain/review';
import { sql } from 'kysely';
import { withContent } from './content';
import type { Executor } from './executor';
import { notConflictedWith } from './review-conflicts.repository';

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
}

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

const NO_PROGRAMME = '00000000-0000-0000-0000-000000000000';

function queueBase(db: Executor, q: Omit<QueueQuery, 'statuses' | 'sort' | 'direction' | 'limit' | 'offset'>) {
  const viewer = q.viewerId;
  const assigned = q.assignedProgrammeIds ?? [];
  let query = db
    .selectFrom('applications')
    .innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id')
    // Drafts are the applicant's own: a reviewer never sees them.
    .where('applications.status', '!=', 'draft')
    .where((eb) =>
      eb.or([
        eb('applications.programme_id', 'in', q.programmeIds.length ? [...q.programmeIds] : [NO_PROGRAMME]),
        eb.and([
          eb('applications.programme_id', 'in', assigned.length ? [...assigned] : [NO_PROGRAMME]),
          eb.exists(
            eb
              .selectFrom('review_assignments')
              .select('review_assignments.id')
              .whereRef('review_assignments.application_id', '=', 'applications.id')
              .where('review_assignments.member_id', '=', viewer),
          ),
        ]),
      ]),
    )
    .where(notConflictedWith(viewer));
  if (q.programmeId) query = query.where('applications.programme_id', '=', q.programmeId);
  const search = q.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    query = query.where((eb) =>
      eb.or([
        eb('applications.title', 'ilike', pattern),
        eb('applications.tracking_number', 'ilike', pattern),
        eb('organisations.name_ja', 'ilike', pattern),
        eb('organisations.name_en', 'ilike', pattern),
      ]),
    );
  }
  if (q.minRequestedYen !== undefined) query = query.where('applications.requested_grant_yen', '>=', q.minRequestedYen);
  if (q.maxRequestedYen !== undefined) query = query.where('applications.requested_grant_yen', '<=', q.maxRequestedYen);
  if (q.submittedFrom) query = query.where('applications.submitted_at', '>=', q.submittedFrom);
  if (q.submittedTo) query = query.where('applications.submitted_at', '<', q.submittedTo);
  return query;
}

/**
 * One page of the review queue with the total and the count per status (for the tabs), all under
 * the same filters except the status filter itself, so the tabs show what each would hold.
 */
export async function listReviewQueue(db: Executor, q: QueueQuery) {
  const base = queueBase(db, q);
  const filtered = q.statuses && q.statuses.length > 0 ? base.where('applications.status', 'in', [...q.statuses]) : base;
  const column = SORT_COLUMN[q.sort];
  const [rows, counts] = await Promise.all([
    filtered
      .innerJoin('programmes', 'programmes.id', 'applications.programme_id')
      .select([
        'applications.id',
        'applications.title',
        'applications.status',
        'applications.version',
        'applications.tracking_number as trackingNumber',
        'applications.requested_grant_yen as requestedGrantYen',
        'applications.submitted_at as submittedAt',
        'applications.updated_at as updatedAt',
        'applications.programme_id as programmeId',
        'programmes.kind as programmeKind',
        'programmes.name_ja as programmeNameJa',
        'programmes.name_en as programmeNameEn',
        'organisations.id as organisationId',
        'organisations.name_ja as applicantNameJa',
        'organisations.name_en as applicantNameEn',
      ])
      .select((eb) =>
        eb
          .selectFrom('review_assignments')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('review_assignments.application_id', '=', 'applications.id')
          .as('assignedCount'),
      )
      .orderBy(column, (ob) => (q.direction === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
      .orderBy('applications.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base
      .select(['applications.status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('applications.status')
      .execute(),
  ]);
  const byStatus: Partial<Record<TApplicationStatus, number>> = {};
  for (const c of counts) byStatus[c.status] = Number(c.count);
  const total = q.statuses && q.statuses.length > 0
    ? q.statuses.reduce((s, status) => s + (byStatus[status] ?? 0), 0)
    : Object.values(byStatus).reduce((s, n) => s + n, 0);
  return {
    rows: rows.map((r) => ({ ...r, assignedCount: Number(r.assignedCount ?? 0) })),
    total,
    counts: byStatus,
  };
}

/** Programmes whose office is one of these organisations. */
export function listProgrammeIdsOfOffices(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programmes')
    .select(['id', 'kind', 'code', 'name_ja', 'name_en', 'budget_yen', 'office_organisation_id'])
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
