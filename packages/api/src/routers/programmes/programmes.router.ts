import { listProgrammes, type Programme } from '@tsumiki/db';
import { isWindowOpen } from '@tsumiki/domain';
import { createTRPCRouter, signedInProcedure } from '../../trpc';

export function toProgrammeSummary(p: Programme, now: Date) {
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
    budgetStated: p.definition.budgetStated !== false,
    isDemo: p.is_demo,
    isOpen: isWindowOpen({ opensAt: p.window_opens_at, closesAt: p.window_closes_at }, now),
  };
}

export const programmesRouter = createTRPCRouter({
  /** Programmes are public calls (公募); every signed-in user may read them. */
  list: signedInProcedure.query(async ({ ctx }) => {
    const now = ctx.now();
    return (await listProgrammes(ctx.db)).map((p) => toProgrammeSummary(p, now));
  }),
});
