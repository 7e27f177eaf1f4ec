import type { TRole } from '../roles';
import type { TransitionResult, TReviewStatus, TWorkflowEvent, WorkflowActor } from './workflow';

/** What a transition leaves behind: the applicant's notice and the audit row. */

/** What goes into the applicant's notice (through the outbox), or null for an internal transition. */
export interface ApplicantNotice {
  readonly event: TWorkflowEvent;
  readonly status: TReviewStatus;
  /** Only where the row shows reasons: a rejection's reason never leaves the office (003 §3.4). */
  readonly reason?: string;
  readonly dueAt?: Date;
  readonly amount?: number;
}

export function applicantNotice(result: TransitionResult): ApplicantNotice | null {
  if (!result.notifiesApplicant) return null;
  return {
    event: result.event,
    status: result.to,
    ...(result.reasonShownToApplicant && result.reason !== undefined ? { reason: result.reason } : {}),
    ...(result.dueAt !== undefined ? { dueAt: result.dueAt } : {}),
    ...(result.amount !== undefined ? { amount: result.amount } : {}),
  };
}

/** The audit row for a transition: who, what, from where to where, and the inputs given. */
export interface TransitionAudit {
  readonly event: TWorkflowEvent;
  readonly from: TReviewStatus;
  readonly to: TReviewStatus;
  readonly actorRole: TRole;
  readonly actorUserId: string | null;
  readonly at: Date;
  readonly reason: string | null;
  readonly dueAt: Date | null;
  readonly amount: number | null;
  readonly notifiedApplicant: boolean;
}

export const auditEntry = (result: TransitionResult, actor: WorkflowActor, at: Date): TransitionAudit => ({
  event: result.event,
  from: result.from,
  to: result.to,
  actorRole: actor.role,
  actorUserId: actor.userId ?? null,
  at,
  reason: result.reason ?? null,
  dueAt: result.dueAt ?? null,
  amount: result.amount ?? null,
  notifiedApplicant: result.notifiesApplicant,
});
