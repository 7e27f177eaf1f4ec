import { describe, expect, it } from 'vitest';
import { yen } from '../money';
import { formatJst, jstInstant } from '../time';
import { publicationReclaim } from './reclaim';
import {
  answeredLate,
  checkDueAt,
  isOverdue,
  overdueRequests,
  reminderAt,
  reminderNotice,
  reminderSchedule,
  remindersDue,
  REQUEST_WAITING_STATUS,
  ZApplicantRequest,
  type TApplicantRequest,
} from './requests';

const request = (id: string, issuedAt: Date, dueAt: Date, answeredAt?: Date): TApplicantRequest => ({
  id,
  applicationId: `app-${id}`,
  kind: 'information',
  message: '構造計算書の補足資料を提出してください。',
  issuedAt,
  dueAt,
  ...(answeredAt ? { answeredAt } : {}),
});
const due = jstInstant(2026, 4, 10, 13, 0);

describe('due dates (JST, to the minute)', () => {
  it('is overdue from the due minute itself, as a window closes', () => {
    const r = request('r', jstInstant(2026, 4, 1, 10, 0), due);
    expect(isOverdue(r, jstInstant(2026, 4, 10, 12, 59))).toBe(false);
    expect(isOverdue(r, due)).toBe(true);
    expect(isOverdue({ ...r, answeredAt: jstInstant(2026, 4, 10, 12, 59) }, jstInstant(2026, 4, 20))).toBe(
      false,
    );
    expect(answeredLate({ ...r, answeredAt: jstInstant(2026, 4, 10, 12, 59) })).toBe(false);
    expect(answeredLate({ ...r, answeredAt: due })).toBe(true);
  });

  it('lists overdue requests, longest first, with JST days overdue', () => {
    const a = request('a', jstInstant(2026, 4, 1), due);
    const b = request('b', jstInstant(2026, 4, 1), jstInstant(2026, 4, 8, 17, 0));
    const answered = request('c', jstInstant(2026, 4, 1), jstInstant(2026, 4, 5), jstInstant(2026, 4, 4));
    const notYet = request('d', jstInstant(2026, 4, 1), jstInstant(2026, 4, 30));
    // 2026-04-12 08:00 JST is still 2026-04-11 in UTC: days are counted on the Japanese calendar.
    const overdue = overdueRequests([a, b, answered, notYet], jstInstant(2026, 4, 12, 8, 0));
    expect(overdue.map((o) => [o.request.id, o.daysOverdue])).toEqual([
      ['b', 4],
      ['a', 2],
    ]);
    expect(overdueRequests([a], jstInstant(2026, 4, 10, 23, 59))[0]?.daysOverdue).toBe(0);
  });

  it('refuses a due date that is missing or not after now, and a request due before it was issued', () => {
    expect(checkDueAt(undefined, due)).toMatchObject({ code: 'review.due_required' });
    expect(checkDueAt(due, due)).toMatchObject({ code: 'workflow.due_in_past' });
    expect(checkDueAt(due, jstInstant(2026, 4, 10, 12, 59))).toEqual({ ok: true, value: due });
    expect(ZApplicantRequest.safeParse(request('x', due, due)).error?.issues[0]?.message).toBe(
      'workflow.due_in_past',
    );
    expect(
      ZApplicantRequest.safeParse({ ...request('x', jstInstant(2026, 4, 1), due), message: ' ' }).error
        ?.issues[0]?.message,
    ).toBe('review.request_message_required');
  });
});

describe('reminders: 3 days and 1 day before, at 09:00 JST', () => {
  const times = (r: TApplicantRequest) => reminderSchedule(r).map((m) => [m.daysBefore, formatJst(m.sendAt)]);

  it('schedules both for a request issued well ahead', () => {
    expect(times(request('r', jstInstant(2026, 4, 1, 10, 0), due))).toEqual([
      [3, '2026-04-07 09:00 JST'],
      [1, '2026-04-09 09:00 JST'],
    ]);
  });

  it('drops a reminder that would come before the request was issued', () => {
    expect(times(request('r', jstInstant(2026, 4, 7, 9, 0), due))).toEqual([[1, '2026-04-09 09:00 JST']]);
    expect(times(request('r', jstInstant(2026, 4, 6, 18, 0), due))).toEqual([
      [3, '2026-04-07 09:00 JST'],
      [1, '2026-04-09 09:00 JST'],
    ]);
    expect(times(request('r', jstInstant(2026, 4, 9, 9, 1), due))).toEqual([]);
  });

  it('counts calendar days in JST across month ends, whatever the due time', () => {
    expect(times(request('r', jstInstant(2026, 4, 1), jstInstant(2026, 5, 1, 0, 0)))).toEqual([
      [3, '2026-04-28 09:00 JST'],
      [1, '2026-04-30 09:00 JST'],
    ]);
    expect(times(request('r', jstInstant(2026, 4, 1), jstInstant(2026, 5, 2, 8, 30)))[1]).toEqual([
      1,
      '2026-05-01 09:00 JST',
    ]);
  });

  it('takes another schedule, and gives each reminder a stable key for the outbox', () => {
    const r = request('r', jstInstant(2026, 4, 1), due);
    expect(reminderSchedule(r, [7, 1, 1, 0, -2]).map((m) => m.key)).toEqual([
      'request-reminder:r:7',
      'request-reminder:r:1',
    ]);
  });

  it('sends what fell due since the last run, only for unanswered requests', () => {
    const open = request('open', jstInstant(2026, 4, 1), due);
    const answered = request('done', jstInstant(2026, 4, 1), due, jstInstant(2026, 4, 6));
    const run = (since: Date, now: Date) =>
      remindersDue([open, answered], since, now).map((m) => `${m.requestId}:${m.daysBefore}`);
    expect(run(jstInstant(2026, 4, 7, 8, 0), jstInstant(2026, 4, 7, 9, 0))).toEqual(['open:3']);
    expect(run(jstInstant(2026, 4, 7, 9, 0), jstInstant(2026, 4, 8, 9, 0))).toEqual([]);
    expect(run(jstInstant(2026, 4, 1), jstInstant(2026, 4, 10))).toEqual(['open:3', 'open:1']);
  });
});

describe('reclaim when a deferred CO2 factor is not published (001 §2.2)', () => {
  const base = { grantFiscalYear: 2025, paidAmount: yen(3_900_000) };

  it('waits until the end of the next fiscal year, then reclaims what was paid', () => {
    expect(
      publicationReclaim({ ...base, publicationDeferred: true, now: jstInstant(2027, 3, 31, 23, 59) }),
    ).toMatchObject({
      status: 'awaiting_publication',
      amount: 0,
    });
    const due = publicationReclaim({ ...base, publicationDeferred: true, now: jstInstant(2027, 4, 1, 0, 0) });
    expect(due).toEqual({ status: 'reclaim_due', deadline: jstInstant(2027, 4, 1), amount: 3_900_000 });
  });

  it('reclaims nothing when published within the next fiscal year, or when not deferred', () => {
    expect(
      publicationReclaim({
        ...base,
        publicationDeferred: true,
        publishedAt: jstInstant(2027, 3, 31, 23, 59),
        now: jstInstant(2027, 6, 1),
      }).status,
    ).toBe('published');
    expect(
      publicationReclaim({
        ...base,
        publicationDeferred: true,
        publishedAt: jstInstant(2027, 4, 1),
        now: jstInstant(2027, 6, 1),
      }).status,
    ).toBe('reclaim_due');
    expect(
      publicationReclaim({ ...base, publicationDeferred: false, now: jstInstant(2030, 1, 1) }).status,
    ).toBe('not_applicable');
  });
});

describe('the reminder a request gets at a given time (3 and 1 days before at 09:00 JST, then overdue)', () => {
  const issued = jstInstant(2026, 4, 1, 10, 0);
  const r = request('r', issued, due);

  it('sends nothing before the first reminder time, then the latest one due, then the overdue one', () => {
    expect(reminderAt(r, jstInstant(2026, 4, 7, 8, 59))).toBeNull();
    expect(reminderAt(r, jstInstant(2026, 4, 7, 9, 0))).toMatchObject({ kind: 'before_3', daysBefore: 3 });
    expect(reminderAt(r, jstInstant(2026, 4, 9, 8, 59))?.kind).toBe('before_3');
    // A job that was off for days sends the 1-day reminder only, not the 3-day one as well.
    expect(reminderAt(r, jstInstant(2026, 4, 9, 9, 0))).toMatchObject({ kind: 'before_1', daysBefore: 1 });
    expect(reminderAt(r, jstInstant(2026, 4, 10, 12, 59))?.kind).toBe('before_1');
    expect(reminderAt(r, due)).toMatchObject({ kind: 'overdue', daysBefore: null, requestId: 'r', applicationId: 'app-r' });
  });

  it('stops once the request is answered', () => {
    expect(reminderAt({ ...r, answeredAt: jstInstant(2026, 4, 8) }, jstInstant(2026, 4, 20))).toBeNull();
  });

  it('knows which status each kind of request waits in, from the state machine', () => {
    expect(REQUEST_WAITING_STATUS).toEqual({
      information: 'information_requested',
      correction: 'returned',
      report_correction: 'in_progress',
      repayment: 'reclaim_requested',
    });
  });
});

describe('the reminder e-mail', () => {
  const payload = { title: 'CLT実証', trackingNumber: 'CLT-2026-0003', requestKind: 'information', reminder: 'before_3', daysBefore: 3, dueAt: due.toISOString(), message: '構造計算書の補足資料' };

  it('says what is asked and by when, in Japanese first, and says so when overdue', () => {
    expect(reminderNotice(payload, 'ja')).toEqual({
      subject: '【期限のお知らせ】CLT-2026-0003 CLT実証',
      body: `追加資料の提出の期限は${formatJst(due)}です（あと3日）。\n依頼内容: 構造計算書の補足資料`,
    });
    expect(reminderNotice({ ...payload, reminder: 'overdue', daysBefore: null }, 'ja')?.body).toContain('期限（' + formatJst(due) + '）を過ぎています');
    expect(reminderNotice(payload, 'en')?.subject).toBe('Reminder: CLT-2026-0003 CLT実証');
    expect(reminderNotice({ ...payload, requestKind: 'unknown' }, 'ja')).toBeNull();
  });
});
