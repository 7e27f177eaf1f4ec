import { z } from 'zod';
import { APPLICATION_STATUSES } from '../application';
import type { TRole } from '../roles';
import { accept, bilingual, refuse, type Outcome } from './result';

/**
 * The application workflow as an explicit state machine. The table below is the single
 * source: `transition` enforces it, and the API generates its authorisation matrix, its audit
 * labels and the applicant notifications from the same rows, so the three cannot drift apart.
 */

/**
 * The statuses stored in the database (application.ts), including the reclaim flow (001 §2.2: a
 * factor whose publication moved to next year and was not published is in principle repaid;
 * 003 §3.8: fraud). One list, so the database can hold every status the machine reaches.
 */
export const REVIEW_STATUSES = APPLICATION_STATUSES;
export const ZReviewStatus = z.enum(REVIEW_STATUSES);
export type TReviewStatus = z.infer<typeof ZReviewStatus>;

type Label = { readonly ja: string; readonly en: string };

export const STATUS_LABELS: Readonly<Record<TReviewStatus, Label>> = {
  draft: { ja: '作成中', en: 'Draft' },
  submitted: { ja: '提出済み', en: 'Submitted' },
  under_review: { ja: '審査中', en: 'Under review' },
  information_requested: { ja: '追加資料依頼中', en: 'Information requested' },
  returned: { ja: '差戻し', en: 'Returned for correction' },
  resubmitted: { ja: '再提出', en: 'Resubmitted' },
  recommended: { ja: '採択候補', en: 'Recommended' },
  selected: { ja: '採択', en: 'Selected' },
  not_selected: { ja: '不採択', en: 'Not selected' },
  grant_decided: { ja: '交付決定（承認）', en: 'Grant decided (approved)' },
  in_progress: { ja: '事業実施中', en: 'In progress' },
  results_reported: { ja: '実績報告済み', en: 'Results reported' },
  amount_fixed: { ja: '額の確定', en: 'Amount fixed' },
  paid: { ja: '支払済み', en: 'Paid' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  cancelled: { ja: '取消し', en: 'Cancelled' },
  reclaim_requested: { ja: '返還請求中', en: 'Reclaim requested' },
  reclaimed: { ja: '返還済み', en: 'Reclaimed' },
};

/** The roles that act on applications (SPEC §7); association and ministry roles never do. */
export const WORKFLOW_ROLES = [
  'applicant',
  'reviewer',
  'committee',
  'programme_admin',
] as const satisfies readonly TRole[];
export type TWorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const WORKFLOW_EVENTS = [
  'submit',
  'withdraw',
  'start_review',
  'request_information',
  'return_for_correction',
  'answer_request',
  'resubmit',
  'recommend',
  'reopen_review',
  'select',
  'reject',
  'decide_grant',
  'approve',
  'start_work',
  'report_results',
  'return_report',
  'fix_amount',
  'pay',
  'cancel',
  'request_reclaim',
  'confirm_repayment',
] as const;
export const ZWorkflowEvent = z.enum(WORKFLOW_EVENTS, { error: 'workflow.unknown_event' });
export type TWorkflowEvent = z.infer<typeof ZWorkflowEvent>;

/**
 * Conditions beyond status and role.
 * - acceptance_open: the CO2 programme stops accepting once approvals reach the budget (001 §2.6);
 * - committee_review: the programme selects through a committee (CLT, 003 §3.2–3.5);
 * - direct_approval: the office approves on its own review, with no committee (CO2, 001 §3.3).
 */
export const WORKFLOW_GUARDS = ['acceptance_open', 'committee_review', 'direct_approval'] as const;
export type TWorkflowGuard = (typeof WORKFLOW_GUARDS)[number];

export type InputRule = 'required' | 'optional' | 'none';

export interface TransitionSpec {
  readonly event: TWorkflowEvent;
  readonly from: readonly TReviewStatus[];
  readonly to: TReviewStatus;
  readonly roles: readonly TWorkflowRole[];
  /**
   * Whether the applicant is told (through the outbox). Their own actions notify too, as a receipt:
   * 001 §3.2(3) asks applicants to confirm their submission arrived.
   */
  readonly notifiesApplicant: boolean;
  readonly inputs: {
    readonly reason: InputRule;
    /** The applicant's deadline (JST instant) for a request, a correction or a repayment. */
    readonly dueAt: 'required' | 'none';
    /** The granted or reclaimed amount (positive), or the fixed amount (which may be ¥0). */
    readonly amount: 'positive' | 'non_negative' | 'none';
  };
  /**
   * Whether the reason goes into the applicant's notice. Reasons for not selecting are recorded
   * but never given out (003 §3.4), and an internal re-opening concerns only the office.
   */
  readonly reasonShownToApplicant: boolean;
  readonly guards: readonly TWorkflowGuard[];
  readonly label: Label;
  readonly source: string;
}

const NO_INPUTS = { reason: 'none', dueAt: 'none', amount: 'none' } as const;

export const TRANSITIONS: readonly TransitionSpec[] = [
  {
    event: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: ['applicant'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: ['acceptance_open'],
    label: { ja: '提出', en: 'Submit' },
    source: '001 §2.6, §3.2; 003 §2.8',
  },
  {
    event: 'withdraw',
    // After the grant decision stopping is 中止・廃止, which needs the office's approval (003 §4.1): `cancel`.
    from: [
      'draft',
      'submitted',
      'under_review',
      'information_requested',
      'returned',
      'resubmitted',
      'recommended',
      'selected',
    ],
    to: 'withdrawn',
    roles: ['applicant'],
    notifiesApplicant: true,
    inputs: { ...NO_INPUTS, reason: 'optional' },
    reasonShownToApplicant: true,
    guards: [],
    label: { ja: '取下げ（辞退）', en: 'Withdraw' },
    source: 'SPEC §7',
  },
  {
    event: 'start_review',
    from: ['submitted', 'resubmitted'],
    to: 'under_review',
    roles: ['reviewer'],
    notifiesApplicant: false,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '審査開始', en: 'Start review' },
    source: '003 §3.2(2); 001 §3.3',
  },
  {
    event: 'request_information',
    from: ['under_review'],
    to: 'information_requested',
    roles: ['reviewer'],
    notifiesApplicant: true,
    inputs: { reason: 'required', dueAt: 'required', amount: 'none' },
    reasonShownToApplicant: true,
    guards: [],
    label: { ja: '追加資料の依頼', en: 'Request information' },
    source: '003 §3.2(2)',
  },
  {
    event: 'return_for_correction',
    from: ['submitted', 'under_review'],
    to: 'returned',
    roles: ['reviewer'],
    notifiesApplicant: true,
    inputs: { reason: 'required', dueAt: 'required', amount: 'none' },
    reasonShownToApplicant: true,
    guards: [],
    label: { ja: '差戻し', en: 'Return for correction' },
    source: '003 §6.4; 001 §3.3',
  },
  {
    event: 'answer_request',
    from: ['information_requested'],
    to: 'resubmitted',
    roles: ['applicant'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '追加資料の提出', en: 'Answer the request' },
    source: '003 §3.2(2)',
  },
  {
    event: 'resubmit',
    from: ['returned'],
    to: 'resubmitted',
    roles: ['applicant'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    // Already received once: closing acceptance stops new submissions, not corrections.
    guards: [],
    label: { ja: '再提出', en: 'Resubmit' },
    source: '003 §6.4',
  },
  {
    event: 'recommend',
    from: ['under_review'],
    to: 'recommended',
    roles: ['reviewer'],
    // The applicant hears the selection, not the committee's deliberation (003 §3.4).
    notifiesApplicant: false,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: ['committee_review'],
    label: { ja: '採択候補とする', en: 'Recommend' },
    source: '003 §3.2, §3.4',
  },
  {
    event: 'reopen_review',
    from: ['recommended'],
    to: 'under_review',
    roles: ['reviewer'],
    notifiesApplicant: false,
    inputs: { ...NO_INPUTS, reason: 'required' },
    reasonShownToApplicant: false,
    guards: ['committee_review'],
    label: { ja: '審査に戻す', en: 'Reopen review' },
    source: '003 §3.2',
  },
  {
    event: 'select',
    from: ['recommended'],
    to: 'selected',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: ['committee_review'],
    label: { ja: '採択', en: 'Select' },
    source: '003 §3.4',
  },
  {
    event: 'reject',
    // From information_requested / returned too: missing documents by the deadline can drop a proposal (003 §3.2(2)).
    from: ['under_review', 'information_requested', 'returned', 'resubmitted', 'recommended'],
    to: 'not_selected',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: { ...NO_INPUTS, reason: 'required' },
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '不採択', en: 'Reject' },
    source: '003 §3.2(2), §3.4',
  },
  {
    event: 'decide_grant',
    from: ['selected'],
    to: 'grant_decided',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: { ...NO_INPUTS, amount: 'positive' },
    reasonShownToApplicant: false,
    guards: ['committee_review'],
    label: { ja: '交付決定', en: 'Decide the grant' },
    source: '003 §3.5',
  },
  {
    event: 'approve',
    from: ['under_review'],
    to: 'grant_decided',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: { ...NO_INPUTS, amount: 'positive' },
    reasonShownToApplicant: false,
    guards: ['direct_approval'],
    label: { ja: '承認（承認通知）', en: 'Approve' },
    source: '001 §3.3',
  },
  {
    event: 'start_work',
    from: ['grant_decided'],
    to: 'in_progress',
    roles: ['reviewer', 'programme_admin'],
    notifiesApplicant: false,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '事業開始（契約締結）', en: 'Start work' },
    source: '001 §3.4; 003 §3.6',
  },
  {
    event: 'report_results',
    from: ['in_progress'],
    to: 'results_reported',
    roles: ['applicant'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '実績報告', en: 'Report results' },
    source: '001 §3.5, §4; 003 §4.2',
  },
  {
    event: 'return_report',
    from: ['results_reported'],
    to: 'in_progress',
    roles: ['reviewer'],
    notifiesApplicant: true,
    inputs: { reason: 'required', dueAt: 'required', amount: 'none' },
    reasonShownToApplicant: true,
    guards: [],
    label: { ja: '実績報告の差戻し', en: 'Return the report' },
    source: '001 §3.5',
  },
  {
    event: 'fix_amount',
    from: ['results_reported'],
    to: 'amount_fixed',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: { ...NO_INPUTS, amount: 'non_negative' },
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '額の確定', en: 'Fix the amount' },
    source: '001 §3.5',
  },
  {
    event: 'pay',
    from: ['amount_fixed'],
    to: 'paid',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '支払', en: 'Pay' },
    source: '001 §2.6',
  },
  {
    event: 'cancel',
    from: ['selected', 'grant_decided', 'in_progress', 'results_reported'],
    to: 'cancelled',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: { ...NO_INPUTS, reason: 'required' },
    reasonShownToApplicant: true,
    guards: [],
    label: { ja: '取消し（中止・廃止）', en: 'Cancel' },
    source: '003 §3.8, §4.1',
  },
  {
    event: 'request_reclaim',
    from: ['paid'],
    to: 'reclaim_requested',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: { reason: 'required', dueAt: 'required', amount: 'positive' },
    reasonShownToApplicant: true,
    guards: [],
    label: { ja: '返還請求', en: 'Request repayment' },
    source: '001 §2.2; 003 §3.8',
  },
  {
    event: 'confirm_repayment',
    from: ['reclaim_requested'],
    to: 'reclaimed',
    roles: ['programme_admin'],
    notifiesApplicant: true,
    inputs: NO_INPUTS,
    reasonShownToApplicant: false,
    guards: [],
    label: { ja: '返還確認', en: 'Confirm repayment' },
    source: '001 §2.2; 003 §3.8',
  },
];

const BY_EVENT: ReadonlyMap<TWorkflowEvent, TransitionSpec> = new Map(TRANSITIONS.map((t) => [t.event, t]));
export const transitionSpec = (event: TWorkflowEvent): TransitionSpec | undefined => BY_EVENT.get(event);

/**
 * Steps the office cannot take back by itself: the applicant is told (the notice is sent), or an
 * amount is decided. The console asks for confirmation before running them.
 */
export const isFinalStep = (event: TWorkflowEvent): boolean => {
  const spec = BY_EVENT.get(event);
  return !!spec && (spec.notifiesApplicant || spec.inputs.amount !== 'none');
};

/** Statuses nothing leaves. */
export const TERMINAL_STATUSES: readonly TReviewStatus[] = REVIEW_STATUSES.filter(
  (s) => !TRANSITIONS.some((t) => t.from.includes(s)),
);

/** Who is acting; the organisation is needed for the applicant's own-application check. */
export interface WorkflowActor {
  readonly role: TRole;
  readonly userId?: string;
  readonly organisationId?: string;
}

export interface TransitionInput {
  readonly reason?: string;
  readonly dueAt?: Date;
  readonly amount?: number;
}

export interface TransitionContext {
  /** Defaults to true (the CLT way); the CO2 programme approves directly (false). */
  readonly committeeReview?: boolean;
  /** acceptanceOpen(ledger) for a programme that closes on budget exhaustion; absent = open. */
  readonly acceptanceOpen?: boolean;
  /** The organisation that owns the application: an applicant may act only on its own. */
  readonly applicantOrganisationId?: string;
  /** Needed whenever a due date is given, to refuse one in the past. */
  readonly now?: Date;
}

export interface TransitionResult {
  readonly event: TWorkflowEvent;
  readonly from: TReviewStatus;
  readonly to: TReviewStatus;
  readonly notifiesApplicant: boolean;
  readonly reasonShownToApplicant: boolean;
  /** The validated inputs, for the audit row and the notice. */
  readonly reason?: string;
  readonly dueAt?: Date;
  readonly amount?: number;
}

/** The catalogue's text says 2,000 characters; change both together. */
export const REASON_MAX_LENGTH = 2000;

const statusParams = (status: TReviewStatus) =>
  bilingual('status', STATUS_LABELS[status].ja, STATUS_LABELS[status].en);
const eventParams = (spec: TransitionSpec) => bilingual('event', spec.label.ja, spec.label.en);
const ROLE_LABELS: Readonly<Record<TWorkflowRole, Label>> = {
  applicant: { ja: '申請者', en: 'applicant' },
  reviewer: { ja: '事務局', en: 'secretariat reviewer' },
  committee: { ja: '委員', en: 'committee member' },
  programme_admin: { ja: '事業主体', en: 'programme office' },
};
const rolesParams = (roles: readonly TWorkflowRole[]) =>
  bilingual(
    'roles',
    roles.map((r) => ROLE_LABELS[r].ja).join('・'),
    roles.map((r) => ROLE_LABELS[r].en).join(', '),
  );

const isWorkflowRole = (role: TRole): role is TWorkflowRole =>
  (WORKFLOW_ROLES as readonly TRole[]).includes(role);

function guardRefusal(guard: TWorkflowGuard, context: TransitionContext) {
  const committee = context.committeeReview ?? true;
  switch (guard) {
    case 'acceptance_open':
      return context.acceptanceOpen === false ? refuse('ledger.acceptance_closed') : null;
    case 'committee_review':
      return committee ? null : refuse('workflow.committee_programme_only');
    case 'direct_approval':
      return committee ? refuse('workflow.direct_approval_only') : null;
  }
}

/**
 * Moves an application from `current` by `event`, or says why not. Checks, in order: the event
 * exists, the actor's role may do it, the status allows it, the programme's guards, the
 * applicant's ownership, then the inputs the row requires.
 */
export function transition(
  current: TReviewStatus,
  event: TWorkflowEvent,
  actor: WorkflowActor,
  input: TransitionInput = {},
  context: TransitionContext = {},
): Outcome<TransitionResult> {
  const spec = BY_EVENT.get(event);
  if (!spec) return refuse('workflow.unknown_event', { event: String(event) });
  if (!isWorkflowRole(actor.role) || !spec.roles.includes(actor.role)) {
    return refuse('workflow.role_not_allowed', { ...eventParams(spec), ...rolesParams(spec.roles) });
  }
  if (!spec.from.includes(current)) {
    return refuse('workflow.not_allowed_from_status', { ...eventParams(spec), ...statusParams(current) });
  }
  for (const guard of spec.guards) {
    const refusal = guardRefusal(guard, context);
    if (refusal) return refusal;
  }
  // Fail closed: an applicant action without both organisations known is refused, not waved through.
  if (actor.role === 'applicant') {
    if (
      !actor.organisationId ||
      !context.applicantOrganisationId ||
      actor.organisationId !== context.applicantOrganisationId
    ) {
      return refuse('workflow.not_own_application');
    }
  }

  const result: { -readonly [K in keyof TransitionResult]: TransitionResult[K] } = {
    event,
    from: current,
    to: spec.to,
    notifiesApplicant: spec.notifiesApplicant,
    reasonShownToApplicant: spec.reasonShownToApplicant,
  };

  const reason = input.reason?.trim() ?? '';
  if (spec.inputs.reason === 'required' && reason === '')
    return refuse('workflow.reason_required', eventParams(spec));
  if (reason.length > REASON_MAX_LENGTH) return refuse('workflow.reason_too_long');
  if (spec.inputs.reason !== 'none' && reason !== '') result.reason = reason;

  if (spec.inputs.dueAt === 'required') {
    if (!input.dueAt || Number.isNaN(input.dueAt.getTime()))
      return refuse('workflow.due_required', eventParams(spec));
    if (!context.now)
      throw new TypeError(`transition(${event}): context.now is needed to check the due date`);
    if (input.dueAt.getTime() <= context.now.getTime()) return refuse('workflow.due_in_past');
    result.dueAt = input.dueAt;
  }

  if (spec.inputs.amount !== 'none') {
    const amount = input.amount;
    const least = spec.inputs.amount === 'positive' ? 1 : 0;
    if (amount === undefined || !Number.isSafeInteger(amount) || amount < least) {
      return refuse('workflow.amount_required', eventParams(spec));
    }
    result.amount = amount;
  }
  return accept(result);
}

/** The events a role could take from a status (the console's buttons), guards applied. */
export function availableEvents(
  status: TReviewStatus,
  role: TRole,
  context: TransitionContext = {},
): TWorkflowEvent[] {
  return TRANSITIONS.filter(
    (t) =>
      isWorkflowRole(role) &&
      t.roles.includes(role) &&
      t.from.includes(status) &&
      t.guards.every((g) => guardRefusal(g, context) === null),
  ).map((t) => t.event);
}

export interface MatrixRow {
  readonly event: TWorkflowEvent;
  readonly from: TReviewStatus;
  readonly to: TReviewStatus;
  readonly allowed: Readonly<Record<TWorkflowRole, boolean>>;
  readonly notifiesApplicant: boolean;
  readonly guards: readonly TWorkflowGuard[];
}

/** One row per (event, from-status), one column per role: the API's authorisation matrix. */
export function authorisationMatrix(): MatrixRow[] {
  return TRANSITIONS.flatMap((t) =>
    t.from.map((from) => ({
      event: t.event,
      from,
      to: t.to,
      allowed: Object.fromEntries(WORKFLOW_ROLES.map((r) => [r, t.roles.includes(r)])) as Record<
        TWorkflowRole,
        boolean
      >,
      notifiesApplicant: t.notifiesApplicant,
      guards: t.guards,
    })),
  );
}
