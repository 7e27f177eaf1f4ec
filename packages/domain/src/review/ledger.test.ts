import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { rate, yen } from '../money';
import { cancelGrant, decideGrant, fixAmount } from './decisions';
import {
  acceptanceOpen,
  adjustCommitment,
  changeBudget,
  CLT_PROGRAMME_BUDGET,
  commit,
  committed,
  ledgerSummary,
  openLedger,
  release,
  remaining,
  settleCommitment,
  ZBudgetLedger,
  type TBudgetLedger,
} from './ledger';
import type { Outcome } from './result';
import { rateAndCaps, settle, type TLineReview, type TReportedLine } from './settlement';
import { transition } from './workflow';

const ok = <T>(o: Outcome<T>): T => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

describe('the budget ledger', () => {
  it('holds the CLT programme’s ¥627,000,000 and refuses the yen that would go over it', () => {
    let ledger = openLedger('clt-2026', CLT_PROGRAMME_BUDGET);
    for (let i = 0; i < 6; i++)
      ledger = ok(commit(ledger, { applicationId: `a${i}`, amount: 100_000_000, maximum: 100_000_000 }));
    expect(ledgerSummary(ledger)).toEqual({
      budget: 627_000_000,
      committed: 600_000_000,
      remaining: 27_000_000,
      decisions: 6,
    });
    const over = commit(ledger, { applicationId: 'a6', amount: 27_000_001, maximum: 150_000_000 });
    expect(over).toMatchObject({ ok: false, code: 'ledger.over_budget' });
    if (!over.ok) {
      expect(errorMessage(over.code, 'ja', over.params)).toBe(
        '予算残額 27,000,000円 を超えるため、27,000,001円 を計上できません。金額を見直すか、予算額を確認してください。',
      );
    }
    ledger = ok(commit(ledger, { applicationId: 'a6', amount: 27_000_000, maximum: 150_000_000 }));
    expect(remaining(ledger)).toBe(0);
  });

  it('grants less than the computed maximum, never more', () => {
    const ledger = openLedger('clt-2026', CLT_PROGRAMME_BUDGET);
    expect(commit(ledger, { applicationId: 'a', amount: 29_999_999, maximum: 30_000_000 }).ok).toBe(true);
    expect(commit(ledger, { applicationId: 'a', amount: 30_000_000, maximum: 30_000_000 }).ok).toBe(true);
    expect(commit(ledger, { applicationId: 'a', amount: 30_000_001, maximum: 30_000_000 })).toMatchObject({
      code: 'ledger.over_maximum',
    });
  });

  it('refuses zero, fractions and a second commitment for one application', () => {
    const ledger = ok(commit(openLedger('p', yen(1000)), { applicationId: 'a', amount: 10, maximum: 10 }));
    for (const amount of [0, -5, 1.5])
      expect(commit(ledger, { applicationId: 'b', amount, maximum: 100 })).toMatchObject({
        code: 'ledger.amount_not_positive',
      });
    expect(commit(ledger, { applicationId: 'a', amount: 1, maximum: 10 })).toMatchObject({
      code: 'ledger.already_committed',
    });
  });

  it('closes acceptance (the CO2 programme) exactly when committed reaches the budget', () => {
    let ledger = openLedger('co2-2025', yen(10_000_000));
    ledger = ok(commit(ledger, { applicationId: 'a', amount: 9_999_999, maximum: 10_000_000 }));
    expect(acceptanceOpen(ledger)).toBe(true);
    ledger = ok(commit(ledger, { applicationId: 'b', amount: 1, maximum: 4_000_000 }));
    expect(acceptanceOpen(ledger)).toBe(false);
    expect(
      transition(
        'draft',
        'submit',
        { role: 'applicant', organisationId: 'o' },
        {},
        { applicantOrganisationId: 'o', acceptanceOpen: acceptanceOpen(ledger) },
      ),
    ).toMatchObject({
      code: 'ledger.acceptance_closed',
    });
    // A settlement below the grant gives money back and reopens acceptance.
    ledger = ok(settleCommitment(ledger, 'a', 9_000_000));
    expect(acceptanceOpen(ledger)).toBe(true);
  });

  it('adjusts after a change request within what remains, and releases on cancellation', () => {
    let ledger = ok(commit(openLedger('p', yen(100)), { applicationId: 'a', amount: 60, maximum: 80 }));
    ledger = ok(commit(ledger, { applicationId: 'b', amount: 30, maximum: 30 }));
    expect(adjustCommitment(ledger, { applicationId: 'a', amount: 71, maximum: 80 })).toMatchObject({
      code: 'ledger.over_budget',
    });
    expect(adjustCommitment(ledger, { applicationId: 'a', amount: 70, maximum: 69 })).toMatchObject({
      code: 'ledger.over_maximum',
    });
    ledger = ok(adjustCommitment(ledger, { applicationId: 'a', amount: 70, maximum: 80 }));
    expect(committed(ledger)).toBe(100);
    expect(adjustCommitment(ledger, { applicationId: 'z', amount: 1, maximum: 1 })).toMatchObject({
      code: 'ledger.not_committed',
    });
    ledger = ok(release(ledger, 'b'));
    expect(committed(ledger)).toBe(70);
    expect(release(ledger, 'b')).toMatchObject({ code: 'ledger.not_committed' });
  });

  it('never fixes above the grant, and never cuts the budget below what is committed', () => {
    const ledger = ok(commit(openLedger('p', yen(100)), { applicationId: 'a', amount: 60, maximum: 80 }));
    expect(settleCommitment(ledger, 'a', 61)).toMatchObject({ code: 'ledger.fixed_exceeds_granted' });
    expect(settleCommitment(ledger, 'a', 0)).toMatchObject({ ok: true });
    expect(changeBudget(ledger, 59)).toMatchObject({ code: 'ledger.budget_below_committed' });
    expect(ok(changeBudget(ledger, 60)).budget).toBe(60);
  });

  it('moves its version on every accepted change, so the database can refuse a stale write', () => {
    // Two reviewers read version 0 with ¥100 left and both decide ¥60. Each decision is fine on its
    // own; the store keeps only the first write for version 0, and the second, recomputed on the
    // new state, is refused.
    const base = openLedger('p', yen(100));
    const first = ok(commit(base, { applicationId: 'a', amount: 60, maximum: 60 }));
    const second = ok(commit(base, { applicationId: 'b', amount: 60, maximum: 60 }));
    expect([first.version, second.version]).toEqual([1, 1]);
    expect(commit(first, { applicationId: 'b', amount: 60, maximum: 60 })).toMatchObject({
      code: 'ledger.over_budget',
    });
    expect(base).toEqual(openLedger('p', yen(100)));
  });

  it('never lets committed exceed the budget, whatever sequence of operations (property)', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('commit' as const),
        app: fc.integer({ min: 0, max: 5 }),
        amount: fc.integer({ min: -10, max: 1_200 }),
        maximum: fc.integer({ min: 0, max: 1_200 }),
      }),
      fc.record({
        kind: fc.constant('adjust' as const),
        app: fc.integer({ min: 0, max: 5 }),
        amount: fc.integer({ min: -10, max: 1_200 }),
        maximum: fc.integer({ min: 0, max: 1_200 }),
      }),
      fc.record({
        kind: fc.constant('settle' as const),
        app: fc.integer({ min: 0, max: 5 }),
        amount: fc.integer({ min: -10, max: 1_200 }),
      }),
      fc.record({ kind: fc.constant('release' as const), app: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('budget' as const), amount: fc.integer({ min: -10, max: 3_000 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.array(op, { maxLength: 40 }), (budget, ops) => {
        let ledger: TBudgetLedger = openLedger('p', yen(budget));
        for (const o of ops) {
          const before = ledger;
          const app = 'app' in o ? `a${o.app}` : '';
          const result =
            o.kind === 'commit'
              ? commit(ledger, { applicationId: app, amount: o.amount, maximum: o.maximum })
              : o.kind === 'adjust'
                ? adjustCommitment(ledger, { applicationId: app, amount: o.amount, maximum: o.maximum })
                : o.kind === 'settle'
                  ? settleCommitment(ledger, app, o.amount)
                  : o.kind === 'release'
                    ? release(ledger, app)
                    : changeBudget(ledger, o.amount);
          if (result.ok) {
            expect(result.value.version).toBe(before.version + 1);
            ledger = result.value;
          }
          expect(committed(ledger)).toBeLessThanOrEqual(ledger.budget);
          expect(committed(ledger) + remaining(ledger)).toBe(ledger.budget);
          expect(ZBudgetLedger.safeParse(ledger).success).toBe(true);
          if ((o.kind === 'commit' || o.kind === 'adjust') && result.ok) {
            expect(ledger.commitments.find((c) => c.applicationId === app)!.amount).toBeLessThanOrEqual(
              o.maximum,
            );
          }
        }
      }),
    );
  });

  it('rejects a stored state that is over budget', () => {
    const bad = {
      programmeId: 'p',
      budget: 10,
      commitments: [{ applicationId: 'a', amount: 11 }],
      version: 3,
    };
    expect(ZBudgetLedger.safeParse(bad).error?.issues[0]?.message).toBe('ledger.over_budget_state');
  });
});

describe('results-report review and the fixed amount (額の確定)', () => {
  const lines: TReportedLine[] = [
    { id: 'l1', category: '需用費', description: 'CLTパネル', amount: yen(6_000_000) },
    { id: 'l2', category: '役務費', description: '構造試験', amount: yen(3_000_000) },
    { id: 'l3', category: '使用料及び賃借料', description: '計測機械リース', amount: yen(1_000_000) },
  ];
  const accept = (lineId: string): TLineReview => ({ lineId, decision: 'accepted' });
  const threeTenths = rateAndCaps(rate(3, 10), [yen(100_000_000)]);

  it('fixes rate × accepted costs when that is below the grant, and says the applicant’s share', () => {
    const s = ok(
      settle({
        granted: yen(3_000_000),
        lines,
        reviews: [
          accept('l1'),
          {
            lineId: 'l2',
            decision: 'reduced',
            acceptedAmount: yen(2_000_000),
            reason: '試験体数が計画より少ない',
          },
          { lineId: 'l3', decision: 'rejected', reason: '耐用年数1年超の購入' },
        ],
        formula: threeTenths,
      }),
    );
    expect(s).toMatchObject({
      reportedCost: 10_000_000,
      acceptedCost: 8_000_000,
      notAccepted: 2_000_000,
      computed: 2_400_000,
      fixedAmount: 2_400_000,
      limitedBy: 'computed',
      ownShare: 5_600_000,
      released: 600_000,
      farBelowGranted: false,
    });
    expect(s.lines.map((l) => [l.id, l.accepted, l.reason])).toEqual([
      ['l1', 6_000_000, undefined],
      ['l2', 2_000_000, '試験体数が計画より少ない'],
      ['l3', 0, '耐用年数1年超の購入'],
    ]);
  });

  it('never fixes more than the grant, even when costs ran higher', () => {
    const s = ok(
      settle({
        granted: yen(2_500_000),
        lines,
        reviews: lines.map((l) => accept(l.id)),
        formula: threeTenths,
      }),
    );
    expect([s.computed, s.fixedAmount, s.limitedBy, s.ownShare]).toEqual([
      3_000_000,
      2_500_000,
      'granted',
      7_500_000,
    ]);
  });

  it('rounds the rate down to the yen and applies caps', () => {
    const one: TReportedLine[] = [{ id: 'x', category: '役務費', amount: yen(3_333_333) }];
    expect(
      ok(settle({ granted: yen(5_000_000), lines: one, reviews: [accept('x')], formula: threeTenths }))
        .fixedAmount,
    ).toBe(999_999);
    const capped = rateAndCaps(rate(1, 2), [yen(1_000_000), yen(4_000_000)]);
    expect(
      ok(settle({ granted: yen(5_000_000), lines: one, reviews: [accept('x')], formula: capped }))
        .fixedAmount,
    ).toBe(1_000_000);
  });

  it('takes a fixed number too, but never pays more than the accepted costs', () => {
    const s = ok(
      settle({
        granted: yen(4_000_000),
        lines,
        reviews: [
          accept('l1'),
          { lineId: 'l2', decision: 'rejected', reason: '対象外' },
          { lineId: 'l3', decision: 'rejected', reason: '対象外' },
        ],
        formula: yen(6_500_000),
      }),
    );
    expect([s.fixedAmount, s.limitedBy]).toEqual([4_000_000, 'granted']);
    const small = ok(
      settle({
        granted: yen(4_000_000),
        lines: [{ id: 'x', category: 'c', amount: yen(300_000) }],
        reviews: [accept('x')],
        formula: yen(6_500_000),
      }),
    );
    expect([small.fixedAmount, small.limitedBy, small.ownShare]).toEqual([300_000, 'accepted_cost', 0]);
  });

  it('flags a result far below the grant (001 §3.5) without deciding anything', () => {
    const s = ok(
      settle({
        granted: yen(3_000_000),
        lines: [{ id: 'x', category: 'c', amount: yen(4_999_999) }],
        reviews: [accept('x')],
        formula: threeTenths,
      }),
    );
    expect([s.fixedAmount, s.farBelowGranted]).toEqual([1_499_999, true]);
    const t = ok(
      settle({
        granted: yen(3_000_000),
        lines: [{ id: 'x', category: 'c', amount: yen(5_000_000) }],
        reviews: [accept('x')],
        formula: threeTenths,
      }),
    );
    expect([t.fixedAmount, t.farBelowGranted]).toEqual([1_500_000, false]);
  });

  it('needs a decision on every line, and a reason for every cut', () => {
    const base = { granted: yen(3_000_000), lines, formula: threeTenths };
    expect(settle({ ...base, reviews: [accept('l1'), accept('l2')] })).toMatchObject({
      code: 'review.line_unreviewed',
      params: { line: '計測機械リース' },
    });
    expect(
      settle({ ...base, reviews: [accept('l1'), accept('l2'), accept('l3'), accept('l9')] }),
    ).toMatchObject({ code: 'review.line_unknown' });
    expect(
      settle({ ...base, reviews: [accept('l1'), accept('l1'), accept('l2'), accept('l3')] }),
    ).toMatchObject({ code: 'review.line_reviewed_twice' });
    expect(
      settle({ ...base, reviews: [accept('l1'), accept('l2'), { lineId: 'l3', decision: 'rejected' }] }),
    ).toMatchObject({ code: 'review.reason_required' });
    expect(
      settle({
        ...base,
        reviews: [
          accept('l1'),
          accept('l2'),
          { lineId: 'l3', decision: 'reduced', acceptedAmount: yen(1), reason: ' ' },
        ],
      }),
    ).toMatchObject({ code: 'review.reason_required' });
    for (const acceptedAmount of [undefined, yen(1_000_000), yen(1_000_001)]) {
      const r: TLineReview = {
        lineId: 'l3',
        decision: 'reduced',
        reason: '一部対象外',
        ...(acceptedAmount === undefined ? {} : { acceptedAmount }),
      };
      expect(settle({ ...base, reviews: [accept('l1'), accept('l2'), r] })).toMatchObject({
        code: 'review.reduction_invalid',
      });
    }
  });

  it('never fixes more than granted or computed, and fixed + own share = accepted costs (property)', () => {
    const line = fc.record({
      amount: fc.integer({ min: 0, max: 50_000_000 }),
      decision: fc.constantFrom('accepted', 'reduced', 'rejected'),
      cut: fc.double({ min: 0, max: 0.999, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (raw, granted, num, den) => {
          const ls: TReportedLine[] = raw.map((l, i) => ({
            id: `l${i}`,
            category: 'c',
            amount: yen(l.amount),
          }));
          const rs: TLineReview[] = raw.map((l, i) =>
            l.decision === 'reduced' && l.amount > 0
              ? {
                  lineId: `l${i}`,
                  decision: 'reduced',
                  acceptedAmount: yen(Math.floor(l.amount * l.cut)),
                  reason: '減額',
                }
              : l.decision === 'rejected'
                ? { lineId: `l${i}`, decision: 'rejected', reason: '否認' }
                : { lineId: `l${i}`, decision: 'accepted' },
          );
          const s = ok(
            settle({
              granted: yen(granted),
              lines: ls,
              reviews: rs,
              formula: rateAndCaps(rate(Math.min(num, den), den), [yen(100_000_000)]),
            }),
          );
          expect(s.fixedAmount).toBeLessThanOrEqual(granted);
          expect(s.fixedAmount).toBeLessThanOrEqual(s.computed);
          expect(s.fixedAmount).toBeGreaterThanOrEqual(0);
          expect(s.fixedAmount + s.ownShare).toBe(s.acceptedCost);
          expect(s.released + s.fixedAmount).toBe(granted);
          expect(s.acceptedCost).toBeLessThanOrEqual(s.reportedCost);
        },
      ),
    );
  });
});

describe('decisions that move money with the status', () => {
  const admin = { role: 'programme_admin' as const, organisationId: 'office' };
  const ledger = openLedger('clt-2026', CLT_PROGRAMME_BUDGET);

  it('decides the grant and commits it in one step', () => {
    const step = ok(
      decideGrant({
        status: 'selected',
        actor: admin,
        ledger,
        applicationId: 'a',
        amount: 30_000_000,
        maximum: 45_000_000,
      }),
    );
    expect(step.transition).toMatchObject({
      from: 'selected',
      to: 'grant_decided',
      amount: 30_000_000,
      notifiesApplicant: true,
    });
    expect(committed(step.ledger)).toBe(30_000_000);
  });

  it('refuses above the maximum or the budget, and refuses a reviewer before touching the ledger', () => {
    expect(
      decideGrant({
        status: 'selected',
        actor: admin,
        ledger,
        applicationId: 'a',
        amount: 45_000_001,
        maximum: 45_000_000,
      }),
    ).toMatchObject({ code: 'ledger.over_maximum' });
    const tight = openLedger('clt-2026', yen(10_000_000));
    expect(
      decideGrant({
        status: 'selected',
        actor: admin,
        ledger: tight,
        applicationId: 'a',
        amount: 10_000_001,
        maximum: 45_000_000,
      }),
    ).toMatchObject({ code: 'ledger.over_budget' });
    expect(
      decideGrant({
        status: 'selected',
        actor: { role: 'reviewer' },
        ledger,
        applicationId: 'a',
        amount: 1,
        maximum: 1,
      }),
    ).toMatchObject({ code: 'workflow.role_not_allowed' });
    expect(
      decideGrant({ status: 'recommended', actor: admin, ledger, applicationId: 'a', amount: 1, maximum: 1 }),
    ).toMatchObject({ code: 'workflow.not_allowed_from_status' });
  });

  it('approves directly in the CO2 programme', () => {
    const co2 = openLedger('co2-2025', yen(50_000_000));
    const step = ok(
      decideGrant({
        status: 'under_review',
        actor: admin,
        context: { committeeReview: false },
        ledger: co2,
        applicationId: 'f',
        amount: 4_000_000,
        maximum: 4_000_000,
      }),
    );
    expect(step.transition.event).toBe('approve');
  });

  it('fixes the amount from the reviewed report and gives the difference back to the budget', () => {
    const decided = ok(
      decideGrant({
        status: 'selected',
        actor: admin,
        ledger,
        applicationId: 'a',
        amount: 3_000_000,
        maximum: 3_000_000,
      }),
    );
    const lines: TReportedLine[] = [{ id: 'x', category: '役務費', amount: yen(9_000_000) }];
    const input = {
      status: 'results_reported' as const,
      actor: admin,
      ledger: decided.ledger,
      applicationId: 'a',
      lines,
      formula: rateAndCaps(rate(3, 10)),
    };
    const step = ok(fixAmount({ ...input, reviews: [{ lineId: 'x', decision: 'accepted' }] }));
    expect(step.transition).toMatchObject({ to: 'amount_fixed', amount: 2_700_000 });
    expect(step.settlement.fixedAmount).toBe(2_700_000);
    expect(committed(step.ledger)).toBe(2_700_000);
    expect(fixAmount({ ...input, reviews: [] })).toMatchObject({ code: 'review.line_unreviewed' });
    expect(fixAmount({ ...input, actor: { role: 'reviewer' }, reviews: [] })).toMatchObject({
      code: 'workflow.role_not_allowed',
    });
    expect(
      fixAmount({ ...input, applicationId: 'zz', reviews: [{ lineId: 'x', decision: 'accepted' }] }),
    ).toMatchObject({ code: 'ledger.not_committed' });
  });

  it('releases the commitment when a decided grant is cancelled', () => {
    const decided = ok(
      decideGrant({
        status: 'selected',
        actor: admin,
        ledger,
        applicationId: 'a',
        amount: 5_000_000,
        maximum: 5_000_000,
      }),
    );
    const cancelled = ok(
      cancelGrant({
        status: 'in_progress',
        actor: admin,
        ledger: decided.ledger,
        applicationId: 'a',
        reason: '事業の廃止承認',
      }),
    );
    expect([cancelled.transition.to, cancelled.released, committed(cancelled.ledger)]).toEqual([
      'cancelled',
      5_000_000,
      0,
    ]);
    const beforeDecision = ok(
      cancelGrant({ status: 'selected', actor: admin, ledger, applicationId: 'b', reason: '辞退' }),
    );
    expect(beforeDecision.released).toBeNull();
    expect(
      cancelGrant({ status: 'selected', actor: admin, ledger, applicationId: 'b', reason: '' }),
    ).toMatchObject({ code: 'workflow.reason_required' });
  });
});
