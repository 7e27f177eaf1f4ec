import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLT_DEMONSTRATION } from '../programmes/clt/definition';
import { CO2_FACTOR_SUPPORT } from '../programmes/co2/definition';
import { LCA_IMPLEMENTATION } from '../programmes/lca/definition';
import { ZProgrammeDefinition } from '../programmes/shared/definition';
import {
  assessBonus,
  bonusPointsOf,
  bonusSectionOf,
  checkBonusReview,
  ZBonusPointTable,
  type TBonusReview,
} from './bonus';
import type { TReviewFacts } from './facts';
import { rankProposals, scoreProposal, type ProposalScore } from './ranking';
import {
  rubricFor,
  rubricMaximum,
  saveDraft,
  scoreIssue,
  sheetIssues,
  sheetStanding,
  sheetTotal,
  submitSheet,
  ZRubric,
  type TScoreSheet,
} from './rubric';
import { specialRateRecommendation, ZCommitteeFinding } from './special-rate';

/** The rubric of the built-in CLT definition, as the pinned version gives it. */
const cltRubric = rubricFor(CLT_DEMONSTRATION);

const at = new Date('2026-05-01T00:00:00Z');
const counted = (facts: TReviewFacts) =>
  assessBonus(CLT_DEMONSTRATION, facts)
    .lines.filter((l) => l.counted)
    .map((l) => l.code);

describe('bonus points (003 §3.3.2), at their thresholds', () => {
  it('counts storeys at 3 and 4, and the panel method at 5, cumulatively', () => {
    expect(counted({ storeys: 2 })).toEqual([]);
    expect(counted({ storeys: 3 })).toEqual(['three_storeys']);
    expect(counted({ storeys: 4 })).toEqual(['three_storeys', 'four_storeys']);
    expect(counted({ storeys: 4, cltPanelMethod: true })).toEqual(['three_storeys', 'four_storeys']);
    expect(counted({ storeys: 5, cltPanelMethod: false })).toEqual(['three_storeys', 'four_storeys']);
    expect(counted({ storeys: 5, cltPanelMethod: true })).toEqual([
      'three_storeys',
      'four_storeys',
      'panel_five_storeys',
    ]);
  });

  it('takes each yes/no condition from its fact', () => {
    expect(counted({ usesExistingModel: true })).toEqual(['existing_model']);
    expect(counted({ nationwideChain: true })).toEqual(['nationwide_chain']);
    expect(counted({ woodUseAgreement: true })).toEqual(['wood_use_agreement']);
    expect(counted({ firstTimeCltDesignerOrContractor: true })).toEqual(['first_time_clt']);
    expect(counted({ fireRule2018Building: true })).toEqual(['fire_rule_2018']);
  });

  it('adds up all eight, one point each by default, or by the office’s table', () => {
    const all: TReviewFacts = {
      storeys: 6,
      cltPanelMethod: true,
      usesExistingModel: true,
      nationwideChain: true,
      woodUseAgreement: true,
      firstTimeCltDesignerOrContractor: true,
      fireRule2018Building: true,
    };
    expect(assessBonus(CLT_DEMONSTRATION, all).total).toBe(8);
    const table = ZBonusPointTable.parse({
      ...bonusPointsOf(CLT_DEMONSTRATION),
      panel_five_storeys: 3,
      wood_use_agreement: 2,
    });
    expect(assessBonus(CLT_DEMONSTRATION, all, [], table).total).toBe(11);
    expect(ZBonusPointTable.safeParse({ existing_model: -1 }).success).toBe(false);
  });

  it('treats a missing fact as unknown: not counted, pending a reviewer', () => {
    const a = assessBonus(CLT_DEMONSTRATION, {});
    expect(a.total).toBe(0);
    expect(a.lines.every((l) => l.fromFacts === 'unknown' && l.pending)).toBe(true);
    expect(
      assessBonus(CLT_DEMONSTRATION, { cltPanelMethod: false }).lines.find((l) => l.code === 'panel_five_storeys')?.fromFacts,
    ).toBe('not_met');
  });
});

describe('the section the bonus items cite', () => {
  it('is 003 §3.3.2 for the CLT items (1)…(8), and none when items come from different sections', () => {
    expect(bonusSectionOf(CLT_DEMONSTRATION.bonusItems)).toBe('003 §3.3.2');
    expect(bonusSectionOf([{ source: '003 §3.3.2(1)' }, { source: '001 §2.1' }])).toBeNull();
  });
});

describe('bonus items are the definition’s', () => {
  it('counts an item an office adds, with the points it gives, and only the definition’s items', () => {
    const own = {
      bonusItems: [
        ...CLT_DEMONSTRATION.bonusItems,
        { code: 'local_timber', text: { ja: '地域材を使う', en: 'Uses local timber' }, when: { fact: 'localTimber', op: 'eq' as const, value: true }, points: 2, source: '公募要領 §3' },
      ],
    };
    expect(assessBonus(own, { localTimber: true, storeys: 3 }).total).toBe(3);
    expect(assessBonus(CLT_DEMONSTRATION, { localTimber: true, storeys: 3 }).total).toBe(1);
    expect(assessBonus({ bonusItems: [] }, { storeys: 5 })).toEqual({ lines: [], total: 0, provisional: false });
  });
});

describe('reviewer confirmation of bonus points', () => {
  const facts: TReviewFacts = { storeys: 4, usesExistingModel: true };
  const review = (
    item: TBonusReview['item'],
    decision: TBonusReview['decision'],
    reason?: string,
    minutes = 0,
  ): TBonusReview => ({
    item,
    decision,
    reviewerId: 'r1',
    reviewedAt: new Date(at.getTime() + minutes * 60_000),
    ...(reason ? { reason } : {}),
  });

  it('drops a rejected item, which needs a reason', () => {
    expect(checkBonusReview(CLT_DEMONSTRATION, review('existing_model', 'rejected'), facts)).toMatchObject({
      ok: false,
      code: 'scoring.bonus_reason_required',
    });
    const rejected = assessBonus(CLT_DEMONSTRATION, facts, [
      review('existing_model', 'rejected', '既存モデルとの対応が確認できない'),
    ]);
    expect(rejected.total).toBe(2);
    expect(rejected.lines.find((l) => l.code === 'existing_model')).toMatchObject({
      counted: false,
      pending: false,
      review: { decision: 'rejected', reason: '既存モデルとの対応が確認できない' },
    });
    // A rejection without a reason does not stand.
    expect(assessBonus(CLT_DEMONSTRATION, facts, [review('existing_model', 'rejected')]).total).toBe(3);
  });

  it('cannot confirm an item the facts rule out; confirming an unknown one needs a reason', () => {
    expect(
      checkBonusReview(CLT_DEMONSTRATION, review('nationwide_chain', 'confirmed', 'x'), { nationwideChain: false }),
    ).toMatchObject({
      code: 'scoring.bonus_not_met',
    });
    expect(
      assessBonus(CLT_DEMONSTRATION, { storeys: 2 }, [review('three_storeys', 'confirmed', '地階を含めると3階')]).total,
    ).toBe(0);
    expect(checkBonusReview(CLT_DEMONSTRATION, review('woodUseAgreement', 'confirmed'), {})).toMatchObject({
      code: 'scoring.bonus_unknown',
    });
    expect(checkBonusReview(CLT_DEMONSTRATION, review('wood_use_agreement', 'confirmed'), {})).toMatchObject({
      code: 'scoring.bonus_reason_required',
    });
    expect(assessBonus(CLT_DEMONSTRATION, {}, [review('wood_use_agreement', 'confirmed', '協定書を確認')]).total).toBe(1);
  });

  it('uses the latest decision, and is provisional until every candidate item has one', () => {
    const reviews = [
      review('existing_model', 'rejected', '不明', 0),
      review('existing_model', 'confirmed', undefined, 5),
    ];
    expect(assessBonus(CLT_DEMONSTRATION, facts, reviews).lines.find((l) => l.code === 'existing_model')?.counted).toBe(true);
    expect(assessBonus(CLT_DEMONSTRATION, facts, reviews).provisional).toBe(true);
    const everyCandidate = CLT_DEMONSTRATION.bonusItems.map(({ code: c }) => c).map((c) => review(c, 'confirmed', '確認'));
    expect(
      assessBonus(CLT_DEMONSTRATION, 
        {
          ...facts,
          nationwideChain: false,
          woodUseAgreement: false,
          firstTimeCltDesignerOrContractor: false,
          cltPanelMethod: false,
          fireRule2018Building: false,
        },
        everyCandidate,
      ).provisional,
    ).toBe(false);
  });
});

describe('special rate 1/2 (003 §2.4), at its thresholds', () => {
  const first = (facts: TReviewFacts) => specialRateRecommendation(CLT_DEMONSTRATION, facts).criteria[0]!.fromFacts;

  it('needs 3 storeys or 1,000 m², with CLT used structurally', () => {
    expect(first({ storeys: 3, cltStructural: true })).toBe('met');
    expect(first({ storeys: 2, totalFloorAreaM2: 999.9, cltStructural: true })).toBe('not_met');
    expect(first({ storeys: 2, totalFloorAreaM2: 1000, cltStructural: true })).toBe('met');
    expect(first({ storeys: 3, totalFloorAreaM2: 5000, cltStructural: false })).toBe('not_met');
    expect(first({ totalFloorAreaM2: 1000, cltStructural: true })).toBe('met');
    expect(first({ storeys: 2, cltStructural: true })).toBe('unknown');
  });

  it('recommends only when a criterion is met and the committee finds the proposal excellent', () => {
    const facts: TReviewFacts = { storeys: 3, cltStructural: true };
    const finding = (excellent: boolean) =>
      ZCommitteeFinding.parse({ excellent, reason: '施工合理化の工夫が顕著' });
    expect(specialRateRecommendation(CLT_DEMONSTRATION, facts).status).toBe('awaiting_committee');
    expect(specialRateRecommendation(CLT_DEMONSTRATION, facts, finding(true)).status).toBe('recommended');
    expect(specialRateRecommendation(CLT_DEMONSTRATION, facts, finding(false)).status).toBe('not_recommended');
    const none: TReviewFacts = {
      storeys: 2,
      totalFloorAreaM2: 500,
      cltStructural: true,
      usesExistingModel: false,
      ownerPlansFurtherBuildings: false,
      technicalIngenuity: false,
    };
    expect(specialRateRecommendation(CLT_DEMONSTRATION, none, finding(true)).status).toBe('criteria_not_met');
    expect(specialRateRecommendation(CLT_DEMONSTRATION, { ...none, technicalIngenuity: undefined }).status).toBe(
      'criteria_unknown',
    );
  });

  it('lets the committee confirm a judgement criterion the facts leave open, never one they rule out', () => {
    const facts: TReviewFacts = {
      storeys: 2,
      totalFloorAreaM2: 500,
      cltStructural: true,
      usesExistingModel: false,
      ownerPlansFurtherBuildings: false,
    };
    const finding = ZCommitteeFinding.parse({
      excellent: true,
      criteria: ['technical_ingenuity'],
      reason: '接合部の工夫',
    });
    expect(specialRateRecommendation(CLT_DEMONSTRATION, facts, finding)).toMatchObject({
      status: 'recommended',
      citedButNotMet: [],
    });
    const wrong = ZCommitteeFinding.parse({ excellent: true, criteria: ['existing_model'], reason: '…' });
    expect(specialRateRecommendation(CLT_DEMONSTRATION, { ...facts, technicalIngenuity: false }, wrong)).toMatchObject({
      status: 'criteria_not_met',
      citedButNotMet: ['existing_model'],
    });
    expect(ZCommitteeFinding.safeParse({ excellent: true, reason: ' ' }).error?.issues[0]?.message).toBe(
      'scoring.special_reason_required',
    );
  });
});

const sheet = (
  memberId: string,
  proposalId: string,
  scores: number[],
  status: 'draft' | 'submitted' = 'submitted',
  comment?: string,
): TScoreSheet => ({
  proposalId,
  memberId,
  scores: cltRubric.items.map((item, i) => ({
    item: item.code,
    score: scores[i] ?? null,
    ...(comment && i === 0 ? { comment } : {}),
  })),
  status,
  ...(status === 'submitted' ? { submittedAt: at } : {}),
});

describe('the rubric (an assumption: 5 levels, equal weights)', () => {
  it('has the six items of 003 §3.3.1 in order and is marked as an assumption', () => {
    expect(ZRubric.parse(cltRubric)).toEqual(cltRubric);
    expect(cltRubric.items.map((i) => i.code)).toEqual([
      'novelty',
      'problem',
      'demonstration',
      'feasibility',
      'dissemination',
      'wood_consumption',
    ]);
    expect(CLT_DEMONSTRATION.evaluationItems.map((i) => i.source)).toEqual(
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'].map((n) => `003 §3.3.1${n}`),
    );
    expect(cltRubric.assumption).toBe(true);
    expect(rubricMaximum(cltRubric)).toBe(30);
  });

  it('refuses a rubric with an empty scale or a repeated item', () => {
    expect(ZRubric.safeParse({ ...cltRubric, scale: { min: 3, max: 3 } }).success).toBe(false);
    expect(
      ZRubric.safeParse({ ...cltRubric, items: [...cltRubric.items, cltRubric.items[0]] }).success,
    ).toBe(false);
  });

  it('takes the scale, levels and weights from the definition, today’s figures for the built-ins', () => {
    for (const def of [CLT_DEMONSTRATION, LCA_IMPLEMENTATION, CO2_FACTOR_SUPPORT]) {
      expect(rubricFor(def).scale).toEqual({ min: 1, max: 5 });
      expect(rubricFor(def).items.every((i) => i.weight === 1)).toBe(true);
      expect(rubricFor(def).levels.map((l) => l.score)).toEqual([5, 4, 3, 2, 1]);
    }
    expect(rubricMaximum(rubricFor(LCA_IMPLEMENTATION))).toBe(5);
    const own = ZProgrammeDefinition.parse({
      ...CLT_DEMONSTRATION,
      evaluationItems: CLT_DEMONSTRATION.evaluationItems.map((i, n) => ({ ...i, weight: n === 0 ? 2 : 1 })),
      scoring: { scale: { min: 0, max: 10 }, levels: [{ score: 10, text: { ja: '満点', en: 'Full marks' } }], source: '審査要領 §2' },
    });
    const rubric = rubricFor(own);
    expect(ZRubric.parse(rubric)).toEqual(rubric);
    expect(rubric).toMatchObject({ scale: { min: 0, max: 10 }, assumption: false });
    expect(rubricMaximum(rubric)).toBe(70);
    expect(sheetTotal(sheet('m', 'p', [10, 0, 0, 0, 0, 0]), rubric)).toBe(20);
    expect(scoreIssue(rubric, 'novelty', 6)).toBeNull();
    expect(scoreIssue(cltRubric, 'novelty', 6)).toMatchObject({ code: 'scoring.score_out_of_range' });
  });

  it('weights items by the rubric', () => {
    const weighted = {
      ...cltRubric,
      items: cltRubric.items.map((i, n) => ({ ...i, weight: n === 0 ? 3 : 1 })),
    };
    expect(sheetTotal(sheet('m', 'p', [5, 1, 1, 1, 1, 1]), weighted)).toBe(20);
    expect(sheetTotal(sheet('m', 'p', [5, 1, 1, 1, 1]), weighted)).toBeNull();
  });
});

describe('score sheets: draft until submitted', () => {
  it('saves an incomplete draft, but submits only a complete sheet within the scale', () => {
    const draft = sheet('m', 'p', [4, 4, 3], 'draft');
    expect(saveDraft(undefined, draft, cltRubric)).toMatchObject({ ok: true, value: { status: 'draft' } });
    expect(submitSheet(draft, cltRubric, at)).toMatchObject({
      ok: false,
      code: 'scoring.item_unscored',
      params: { item: '事業計画の実現可能性' },
    });
    expect(
      sheetIssues(sheet('m', 'p', [0, 6, 3, 3, 3, 3], 'draft'), cltRubric, 'draft').map((i) => [
        i.code,
        i.params.min,
        i.params.max,
      ]),
    ).toEqual([
      ['scoring.score_out_of_range', 1, 5],
      ['scoring.score_out_of_range', 1, 5],
    ]);
    expect(sheetIssues(sheet('m', 'p', [1, 5, 3, 3, 3, 3], 'draft'), cltRubric, 'submit')).toEqual([]);
    const done = submitSheet(sheet('m', 'p', [4, 4, 3, 3, 5, 2], 'draft'), cltRubric, at);
    expect(done).toMatchObject({ ok: true, value: { status: 'submitted', submittedAt: at } });
  });

  it('locks a submitted sheet', () => {
    const submitted = sheet('m', 'p', [4, 4, 3, 3, 5, 2]);
    expect(saveDraft(submitted, sheet('m', 'p', [5, 5, 5, 5, 5, 5], 'draft'), cltRubric)).toMatchObject({
      code: 'scoring.already_submitted',
    });
    expect(submitSheet(submitted, cltRubric, at)).toMatchObject({ code: 'scoring.already_submitted' });
  });

  it('refuses unknown and repeated items', () => {
    const bad: TScoreSheet = {
      ...sheet('m', 'p', [3, 3, 3, 3, 3, 3], 'draft'),
      scores: [
        { item: 'beauty', score: 5 },
        { item: 'novelty', score: 3 },
        { item: 'novelty', score: 4 },
      ],
    };
    expect(sheetIssues(bad, cltRubric, 'draft').map((i) => i.code)).toEqual([
      'scoring.item_unknown',
      'scoring.item_duplicate',
    ]);
  });
});

describe('proposal totals: averaged over non-conflicted submitted sheets, bonus added once', () => {
  const sheets = [
    sheet('a', 'p1', [4, 4, 4, 4, 4, 4]), // 24
    sheet('b', 'p1', [3, 3, 3, 3, 3, 3]), // 18
    sheet('c', 'p1', [5, 5, 5, 5, 5, 5]), // 30, but c is conflicted
    sheet('d', 'p1', [1, 1, 1, 1, 1, 1], 'draft'),
    sheet('a', 'p2', [2, 2, 2, 2, 2, 2]),
  ];

  it('leaves out the conflicted member and drafts', () => {
    const s = scoreProposal('p1', sheets, cltRubric, ['c'], 2);
    expect(s).toMatchObject({
      countedMemberIds: ['a', 'b'],
      excludedMemberIds: ['c'],
      draftMemberIds: ['d'],
      evaluationSum: 42,
      count: 2,
      evaluationAverage: 21,
      bonusPoints: 2,
      total: 23,
    });
    expect(s.itemAverages[0]).toEqual({ item: 'novelty', average: 3.5 });
    // Had c counted, the average would have been 24.
    expect(scoreProposal('p1', sheets, cltRubric, [], 0).evaluationAverage).toBe(24);
  });

  it('has no total while nothing counts', () => {
    expect(scoreProposal('p3', sheets, cltRubric, [], 5)).toMatchObject({
      count: 0,
      evaluationAverage: null,
      total: null,
    });
  });
});

describe('ranking and its tie-break', () => {
  const score = (
    proposalId: string,
    evaluationSum: number,
    count: number,
    bonusPoints: number,
  ): ProposalScore => ({
    proposalId,
    countedMemberIds: [],
    excludedMemberIds: [],
    draftMemberIds: [],
    evaluationSum,
    count,
    evaluationAverage: count ? evaluationSum / count : null,
    itemAverages: [],
    bonusPoints,
    total: count ? evaluationSum / count + bonusPoints : null,
  });
  const day = (d: number) => new Date(Date.UTC(2026, 3, d));

  it('orders by total; on equal totals the higher evaluation wins, then the earlier submission, then the id', () => {
    const ranked = rankProposals([
      { score: score('bonus-heavy', 48, 2, 1), submittedAt: day(1) }, // 24 + 1 = 25
      { score: score('late', 75, 3, 0), submittedAt: day(9) }, // 25
      { score: score('quality', 50, 2, 0), submittedAt: day(5) }, // 25
      { score: score('top', 52, 2, 0), submittedAt: day(20) }, // 26
      { score: score('unscored', 0, 0, 8), submittedAt: day(1) },
      { score: score('same-b', 40, 2, 0), submittedAt: day(3) },
      { score: score('same-a', 40, 2, 0), submittedAt: day(3) },
    ]);
    expect(ranked.map((r) => [r.position, r.rank, r.score.proposalId, r.tieBrokenBy])).toEqual([
      [1, 1, 'top', null],
      [2, 2, 'quality', null],
      [3, 2, 'late', 'submitted_at'],
      [4, 2, 'bonus-heavy', 'evaluation_average'],
      [5, 5, 'same-a', null],
      [6, 5, 'same-b', 'proposal_id'],
      [7, null, 'unscored', null],
    ]);
    expect(ranked[1]!.tiedWith).toEqual(['late', 'bonus-heavy']);
    expect(ranked[6]!.tiedWith).toEqual([]);
  });

  it('compares averages exactly: 70/3 is below 47/2 and equal to 140/6', () => {
    const ranked = rankProposals([
      { score: score('thirds', 70, 3, 0), submittedAt: day(1) },
      { score: score('halves', 47, 2, 0), submittedAt: day(2) },
      { score: score('sixths', 140, 6, 0), submittedAt: day(3) },
    ]);
    expect(ranked.map((r) => [r.score.proposalId, r.rank])).toEqual([
      ['halves', 1],
      ['thirds', 2],
      ['sixths', 2],
    ]);
  });

  it('gives the same order whatever order the proposals come in', () => {
    const entry = fc.record({
      sum: fc.integer({ min: 0, max: 300 }),
      count: fc.integer({ min: 0, max: 10 }),
      bonus: fc.integer({ min: 0, max: 8 }),
      day: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.integer(), (raw, seed) => {
        const entries = raw.map((e, i) => ({
          score: score(`p${i}`, e.count ? e.sum : 0, e.count, e.bonus),
          submittedAt: day(e.day),
        }));
        const reversed = [...entries].reverse();
        const k = entries.length ? Math.abs(seed) % entries.length : 0;
        const shuffled = [...reversed.slice(k), ...reversed.slice(0, k)];
        const a = rankProposals(entries).map((r) => r.score.proposalId);
        const b = rankProposals(shuffled).map((r) => r.score.proposalId);
        expect(b).toEqual(a);
        const totals = rankProposals(entries).map((r) => r.score.total ?? -Infinity);
        for (let i = 1; i < totals.length; i++) expect(totals[i]!).toBeLessThanOrEqual(totals[i - 1]! + 1e-9);
      }),
    );
  });
});

describe('one score against the scale, and a sheet with its bonus', () => {
  it('refuses a score outside the scale or not whole with the scale in the message, and lets a blank or in-range score stand', () => {
    const item = cltRubric.items[0]!.code;
    for (const score of [0, 6, 9, -1, 4.5]) {
      expect(scoreIssue(cltRubric, item, score)).toMatchObject({ code: 'scoring.score_out_of_range', params: { min: 1, max: 5, item: cltRubric.items[0]!.text.ja } });
    }
    for (const score of [1, 3, 5, null, undefined]) expect(scoreIssue(cltRubric, item, score)).toBeNull();
    // The sheet as a whole refuses the same score: the API saves nothing rather than a clamped 5.
    expect(saveDraft(undefined, sheet('m', 'p', [9], 'draft'), cltRubric)).toMatchObject({ ok: false, code: 'scoring.score_out_of_range' });
  });

  it('adds the cumulative bonus points to the evaluation once, and leaves the total open while an item is unscored', () => {
    const full = sheetStanding(sheet('m', 'p', [4, 4, 4, 4, 4, 4]), cltRubric, 3);
    expect(full).toEqual({ evaluation: 24, bonus: 3, total: 27, maximum: 30 });
    expect(sheetStanding(sheet('m', 'p', [4, 4]), cltRubric, 3)).toEqual({ evaluation: null, bonus: 3, total: null, maximum: 30 });
    // The bonus a five-storey CLT panel building earns: (5), (6) and (7), one point each by default.
    const bonus = assessBonus(CLT_DEMONSTRATION, { storeys: 5, cltPanelMethod: true });
    expect(bonus.total).toBe(3);
    expect(sheetStanding(sheet('m', 'p', [5, 5, 5, 5, 5, 5]), cltRubric, bonus.total).total).toBe(33);
  });
});
