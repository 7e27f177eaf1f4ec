import { appendAudit, findLedger, findRoundForUpdate, roundOfRow, type Executor, type Programme } from '@tsumiki/db';
import { roundActions, type TRole } from '@tsumiki/domain';
import { changeBudget } from '@tsumiki/domain/review';
import { appError } from '../../errors';
import type { Context } from '../../context';
import type { SignedInAuth } from '../../trpc-types';
import { lockedLedger, writeLedger } from '../review/review-workflow.service';

export type AdminCtx = Context & { auth: SignedInAuth };

/** Only programme admins of the office that runs a round may change it (SPEC §7). */
export const ROUND_ADMIN_ROLES = ['programme_admin'] as const satisfies readonly TRole[];

export const adminOfficesOf = (auth: SignedInAuth) =>
  [...new Set(auth.memberships.filter((m) => (ROUND_ADMIN_ROLES as readonly TRole[]).includes(m.role)).map((m) => m.organisationId))];

/** The office that runs a programme, refused unless the caller administers it. */
export function owningOffice(auth: SignedInAuth, officeId: string): string {
  if (!adminOfficesOf(auth).includes(officeId)) throw appError('round.not_owning_office');
  return officeId;
}

/** The round locked for a change, refused to anyone but an admin of its owning office. */
export async function roundForChange(trx: Executor, auth: SignedInAuth, roundId: string): Promise<Programme> {
  const round = await findRoundForUpdate(trx, roundId);
  if (!round) throw appError('round.not_found');
  if (!adminOfficesOf(auth).includes(round.office_organisation_id)) throw appError('round.not_owning_office');
  return round;
}

/** What the audit keeps of a round before and after a change. */
export const roundSnapshot = (r: Programme) => ({
  code: r.code,
  status: r.status,
  fiscalYear: r.fiscal_year,
  opensAt: r.window_opens_at.toISOString(),
  closesAt: r.window_closes_at.toISOString(),
  budgetYen: Number(r.budget_yen),
  budgetStated: r.budget_stated,
  notes: r.notes,
});

export function auditRound(trx: Executor, ctx: AdminCtx, action: string, roundId: string, before: Programme | null, after: Programme) {
  return appendAudit(trx, {
    actorUserId: ctx.auth.user.id,
    action,
    entityType: 'programme_round',
    entityId: roundId,
    ...(before ? { before: roundSnapshot(before) } : {}),
    after: roundSnapshot(after),
    requestId: ctx.request.requestId,
    ip: ctx.request.ip,
  });
}

/**
 * A budget the office changes is the ledger's budget too, once a ledger is open (the first
 * decision opens it from the round's budget). The domain refuses a budget below what is committed.
 */
export async function moveLedgerBudget(trx: Executor, ctx: AdminCtx, round: Programme, budgetYen: number) {
  if (!(await findLedger(trx, round.id))) return;
  const before = await lockedLedger(trx, round, ctx.auth.user.id);
  if (before.budget === budgetYen) return;
  const after = changeBudget(before, budgetYen);
  if (!after.ok) throw appError(after.code, after.params);
  await writeLedger(trx, before, after.value, { applicationId: null, kind: 'budget', amount: budgetYen - before.budget, actorUserId: ctx.auth.user.id, at: ctx.now() });
}

/** A round as the console's round list shows it: its terms, status, the actions open to the office. */
export function toRoundView(r: Programme & { ledger_committed_yen: number | null }) {
  return {
    ...roundOfRow(r),
    id: r.id,
    kind: r.kind,
    budgetStated: r.budget_stated,
    committedYen: Number(r.ledger_committed_yen ?? 0),
    status: r.status,
    actions: roundActions(r.status),
    officeOrganisationId: r.office_organisation_id,
    isDemo: r.is_demo,
  };
}
