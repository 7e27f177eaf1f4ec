import { sheetTotal, type TRubric, type TScoreSheet } from './rubric';

/**
 * A proposal's score: the mean of the submitted sheets of members who are not excluded (conflict
 * of interest, or applied to the programme), plus its bonus points, added once. Sums stay integers
 * (integer scores × integer weights), so ties are compared exactly, never through rounded floats.
 */
export interface ProposalScore {
  readonly proposalId: string;
  /** Members whose submitted sheets were averaged. */
  readonly countedMemberIds: readonly string[];
  /** Sheets left out because their member is excluded from this proposal. */
  readonly excludedMemberIds: readonly string[];
  /** Members whose sheets are still drafts. */
  readonly draftMemberIds: readonly string[];
  /** Σ of the counted sheets' weighted totals. */
  readonly evaluationSum: number;
  readonly count: number;
  readonly evaluationAverage: number | null;
  readonly itemAverages: readonly { readonly item: string; readonly average: number | null }[];
  readonly bonusPoints: number;
  /** evaluationAverage + bonusPoints; null while no sheet counts. */
  readonly total: number | null;
}

export function scoreProposal(
  proposalId: string,
  sheets: readonly TScoreSheet[],
  rubric: TRubric,
  excludedMemberIds: readonly string[],
  bonusPoints: number,
): ProposalScore {
  const mine = sheets.filter((s) => s.proposalId === proposalId);
  const excluded = new Set(excludedMemberIds);
  // One sheet per member: the latest submitted one, so a duplicate cannot double a member's weight.
  const byMember = new Map<string, TScoreSheet>();
  for (const s of mine) {
    if (s.status !== 'submitted' || excluded.has(s.memberId) || sheetTotal(s, rubric) === null) continue;
    const prev = byMember.get(s.memberId);
    if (!prev || (s.submittedAt?.getTime() ?? 0) >= (prev.submittedAt?.getTime() ?? 0))
      byMember.set(s.memberId, s);
  }
  const counted = [...byMember.values()];
  const evaluationSum = counted.reduce((sum, s) => sum + (sheetTotal(s, rubric) ?? 0), 0);
  const count = counted.length;
  const itemAverages = rubric.items.map((item) => ({
    item: item.code,
    average: count
      ? counted.reduce((sum, s) => sum + (s.scores.find((x) => x.item === item.code)?.score ?? 0), 0) / count
      : null,
  }));
  const countedIds = new Set(byMember.keys());
  return {
    proposalId,
    countedMemberIds: [...countedIds],
    excludedMemberIds: [...new Set(mine.filter((s) => excluded.has(s.memberId)).map((s) => s.memberId))],
    draftMemberIds: [
      ...new Set(
        mine
          .filter((s) => s.status === 'draft' && !excluded.has(s.memberId) && !countedIds.has(s.memberId))
          .map((s) => s.memberId),
      ),
    ],
    evaluationSum,
    count,
    evaluationAverage: count ? evaluationSum / count : null,
    itemAverages,
    bonusPoints,
    total: count ? evaluationSum / count + bonusPoints : null,
  };
}

/**
 * Tie-break, in order (ASSUMPTION: 003 does not give one):
 * 1. the higher total (evaluation average + bonus);
 * 2. the higher evaluation average: on equal totals the committee's own judgement weighs more
 *    than points that follow mechanically from the facts;
 * 3. the earlier submission (受付順);
 * 4. the proposal id, so the order is always the same.
 * Proposals with no counted sheet come last.
 */
export const TIE_BREAKS = ['evaluation_average', 'submitted_at', 'proposal_id'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export interface RankingEntry {
  readonly score: ProposalScore;
  readonly submittedAt: Date;
}

export interface RankedProposal {
  /** 1, 2, 3… after the tie-break: no two proposals share a position. */
  readonly position: number;
  /** Competition rank on the total alone (1, 2, 2, 4): equal totals share it. */
  readonly rank: number | null;
  readonly score: ProposalScore;
  readonly submittedAt: Date;
  /** Other proposals with exactly the same total. */
  readonly tiedWith: readonly string[];
  /** What put this proposal below the one above it when their totals are equal. */
  readonly tieBrokenBy: TieBreak | null;
}

/** a/b against c/d on integers; b, d > 0. */
const compareFractions = (a: number, b: number, c: number, d: number) => Math.sign(a * d - c * b);
const totalNumerator = (s: ProposalScore) => s.evaluationSum + s.bonusPoints * s.count;

function compareTotal(a: ProposalScore, b: ProposalScore): number {
  if (a.count === 0 || b.count === 0) return (a.count === 0 ? 1 : 0) - (b.count === 0 ? 1 : 0);
  return -compareFractions(totalNumerator(a), a.count, totalNumerator(b), b.count);
}

function decide(a: RankingEntry, b: RankingEntry): { order: number; by: TieBreak | null } {
  const byTotal = compareTotal(a.score, b.score);
  if (byTotal !== 0) return { order: byTotal, by: null };
  if (a.score.count > 0 && b.score.count > 0) {
    const byEvaluation = -compareFractions(
      a.score.evaluationSum,
      a.score.count,
      b.score.evaluationSum,
      b.score.count,
    );
    if (byEvaluation !== 0) return { order: byEvaluation, by: 'evaluation_average' };
  }
  const bySubmission = Math.sign(a.submittedAt.getTime() - b.submittedAt.getTime());
  if (bySubmission !== 0) return { order: bySubmission, by: 'submitted_at' };
  const byId = a.score.proposalId < b.score.proposalId ? -1 : a.score.proposalId > b.score.proposalId ? 1 : 0;
  return { order: byId, by: 'proposal_id' };
}

export function rankProposals(entries: readonly RankingEntry[]): RankedProposal[] {
  const sorted = [...entries].sort((a, b) => decide(a, b).order);
  let rank = 0;
  return sorted.map((entry, i) => {
    const above = sorted[i - 1];
    const sameAsAbove = above !== undefined && compareTotal(above.score, entry.score) === 0;
    if (!sameAsAbove) rank = i + 1;
    const tiedWith =
      entry.score.count === 0
        ? []
        : sorted
            .filter((o) => o !== entry && o.score.count > 0 && compareTotal(o.score, entry.score) === 0)
            .map((o) => o.score.proposalId);
    return {
      position: i + 1,
      rank: entry.score.count === 0 ? null : rank,
      score: entry.score,
      submittedAt: entry.submittedAt,
      tiedWith,
      tieBrokenBy: sameAsAbove && above && entry.score.count > 0 ? decide(above, entry).by : null,
    };
  });
}
