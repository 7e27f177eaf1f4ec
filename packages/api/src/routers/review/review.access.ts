import { isReceived } from '@tsumiki/domain';
import {
  findApplicationById,
  findApplicationForUpdate,
  findLatestSubmission,
  findProgrammeById,
  isConflictedWith,
  listApplicantUsers,
  listAssignmentsOfApplications,
  listDeclarationsOfMember,
  listOrganisationIdsOfUsers,
  listRelatedOrganisations,
  type Application,
  type Executor,
  type Programme,
} from '@tsumiki/db';
import { ZProgrammeKind, type TProgrammeKind, type TRole } from '@tsumiki/domain';
import { assessApplication, emptyContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import {
  canAssign,
  canView,
  RECORDED_CONFLICT_PARAMS,
  ZConflictKind,
  type CommitteeMember,
  type ProposalParties,
  type TConflictDeclaration,
  type TReviewFacts,
  reviewFactsFrom,
} from '@tsumiki/domain/review';
import { appError } from '../../errors';
import { rulesOfApplication } from '../../lib/rules';
import type { SignedInAuth } from '../../trpc-types';

/** The console's roles (SPEC §7). Secretariat and office see their programmes; committee members only what is assigned. */
export const CONSOLE_ROLES = ['reviewer', 'committee', 'programme_admin'] as const satisfies readonly TRole[];
export const STAFF_ROLES = ['reviewer', 'programme_admin'] as const satisfies readonly TRole[];
const isStaffRole = (role: TRole) => (STAFF_ROLES as readonly TRole[]).includes(role);

export const officeIdsOf = (auth: SignedInAuth, roles: readonly TRole[] = CONSOLE_ROLES) =>
  [...new Set(auth.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organisationId))];

/** The roles the caller holds in a programme's office. */
export const rolesIn = (auth: SignedInAuth, programme: Pick<Programme, 'office_organisation_id'>): TRole[] =>
  auth.memberships.filter((m) => m.organisationId === programme.office_organisation_id).map((m) => m.role);

export function programmeKindOf(programme: Programme): TProgrammeKind {
  const kind = ZProgrammeKind.safeParse(programme.kind);
  if (!kind.success) throw appError('review.programme_not_found');
  return kind.data;
}

/** CLT and LCA select through a committee; the CO2 programme approves directly (001 §3.3). */
export const committeeReviewOf = (programme: Programme) => programmeKindOf(programme) !== 'co2_factor_support';

export async function programmeOfCaller(db: Executor, auth: SignedInAuth, programmeId: string, roles: readonly TRole[] = CONSOLE_ROLES) {
  const programme = await findProgrammeById(db, programmeId);
  if (!programme || !officeIdsOf(auth, roles).includes(programme.office_organisation_id)) throw appError('review.programme_not_found');
  return programme;
}

/** Who is behind a proposal, for conflicts: the applicant organisation and the people who created and submitted it. */
export async function partiesOf(db: Executor, application: Application): Promise<ProposalParties> {
  const rows = await listApplicantUsers(db, { applicationIds: [application.id] });
  return {
    id: application.id,
    programmeId: application.programme_id,
    applicantOrganisationIds: [application.applicant_organisation_id],
    applicantUserIds: [...new Set(rows.flatMap((r) => [r.created_by, r.submitted_by]).filter((u): u is string => !!u))],
    consultantOrganisationIds: [],
    consultantUserIds: [],
  };
}

export async function membersOf(db: Executor, memberIds: readonly string[]): Promise<CommitteeMember[]> {
  const [memberships, related] = await Promise.all([listOrganisationIdsOfUsers(db, memberIds), listRelatedOrganisations(db, memberIds)]);
  return memberIds.map((id) => ({
    id,
    // The member's employer(s) and the companies declared related to them.
    relatedOrganisationIds: [
      ...new Set([...memberships.filter((m) => m.user_id === id).map((m) => m.organisation_id), ...related.filter((r) => r.member_id === id).map((r) => r.organisation_id)]),
    ],
  }));
}

export const toDeclaration = (row: {
  member_id: string;
  programme_id: string;
  application_id: string;
  conflicts: { kind: string; note?: string }[];
  declared_at: Date;
}): TConflictDeclaration => ({
  memberId: row.member_id,
  programmeId: row.programme_id,
  proposalId: row.application_id,
  conflicts: row.conflicts.flatMap((c) => {
    const kind = ZConflictKind.safeParse(c.kind);
    return kind.success ? [{ kind: kind.data, ...(c.note ? { note: c.note } : {}) }] : [];
  }),
  declaredAt: row.declared_at,
});

/** Everything the conflict rules need about one member and one proposal. */
export async function conflictContext(db: Executor, memberId: string, application: Application) {
  const [[member], proposal, declarations, ownApplications] = await Promise.all([
    membersOf(db, [memberId]),
    partiesOf(db, application),
    listDeclarationsOfMember(db, memberId, application.programme_id),
    listApplicantUsers(db, { programmeId: application.programme_id, userId: memberId }),
  ]);
  // Proposals of the programme the member is behind (a member who applied cannot review in it).
  const programmeProposals: ProposalParties[] = ownApplications.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    applicantOrganisationIds: [r.applicant_organisation_id],
    applicantUserIds: [memberId],
    consultantOrganisationIds: [],
    consultantUserIds: [],
  }));
  return { member: member!, proposal, declarations: declarations.map(toDeclaration), programmeProposals };
}

export async function assertMayAssign(db: Executor, memberId: string, application: Application) {
  const c = await conflictContext(db, memberId, application);
  const outcome = canAssign(c.member, c.proposal, c.declarations, c.programmeProposals);
  if (!outcome.ok) throw appError(outcome.code, outcome.params);
  await assertNotConflicted(db, memberId, application);
}

/**
 * The lists' conflict filter, asked of one application: what no list shows the person cannot be
 * opened or assigned to them either (a related company declared on another of the company's
 * proposals, a conflict met while holding another role).
 */
async function assertNotConflicted(db: Executor, personId: string, application: Application) {
  if (await isConflictedWith(db, personId, application.id)) throw appError('conflict.conflicted', RECORDED_CONFLICT_PARAMS);
}

export type Access =
  | { kind: 'staff'; role: TRole; roles: TRole[]; application: Application; programme: Programme }
  | { kind: 'member'; role: 'committee'; roles: TRole[]; application: Application; programme: Programme };

/**
 * The application as the caller may see it, or a refusal. Staff of the programme's office see
 * every submitted application of it; a committee member only an assigned proposal, after
 * declaring, and never a conflicted one (checked here, for every procedure that reads or writes).
 * Drafts, other offices' applications and unassigned proposals are "not found".
 */
export async function applicationForCaller(db: Executor, auth: SignedInAuth, applicationId: string, options: { forUpdate?: boolean; declaration?: 'required' | 'not_yet' } = {}): Promise<Access> {
  const application = options.forUpdate ? await findApplicationForUpdate(db, applicationId) : await findApplicationById(db, applicationId);
  if (!application || !isReceived(application.status)) throw appError('review.application_not_found');
  const programme = await findProgrammeById(db, application.programme_id);
  if (!programme) throw appError('review.application_not_found');
  const roles = rolesIn(auth, programme);
  const staffRole = roles.find(isStaffRole);
  if (staffRole) {
    await assertNotConflicted(db, auth.user.id, application);
    return { kind: 'staff', role: staffRole, roles, application, programme };
  }
  if (!roles.includes('committee')) throw appError('review.application_not_found');

  const c = await conflictContext(db, auth.user.id, application);
  const assignments = await listAssignmentsOfApplications(db, [application.id]);
  const viewing = canView(
    c.member,
    c.proposal,
    c.declarations,
    assignments.map((a) => ({ memberId: a.member_id, proposalId: a.application_id })),
    c.programmeProposals,
  );
  // A conflict is answered before "not assigned" or "declare first", as the domain's rules do.
  const pending = !viewing.ok && (viewing.code === 'conflict.not_assigned' || viewing.code === 'conflict.declaration_required');
  if (!viewing.ok && !pending) throw appError(viewing.code, viewing.params);
  await assertNotConflicted(db, auth.user.id, application);
  if (!viewing.ok) {
    // Unassigned: the proposal does not exist for this member. A declaration still to make is the one refusal that may pass when declaring.
    if (viewing.code === 'conflict.not_assigned') throw appError('review.application_not_found');
    if (!(viewing.code === 'conflict.declaration_required' && options.declaration === 'not_yet')) throw appError(viewing.code, viewing.params);
  }
  return { kind: 'member', role: 'committee', roles, application, programme };
}

export function assertStaff(access: Access): asserts access is Extract<Access, { kind: 'staff' }> {
  if (access.kind !== 'staff') throw appError('auth.forbidden_role', { roles: STAFF_ROLES.join(', ') });
}

export function assertVersion(application: Application, version: number) {
  if (application.version !== version) throw appError('review.version_conflict', { currentVersion: application.version });
}

/** The frozen submission a reviewer reads, with the domain's assessment of it. */
export async function frozenOf(db: Executor, application: Application, programme: Programme) {
  const submission = await findLatestSubmission(db, application.id);
  const kind = programmeKindOf(programme);
  const content = submission?.content ?? emptyContent(kind);
  // The rules it was submitted under: a version published since changes nothing here.
  const rules = await rulesOfApplication(db, application);
  const assessment = assessApplication(kind, content, undefined, rules);
  return { submission, kind, content, rules, assessment, maximum: assessment.result?.grant.amount ?? null };
}

/** The facts the review rules read (bonus, special rate): the grant input's facts, unknown ones left out. */
export function reviewFactsOf(content: TApplicationContent): TReviewFacts {
  const facts = content.programme === 'co2_factor_support' ? undefined : content.grant?.facts;
  return reviewFactsFrom(facts);
}
