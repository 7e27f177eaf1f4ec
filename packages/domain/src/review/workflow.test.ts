import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, isEditableByApplicant } from '../application';
import { errorMessage } from '../errors';
import { ROLES, type TRole } from '../roles';
import { jstInstant } from '../time';
import {
  authorisationMatrix,
  availableEvents,
  REVIEW_STATUSES,
  TERMINAL_STATUSES,
  transition,
  TRANSITIONS,
  isFinalStep,
  WORKFLOW_EVENTS,
  ZWorkflowEvent,
  type TransitionContext,
  type TransitionInput,
  type TransitionSpec,
  type TReviewStatus,
  type TWorkflowEvent,
  type WorkflowActor,
} from './workflow';
import { applicantNotice, auditEntry } from './transition-records';

const now = jstInstant(2026, 4, 6, 10, 0);
const owner = 'org-applicant';
const actor = (role: TRole): WorkflowActor => ({
  role,
  userId: `u-${role}`,
  organisationId: role === 'applicant' ? owner : 'org-office',
});
const validInput: TransitionInput = {
  reason: '理由',
  dueAt: jstInstant(2026, 4, 20, 13, 0),
  amount: 1_000_000,
};
/** The context in which a row's guards hold. */
const contextFor = (spec: TransitionSpec): TransitionContext => ({
  committeeReview: !spec.guards.includes('direct_approval'),
  acceptanceOpen: true,
  applicantOrganisationId: owner,
  now,
});

describe('the transition table, as the issue and SPEC §7 describe it (hand-written)', () => {
  // Who may do what, written out independently of TRANSITIONS so an edit to the table that
  // changes authorisation fails here and is looked at.
  const expected: Record<TWorkflowEvent, { roles: TRole[]; to: TReviewStatus; notifies: boolean }> = {
    submit: { roles: ['applicant'], to: 'submitted', notifies: true },
    withdraw: { roles: ['applicant'], to: 'withdrawn', notifies: true },
    start_review: { roles: ['reviewer'], to: 'under_review', notifies: false },
    request_information: { roles: ['reviewer'], to: 'information_requested', notifies: true },
    return_for_correction: { roles: ['reviewer'], to: 'returned', notifies: true },
    answer_request: { roles: ['applicant'], to: 'resubmitted', notifies: true },
    resubmit: { roles: ['applicant'], to: 'resubmitted', notifies: true },
    recommend: { roles: ['reviewer'], to: 'recommended', notifies: false },
    reopen_review: { roles: ['reviewer'], to: 'under_review', notifies: false },
    select: { roles: ['programme_admin'], to: 'selected', notifies: true },
    reject: { roles: ['programme_admin'], to: 'not_selected', notifies: true },
    decide_grant: { roles: ['programme_admin'], to: 'grant_decided', notifies: true },
    approve: { roles: ['programme_admin'], to: 'grant_decided', notifies: true },
    start_work: { roles: ['reviewer', 'programme_admin'], to: 'in_progress', notifies: false },
    report_results: { roles: ['applicant'], to: 'results_reported', notifies: true },
    return_report: { roles: ['reviewer'], to: 'in_progress', notifies: true },
    fix_amount: { roles: ['programme_admin'], to: 'amount_fixed', notifies: true },
    pay: { roles: ['programme_admin'], to: 'paid', notifies: true },
    cancel: { roles: ['programme_admin'], to: 'cancelled', notifies: true },
    request_reclaim: { roles: ['programme_admin'], to: 'reclaim_requested', notifies: true },
    confirm_repayment: { roles: ['programme_admin'], to: 'reclaimed', notifies: true },
  };

  it('has one row per event, matching the expected roles, target and notification', () => {
    expect(TRANSITIONS.map((t) => t.event).sort()).toEqual([...WORKFLOW_EVENTS].sort());
    for (const t of TRANSITIONS) {
      expect({ event: t.event, roles: [...t.roles].sort(), to: t.to, notifies: t.notifiesApplicant }).toEqual(
        {
          event: t.event,
          roles: [...expected[t.event].roles].sort(),
          to: expected[t.event].to,
          notifies: expected[t.event].notifies,
        },
      );
    }
  });

  it('gives committee members no status transitions: they act by declaring and scoring', () => {
    expect(TRANSITIONS.filter((t) => (t.roles as readonly string[]).includes('committee'))).toEqual([]);
  });

  it('keeps reasons for not selecting away from the applicant (003 §3.4)', () => {
    const reject = TRANSITIONS.find((t) => t.event === 'reject')!;
    expect(reject.inputs.reason).toBe('required');
    expect(reject.reasonShownToApplicant).toBe(false);
  });

  it('requires a reason and a due date for every request to the applicant', () => {
    for (const event of [
      'request_information',
      'return_for_correction',
      'return_report',
      'request_reclaim',
    ] as const) {
      const t = TRANSITIONS.find((x) => x.event === event)!;
      expect([event, t.inputs.reason, t.inputs.dueAt, t.reasonShownToApplicant]).toEqual([
        event,
        'required',
        'required',
        true,
      ]);
    }
  });
});

describe('every transition by every role and status (generated from the table)', () => {
  for (const spec of TRANSITIONS) {
    for (const role of ROLES) {
      const roleOk = (spec.roles as readonly string[]).includes(role);
      it(`${spec.event} by ${role}: ${roleOk ? `allowed from ${spec.from.join(', ')} only` : 'always refused'}`, () => {
        for (const status of REVIEW_STATUSES) {
          const statusOk = spec.from.includes(status);
          const result = transition(status, spec.event, actor(role), validInput, contextFor(spec));
          const seen = result.ok
            ? { status, ok: true, to: result.value.to, notifies: result.value.notifiesApplicant }
            : { status, ok: false, code: result.code };
          expect(seen).toEqual(
            roleOk && statusOk
              ? { status, ok: true, to: spec.to, notifies: spec.notifiesApplicant }
              : {
                  status,
                  ok: false,
                  code: roleOk ? 'workflow.not_allowed_from_status' : 'workflow.role_not_allowed',
                },
          );
        }
      });
    }
  }
});

describe('the paths through the workflow (hand-written)', () => {
  function run(
    steps: [TWorkflowEvent, TRole, TransitionInput?][],
    context: TransitionContext = {},
  ): TReviewStatus {
    let status: TReviewStatus = 'draft';
    for (const [event, role, input] of steps) {
      const r = transition(status, event, actor(role), input ?? {}, {
        applicantOrganisationId: owner,
        now,
        ...context,
      });
      if (!r.ok) throw new Error(`${event} from ${status}: ${r.code}`);
      status = r.value.to;
    }
    return status;
  }

  it('CLT: submitted, returned for correction, resubmitted, selected, fixed and paid', () => {
    const due = { reason: '様式4-1の内訳が不足しています', dueAt: jstInstant(2026, 4, 13, 13, 0) };
    expect(
      run([
        ['submit', 'applicant'],
        ['start_review', 'reviewer'],
        ['return_for_correction', 'reviewer', due],
        ['resubmit', 'applicant'],
        ['start_review', 'reviewer'],
        ['request_information', 'reviewer', due],
        ['answer_request', 'applicant'],
        ['start_review', 'reviewer'],
        ['recommend', 'reviewer'],
        ['select', 'programme_admin'],
        ['decide_grant', 'programme_admin', { amount: 30_000_000 }],
        ['start_work', 'reviewer'],
        ['report_results', 'applicant'],
        ['return_report', 'reviewer', due],
        ['report_results', 'applicant'],
        ['fix_amount', 'programme_admin', { amount: 28_500_000 }],
        ['pay', 'programme_admin'],
      ]),
    ).toBe('paid');
  });

  it('CO2: approved directly, paid, and reclaimed when the factor was not published', () => {
    expect(
      run(
        [
          ['submit', 'applicant'],
          ['start_review', 'reviewer'],
          ['approve', 'programme_admin', { amount: 4_000_000 }],
          ['start_work', 'programme_admin'],
          ['report_results', 'applicant'],
          ['fix_amount', 'programme_admin', { amount: 3_900_000 }],
          ['pay', 'programme_admin'],
          [
            'request_reclaim',
            'programme_admin',
            { reason: '翌年度に公開されなかったため', dueAt: jstInstant(2026, 5, 1), amount: 3_900_000 },
          ],
          ['confirm_repayment', 'programme_admin'],
        ],
        { committeeReview: false },
      ),
    ).toBe('reclaimed');
  });

  it('refuses the committee path in a direct-approval programme and the reverse', () => {
    expect(
      transition('under_review', 'recommend', actor('reviewer'), {}, { committeeReview: false }),
    ).toMatchObject({
      ok: false,
      code: 'workflow.committee_programme_only',
    });
    expect(transition('under_review', 'approve', actor('programme_admin'), { amount: 1 })).toMatchObject({
      ok: false,
      code: 'workflow.direct_approval_only',
    });
  });

  it('stops new submissions once acceptance has closed, but not corrections', () => {
    const ctx = { acceptanceOpen: false, applicantOrganisationId: owner };
    expect(transition('draft', 'submit', actor('applicant'), {}, ctx)).toMatchObject({
      ok: false,
      code: 'ledger.acceptance_closed',
    });
    expect(transition('returned', 'resubmit', actor('applicant'), {}, ctx)).toMatchObject({ ok: true });
  });

  it('refuses an applicant acting on another organisation’s application, or with no organisation known', () => {
    expect(
      transition('draft', 'submit', actor('applicant'), {}, { applicantOrganisationId: 'org-other' }),
    ).toMatchObject({
      ok: false,
      code: 'workflow.not_own_application',
    });
    expect(transition('draft', 'submit', actor('applicant'))).toMatchObject({
      ok: false,
      code: 'workflow.not_own_application',
    });
    expect(
      transition('draft', 'submit', { role: 'applicant' }, {}, { applicantOrganisationId: owner }),
    ).toMatchObject({
      ok: false,
      code: 'workflow.not_own_application',
    });
  });

  it('refuses association and ministry roles everything', () => {
    for (const role of ['association_reporter', 'association_viewer', 'ministry'] as const) {
      for (const status of REVIEW_STATUSES) expect(availableEvents(status, role)).toEqual([]);
    }
  });
});

describe('required inputs', () => {
  const ctx = { now };
  it('needs a reason: missing, blank or too long is refused', () => {
    expect(transition('under_review', 'reject', actor('programme_admin'), {}, ctx)).toMatchObject({
      code: 'workflow.reason_required',
    });
    expect(
      transition('under_review', 'reject', actor('programme_admin'), { reason: '   ' }, ctx),
    ).toMatchObject({
      code: 'workflow.reason_required',
    });
    expect(
      transition('under_review', 'reject', actor('programme_admin'), { reason: 'x'.repeat(2001) }, ctx),
    ).toMatchObject({
      code: 'workflow.reason_too_long',
    });
    expect(
      transition(
        'under_review',
        'reject',
        actor('programme_admin'),
        { reason: ` ${'x'.repeat(2000)} ` },
        ctx,
      ),
    ).toMatchObject({
      ok: true,
    });
  });

  it('keeps the reason it was given, trimmed, and drops it where the row takes none', () => {
    expect(
      transition('under_review', 'reject', actor('programme_admin'), { reason: ' 予算の範囲外 ' }, ctx),
    ).toMatchObject({
      ok: true,
      value: { reason: '予算の範囲外', reasonShownToApplicant: false },
    });
    const started = transition('submitted', 'start_review', actor('reviewer'), { reason: 'x' }, ctx);
    expect(started.ok && started.value.reason).toBeUndefined();
  });

  it('needs a due date after now for a request', () => {
    const request = (dueAt?: Date) =>
      transition(
        'under_review',
        'request_information',
        actor('reviewer'),
        dueAt ? { reason: '資料', dueAt } : { reason: '資料' },
        ctx,
      );
    expect(request()).toMatchObject({ code: 'workflow.due_required' });
    expect(request(new Date(Number.NaN))).toMatchObject({ code: 'workflow.due_required' });
    expect(request(now)).toMatchObject({ code: 'workflow.due_in_past' });
    expect(request(new Date(now.getTime() + 60_000))).toMatchObject({ ok: true });
  });

  it('cannot check a due date without the clock', () => {
    expect(() =>
      transition('under_review', 'request_information', actor('reviewer'), { reason: 'a', dueAt: now }),
    ).toThrow(/context.now/);
  });

  it('needs a positive whole-yen amount to decide a grant; the fixed amount may be ¥0', () => {
    for (const amount of [undefined, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1]) {
      const input = amount === undefined ? {} : { amount };
      expect(transition('selected', 'decide_grant', actor('programme_admin'), input)).toMatchObject({
        code: 'workflow.amount_required',
      });
    }
    expect(transition('selected', 'decide_grant', actor('programme_admin'), { amount: 1 })).toMatchObject({
      ok: true,
      value: { amount: 1 },
    });
    expect(
      transition('results_reported', 'fix_amount', actor('programme_admin'), { amount: 0 }),
    ).toMatchObject({ ok: true });
    expect(
      transition('results_reported', 'fix_amount', actor('programme_admin'), { amount: -1 }),
    ).toMatchObject({
      code: 'workflow.amount_required',
    });
  });

  it('refuses an event it does not know', () => {
    expect(ZWorkflowEvent.safeParse('approve_everything').success).toBe(false);
    expect(transition('draft', 'approve_everything' as TWorkflowEvent, actor('applicant'))).toMatchObject({
      code: 'workflow.unknown_event',
    });
  });
});

describe('the shape of the machine', () => {
  it('is the list of stored statuses of application.ts, reclaim flow included', () => {
    expect([...REVIEW_STATUSES]).toEqual([...APPLICATION_STATUSES]);
    expect(APPLICATION_STATUSES.slice(-2)).toEqual(['reclaim_requested', 'reclaimed']);
  });

  it('reaches every status from draft', () => {
    const seen = new Set<TReviewStatus>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...REVIEW_STATUSES].sort());
  });

  it('ends only in not selected, withdrawn, cancelled or reclaimed', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['cancelled', 'not_selected', 'reclaimed', 'withdrawn']);
  });

  it('lets the applicant send content exactly from the statuses application.ts calls editable', () => {
    const sendsContent = new Set(
      TRANSITIONS.filter((t) => t.event === 'submit' || t.event === 'resubmit').flatMap((t) => t.from),
    );
    for (const s of APPLICATION_STATUSES)
      expect([s, sendsContent.has(s)]).toEqual([s, isEditableByApplicant(s)]);
  });

  it('offers the console the buttons a role has at a status', () => {
    expect(availableEvents('under_review', 'reviewer')).toEqual([
      'request_information',
      'return_for_correction',
      'recommend',
    ]);
    expect(availableEvents('under_review', 'reviewer', { committeeReview: false })).toEqual([
      'request_information',
      'return_for_correction',
    ]);
    expect(availableEvents('under_review', 'programme_admin', { committeeReview: false })).toEqual([
      'reject',
      'approve',
    ]);
    expect(availableEvents('draft', 'applicant', { acceptanceOpen: false })).toEqual(['withdraw']);
    expect(availableEvents('paid', 'committee')).toEqual([]);
  });

  it('gives the API one matrix row per (event, from-status)', () => {
    const matrix = authorisationMatrix();
    expect(matrix).toHaveLength(TRANSITIONS.reduce((n, t) => n + t.from.length, 0));
    expect(matrix.find((r) => r.event === 'start_work' && r.from === 'grant_decided')).toEqual({
      event: 'start_work',
      from: 'grant_decided',
      to: 'in_progress',
      allowed: { applicant: false, reviewer: true, committee: false, programme_admin: true },
      notifiesApplicant: false,
      guards: [],
    });
  });

  it('explains a refusal in both languages with the status and the action', () => {
    const r = transition('paid', 'submit', actor('applicant'), {}, { applicantOrganisationId: owner });
    if (r.ok) throw new Error('expected a refusal');
    expect(errorMessage(r.code, 'ja', r.params)).toBe(
      'この申請は現在「支払済み」のため、「提出」はできません。画面を読み込み直して、最新の状態を確認してください。',
    );
    expect(errorMessage(r.code, 'en', r.params)).toContain('"Paid", so "Submit" is not possible');
    const byRole = transition('under_review', 'reject', actor('reviewer'), { reason: 'x' });
    if (byRole.ok) throw new Error('expected a refusal');
    expect(errorMessage(byRole.code, 'ja', byRole.params)).toContain(
      '「不採択」は事業主体の権限で行う操作です',
    );
  });
});

describe('notices and audit rows', () => {
  const admin = actor('programme_admin');
  const ok = (r: ReturnType<typeof transition>) => {
    if (!r.ok) throw new Error(r.code);
    return r.value;
  };

  it('tells the applicant of a rejection without its reason, and of a return with it', () => {
    const rejected = ok(
      transition('under_review', 'reject', admin, { reason: '他の提案と比べ実現可能性が低い' }),
    );
    expect(applicantNotice(rejected)).toEqual({ event: 'reject', status: 'not_selected' });
    const returned = ok(
      transition(
        'under_review',
        'return_for_correction',
        actor('reviewer'),
        { reason: '様式2の面積が空欄', dueAt: validInput.dueAt },
        { now },
      ),
    );
    expect(applicantNotice(returned)).toEqual({
      event: 'return_for_correction',
      status: 'returned',
      reason: '様式2の面積が空欄',
      dueAt: validInput.dueAt,
    });
  });

  it('sends nothing for internal transitions', () => {
    expect(applicantNotice(ok(transition('submitted', 'start_review', actor('reviewer'))))).toBeNull();
    expect(applicantNotice(ok(transition('under_review', 'recommend', actor('reviewer'))))).toBeNull();
  });

  it('records the reason in the audit row even where the applicant never sees it', () => {
    const rejected = ok(transition('under_review', 'reject', admin, { reason: '予算の範囲外' }));
    expect(auditEntry(rejected, admin, now)).toEqual({
      event: 'reject',
      from: 'under_review',
      to: 'not_selected',
      actorRole: 'programme_admin',
      actorUserId: 'u-programme_admin',
      at: now,
      reason: '予算の範囲外',
      dueAt: null,
      amount: null,
      notifiedApplicant: true,
    });
  });
});

describe('final steps, confirmed in the console before they run', () => {
  it('counts every step that tells the applicant or decides an amount, and no internal one', () => {
    for (const event of ['select', 'reject', 'decide_grant', 'approve', 'fix_amount', 'return_for_correction'] as const) expect(isFinalStep(event)).toBe(true);
    for (const event of ['start_review', 'reopen_review', 'start_work'] as const) expect(isFinalStep(event)).toBe(false);
  });
});
