import { z } from 'zod';
import { listedNamesParams } from '../display-params';
import { accept, bilingual, refuse, ZId, type Outcome } from './result';

/**
 * Conflicts of interest of committee members (003 §3.2(1)):
 * - a member may not apply to the programme (so a member who did cannot review in it);
 * - a member may not review a proposal made by a company related to them;
 * - a member may not review a proposal that they, or a related company, consulted on as business.
 * A conflicted member sees nothing of the proposal, cannot be assigned it and is left out of its
 * averages. Declared conflicts and conflicts detected from the parties both count: a member who
 * forgot to declare is still kept out when the organisations show the link.
 */

export const CONFLICT_KINDS = [
  'related_company', // 委員本人と関係を有する企業等が行った提案
  'consulted_self', // 委員本人がコンサルティング等を行った提案
  'consulted_related_company', // 関係を有する企業等がコンサルティング等を行った提案
  'own_application', // 委員本人の応募（委員は応募できない）
] as const;
export const ZConflictKind = z.enum(CONFLICT_KINDS, { error: 'conflict.kind_unknown' });
export type TConflictKind = z.infer<typeof ZConflictKind>;

export const CONFLICT_KIND_LABELS: Readonly<Record<TConflictKind, { ja: string; en: string }>> = {
  related_company: { ja: '関係企業等による提案', en: 'proposal by a related company' },
  consulted_self: { ja: '本人がコンサルティング等を行った提案', en: 'proposal the member consulted on' },
  consulted_related_company: {
    ja: '関係企業等がコンサルティング等を行った提案',
    en: 'proposal a related company consulted on',
  },
  own_application: { ja: '本人の応募', en: 'the member’s own application' },
};

/** The conflicts a member names, each kind once. */
export const ZConflictEntries = z
  .array(
    z.strictObject({
      kind: ZConflictKind,
      note: z.string().trim().max(500, { message: 'conflict.note_too_long' }).optional(),
    }),
  )
  .max(CONFLICT_KINDS.length)
  .refine((cs) => new Set(cs.map((c) => c.kind)).size === cs.length, {
    message: 'conflict.kind_duplicate',
  });

/**
 * A member's answer as given: 該当なし chosen explicitly, or at least one conflict. Nothing ticked
 * is no answer — read as "no conflict", a forgotten tick would open a proposal to a conflicted member.
 */
export const isExplicitConflictAnswer = (answer: {
  readonly noConflict?: boolean | undefined;
  readonly conflicts: readonly unknown[];
}) => (answer.noConflict === true ? answer.conflicts.length === 0 : answer.conflicts.length > 0);

/** A member's declaration as the API takes it: 該当なし explicitly (noConflict, no entries), or at least one conflict. */
export const ZDeclareConflictInput = z
  .object({ applicationId: z.uuid(), noConflict: z.boolean().optional(), conflicts: ZConflictEntries })
  .refine(isExplicitConflictAnswer, { message: 'conflict.answer_required', path: ['conflicts'] });
export type TDeclareConflictInput = z.input<typeof ZDeclareConflictInput>;

/**
 * The member's declaration form, as chosen: the answer (null until one is chosen), the kinds ticked
 * and a note. Read as the API's declaration; nothing chosen, or "some" with no kind ticked, is no
 * answer and is named at `answer`.
 */
export const ZConflictForm = z
  .object({
    answer: z.enum(['none', 'some']).nullable(),
    kinds: z.array(ZConflictKind).max(CONFLICT_KINDS.length),
    note: z.string().trim().max(500, { message: 'conflict.note_too_long' }),
  })
  .superRefine((v, ctx) => {
    if (v.answer === null || (v.answer === 'some' && v.kinds.length === 0)) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'conflict.answer_required' });
  })
  .transform((v): Omit<TDeclareConflictInput, 'applicationId'> =>
    v.answer === 'none' ? { noConflict: true, conflicts: [] } : { conflicts: v.kinds.map((kind) => ({ kind, ...(v.note ? { note: v.note } : {}) })) },
  );
export type TConflictFormValues = z.input<typeof ZConflictForm>;

/**
 * What a member declares for one proposal before seeing it. An empty list is the recorded form of
 * an explicit 該当なし (isExplicitConflictAnswer), and it is what lets the member open the proposal.
 */
export const ZConflictDeclaration = z.strictObject({
  memberId: ZId,
  programmeId: ZId,
  proposalId: ZId,
  conflicts: ZConflictEntries,
  declaredAt: z.date(),
});
export type TConflictDeclaration = z.infer<typeof ZConflictDeclaration>;

export interface CommitteeMember {
  /** The member's user id. */
  readonly id: string;
  /** The member's employer and other companies related to them (関係を有する企業等). */
  readonly relatedOrganisationIds: readonly string[];
}

/** Who is behind a proposal, as far as conflicts are concerned. */
export interface ProposalParties {
  readonly id: string;
  readonly programmeId: string;
  /** Building owner etc., council operator (003 §2.2), participating companies. */
  readonly applicantOrganisationIds: readonly string[];
  /** The people who applied: submitter and responsible persons. */
  readonly applicantUserIds: readonly string[];
  /** Organisations and people who consulted on the proposal as business (コンサルティング等). */
  readonly consultantOrganisationIds: readonly string[];
  readonly consultantUserIds: readonly string[];
}

export interface Assignment {
  readonly memberId: string;
  readonly proposalId: string;
}

export interface ConflictFinding {
  readonly kind: TConflictKind;
  readonly source: 'declared' | 'detected';
  /** The organisation that links member and proposal, for a detected conflict. */
  readonly organisationId?: string;
}

const intersect = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

/**
 * Every conflict between a member and a proposal: declared (all declarations count — a later
 * "no conflict" does not erase an earlier conflict) and detected from the parties.
 */
export function conflictsOf(
  member: CommitteeMember,
  proposal: ProposalParties,
  declarations: readonly TConflictDeclaration[],
  programmeProposals: readonly ProposalParties[] = [],
): ConflictFinding[] {
  const found: ConflictFinding[] = [];
  const declared = new Set(
    declarations
      .filter((d) => d.memberId === member.id && d.proposalId === proposal.id)
      .flatMap((d) => d.conflicts.map((c) => c.kind)),
  );
  // A related company is related whatever it proposes: declared on one of its proposals, it
  // covers the company's other proposals in the programme.
  const sameCompany = (id: string) => {
    const other = programmeProposals.find((p) => p.id === id);
    return !!other && other.programmeId === proposal.programmeId && intersect(other.applicantOrganisationIds, proposal.applicantOrganisationIds).length > 0;
  };
  if (
    declarations.some(
      (d) => d.memberId === member.id && d.proposalId !== proposal.id && d.conflicts.some((c) => c.kind === 'related_company') && sameCompany(d.proposalId),
    )
  )
    declared.add('related_company');
  for (const kind of CONFLICT_KINDS) if (declared.has(kind)) found.push({ kind, source: 'declared' });

  for (const organisationId of intersect(member.relatedOrganisationIds, proposal.applicantOrganisationIds)) {
    found.push({ kind: 'related_company', source: 'detected', organisationId });
  }
  if (proposal.consultantUserIds.includes(member.id))
    found.push({ kind: 'consulted_self', source: 'detected' });
  for (const organisationId of intersect(member.relatedOrganisationIds, proposal.consultantOrganisationIds)) {
    found.push({ kind: 'consulted_related_company', source: 'detected', organisationId });
  }
  if (proposal.applicantUserIds.includes(member.id))
    found.push({ kind: 'own_application', source: 'detected' });
  return found;
}

/**
 * A member who applied to the programme — named on any of its proposals, or having declared an
 * own application in it — may not review anything in that programme (003 §3.2(1), first rule).
 */
export function hasAppliedToProgramme(
  member: CommitteeMember,
  programmeId: string,
  declarations: readonly TConflictDeclaration[],
  programmeProposals: readonly ProposalParties[],
): boolean {
  return (
    programmeProposals.some((p) => p.programmeId === programmeId && p.applicantUserIds.includes(member.id)) ||
    declarations.some(
      (d) =>
        d.memberId === member.id &&
        d.programmeId === programmeId &&
        d.conflicts.some((c) => c.kind === 'own_application'),
    )
  );
}

const kindsParam = (findings: readonly ConflictFinding[]) => {
  const kinds = [...new Set(findings.map((f) => f.kind))];
  return listedNamesParams('kinds', kinds.map((k) => CONFLICT_KIND_LABELS[k]));
};

/**
 * The refusal's wording when the database's conflict filter, not these rules, found the conflict
 * (it says that there is one, not which).
 */
export const RECORDED_CONFLICT_PARAMS = bilingual('kinds', '申告または登録された関係', 'a declared or recorded relation');

function conflictRefusal(
  member: CommitteeMember,
  proposal: ProposalParties,
  declarations: readonly TConflictDeclaration[],
  programmeProposals: readonly ProposalParties[],
) {
  if (hasAppliedToProgramme(member, proposal.programmeId, declarations, [...programmeProposals, proposal])) {
    return refuse('conflict.member_applied_to_programme');
  }
  const findings = conflictsOf(member, proposal, declarations, programmeProposals);
  return findings.length > 0 ? refuse('conflict.conflicted', kindsParam(findings)) : null;
}

/** Whether the office may assign this proposal to this member. */
export function canAssign(
  member: CommitteeMember,
  proposal: ProposalParties,
  declarations: readonly TConflictDeclaration[],
  programmeProposals: readonly ProposalParties[] = [],
): Outcome<true> {
  return conflictRefusal(member, proposal, declarations, programmeProposals) ?? accept(true);
}

/**
 * Whether the member may open (and so score) the proposal: assigned, not conflicted, and having
 * declared for it. Conflicts are checked before the declaration so a detected conflict is never
 * answered with "declare first" (which would let the member see the proposal after declaring none).
 */
export function canView(
  member: CommitteeMember,
  proposal: ProposalParties,
  declarations: readonly TConflictDeclaration[],
  assignments: readonly Assignment[],
  programmeProposals: readonly ProposalParties[] = [],
): Outcome<true> {
  const conflict = conflictRefusal(member, proposal, declarations, programmeProposals);
  if (conflict) return conflict;
  if (!assignments.some((a) => a.memberId === member.id && a.proposalId === proposal.id)) {
    return refuse('conflict.not_assigned');
  }
  if (!declarations.some((d) => d.memberId === member.id && d.proposalId === proposal.id)) {
    return refuse('conflict.declaration_required');
  }
  return accept(true);
}

/** Scoring needs exactly what viewing needs. */
export const canScore = canView;

export interface Exclusion {
  readonly memberId: string;
  readonly reason: 'applied_to_programme' | 'conflict';
  readonly kinds: readonly TConflictKind[];
}

/** The members left out of a proposal's averages, with why. */
export function excludedFromAverages(
  proposal: ProposalParties,
  members: readonly CommitteeMember[],
  declarations: readonly TConflictDeclaration[],
  programmeProposals: readonly ProposalParties[] = [],
): Exclusion[] {
  const all = [...programmeProposals, proposal];
  return members.flatMap((member): Exclusion[] => {
    if (hasAppliedToProgramme(member, proposal.programmeId, declarations, all)) {
      return [{ memberId: member.id, reason: 'applied_to_programme', kinds: ['own_application'] }];
    }
    const findings = conflictsOf(member, proposal, declarations, all);
    return findings.length > 0
      ? [{ memberId: member.id, reason: 'conflict', kinds: [...new Set(findings.map((f) => f.kind))] }]
      : [];
  });
}

/** Assignments that a later declaration (or newly known party) has made conflicted: to be removed. */
export function assignmentsToRevoke(
  assignments: readonly Assignment[],
  members: readonly CommitteeMember[],
  proposals: readonly ProposalParties[],
  declarations: readonly TConflictDeclaration[],
): Assignment[] {
  return assignments.filter((a) => {
    const member = members.find((m) => m.id === a.memberId);
    const proposal = proposals.find((p) => p.id === a.proposalId);
    if (!member || !proposal) return true;
    return conflictRefusal(member, proposal, declarations, proposals) !== null;
  });
}
