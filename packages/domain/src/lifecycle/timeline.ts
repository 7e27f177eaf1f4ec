import { transitionSpec, type TReviewStatus, type TWorkflowEvent } from '../review/workflow';
import { isOverdue, type TRequestKind } from '../review/requests';

/**
 * The applicant's view of an application's history after submission: the frozen
 * versions they sent, the status changes that concern them (the workflow table's
 * `notifiesApplicant` rows; internal steps such as starting the review or the committee's
 * recommendation stay hidden), and the requests made of them with their due dates. Reasons appear
 * only where the workflow shows them to the applicant (a rejection's reason never does, 003 §3.4).
 */

export interface TimelineSubmission {
  readonly versionNo: number;
  readonly submittedAt: Date;
  readonly requestedGrantYen: number | null;
  /** Why this version was frozen: a first submission, a resubmission, an approved change. */
  readonly origin?: 'submission' | 'resubmission' | 'change' | undefined;
}

export interface TimelineTransition {
  readonly id: string | number;
  readonly event: string;
  readonly from: string;
  readonly to: string;
  readonly at: Date;
  readonly reason: string | null;
  readonly dueAt: Date | null;
  readonly amountYen: number | null;
}

export interface TimelineRequest {
  readonly id: string;
  readonly kind: TRequestKind;
  readonly message: string;
  readonly issuedAt: Date;
  readonly dueAt: Date;
  readonly answeredAt: Date | null;
}

export interface TimelineChange {
  readonly id: string;
  readonly kind: string;
  readonly status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  readonly submittedAt: Date;
  readonly decidedAt: Date | null;
  readonly decisionReason: string | null;
}

export type TimelineEntry =
  | { readonly type: 'submission'; readonly at: Date; readonly versionNo: number; readonly requestedGrantYen: number | null; readonly origin: 'submission' | 'resubmission' | 'change' }
  | {
      readonly type: 'status';
      readonly at: Date;
      readonly event: TWorkflowEvent;
      readonly from: TReviewStatus;
      readonly to: TReviewStatus;
      readonly reason?: string;
      readonly dueAt?: Date;
      readonly amountYen?: number;
    }
  | {
      readonly type: 'request';
      readonly at: Date;
      readonly requestId: string;
      readonly kind: TRequestKind;
      readonly message: string;
      readonly dueAt: Date;
      readonly answeredAt?: Date;
      readonly overdue: boolean;
    }
  | { readonly type: 'change'; readonly at: Date; readonly changeId: string; readonly kind: string; readonly status: TimelineChange['status']; readonly reason?: string };

/** The event that opens a request: its message is shown on the request entry, not twice. */
const OPENS_REQUEST: ReadonlySet<string> = new Set(['request_information', 'return_for_correction', 'return_report', 'request_reclaim']);

export function applicantTimeline(input: {
  submissions: readonly TimelineSubmission[];
  transitions: readonly TimelineTransition[];
  requests: readonly TimelineRequest[];
  changes?: readonly TimelineChange[];
  now: Date;
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const s of input.submissions) {
    entries.push({ type: 'submission', at: s.submittedAt, versionNo: s.versionNo, requestedGrantYen: s.requestedGrantYen, origin: s.origin ?? (s.versionNo === 1 ? 'submission' : 'resubmission') });
  }
  for (const t of input.transitions) {
    const spec = transitionSpec(t.event as TWorkflowEvent);
    // Unknown or internal steps stay out; the applicant's own submission is the version entry.
    if (!spec?.notifiesApplicant || t.event === 'submit' || t.event === 'resubmit') continue;
    entries.push({
      type: 'status',
      at: t.at,
      event: spec.event,
      from: t.from as TReviewStatus,
      to: t.to as TReviewStatus,
      ...(spec.reasonShownToApplicant && t.reason && !OPENS_REQUEST.has(t.event) ? { reason: t.reason } : {}),
      ...(t.dueAt && !OPENS_REQUEST.has(t.event) ? { dueAt: t.dueAt } : {}),
      ...(t.amountYen !== null ? { amountYen: t.amountYen } : {}),
    });
  }
  for (const r of input.requests) {
    entries.push({
      type: 'request',
      at: r.issuedAt,
      requestId: r.id,
      kind: r.kind,
      message: r.message,
      dueAt: r.dueAt,
      ...(r.answeredAt ? { answeredAt: r.answeredAt } : {}),
      overdue: isOverdue({ id: r.id, applicationId: '', kind: r.kind, message: r.message, issuedAt: r.issuedAt, dueAt: r.dueAt, ...(r.answeredAt ? { answeredAt: r.answeredAt } : {}) }, input.now),
    });
  }
  for (const c of input.changes ?? []) {
    entries.push({ type: 'change', at: c.submittedAt, changeId: c.id, kind: c.kind, status: 'pending' });
    if (c.decidedAt && c.status !== 'pending') {
      entries.push({ type: 'change', at: c.decidedAt, changeId: c.id, kind: c.kind, status: c.status, ...(c.decisionReason ? { reason: c.decisionReason } : {}) });
    }
  }
  // Newest first; within one instant, the order of the kinds above is kept (stable sort).
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** The unanswered requests, soonest due first: what the applicant must do next. */
export function openRequests<T extends TimelineRequest>(requests: readonly T[]): T[] {
  return requests.filter((r) => r.answeredAt === null).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
