import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import {
  assignmentsToRevoke,
  canAssign,
  canScore,
  canView,
  conflictsOf,
  excludedFromAverages,
  isExplicitConflictAnswer,
  ZConflictDeclaration,
  type Assignment,
  type CommitteeMember,
  type ProposalParties,
  type TConflictDeclaration,
} from './conflicts';

const at = new Date('2026-04-10T00:00:00Z');
const proposal = (id: string, over: Partial<ProposalParties> = {}): ProposalParties => ({
  id,
  programmeId: 'clt-2026',
  applicantOrganisationIds: [`owner-${id}`, `council-${id}`],
  applicantUserIds: [`applicant-${id}`],
  consultantOrganisationIds: [],
  consultantUserIds: [],
  ...over,
});
const member = (id: string, related: string[] = [`employer-${id}`]): CommitteeMember => ({
  id,
  relatedOrganisationIds: related,
});
const declare = (
  memberId: string,
  proposalId: string,
  kinds: TConflictDeclaration['conflicts'][number]['kind'][] = [],
): TConflictDeclaration => ({
  memberId,
  programmeId: 'clt-2026',
  proposalId,
  conflicts: kinds.map((kind) => ({ kind })),
  declaredAt: at,
});

const p1 = proposal('p1');
const suzuki = member('suzuki');
const assigned: Assignment[] = [{ memberId: 'suzuki', proposalId: 'p1' }];

describe('a member with no conflict', () => {
  it('can be assigned, and after declaring "none" can view and score', () => {
    expect(canAssign(suzuki, p1, [])).toEqual({ ok: true, value: true });
    expect(canView(suzuki, p1, [declare('suzuki', 'p1')], assigned)).toEqual({ ok: true, value: true });
    expect(canScore(suzuki, p1, [declare('suzuki', 'p1')], assigned)).toEqual({ ok: true, value: true });
    expect(excludedFromAverages(p1, [suzuki], [declare('suzuki', 'p1')])).toEqual([]);
  });

  it('cannot view before declaring, nor a proposal not assigned to them', () => {
    expect(canView(suzuki, p1, [], assigned)).toMatchObject({
      ok: false,
      code: 'conflict.declaration_required',
    });
    expect(canView(suzuki, p1, [declare('suzuki', 'p1')], [])).toMatchObject({
      ok: false,
      code: 'conflict.not_assigned',
    });
    // A declaration for another proposal does not count.
    expect(canView(suzuki, p1, [declare('suzuki', 'p2')], assigned)).toMatchObject({
      code: 'conflict.declaration_required',
    });
  });
});

describe('003 §3.2(1): related company, consulting, own application', () => {
  it('a declared conflict blocks assignment, viewing and scoring, and leaves the member out of the averages', () => {
    for (const kind of ['related_company', 'consulted_self', 'consulted_related_company'] as const) {
      const declarations = [declare('suzuki', 'p1', [kind])];
      expect(canAssign(suzuki, p1, declarations)).toMatchObject({ ok: false, code: 'conflict.conflicted' });
      expect(canView(suzuki, p1, declarations, assigned)).toMatchObject({
        ok: false,
        code: 'conflict.conflicted',
      });
      expect(canScore(suzuki, p1, declarations, assigned)).toMatchObject({
        ok: false,
        code: 'conflict.conflicted',
      });
      expect(excludedFromAverages(p1, [suzuki], declarations)).toEqual([
        { memberId: 'suzuki', reason: 'conflict', kinds: [kind] },
      ]);
    }
  });

  it('detects a related company among the applicants even when nothing was declared', () => {
    const m = member('tanaka', ['owner-p1']);
    expect(conflictsOf(m, p1, [])).toEqual([
      { kind: 'related_company', source: 'detected', organisationId: 'owner-p1' },
    ]);
    expect(canAssign(m, p1, [])).toMatchObject({ ok: false, code: 'conflict.conflicted' });
    // Declaring "none" does not open it.
    expect(
      canView(m, p1, [declare('tanaka', 'p1')], [{ memberId: 'tanaka', proposalId: 'p1' }]),
    ).toMatchObject({
      code: 'conflict.conflicted',
    });
  });

  it('applies a related company declared on one proposal to all of that company’s proposals in the programme', () => {
    const sameOwner = proposal('p2', { applicantOrganisationIds: ['owner-p1'] });
    const otherRound = proposal('p3', { programmeId: 'clt-2027', applicantOrganisationIds: ['owner-p1'] });
    const unrelated = proposal('p4');
    const all = [p1, sameOwner, otherRound, unrelated];
    const declarations = [declare('suzuki', 'p1', ['related_company'])];
    expect(conflictsOf(suzuki, sameOwner, declarations, all)).toEqual([{ kind: 'related_company', source: 'declared' }]);
    expect(canAssign(suzuki, sameOwner, declarations, all)).toMatchObject({ ok: false, code: 'conflict.conflicted' });
    expect(excludedFromAverages(sameOwner, [suzuki], declarations, all)).toEqual([
      { memberId: 'suzuki', reason: 'conflict', kinds: ['related_company'] },
    ]);
    expect(conflictsOf(suzuki, otherRound, declarations, all)).toEqual([]);
    expect(conflictsOf(suzuki, unrelated, declarations, all)).toEqual([]);
    // Consulting is about the one proposal, not the company.
    expect(conflictsOf(suzuki, sameOwner, [declare('suzuki', 'p1', ['consulted_self'])], all)).toEqual([]);
  });

  it('detects consulting by the member or by a related company', () => {
    const consulted = proposal('p1', {
      consultantUserIds: ['sato'],
      consultantOrganisationIds: ['design-office'],
    });
    expect(conflictsOf(member('sato', []), consulted, []).map((f) => f.kind)).toEqual(['consulted_self']);
    expect(conflictsOf(member('ito', ['design-office']), consulted, []).map((f) => f.kind)).toEqual([
      'consulted_related_company',
    ]);
    expect(conflictsOf(member('kato', ['elsewhere']), consulted, [])).toEqual([]);
  });

  it('keeps a declared conflict even after a later "no conflict" declaration', () => {
    const declarations = [declare('suzuki', 'p1', ['consulted_self']), declare('suzuki', 'p1', [])];
    expect(canView(suzuki, p1, declarations, assigned)).toMatchObject({ code: 'conflict.conflicted' });
  });

  it('answers a conflicted, unassigned member with the conflict, never with "declare first"', () => {
    const declarations = [declare('suzuki', 'p1', ['related_company'])];
    expect(canView(suzuki, p1, declarations, [])).toMatchObject({ code: 'conflict.conflicted' });
  });

  it('says in the member’s language what the conflict is', () => {
    const r = canView(suzuki, p1, [declare('suzuki', 'p1', ['related_company', 'consulted_self'])], assigned);
    if (r.ok) throw new Error('expected a refusal');
    expect(errorMessage(r.code, 'ja', r.params)).toBe(
      '利益相反（関係企業等による提案、本人がコンサルティング等を行った提案）に該当するため、この提案の閲覧・割当て・採点はできません。',
    );
    expect(errorMessage(r.code, 'en', r.params)).toContain(
      '(proposal by a related company, proposal the member consulted on)',
    );
  });
});

describe('a member who applied to the programme cannot review in it', () => {
  const p2 = proposal('p2', { applicantUserIds: ['applicant-p2', 'suzuki'] });
  const programme = [p1, p2];

  it('is refused for every proposal of the programme, not only their own', () => {
    expect(canAssign(suzuki, p1, [], programme)).toMatchObject({
      ok: false,
      code: 'conflict.member_applied_to_programme',
    });
    expect(canView(suzuki, p1, [declare('suzuki', 'p1')], assigned, programme)).toMatchObject({
      code: 'conflict.member_applied_to_programme',
    });
    expect(canAssign(suzuki, p2, [], programme)).toMatchObject({
      code: 'conflict.member_applied_to_programme',
    });
    expect(excludedFromAverages(p1, [suzuki], [], programme)).toEqual([
      { memberId: 'suzuki', reason: 'applied_to_programme', kinds: ['own_application'] },
    ]);
  });

  it('is refused when they declared an own application in the programme', () => {
    const declarations = [declare('suzuki', 'p2', ['own_application'])];
    expect(canAssign(suzuki, p1, declarations)).toMatchObject({
      code: 'conflict.member_applied_to_programme',
    });
  });

  it('may still review in another programme', () => {
    const elsewhere = proposal('p9', { programmeId: 'co2-2025' });
    expect(canAssign(suzuki, elsewhere, [], programme)).toEqual({ ok: true, value: true });
  });
});

describe('assignments after a declaration', () => {
  it('lists the assignments a new conflict makes invalid', () => {
    const p2 = proposal('p2');
    const members = [suzuki, member('tanaka')];
    const assignments: Assignment[] = [
      { memberId: 'suzuki', proposalId: 'p1' },
      { memberId: 'suzuki', proposalId: 'p2' },
      { memberId: 'tanaka', proposalId: 'p1' },
    ];
    const declarations = [declare('suzuki', 'p2', ['consulted_related_company'])];
    expect(assignmentsToRevoke(assignments, members, [p1, p2], declarations)).toEqual([
      { memberId: 'suzuki', proposalId: 'p2' },
    ]);
  });
});

describe('declarations', () => {
  it('refuse the same kind twice and unknown kinds', () => {
    const base = { memberId: 'm', programmeId: 'p', proposalId: 'x', declaredAt: at };
    expect(ZConflictDeclaration.safeParse({ ...base, conflicts: [] }).success).toBe(true);
    const twice = ZConflictDeclaration.safeParse({
      ...base,
      conflicts: [{ kind: 'related_company' }, { kind: 'related_company' }],
    });
    expect(twice.error?.issues[0]?.message).toBe('conflict.kind_duplicate');
    expect(
      ZConflictDeclaration.safeParse({ ...base, conflicts: [{ kind: 'friend' }] }).error?.issues[0]?.message,
    ).toBe('conflict.kind_unknown');
  });
});

describe('a declaration is an explicit answer', () => {
  it('takes 該当なし with nothing ticked, or at least one conflict, and nothing else', () => {
    expect(isExplicitConflictAnswer({ noConflict: true, conflicts: [] })).toBe(true);
    expect(isExplicitConflictAnswer({ conflicts: [{ kind: 'related_company' }] })).toBe(true);
    expect(isExplicitConflictAnswer({ noConflict: false, conflicts: [{ kind: 'consulted_self' }] })).toBe(true);
    // Nothing ticked and 該当なし not chosen is no answer at all.
    expect(isExplicitConflictAnswer({ conflicts: [] })).toBe(false);
    expect(isExplicitConflictAnswer({ noConflict: false, conflicts: [] })).toBe(false);
    // 該当なし beside a ticked conflict contradicts itself.
    expect(isExplicitConflictAnswer({ noConflict: true, conflicts: [{ kind: 'related_company' }] })).toBe(false);
  });
});
