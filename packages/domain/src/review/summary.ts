import { yen, type Yen } from '../money';
import type { TProgrammeDefinition } from '../programmes/shared/definition';
import {
  assessBonus,
  bonusPointsOf,
  type BonusAssessment,
  type TBonusCode,
  type TBonusReview,
} from './bonus';
import {
  excludedFromAverages,
  type CommitteeMember,
  type Exclusion,
  type ProposalParties,
  type TConflictDeclaration,
} from './conflicts';
import type { TReviewFacts } from './facts';
import { rankProposals, scoreProposal, type ProposalScore, type TieBreak } from './ranking';
import type { TRubric, TScoreSheet } from './rubric';
import {
  specialRateRecommendation,
  type SpecialRateRecommendation,
  type TCommitteeFinding,
} from './special-rate';

/**
 * The committee summary sheet (審査結果一覧): every proposal in ranking order with its item
 * averages, bonus, total, special-rate standing, who was left out and why, and where the
 * budget line falls when the computed maxima are added up in that order.
 */

export interface SummaryProposal {
  readonly parties: ProposalParties;
  readonly title: string;
  readonly applicantName: string;
  /** 要望額 */
  readonly requestedAmount: Yen;
  /** The maximum the programme rules compute for the proposal. */
  readonly maximumAmount: Yen;
  readonly submittedAt: Date;
  readonly facts: TReviewFacts;
  readonly bonusReviews?: readonly TBonusReview[];
  readonly committeeFinding?: TCommitteeFinding;
}

export interface SummaryComment {
  readonly memberId: string;
  /** The rubric item, or null for the overall comment. */
  readonly item: string | null;
  readonly text: string;
}

export interface SummaryRow {
  readonly position: number;
  readonly rank: number | null;
  readonly proposalId: string;
  readonly title: string;
  readonly applicantName: string;
  readonly requestedAmount: Yen;
  readonly maximumAmount: Yen;
  /** When it was first submitted: the tie-break after the scores. */
  readonly submittedAt: Date;
  /** Σ maximumAmount of this row and all above it. */
  readonly cumulativeMaximum: Yen;
  /** Whether cumulativeMaximum still fits the budget. */
  readonly withinBudget: boolean;
  readonly score: ProposalScore;
  readonly bonus: BonusAssessment;
  readonly specialRate: SpecialRateRecommendation;
  readonly excluded: readonly Exclusion[];
  readonly comments: readonly SummaryComment[];
  readonly tiedWith: readonly string[];
  readonly tieBrokenBy: TieBreak | null;
  /** Bonus items still to confirm, or assigned members whose sheets are still drafts. */
  readonly provisional: boolean;
  /** Why it is provisional, for the reader (empty when it is not). */
  readonly provisionalBecause: readonly ProvisionalReason[];
}

/**
 * What can still move a row: no sheet counted yet (it ranks last, by submission), a member's sheet
 * still a draft, or bonus items the office has not confirmed.
 */
export const PROVISIONAL_REASONS = ['no_scores', 'draft_sheets', 'bonus_unchecked'] as const;
export type ProvisionalReason = (typeof PROVISIONAL_REASONS)[number];

function provisionalReasons(score: ProposalScore, bonus: BonusAssessment): ProvisionalReason[] {
  const because: ProvisionalReason[] = [];
  if (score.count === 0) because.push('no_scores');
  if (score.draftMemberIds.length > 0) because.push('draft_sheets');
  if (bonus.provisional) because.push('bonus_unchecked');
  return because;
}

export interface CommitteeSummary {
  readonly rubric: TRubric;
  readonly bonusPoints: Readonly<Record<TBonusCode, number>>;
  readonly budget: Yen;
  readonly rows: readonly SummaryRow[];
  readonly provisional: boolean;
}

export function committeeSummary(input: {
  readonly budget: Yen;
  readonly proposals: readonly SummaryProposal[];
  readonly members: readonly CommitteeMember[];
  readonly declarations: readonly TConflictDeclaration[];
  readonly sheets: readonly TScoreSheet[];
  /** The rubric of the definition the proposals were submitted under (rubricFor). */
  readonly rubric: TRubric;
  /** That definition's bonus items and special-rate conditions. */
  readonly definition: Pick<TProgrammeDefinition, 'bonusItems' | 'specialRateConditions'>;
  readonly bonusPoints?: Readonly<Record<TBonusCode, number>>;
}): CommitteeSummary {
  const rubric = input.rubric;
  const points = input.bonusPoints ?? bonusPointsOf(input.definition);
  const allParties = input.proposals.map((p) => p.parties);

  const prepared = input.proposals.map((p) => {
    const excluded = excludedFromAverages(p.parties, input.members, input.declarations, allParties);
    const bonus = assessBonus(input.definition, p.facts, p.bonusReviews ?? [], points);
    const score = scoreProposal(
      p.parties.id,
      input.sheets,
      rubric,
      excluded.map((e) => e.memberId),
      bonus.total,
    );
    return { proposal: p, excluded, bonus, score };
  });
  const rows = rankedRows(
    prepared.map(({ proposal, excluded, bonus, score }) => {
      const counted = new Set(score.countedMemberIds);
      const comments = input.sheets
        .filter((s) => s.proposalId === proposal.parties.id && counted.has(s.memberId) && s.status === 'submitted')
        .flatMap((s): SummaryComment[] => [
          ...s.scores.filter((x) => x.comment).map((x) => ({ memberId: s.memberId, item: x.item, text: x.comment! })),
          ...(s.overallComment ? [{ memberId: s.memberId, item: null, text: s.overallComment }] : []),
        ]);
      const because = provisionalReasons(score, bonus);
      return {
        proposalId: proposal.parties.id,
        title: proposal.title,
        applicantName: proposal.applicantName,
        requestedAmount: proposal.requestedAmount,
        maximumAmount: proposal.maximumAmount,
        submittedAt: proposal.submittedAt,
        score,
        bonus,
        specialRate: specialRateRecommendation(input.definition, proposal.facts, proposal.committeeFinding),
        excluded,
        comments,
        provisional: because.length > 0,
        provisionalBecause: because,
      };
    }),
    input.budget,
  );
  return {
    rubric,
    bonusPoints: points,
    budget: input.budget,
    rows,
    provisional: rows.some((r) => r.provisional),
  };
}

type UnrankedRow = Omit<SummaryRow, 'position' | 'rank' | 'cumulativeMaximum' | 'withinBudget' | 'tiedWith' | 'tieBrokenBy'>;

/** Ranks rows, and adds up their maxima in that order against the budget. */
function rankedRows(unranked: readonly UnrankedRow[], budget: Yen): SummaryRow[] {
  const byId = new Map(unranked.map((r) => [r.proposalId, r]));
  let cumulative = 0;
  return rankProposals(unranked.map((r) => ({ score: r.score, submittedAt: r.submittedAt }))).map((ranked): SummaryRow => {
    const row = byId.get(ranked.score.proposalId)!;
    cumulative += row.maximumAmount;
    return {
      ...row,
      position: ranked.position,
      rank: ranked.rank,
      cumulativeMaximum: yen(cumulative),
      withinBudget: cumulative <= budget,
      tiedWith: ranked.tiedWith,
      tieBrokenBy: ranked.tieBrokenBy,
    };
  });
}

/**
 * The sheet over the proposals one caller may see, ranked again among them: positions, ranks,
 * ties and the budget line are computed over what is shown, so a hidden proposal cannot show
 * through the numbering (a list that starts at rank 2). The scores stay those of the whole
 * committee.
 */
export function summaryLimitedTo(summary: CommitteeSummary, visible: (row: SummaryRow) => boolean): CommitteeSummary {
  const rows = rankedRows(summary.rows.filter(visible), summary.budget);
  return { ...summary, rows, provisional: rows.some((r) => r.provisional) };
}

/**
 * The sheet as one member may see it: proposals the member is excluded from are left out
 * entirely (a conflicted member sees nothing of them, 003 §3.2(1)).
 */
export function summaryForMember(summary: CommitteeSummary, memberId: string): CommitteeSummary {
  return summaryLimitedTo(summary, (r) => !r.excluded.some((e) => e.memberId === memberId));
}
