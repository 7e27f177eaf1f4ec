import { z } from 'zod';
import { formatJst, jstInstant, jstParts } from '../time';
import { accept, refuse, ZId, type Outcome } from './result';
import { transitionSpec, type TReviewStatus, type TWorkflowEvent } from './workflow';

/**
 * Requests to applicants with a due date (JST, to the minute): additional documents (003 §3.2(2):
 * missing them by the deadline can drop the proposal), corrections, report corrections and
 * repayments. Overdue detection and the reminder schedule are pure; the outbox job calls
 * `remindersDue` with the time of its last run and sends what it returns.
 */
export const REQUEST_KINDS = ['information', 'correction', 'report_correction', 'repayment'] as const;
export const ZRequestKind = z.enum(REQUEST_KINDS);
export type TRequestKind = z.infer<typeof ZRequestKind>;

/** The workflow event that opens each kind of request. */
export const REQUEST_EVENT: Readonly<Record<TRequestKind, TWorkflowEvent>> = {
  information: 'request_information',
  correction: 'return_for_correction',
  report_correction: 'return_report',
  repayment: 'request_reclaim',
};

export const ZApplicantRequest = z
  .strictObject({
    id: ZId,
    applicationId: ZId,
    kind: ZRequestKind,
    message: z
      .string()
      .trim()
      .min(1, { message: 'review.request_message_required' })
      .max(2000, { message: 'workflow.reason_too_long' }),
    issuedAt: z.date(),
    dueAt: z.date(),
    answeredAt: z.date().optional(),
  })
  .refine((r) => r.dueAt.getTime() > r.issuedAt.getTime(), {
    message: 'workflow.due_in_past',
    path: ['dueAt'],
  });
export type TApplicantRequest = z.infer<typeof ZApplicantRequest>;

/** Checks a due date at the moment the request is issued. */
export function checkDueAt(dueAt: Date | undefined, now: Date): Outcome<Date> {
  if (!dueAt || Number.isNaN(dueAt.getTime())) return refuse('review.due_required');
  return dueAt.getTime() > now.getTime() ? accept(dueAt) : refuse('workflow.due_in_past');
}

/** A deadline is exclusive, as for windows: a 13:00 deadline is missed at 13:00:00. */
export const isOverdue = (request: TApplicantRequest, now: Date): boolean =>
  request.answeredAt === undefined && now.getTime() >= request.dueAt.getTime();

export const answeredLate = (request: TApplicantRequest): boolean =>
  request.answeredAt !== undefined && request.answeredAt.getTime() >= request.dueAt.getTime();

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole JST calendar days between two instants (1 on the day after the due date). */
function jstDaysBetween(from: Date, to: Date): number {
  const a = jstParts(from);
  const b = jstParts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export interface OverdueRequest {
  readonly request: TApplicantRequest;
  /** JST calendar days since the due date; 0 when it fell due earlier today. */
  readonly daysOverdue: number;
}

/** Unanswered requests past their due date, the longest overdue first. */
export function overdueRequests(requests: readonly TApplicantRequest[], now: Date): OverdueRequest[] {
  return requests
    .filter((r) => isOverdue(r, now))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map((request) => ({ request, daysOverdue: jstDaysBetween(request.dueAt, now) }));
}

/**
 * ASSUMPTION: reminders go out 3 days and 1 day before the due date, at 09:00 JST (the start of
 * office hours, so a reminder never arrives at midnight whatever time the deadline is).
 */
export const DEFAULT_REMINDER_DAYS_BEFORE: readonly number[] = [3, 1];
export const REMINDER_HOUR_JST = 9;

export interface Reminder {
  readonly requestId: string;
  readonly applicationId: string;
  readonly daysBefore: number;
  readonly sendAt: Date;
  readonly dueAt: Date;
  /** Idempotency key for the outbox: one reminder per request and offset, ever. */
  readonly key: string;
}

/**
 * The reminders of one request: at REMINDER_HOUR_JST on the JST calendar day `n` days before the
 * due date. A reminder that would fall before the request was issued, or not before the due time,
 * is dropped (a request due tomorrow gets no 3-day reminder).
 */
export function reminderSchedule(
  request: TApplicantRequest,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS_BEFORE,
  hourJst: number = REMINDER_HOUR_JST,
): Reminder[] {
  const due = jstParts(request.dueAt);
  return [...new Set(daysBefore)]
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b - a)
    .map((n) => ({ n, sendAt: jstInstant(due.year, due.month, due.day - n, hourJst) }))
    .filter(
      ({ sendAt }) =>
        sendAt.getTime() > request.issuedAt.getTime() && sendAt.getTime() < request.dueAt.getTime(),
    )
    .map(({ n, sendAt }) => ({
      requestId: request.id,
      applicationId: request.applicationId,
      daysBefore: n,
      sendAt,
      dueAt: request.dueAt,
      key: `request-reminder:${request.id}:${n}`,
    }));
}

/** Reminders to send in (since, now] for requests still unanswered (an answer stops them). */
export function remindersDue(
  requests: readonly TApplicantRequest[],
  since: Date,
  now: Date,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS_BEFORE,
): Reminder[] {
  return requests
    .filter((r) => r.answeredAt === undefined)
    .flatMap((r) => reminderSchedule(r, daysBefore))
    .filter((m) => m.sendAt.getTime() > since.getTime() && m.sendAt.getTime() <= now.getTime())
    .sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
}

/**
 * The status an application waits in while a request of each kind is open (the state machine's
 * target of the event that opened it). A request whose application has moved on (resubmitted,
 * withdrawn, rejected…) is no longer waiting for the applicant, and gets no reminders.
 */
export const REQUEST_WAITING_STATUS: Readonly<Record<TRequestKind, TReviewStatus>> = Object.fromEntries(
  REQUEST_KINDS.map((k) => [k, transitionSpec(REQUEST_EVENT[k])!.to]),
) as Record<TRequestKind, TReviewStatus>;

/** 'before_3' (days before the due date) or 'overdue': one reminder per request and kind, ever. */
export type TReminderKind = `before_${number}` | 'overdue';

export interface ReminderToSend {
  readonly requestId: string;
  readonly applicationId: string;
  readonly kind: TReminderKind;
  readonly dueAt: Date;
  /** Days before the due date, or null for the overdue reminder. */
  readonly daysBefore: number | null;
}

/**
 * The one reminder a request should get at `now`, if any: once past due, the overdue reminder;
 * before that, the latest scheduled reminder whose time has come (a job that was stopped for a
 * while sends the 1-day reminder, not the 3-day one as well). Idempotency is the sender's: it
 * records (request, kind) and never sends a kind twice.
 */
export function reminderAt(
  request: TApplicantRequest,
  now: Date,
  daysBefore: readonly number[] = DEFAULT_REMINDER_DAYS_BEFORE,
): ReminderToSend | null {
  if (request.answeredAt !== undefined) return null;
  const base = { requestId: request.id, applicationId: request.applicationId, dueAt: request.dueAt };
  if (isOverdue(request, now)) return { ...base, kind: 'overdue', daysBefore: null };
  const due = reminderSchedule(request, daysBefore).filter((r) => r.sendAt.getTime() <= now.getTime());
  const latest = due[due.length - 1];
  return latest ? { ...base, kind: `before_${latest.daysBefore}`, daysBefore: latest.daysBefore } : null;
}

const REQUEST_KIND_LABELS: Readonly<Record<TRequestKind, { ja: string; en: string }>> = {
  information: { ja: '追加資料の提出', en: 'additional documents' },
  correction: { ja: '申請内容の修正（差戻し）', en: 'the correction of your application' },
  report_correction: { ja: '実績報告の修正', en: 'the correction of your results report' },
  repayment: { ja: '返還', en: 'the repayment' },
};

export const ZReminderPayload = z.looseObject({
  title: z.string().optional(),
  trackingNumber: z.string().nullable().optional(),
  requestKind: ZRequestKind,
  reminder: z.string(),
  daysBefore: z.number().int().nullable().optional(),
  dueAt: z.string(),
  message: z.string().optional(),
});

/** The reminder e-mail (outbox topic review.request_reminder): what is asked, by when. */
export function reminderNotice(payload: unknown, lang: 'ja' | 'en'): { subject: string; body: string } | null {
  const parsed = ZReminderPayload.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const ref = `${p.trackingNumber ?? ''} ${p.title ?? ''}`.trim();
  const what = REQUEST_KIND_LABELS[p.requestKind][lang];
  const due = formatJst(new Date(p.dueAt));
  const overdue = p.reminder === 'overdue';
  const subject =
    lang === 'ja' ? `【${overdue ? '期限超過' : '期限のお知らせ'}】${ref}` : `${overdue ? 'Overdue' : 'Reminder'}: ${ref}`;
  const lines = [
    lang === 'ja'
      ? overdue
        ? `${what}の期限（${due}）を過ぎています。至急ご対応ください。`
        : `${what}の期限は${due}です（あと${p.daysBefore ?? ''}日）。`
      : overdue
        ? `The deadline for ${what} (${due} JST) has passed. Please act now.`
        : `The deadline for ${what} is ${due} JST (${p.daysBefore ?? ''} days left).`,
    ...(p.message ? [lang === 'ja' ? `依頼内容: ${p.message}` : `Request: ${p.message}`] : []),
  ];
  return { subject, body: lines.join('\n') };
}
