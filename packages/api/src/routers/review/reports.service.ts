import { findLedger, listCommitments, listDecisionsOfApplications, listProposalsOfProgramme } from '@tsumiki/db';
import { formatJst, RECEIVED_STATUSES, yen } from '@tsumiki/domain';
import {
  breakdownBy,
  breakdownKeysOf,
  BREAKDOWNS_OF,
  ledgerSummary,
  programmeStatistics,
  publicationRows,
  publicationSourceOf,
  publicationTable,
  rubricMaximum,
  scoreDistribution,
  SELECTED_STATUSES,
} from '@tsumiki/domain/review';
import { exportFile, type ExportFormat } from '../../lib/spreadsheet';
import type { Context, SignedInAuth } from '../../trpc-types';
import { committeeReviewOf, programmeOfCaller, STAFF_ROLES } from './review.access';
import { programmeSummary } from './review-scoring.service';

type Ctx = Context & { auth: SignedInAuth };

async function publicationSources(ctx: Ctx, programmeId: string) {
  const programme = await programmeOfCaller(ctx.db, ctx.auth, programmeId, STAFF_ROLES);
  const proposals = await listProposalsOfProgramme(ctx.db, { programmeId: programme.id, statuses: SELECTED_STATUSES, seenBy: ctx.auth.user.id });
  const sources = proposals.map((p) =>
    publicationSourceOf({ status: p.status, title: p.title, trackingNumber: p.trackingNumber, organisationName: ctx.locale === 'en' ? p.applicantNameEn : p.applicantNameJa, content: p.content }),
  );
  return { programme, sources };
}

/** The selection list for publication (事業名, 実施者, 概要) of one programme round. */
export async function publicationList(ctx: Ctx, programmeId: string) {
  const { programme, sources } = await publicationSources(ctx, programmeId);
  return {
    programme: { id: programme.id, nameJa: programme.name_ja, nameEn: programme.name_en, fiscalYear: programme.fiscal_year },
    rows: publicationRows(sources).map((r) => ({ title: r.事業名, implementers: r.実施者, summary: r.概要 })),
  };
}

export async function exportPublicationList(ctx: Ctx, input: { programmeId: string; format: ExportFormat }) {
  const { programme, sources } = await publicationSources(ctx, input.programmeId);
  const stamp = formatJst(ctx.now()).slice(0, 10).replace(/\D/g, '');
  return exportFile([publicationTable(sources, ctx.locale === 'en' ? 'en' : 'ja')], input.format, `selection-list-${programme.code}-${stamp}`);
}

/**
 * Programme statistics: counts by status, requested against granted totals, the breakdowns the
 * programme's applications give (BREAKDOWNS_OF: a CLT proposal's use, structure and site; a CO2
 * application's applicant and factor kinds), and the distribution of the proposals' average
 * evaluation (conflicted members left out, as in the summary sheet).
 */
export async function programmeStatisticsOf(ctx: Ctx, programmeId: string) {
  const programme = await programmeOfCaller(ctx.db, ctx.auth, programmeId, STAFF_ROLES);
  const proposals = await listProposalsOfProgramme(ctx.db, { programmeId: programme.id, statuses: RECEIVED_STATUSES, seenBy: ctx.auth.user.id });
  const [decisions, ledgerRow, commitments] = await Promise.all([
    listDecisionsOfApplications(ctx.db, proposals.map((p) => p.id)),
    findLedger(ctx.db, programme.id),
    listCommitments(ctx.db, programme.id),
  ]);
  const decisionOf = new Map(decisions.map((d) => [d.application_id, d]));
  const items = proposals.map((p) => {
    const d = decisionOf.get(p.id);
    return {
      status: p.status,
      content: p.content,
      ...(p.requestedGrantYen !== null ? { requestedAmount: yen(p.requestedGrantYen) } : {}),
      ...(d ? { grantedAmount: yen(d.granted_yen) } : {}),
      ...(d?.fixed_yen != null ? { fixedAmount: yen(d.fixed_yen) } : {}),
    };
  });
  const budget = ledgerSummary({
    programmeId: programme.id,
    budget: yen(ledgerRow?.budget_yen ?? programme.budget_yen),
    commitments: commitments.map((c) => ({ applicationId: c.applicationId, amount: yen(c.amount) })),
    version: ledgerRow?.version ?? 0,
  });
  const locale = ctx.locale === 'en' ? 'en' : 'ja';
  const breakdowns = BREAKDOWNS_OF[programme.kind].map((breakdown) => ({
    breakdown,
    rows: breakdownBy(items.flatMap((i) => breakdownKeysOf(i.content, breakdown, locale).map((key) => ({ ...i, key })))),
  }));
  const committee = committeeReviewOf(programme);
  const summary = committee ? await programmeSummary(ctx, programme.id) : null;
  const averages = (summary?.rows ?? []).flatMap((r) => (r.score.evaluationAverage === null ? [] : [r.score.evaluationAverage]));
  const maximum = summary ? rubricMaximum(summary.rubric) : 0;
  return {
    programme: { id: programme.id, nameJa: programme.name_ja, nameEn: programme.name_en, kind: programme.kind },
    statistics: programmeStatistics(items, { budget }),
    breakdowns,
    scores: committee ? { maximum, scored: averages.length, bins: scoreDistribution(averages, maximum, 10) } : null,
  };
}
