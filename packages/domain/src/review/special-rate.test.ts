import { describe, expect, it } from 'vitest';
import { CLT_DEMONSTRATION } from '../programmes/clt/definition';
import { recordFinding, ZCommitteeFinding, ZCommitteeFindingForm } from './special-rate';

describe('recording the special-rate finding', () => {
  const facts = { storeys: 4, cltStructural: true };
  const finding = ZCommitteeFinding.parse({ excellent: true, criteria: ['technical_ingenuity'], reason: '施工合理化の工夫が顕著' });

  it('records while the proposal is in review and returns the recommendation it leads to', () => {
    for (const status of ['submitted', 'under_review', 'resubmitted', 'recommended'] as const) {
      const outcome = recordFinding(CLT_DEMONSTRATION, status, facts, finding);
      expect(outcome).toMatchObject({ ok: true, value: { status: 'recommended' } });
    }
    const recorded = recordFinding(CLT_DEMONSTRATION, 'under_review', facts, finding);
    if (!recorded.ok) throw new Error('expected a recommendation');
    expect(recorded.value.criteria.find((c) => c.code === 'three_storeys_or_1000m2_structural')).toMatchObject({ fromFacts: 'met', met: true });
    expect(recorded.value.criteria.find((c) => c.code === 'technical_ingenuity')).toMatchObject({ confirmedByCommittee: true, met: true });
  });

  it('refuses once the selection is made, naming the status in both languages', () => {
    expect(recordFinding(CLT_DEMONSTRATION, 'selected', facts, finding)).toEqual({
      ok: false,
      code: 'scoring.special_finding_closed',
      params: { status: '採択', statusEn: 'Selected' },
    });
    expect(recordFinding(CLT_DEMONSTRATION, 'not_selected', facts, finding)).toMatchObject({ ok: false, code: 'scoring.special_finding_closed' });
    expect(recordFinding(CLT_DEMONSTRATION, 'draft', facts, finding)).toMatchObject({ ok: false });
  });

  it('refuses a criterion the definition does not have, and a definition without a special rate knows none', () => {
    const other = ZCommitteeFinding.parse({ excellent: true, criteria: ['not_a_criterion'], reason: '理由' });
    expect(recordFinding(CLT_DEMONSTRATION, 'under_review', facts, other)).toMatchObject({ ok: false, code: 'scoring.special_criterion_unknown' });
    const none = { specialRateConditions: [] };
    expect(recordFinding(none, 'under_review', facts, finding)).toMatchObject({ ok: false, code: 'scoring.special_criterion_unknown' });
    expect(recordFinding(none, 'under_review', facts, { ...finding, criteria: [] })).toMatchObject({ ok: true, value: { status: 'criteria_not_met', criteria: [] } });
  });

  it('needs a reason for the finding', () => {
    const parsed = ZCommitteeFinding.safeParse({ excellent: true, criteria: [], reason: '  ' });
    expect(parsed.error?.issues[0]?.message).toBe('scoring.special_reason_required');
  });
});

describe('the finding form', () => {
  it('asks whether the project is excellent until it is chosen, and reads a chosen one as the finding', () => {
    const unanswered = ZCommitteeFindingForm.safeParse({ excellent: null, criteria: [], reason: '優れる' });
    expect(unanswered.success ? [] : unanswered.error.issues.map((i) => i.message)).toEqual(['scoring.special_excellent_required']);
    expect(ZCommitteeFindingForm.parse({ excellent: false, criteria: [], reason: ' 通常の助成率 ' })).toEqual({ excellent: false, criteria: [], reason: '通常の助成率' });
  });
});
