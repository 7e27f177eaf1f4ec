import { describe, expect, it } from 'vitest';
import { toCsv } from '../export';
import { yen } from '../money';
import type { TConflictDeclaration } from './conflicts';
import { ledgerSummary, openLedger } from './ledger';
import {
  programmeStatistics,
  publicationRows,
  publicationTable,
  type PublicationSource,
  type StatisticsSource,
} from './reports';
import { CLT_DEMONSTRATION } from '../programmes/clt/definition';
import { rubricFor, type TScoreSheet } from './rubric';
import { ZCommitteeFinding } from './special-rate';
import { committeeSummary, summaryForMember, type SummaryProposal } from './summary';
import { REVIEW_STATUSES } from './workflow';

/** The rubric of the built-in CLT definition, as the pinned version gives it. */
const cltRubric = rubricFor(CLT_DEMONSTRATION);

describe('the selection list for publication (事業名, 実施者, 概要)', () => {
  const items: PublicationSource[] = [
    {
      status: 'selected',
      title: 'CLT中層事務所の建築実証',
      implementers: ['山田建設株式会社', '一般社団法人木の会'],
      summary: '5階建て事務所',
      receiptNumber: 'R7-002',
    },
    {
      status: 'not_selected',
      title: '不採択の事業',
      implementers: ['某社'],
      summary: '—',
      receiptNumber: 'R7-001',
    },
    {
      status: 'paid',
      title: '店舗チェーンの設計実証',
      implementers: [' 株式会社みせ '],
      summary: '全国展開の店舗',
      receiptNumber: 'R7-003',
    },
    {
      status: 'withdrawn',
      title: '辞退した事業',
      implementers: ['某社'],
      summary: '—',
      receiptNumber: 'R7-004',
    },
    {
      status: 'recommended',
      title: '審査中の事業',
      implementers: ['某社'],
      summary: '—',
      receiptNumber: 'R7-000',
    },
  ];

  it('lists selected proposals only, in receipt order, with the implementers joined', () => {
    expect(publicationRows(items)).toEqual([
      {
        事業名: 'CLT中層事務所の建築実証',
        実施者: '山田建設株式会社・一般社団法人木の会',
        概要: '5階建て事務所',
      },
      { 事業名: '店舗チェーンの設計実証', 実施者: '株式会社みせ', 概要: '全国展開の店舗' },
    ]);
  });

  it('exports as a table with Japanese or English headers', () => {
    const table = publicationTable(items);
    expect(table.header).toEqual(['事業名', '実施者', '概要']);
    expect(toCsv([table.header, ...table.rows]).split('\r\n')[1]).toBe(
      'CLT中層事務所の建築実証,山田建設株式会社・一般社団法人木の会,5階建て事務所',
    );
    expect(publicationTable(items, 'en').header).toEqual(['Project', 'Implementer', 'Summary']);
  });
});

describe('programme statistics', () => {
  it('counts every status, the derived groups and the amounts', () => {
    const items: StatisticsSource[] = [
      { status: 'draft', requestedAmount: yen(9) },
      { status: 'submitted', requestedAmount: yen(10_000_000) },
      { status: 'under_review', requestedAmount: yen(20_000_000) },
      { status: 'not_selected', requestedAmount: yen(30_000_000) },
      { status: 'grant_decided', requestedAmount: yen(40_000_000), grantedAmount: yen(12_000_000) },
      {
        status: 'paid',
        requestedAmount: yen(50_000_000),
        grantedAmount: yen(15_000_000),
        fixedAmount: yen(14_000_000),
      },
      {
        status: 'amount_fixed',
        requestedAmount: yen(10_000_000),
        grantedAmount: yen(3_000_000),
        fixedAmount: yen(2_900_000),
      },
      { status: 'cancelled', requestedAmount: yen(5_000_000), grantedAmount: yen(1_500_000) },
      {
        status: 'reclaimed',
        requestedAmount: yen(8_000_000),
        grantedAmount: yen(2_400_000),
        fixedAmount: yen(2_400_000),
        reclaimAmount: yen(2_400_000),
      },
      { status: 'withdrawn' },
    ];
    const ledger = openLedger('clt', yen(627_000_000));
    const stats = programmeStatistics(items, { budget: ledgerSummary(ledger), withdrawnDrafts: 1 });
    expect(Object.keys(stats.byStatus)).toEqual([...REVIEW_STATUSES]);
    expect(stats.byStatus).toMatchObject({ draft: 1, submitted: 1, paid: 1, reclaimed: 1, recommended: 0 });
    expect({ ...stats, byStatus: undefined, budget: undefined }).toEqual({
      byStatus: undefined,
      budget: undefined,
      received: 8,
      inReview: 2,
      selected: 4,
      notSelected: 1,
      withdrawn: 1,
      cancelled: 1,
      selectionRate: { numerator: 4, denominator: 5, value: 0.8 },
      amounts: {
        requested: 173_000_000,
        granted: 32_400_000,
        fixed: 19_300_000,
        paid: 16_400_000,
        reclaimRequested: 0,
        reclaimed: 2_400_000,
      },
    });
    expect(stats.budget?.remaining).toBe(627_000_000);
    expect(programmeStatistics([]).selectionRate.value).toBeNull();
  });
});

describe('the committee summary sheet', () => {
  const at = (d: number) => new Date(Date.UTC(2026, 3, d));
  const parties = (id: string, owner: string) => ({
    id,
    programmeId: 'clt',
    applicantOrganisationIds: [owner],
    applicantUserIds: [`u-${id}`],
    consultantOrganisationIds: [],
    consultantUserIds: [],
  });
  const proposals: SummaryProposal[] = [
    {
      parties: parties('p1', 'org-yamada'),
      title: '5階建てCLT事務所',
      applicantName: '山田建設',
      requestedAmount: yen(200_000_000),
      maximumAmount: yen(200_000_000),
      submittedAt: at(1),
      facts: { storeys: 5, cltPanelMethod: true, cltStructural: true },
      committeeFinding: ZCommitteeFinding.parse({ excellent: true, reason: '先導性が高い' }),
    },
    {
      parties: parties('p2', 'org-mise'),
      title: '店舗チェーン',
      applicantName: 'みせ',
      requestedAmount: yen(90_000_000),
      maximumAmount: yen(90_000_000),
      submittedAt: at(2),
      facts: { storeys: 1, nationwideChain: true, cltStructural: true },
    },
    {
      parties: parties('p3', 'org-kita'),
      title: '北の倉庫',
      applicantName: '北',
      requestedAmount: yen(50_000_000),
      maximumAmount: yen(40_000_000),
      submittedAt: at(3),
      facts: { storeys: 2 },
    },
  ];
  const members = [
    { id: 'm1', relatedOrganisationIds: ['org-yamada'] }, // related to p1's owner
    { id: 'm2', relatedOrganisationIds: [] },
    { id: 'm3', relatedOrganisationIds: [] },
  ];
  const sheet = (memberId: string, proposalId: string, score: number, comment?: string): TScoreSheet => ({
    proposalId,
    memberId,
    scores: cltRubric.items.map((i) => ({ item: i.code, score })),
    status: 'submitted',
    submittedAt: at(20),
    ...(comment ? { overallComment: comment } : {}),
  });
  const declarations: TConflictDeclaration[] = [
    {
      memberId: 'm3',
      programmeId: 'clt',
      proposalId: 'p2',
      conflicts: [{ kind: 'consulted_self' }],
      declaredAt: at(10),
    },
  ];
  const sheets = [
    sheet('m1', 'p1', 5, '身内びいき'), // must not count: m1 is related to the applicant
    sheet('m2', 'p1', 3),
    sheet('m3', 'p1', 3),
    sheet('m1', 'p2', 4),
    sheet('m2', 'p2', 4, '普及性が高い'),
    sheet('m3', 'p2', 1), // declared conflict: must not count
    sheet('m1', 'p3', 2),
    sheet('m2', 'p3', 2),
  ];
  const summary = committeeSummary({ budget: yen(250_000_000), proposals, members, declarations, sheets, rubric: cltRubric, definition: CLT_DEMONSTRATION });

  it('ranks by average of non-conflicted sheets plus bonus, and shows who was left out', () => {
    expect(
      summary.rows.map((r) => [
        r.position,
        r.proposalId,
        r.score.evaluationAverage,
        r.bonus.total,
        r.score.total,
      ]),
    ).toEqual([
      [1, 'p2', 24, 1, 25],
      [2, 'p1', 18, 3, 21],
      [3, 'p3', 12, 0, 12],
    ]);
    expect(summary.rows[0]!.excluded).toEqual([
      { memberId: 'm3', reason: 'conflict', kinds: ['consulted_self'] },
    ]);
    expect(summary.rows[1]!.excluded).toEqual([
      { memberId: 'm1', reason: 'conflict', kinds: ['related_company'] },
    ]);
  });

  it('collects comments from counted sheets only', () => {
    expect(summary.rows[0]!.comments).toEqual([{ memberId: 'm2', item: null, text: '普及性が高い' }]);
    expect(summary.rows[1]!.comments).toEqual([]);
  });

  it('shows where the budget line falls on the computed maxima', () => {
    expect(summary.rows.map((r) => [r.cumulativeMaximum, r.withinBudget])).toEqual([
      [90_000_000, true],
      [290_000_000, false],
      [330_000_000, false],
    ]);
  });

  it('carries the special-rate standing and stays provisional while bonus items await a reviewer', () => {
    expect(summary.rows.map((r) => r.specialRate.status)).toEqual([
      'criteria_unknown',
      'recommended',
      'criteria_unknown',
    ]);
    expect(summary.rubric.assumption).toBe(true);
    expect(summary.provisional).toBe(true);
  });

  it('says what can still move each row: no sheet counted, a draft sheet, bonus items unconfirmed', () => {
    const moving = committeeSummary({
      budget: yen(250_000_000),
      proposals,
      members,
      declarations,
      sheets: [{ ...sheet('m2', 'p1', 3), status: 'draft' }, sheet('m1', 'p2', 4)],
      rubric: cltRubric,
      definition: CLT_DEMONSTRATION,
    });
    // p1: m2's sheet is a draft and m1's does not count (conflict), so nothing is counted yet.
    expect(Object.fromEntries(moving.rows.map((r) => [r.proposalId, [r.provisional, r.provisionalBecause]]))).toEqual({
      p1: [true, ['no_scores', 'draft_sheets', 'bonus_unchecked']],
      p2: [true, ['bonus_unchecked']],
      p3: [true, ['no_scores', 'bonus_unchecked']],
    });
  });

  it('hides from a member every proposal they are excluded from', () => {
    expect(summaryForMember(summary, 'm1').rows.map((r) => r.proposalId)).toEqual(['p2', 'p3']);
    expect(summaryForMember(summary, 'm3').rows.map((r) => r.proposalId)).toEqual(['p1', 'p3']);
    expect(summaryForMember(summary, 'm2').rows).toHaveLength(3);
  });

  it('ranks a member’s sheet over what the member sees: no gap where a hidden proposal was', () => {
    const theirs = summaryForMember(summary, 'm3');
    expect(theirs.rows.map((r) => [r.position, r.rank, r.proposalId, r.cumulativeMaximum])).toEqual([
      [1, 1, 'p1', 200_000_000],
      [2, 2, 'p3', 240_000_000],
    ]);
    expect(theirs.rows.map((r) => r.withinBudget)).toEqual([true, true]);
  });
});
