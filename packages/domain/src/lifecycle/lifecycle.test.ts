import { describe, expect, it } from 'vitest';
import { contentWithValueAt } from '../programmes/content/schema';
import { cltExampleApplicationContent } from '../programmes/clt/examples';
import { BUILTIN_PROGRAMMES } from '../programmes/input';
import { jstInstant } from '../time';
import { checkAnswerable, openCorrection, ZRequestAnswer } from './answers';
import { changedPaths, checkChange, checkDecision, pathArea } from './change-requests';
import { renderNotice } from './notices';
import { applicantTimeline, openRequests } from './timeline';

const at = (d: number, h = 10) => jstInstant(2026, 6, d, h);

describe('applicant timeline', () => {
  const transitions = [
    { id: 1, event: 'start_review', from: 'submitted', to: 'under_review', at: at(2), reason: null, dueAt: null, amountYen: null },
    { id: 2, event: 'return_for_correction', from: 'under_review', to: 'returned', at: at(3), reason: '様式2の延べ床面積を直してください', dueAt: at(10, 13), amountYen: null },
    { id: 3, event: 'recommend', from: 'under_review', to: 'recommended', at: at(5), reason: null, dueAt: null, amountYen: null },
    { id: 4, event: 'reject', from: 'recommended', to: 'not_selected', at: at(6), reason: '内部の理由', dueAt: null, amountYen: null },
  ];
  const entries = applicantTimeline({
    submissions: [
      { versionNo: 1, submittedAt: at(1), requestedGrantYen: 1_000_000 },
      { versionNo: 2, submittedAt: at(4), requestedGrantYen: 900_000 },
    ],
    transitions,
    requests: [{ id: 'r1', kind: 'correction', message: '様式2の延べ床面積を直してください', issuedAt: at(3), dueAt: at(10, 13), answeredAt: at(4) }],
    now: at(20),
  });

  it('hides internal steps (start of review, recommendation) and keeps those that concern the applicant, newest first', () => {
    expect(entries.map((e) => (e.type === 'status' ? e.event : e.type))).toEqual(['reject', 'submission', 'return_for_correction', 'request', 'submission']);
  });
  it('never shows a rejection reason (003 §3.4), and puts a request message on the request only', () => {
    const reject = entries.find((e) => e.type === 'status' && e.event === 'reject');
    expect(reject).not.toHaveProperty('reason');
    const returned = entries.find((e) => e.type === 'status' && e.event === 'return_for_correction');
    expect(returned).not.toHaveProperty('reason');
    expect(entries.find((e) => e.type === 'request')).toMatchObject({ message: '様式2の延べ床面積を直してください', overdue: false, answeredAt: at(4) });
  });
  it('marks the second version as a resubmission', () => {
    expect(entries.filter((e) => e.type === 'submission').map((e) => e.type === 'submission' && e.origin)).toEqual(['resubmission', 'submission']);
  });
  it('an unanswered request past its due date is overdue; open requests soonest first', () => {
    const t = applicantTimeline({ submissions: [], transitions: [], requests: [{ id: 'r', kind: 'information', message: 'x', issuedAt: at(1), dueAt: at(2), answeredAt: null }], now: at(2) });
    expect(t[0]).toMatchObject({ type: 'request', overdue: true });
    const open = openRequests([
      { id: 'a', kind: 'information' as const, message: '', issuedAt: at(1), dueAt: at(9), answeredAt: null },
      { id: 'b', kind: 'information' as const, message: '', issuedAt: at(1), dueAt: at(5), answeredAt: null },
      { id: 'c', kind: 'information' as const, message: '', issuedAt: at(1), dueAt: at(3), answeredAt: at(2) },
    ]);
    expect(open.map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('answers and corrected resubmissions by the due date', () => {
  const request = { kind: 'correction' as const, issuedAt: at(1), dueAt: jstInstant(2026, 6, 10, 13, 0), answeredAt: null };
  it('accepts before the due minute and refuses at it (exclusive), with the JST due date', () => {
    expect(checkAnswerable(request, jstInstant(2026, 6, 10, 12, 59), ['correction']).ok).toBe(true);
    const late = checkAnswerable(request, jstInstant(2026, 6, 10, 13, 0), ['correction']);
    expect(late).toMatchObject({ ok: false, code: 'lifecycle.request_overdue', params: { dueAt: '2026-06-10 13:00 JST' } });
  });
  it('refuses a second answer and an answer to another kind of request', () => {
    expect(checkAnswerable({ ...request, answeredAt: at(2) }, at(3), ['correction'])).toMatchObject({ ok: false, code: 'lifecycle.request_already_answered' });
    expect(checkAnswerable(request, at(3), ['information'])).toMatchObject({ ok: false, code: 'lifecycle.request_not_found' });
    expect(checkAnswerable(undefined, at(3), ['correction'])).toMatchObject({ ok: false, code: 'lifecycle.request_not_found' });
  });
  it('the open correction is the latest unanswered one', () => {
    const older = { ...request, issuedAt: at(1), answeredAt: at(2) };
    const newer = { ...request, issuedAt: at(3) };
    expect(openCorrection([older, newer])).toBe(newer);
    expect(openCorrection([older])).toBeUndefined();
  });
  it('an answer needs its text; blank and oversized text are named', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(ZRequestAnswer.safeParse({ requestId: id, message: '  ' }).error?.issues[0]?.message).toBe('lifecycle.answer_message_required');
    expect(ZRequestAnswer.safeParse({ requestId: id, message: 'x'.repeat(4001) }).error?.issues[0]?.message).toBe('lifecycle.answer_message_too_long');
    expect(ZRequestAnswer.parse({ requestId: id, message: '添付のとおりです' }).attachmentIds).toEqual([]);
  });
});

describe('change requests', () => {
  const frozen = cltExampleApplicationContent();
  const base = { kind: 'clt_demonstration' as const, status: 'grant_decided' as const, frozen, currentGrantYen: 11_810_000, definition: BUILTIN_PROGRAMMES.clt_demonstration };

  it('lists the changed leaf paths and sorts them into areas', () => {
    expect(changedPaths({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1, 3] } })).toEqual(['a.b', 'a.c.1']);
    expect(pathArea('grant.building.lines.0.amount')).toBe('budget');
    expect(pathArea('plan.content')).toBe('plan');
    expect(pathArea('applicant.name')).toBe('fixed');
    expect(pathArea('parties.added.0')).toBe('parties');
  });

  it('a budget change that lowers the cost lowers the grant; the grant never rises above what was granted', () => {
    const grant = structuredClone(frozen.grant)!;
    // b1: CLT panels, ¥110,000 × 10; five panels instead.
    Object.assign(grant.building!.lines[0]!, { quantity: 5, amount: 550_000 });
    const lower = checkChange({ ...base, request: { kind: 'budget', content: { ...frozen, grant } } });
    expect(lower.ok).toBe(true);
    if (lower.ok) {
      expect(lower.effect.maximumYen).toBeLessThan(11_810_000);
      expect(lower.effect.grantAfterYen).toBe(lower.effect.maximumYen);
    }
    const higher = structuredClone(frozen.grant)!;
    Object.assign(higher.building!.lines[0]!, { quantity: 300, amount: 33_000_000 });
    const up = checkChange({ ...base, request: { kind: 'budget', content: { ...frozen, grant: higher } } });
    expect(up.ok && up.effect.grantAfterYen).toBe(11_810_000);
  });

  it('refuses a path outside the kind, nothing changed, a broken content, or the wrong status', () => {
    const outside = checkChange({ ...base, request: { kind: 'budget', content: contentWithValueAt(frozen, 'plan.content', '変更') } });
    expect(outside).toMatchObject({ ok: false, code: 'change.path_not_allowed', params: { path: 'plan.content' } });
    expect(checkChange({ ...base, request: { kind: 'plan', content: frozen } })).toMatchObject({ ok: false, code: 'change.nothing_changed' });
    const broken = checkChange({ ...base, request: { kind: 'plan', content: contentWithValueAt(frozen, 'plan.content', '') } });
    expect(broken).toMatchObject({ ok: false, code: 'change.issues' });
    expect(!broken.ok && 'issues' in broken && broken.issues[0]?.path).toBe('plan.content');
    expect(checkChange({ ...base, status: 'under_review', request: { kind: 'plan', content: contentWithValueAt(frozen, 'plan.content', 'x') } })).toMatchObject({
      ok: false,
      code: 'change.not_allowed_in_status',
    });
  });

  it('adding a company touches only the parties and keeps the grant', () => {
    const added = checkChange({ ...base, request: { kind: 'add_company', company: { name: '株式会社木構', role: 'CLTパネルの製造' } } });
    expect(added.ok && added.effect.changedPaths).toEqual(['parties']);
    expect(added.ok && added.effect.grantAfterYen).toBe(11_810_000);
  });

  it('a rejection needs a reason; a decided request cannot be decided again', () => {
    expect(checkDecision({ status: 'pending', decision: 'rejected', reason: ' ' })).toMatchObject({ ok: false, code: 'change.decision_reason_required' });
    expect(checkDecision({ status: 'pending', decision: 'approved', reason: undefined })).toEqual({ ok: true, value: { reason: null } });
    expect(checkDecision({ status: 'approved', decision: 'approved', reason: undefined })).toMatchObject({ ok: false, code: 'change.already_decided' });
  });
});

describe('notices', () => {
  it('renders a return for correction with its reason and JST due date, in both languages', () => {
    const payload = { applicationId: 'a', title: 'CLT庁舎', trackingNumber: 'CLT-2026-0001', event: 'return_for_correction', status: 'returned', reason: '図面を追加', dueAt: jstInstant(2026, 6, 10, 13).toISOString() };
    const ja = renderNotice('application.status_changed', payload, 'ja');
    expect(ja?.subject).toBe('【差戻し】CLT-2026-0001 CLT庁舎');
    expect(ja?.body).toContain('期限: 2026-06-10 13:00 JST');
    expect(ja?.body).toContain('内容: 図面を追加');
    expect(renderNotice('application.status_changed', payload, 'en')?.subject).toBe('Return for correction: CLT-2026-0001 CLT庁舎');
  });
  it('is null for a topic that is not an applicant notice, or a payload it cannot read', () => {
    expect(renderNotice('ledger.changed', { applicationId: 'a' })).toBeNull();
    expect(renderNotice('application.submitted', { nothing: true })).toBeNull();
  });
});
