import type { TApplicationStatus, TRole } from '@tsumiki/domain';
import type { TQueueSort } from '@tsumiki/domain/review';
import { sql } from 'kysely';
import type { BudgetLedgerEntryTable, ReviewRequestTable, TConflictEntry, TScoreEntry } from '../schema';
import type { Executor } from './executor';

/* ───────────────────────────── queue ───────────────────────────── */

/** The sorts are the domain's (ZQueueFilters); the SQL for each is below. */
export { QUEUE_SORTS } from '@tsumiki/domain/review';
export type QueueSort = TQueueSort;

export interface QueueQuery {
  /** The programmes the caller may see; the queue never leaves them. */
  programmeIds: readonly string[];
  /** Narrow to one programme. */
  programmeId?: string | undefined;
  statuses?: readonly TApplicationStatus[] | undefined;
  /** Title, tracking number or applicant name (case-insensitive, substring). */
  search?: string | undefined;
  /** Only applications assigned to this member (committee). */
  assignedTo?: string | undefined;
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

function queueBase(db: Executor, q: Omit<QueueQuery, 'statuses' | 'sort' | 'direction' | 'limit' | 'offset'>) {
  let query = db
    .selectFrom('applications')
    .innerJoin('organisations', 'organisations.id', 'applications.applicant_organisation_id')
    // Drafts are the applicant's own: a reviewer never sees them.
    .where('applications.status', '!=', 'draft')
    .where('applications.programme_id', 'in', q.programmeIds.length ? [...q.programmeIds] : ['00000000-0000-0000-0000-000000000000']);
  if (q.programmeId) query = query.where('applications.programme_id', '=', q.programmeId);
  if (q.assignedTo) {
    const member = q.assignedTo;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('review_assignments')
          .select('review_assignments.id')
          .whereRef('review_assignments.application_id', '=', 'applications.id')
          .where('review_assignments.member_id', '=', member),
      ),
    );
  }
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

/* ─────────────────────── status and history ─────────────────────── */

/** Moves the status on the version that was read; undefined when someone moved it first. */
export function setApplicationStatusIfVersion(
  db: Executor,
  input: { id: string; expectedVersion: number; status: TApplicationStatus; at: Date },
) {
  return db
    .updateTable('applications')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: input.at, status: input.status }))
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function insertStatusTransition(
  db: Executor,
  t: {
    applicationId: string;
    event: string;
    from: TApplicationStatus;
    to: TApplicationStatus;
    actorUserId: string;
    actorRole: TRole;
    reason: string | null;
    dueAt: Date | null;
    amountYen: number | null;
    notifiedApplicant: boolean;
    at: Date;
  },
) {
  return db
    .insertInto('review_status_transitions')
    .values({
      application_id: t.applicationId,
      event: t.event,
      from_status: t.from,
      to_status: t.to,
      actor_user_id: t.actorUserId,
      actor_role: t.actorRole,
      reason: t.reason,
      due_at: t.dueAt,
      amount_yen: t.amountYen,
      notified_applicant: t.notifiedApplicant,
      occurred_at: t.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTransitionsOfApplication(db: Executor, applicationId: string) {
  return db
    .selectFrom('review_status_transitions')
    .leftJoin('users', 'users.id', 'review_status_transitions.actor_user_id')
    .selectAll('review_status_transitions')
    .select('users.display_name as actorName')
    .where('application_id', '=', applicationId)
    .orderBy('review_status_transitions.id')
    .execute();
}

/* ───────────────────── assignments and conflicts ───────────────────── */

export function insertAssignment(db: Executor, a: { applicationId: string; memberId: string; assignedBy: string }) {
  return db
    .insertInto('review_assignments')
    .values({ application_id: a.applicationId, member_id: a.memberId, assigned_by: a.assignedBy })
    .onConflict((oc) => oc.columns(['application_id', 'member_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function deleteAssignment(db: Executor, applicationId: string, memberId: string) {
  return db
    .deleteFrom('review_assignments')
    .where('application_id', '=', applicationId)
    .where('member_id', '=', memberId)
    .returningAll()
    .executeTakeFirst();
}

export function listAssignmentsOfApplications(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_assignments')
    .innerJoin('users', 'users.id', 'review_assignments.member_id')
    .selectAll('review_assignments')
    .select(['users.display_name as memberName', 'users.email as memberEmail'])
    .where('application_id', 'in', [...applicationIds])
    .orderBy('assigned_at')
    .execute();
}

export function findAssignment(db: Executor, applicationId: string, memberId: string) {
  return db
    .selectFrom('review_assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export function insertConflictDeclaration(
  db: Executor,
  d: { applicationId: string; programmeId: string; memberId: string; conflicts: TConflictEntry[]; at: Date },
) {
  return db
    .insertInto('review_conflict_declarations')
    .values({
      application_id: d.applicationId,
      programme_id: d.programmeId,
      member_id: d.memberId,
      conflicts: JSON.stringify(d.conflicts),
      declared_at: d.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Declarations that matter for a member in a programme: theirs on any of its proposals. */
export function listDeclarationsOfMember(db: Executor, memberId: string, programmeId: string) {
  return db
    .selectFrom('review_conflict_declarations')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('programme_id', '=', programmeId)
    .orderBy('declared_at')
    .execute();
}

export function listDeclarationsOfProgramme(db: Executor, programmeId: string) {
  return db
    .selectFrom('review_conflict_declarations')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('declared_at')
    .execute();
}

export function listRelatedOrganisations(db: Executor, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_related_organisations')
    .select(['member_id', 'organisation_id'])
    .where('member_id', 'in', [...memberIds])
    .execute();
}

export function insertRelatedOrganisation(db: Executor, memberId: string, organisationId: string) {
  return db
    .insertInto('review_related_organisations')
    .values({ member_id: memberId, organisation_id: organisationId })
    .onConflict((oc) => oc.columns(['member_id', 'organisation_id']).doNothing())
    .execute();
}

/** The organisations a user belongs to, in any role (their employer is related to them). */
export function listOrganisationIdsOfUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships')
    .select(['user_id', 'organisation_id'])
    .where('user_id', 'in', [...userIds])
    .execute();
}

/**
 * The people behind applications: who created each and who submitted any version. With
 * `userId`, only the applications of the programme that person is behind (a member who applied).
 */
export function listApplicantUsers(db: Executor, input: { applicationIds?: readonly string[]; programmeId?: string; userId?: string }) {
  let query = db
    .selectFrom('applications')
    .leftJoin('application_submissions', 'application_submissions.application_id', 'applications.id')
    .select([
      'applications.id',
      'applications.programme_id',
      'applications.applicant_organisation_id',
      'applications.created_by',
      'application_submissions.submitted_by',
    ]);
  if (input.applicationIds) {
    if (input.applicationIds.length === 0) return Promise.resolve([]);
    query = query.where('applications.id', 'in', [...input.applicationIds]);
  }
  if (input.programmeId) query = query.where('applications.programme_id', '=', input.programmeId);
  if (input.userId) {
    const user = input.userId;
    query = query.where((eb) => eb.or([eb('applications.created_by', '=', user), eb('application_submissions.submitted_by', '=', user)]));
  }
  return query.execute();
}

/** Users holding a role in one of these organisations (the committee of a programme office). */
export function listUsersWithRole(db: Executor, role: TRole, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name as displayName', 'users.email'])
    .distinct()
    .where('memberships.role', '=', role)
    .where('memberships.organisation_id', 'in', [...organisationIds])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
}

/* ─────────────────────────── scoring ─────────────────────────── */

export function findScoreSheet(db: Executor, applicationId: string, memberId: string) {
  return db
    .selectFrom('review_score_sheets')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/**
 * Writes a member's sheet: a new one, or over the version the member read. Undefined when the
 * stored version moved on (another tab saved first).
 */
export async function saveScoreSheet(
  db: Executor,
  sheet: {
    applicationId: string;
    memberId: string;
    expectedVersion: number | null;
    status: 'draft' | 'submitted';
    scores: TScoreEntry[];
    overallComment: string | null;
    at: Date;
  },
) {
  const values = {
    status: sheet.status,
    scores: JSON.stringify(sheet.scores),
    overall_comment: sheet.overallComment,
    updated_at: sheet.at,
    submitted_at: sheet.status === 'submitted' ? sheet.at : null,
  };
  if (sheet.expectedVersion === null) {
    return db
      .insertInto('review_score_sheets')
      .values({ application_id: sheet.applicationId, member_id: sheet.memberId, ...values })
      .onConflict((oc) => oc.columns(['application_id', 'member_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  return db
    .updateTable('review_score_sheets')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('application_id', '=', sheet.applicationId)
    .where('member_id', '=', sheet.memberId)
    .where('version', '=', sheet.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function listScoreSheets(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('review_score_sheets').selectAll().where('application_id', 'in', [...applicationIds]).execute();
}

export function insertBonusReview(
  db: Executor,
  r: { applicationId: string; item: string; decision: 'confirmed' | 'rejected'; reason: string | null; reviewerId: string; at: Date },
) {
  return db
    .insertInto('review_bonus_reviews')
    .values({ application_id: r.applicationId, item: r.item, decision: r.decision, reason: r.reason, reviewer_id: r.reviewerId, reviewed_at: r.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listBonusReviews(db: Executor, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('review_bonus_reviews')
    .selectAll()
    .where('application_id', 'in', [...applicationIds])
    .orderBy('reviewed_at')
    .execute();
}

/** Applications of a programme past submission, with their latest frozen version (for rankings). */
export function listProposalsOfProgramme(db: Executor, programmeId: string, statuses: readonly TApplicationStatus[]) {
  if (statuses.length === 0) return Promise.resolve([]);
  return db
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
    .where('applications.programme_id', '=', programmeId)
    .where('applications.status', 'in', [...statuses])
    .execute();
}

/* ───────────────────────── requests ───────────────────────── */

export function insertReviewRequest(
  db: Executor,
  r: { applicationId: string; kind: ReviewRequestTable['kind']; message: string; issuedBy: string; issuedAt: Date; dueAt: Date },
) {
  return db
    .insertInto('review_requests')
    .values({ application_id: r.applicationId, kind: r.kind, message: r.message, issued_by: r.issuedBy, issued_at: r.issuedAt, due_at: r.dueAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An answer (resubmission, report, repayment) closes the open requests of that kind. */
export function answerOpenRequests(db: Executor, applicationId: string, kinds: readonly ReviewRequestTable['kind'][], at: Date) {
  if (kinds.length === 0) return Promise.resolve([]);
  return db
    .updateTable('review_requests')
    .set({ answered_at: at })
    .where('application_id', '=', applicationId)
    .where('kind', 'in', [...kinds])
    .where('answered_at', 'is', null)
    .returning(['id'])
    .execute();
}

export function listRequestsOfApplication(db: Executor, applicationId: string) {
  return db.selectFrom('review_requests').selectAll().where('application_id', '=', applicationId).orderBy('issued_at').execute();
}

/* ─────────────────────────── ledger ─────────────────────────── */

export function findLedger(db: Executor, programmeId: string) {
  return db.selectFrom('budget_ledgers').selectAll().where('programme_id', '=', programmeId).executeTakeFirst();
}

/** Locks the ledger row: concurrent decisions on one programme wait here, one at a time. */
export function findLedgerForUpdate(db: Executor, programmeId: string) {
  return db.selectFrom('budget_ledgers').selectAll().where('programme_id', '=', programmeId).forUpdate().executeTakeFirst();
}

/** Opens a programme's ledger if it has none (idempotent). */
export async function ensureLedger(db: Executor, programmeId: string, budgetYen: number, actorUserId: string | null) {
  const created = await db
    .insertInto('budget_ledgers')
    .values({ programme_id: programmeId, budget_yen: budgetYen })
    .onConflict((oc) => oc.column('programme_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (created) {
    await insertLedgerEntry(db, {
      programme_id: programmeId,
      application_id: null,
      kind: 'open',
      amount_yen: 0,
      committed_after_yen: 0,
      budget_after_yen: budgetYen,
      version_after: 0,
      actor_user_id: actorUserId,
    });
  }
}

/** Compare-and-set on the ledger's version; undefined when another writer got there first. */
export function updateLedgerIfVersion(
  db: Executor,
  input: { programmeId: string; expectedVersion: number; budgetYen: number; committedYen: number; at: Date },
) {
  return db
    .updateTable('budget_ledgers')
    .set({ budget_yen: input.budgetYen, committed_yen: input.committedYen, version: input.expectedVersion + 1, updated_at: input.at })
    .where('programme_id', '=', input.programmeId)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

type NewLedgerEntry = Omit<BudgetLedgerEntryTable, 'id' | 'occurred_at'> & { application_id: string | null };
export function insertLedgerEntry(db: Executor, entry: NewLedgerEntry) {
  return db.insertInto('budget_ledger_entries').values(entry).returning(['id']).executeTakeFirstOrThrow();
}

/** Each application's commitment: the sum of its entries, where above zero. */
export async function listCommitments(db: Executor, programmeId: string) {
  const rows = await db
    .selectFrom('budget_ledger_entries')
    .select(['application_id', (eb) => eb.fn.sum<number>('amount_yen').as('amount')])
    .where('programme_id', '=', programmeId)
    .where('application_id', 'is not', null)
    .groupBy('application_id')
    .having((eb) => eb.fn.sum('amount_yen'), '>', 0)
    .execute();
  return rows.map((r) => ({ applicationId: r.application_id!, amount: Number(r.amount) }));
}

export function listLedgerEntries(db: Executor, programmeId: string, limit = 200) {
  return db
    .selectFrom('budget_ledger_entries')
    .leftJoin('applications', 'applications.id', 'budget_ledger_entries.application_id')
    .selectAll('budget_ledger_entries')
    .select(['applications.title', 'applications.tracking_number as trackingNumber'])
    .where('budget_ledger_entries.programme_id', '=', programmeId)
    .orderBy('version_after', 'desc')
    .limit(limit)
    .execute();
}

/* ─────────────────────── decisions and reports ─────────────────────── */

export function insertDecision(
  db: Executor,
  d: { applicationId: string; maximumYen: number; grantedYen: number; decidedBy: string; decidedAt: Date },
) {
  return db
    .insertInto('review_decisions')
    .values({ application_id: d.applicationId, maximum_yen: d.maximumYen, granted_yen: d.grantedYen, decided_by: d.decidedBy, decided_at: d.decidedAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findDecision(db: Executor, applicationId: string) {
  return db.selectFrom('review_decisions').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export function setFixedAmount(
  db: Executor,
  f: { applicationId: string; fixedYen: number; ownShareYen: number; settlement: Record<string, unknown>; fixedBy: string; at: Date },
) {
  return db
    .updateTable('review_decisions')
    .set({ fixed_yen: f.fixedYen, own_share_yen: f.ownShareYen, settlement: JSON.stringify(f.settlement), fixed_by: f.fixedBy, fixed_at: f.at })
    .where('application_id', '=', f.applicationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces the reported lines (a new results report); their reviews start over. */
export async function replaceReportLines(
  db: Executor,
  applicationId: string,
  lines: readonly { id: string; category: string; description?: string | undefined; amount: number }[],
) {
  await db.deleteFrom('review_report_lines').where('application_id', '=', applicationId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('review_report_lines')
    .values(lines.map((l) => ({ application_id: applicationId, line_id: l.id, category: l.category, description: l.description ?? null, amount_yen: l.amount })))
    .execute();
}

export async function saveLineReviews(
  db: Executor,
  applicationId: string,
  reviews: readonly { lineId: string; decision: 'accepted' | 'reduced' | 'rejected'; acceptedAmount: number | null; reason: string | null }[],
  reviewerId: string,
  at: Date,
) {
  let updated = 0;
  for (const r of reviews) {
    const row = await db
      .updateTable('review_report_lines')
      .set({ decision: r.decision, accepted_yen: r.acceptedAmount, reason: r.reason, reviewed_by: reviewerId, reviewed_at: at })
      .where('application_id', '=', applicationId)
      .where('line_id', '=', r.lineId)
      .returning('id')
      .executeTakeFirst();
    if (row) updated += 1;
  }
  return updated;
}

export function listReportLines(db: Executor, applicationId: string) {
  return db.selectFrom('review_report_lines').selectAll().where('application_id', '=', applicationId).orderBy('line_id').execute();
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
