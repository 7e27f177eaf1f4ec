import { findLedger, latestPublishedVersion, listProgrammesWithLedger, publishedDefinitions, type Executor, type Programme } from '@tsumiki/db';
import { isRoundVisibleToApplicants, roundAccepting, roundListing } from '@tsumiki/domain';
import { budgetStanding, submissionAcceptance, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { z } from 'zod';
import { appError } from '../../errors';
import { sharedAnswer } from '../../shared-answer';
import { createTRPCRouter, signedInProcedure } from '../../trpc';

/** The ledger's budget and committed total; a programme whose ledger is not open yet has committed nothing. */
export interface LedgerFigures {
  budgetYen: number | null;
  committedYen: number | null;
}

/**
 * A round as the catalogue shows it. `rules` is its programme's latest published version: whether
 * the call closes when the budget runs out is the office's to set there. A programme with no
 * published version yet has no standing, and takes applications by its window alone.
 */
export function toProgrammeSummary(p: Programme, rules: TProgrammeDefinition | undefined, now: Date, ledger: LedgerFigures = { budgetYen: null, committedYen: null }) {
  const budget = { amount: ledger.budgetYen ?? p.budget_yen, approvedTotal: ledger.committedYen ?? 0 };
  const round = { opensAt: p.window_opens_at, closesAt: p.window_closes_at, status: p.status };
  const standing = rules ? budgetStanding(rules, budget) : null;
  const isOpen = rules ? submissionAcceptance(rules, round, now, budget).accepting : roundAccepting(round, now).accepting;
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    nameJa: p.name_ja,
    nameEn: p.name_en,
    fiscalYear: p.fiscal_year,
    windowOpensAt: p.window_opens_at,
    windowClosesAt: p.window_closes_at,
    budgetYen: p.budget_yen,
    // A budget the call (公募要領) does not state is a placeholder until the programme office sets it.
    budgetStated: p.budget_stated,
    /** Budget less what grant decisions have committed in the ledger, never below zero. */
    budgetRemainingYen: standing?.remaining ?? p.budget_yen,
    committedYen: standing?.committed ?? 0,
    /** The approved total has reached the budget and the call closes early (001 §2.6). */
    closedByBudget: standing?.closesCall ?? false,
    isDemo: p.is_demo,
    isOpen,
    /** open, upcoming or closed: only the first two are listed under 公募中・公募予定. */
    listing: roundListing(round, now, isOpen),
  };
}

/** One programme's summary with its ledger, as the application page shows it. */
export async function programmeSummary(db: Executor, p: Programme, now: Date) {
  const [ledger, rules] = await Promise.all([findLedger(db, p.id), latestPublishedVersion(db, p.programme_definition_id)]);
  return toProgrammeSummary(p, rules?.definition, now, { budgetYen: ledger?.budget_yen ?? null, committedYen: ledger?.committed_yen ?? null });
}

export const programmesRouter = createTRPCRouter({
  /** Programmes are public calls (公募); every signed-in user may read them. A draft round only its office sees. */
  list: signedInProcedure.query(async ({ ctx }) => {
    const now = ctx.now();
    const ownOffices = new Set(ctx.auth.memberships.map((m) => m.organisationId));
    const rounds = (await listProgrammesWithLedger(ctx.db)).filter((p) => isRoundVisibleToApplicants(p.status) || ownOffices.has(p.office_organisation_id));
    const rules = await publishedDefinitions(ctx.db, rounds.flatMap((p) => (p.published_version_id ? [p.published_version_id] : [])));
    return rounds.map(({ ledger_budget_yen, ledger_committed_yen, published_version_id, ...p }) =>
      toProgrammeSummary(p, published_version_id ? rules.get(published_version_id) : undefined, now, { budgetYen: ledger_budget_yen, committedYen: ledger_committed_yen }),
    );
  }),

  /**
   * A published version's rules: the form, rates, caps and checks an application computes with.
   * They are the call's own terms (公募要領), public like the rounds; a draft version is not
   * published and is "not found". A published version never changes, so every caller of one
   * version gets one shared answer, and the portal keeps it as long as the page is open.
   */
  rules: signedInProcedure.input(z.object({ versionId: z.uuid() })).query(async ({ ctx, input }) => {
    const rules = (await publishedDefinitions(ctx.db, [input.versionId])).get(input.versionId);
    if (!rules) throw appError('programmes.definition_not_found');
    return sharedAnswer(rules);
  }),
});
