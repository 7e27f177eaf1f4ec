import { findLatestRoundOfProgramme, findProgrammeDefinition, insertRound, insertRoundClone, listProgrammeDefinitions, listRoundsOfOffices, roundOfRow, updateRoundStatus, updateRoundTerms } from '@tsumiki/db';
import { cloneRoundForNextYear, DomainError, roundCodeCandidates, roundTransition, ZRoundAction, ZRoundCode, ZRoundInput, ZRoundTerms } from '@tsumiki/domain';
import { z } from 'zod';
import { appError, toAppError } from '../../errors';
import { createTRPCRouter, roleProcedure } from '../../trpc';
import { adminOfficesOf, auditRound, moveLedgerBudget, owningOffice, ROUND_ADMIN_ROLES, roundForChange, toRoundView } from './rounds.service';

const admin = roleProcedure(...ROUND_ADMIN_ROLES);
const ZRoundId = z.object({ roundId: z.uuid() });

/** Rounds (公募回) run by the caller's programme office: open, clone, set terms, publish, close, reopen. */
export const roundsRouter = createTRPCRouter({
  /** The programmes of the offices the caller administers, each with its rounds and the actions each allows. */
  list: admin.query(async ({ ctx }) => {
    const offices = adminOfficesOf(ctx.auth);
    const [programmes, rounds] = await Promise.all([listProgrammeDefinitions(ctx.db, offices), listRoundsOfOffices(ctx.db, offices)]);
    return programmes.map((p) => ({
      id: p.id,
      code: p.code,
      kind: p.kind,
      nameJa: p.name_ja,
      nameEn: p.name_en,
      rounds: rounds.filter((r) => r.programme_definition_id === p.id).map(toRoundView),
    }));
  }),

  /** A new draft round of a programme; it carries over the notes on the call (definition) of the programme's latest round. */
  create: admin.input(z.object({ programmeDefinitionId: z.uuid(), round: ZRoundInput })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      const programme = await findProgrammeDefinition(trx, input.programmeDefinitionId);
      if (!programme) throw appError('programme.not_found');
      const officeId = owningOffice(ctx.auth, programme.office_organisation_id);
      const latest = await findLatestRoundOfProgramme(trx, programme.id);
      const created = await insertRound(trx, {
        ...input.round,
        kind: programme.kind,
        programmeDefinitionId: programme.id,
        officeOrganisationId: officeId,
        definition: latest?.definition ?? {},
        budgetStated: true,
      });
      if (!created) throw appError('round.code_taken');
      await auditRound(trx, ctx, 'round.create', created.id, null, created);
      return { id: created.id };
    }),
  ),

  /**
   * Next fiscal year's round from this one, as a draft for the office to revise. Its code is the one
   * the office gives, else next year's code or the first free one after it (-2, -3…).
   */
  clone: admin.input(ZRoundId.extend({ code: ZRoundCode.optional() })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      const source = await roundForChange(trx, ctx.auth, input.roundId);
      const next = cloneRoundForNextYear(roundOfRow(source));
      let created: Awaited<ReturnType<typeof insertRoundClone>>;
      for (const code of input.code ? [input.code] : roundCodeCandidates(next.code)) {
        created = await insertRoundClone(trx, source, { ...next, code });
        if (created) break;
      }
      if (!created) throw appError('round.code_taken');
      await auditRound(trx, ctx, 'round.clone', created.id, source, created);
      return { id: created.id };
    }),
  ),

  /** The window (JST), budget and notes; the ledger follows the budget. */
  update: admin.input(ZRoundId.extend({ terms: ZRoundTerms })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await roundForChange(trx, ctx.auth, input.roundId);
      await moveLedgerBudget(trx, ctx, before, input.terms.budgetYen);
      const after = await updateRoundTerms(trx, before.id, { ...input.terms, at: ctx.now() });
      await auditRound(trx, ctx, 'round.update', before.id, before, after);
      return { id: after.id };
    }),
  ),

  /** Publish, close or reopen, as the domain's transitions allow from the round's status. */
  transition: admin.input(ZRoundId.extend({ action: ZRoundAction })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      const before = await roundForChange(trx, ctx.auth, input.roundId);
      let to;
      try {
        to = roundTransition(before.status, input.action);
      } catch (error) {
        throw error instanceof DomainError ? toAppError(error) : error;
      }
      const after = await updateRoundStatus(trx, before.id, before.status, to, ctx.now());
      if (!after) throw appError('round.transition_not_allowed');
      await auditRound(trx, ctx, `round.${input.action}`, before.id, before, after);
      return { id: after.id, status: after.status };
    }),
  ),
});
