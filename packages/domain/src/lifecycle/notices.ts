import { z } from 'zod';
import { formatYen, yen } from '../money';
import { formatJst } from '../time';
import { reminderNotice } from '../review/requests';
import { STATUS_LABELS, transitionSpec, ZReviewStatus, type TWorkflowEvent } from '../review/workflow';
import { CHANGE_KIND_LABELS, ZChangeKind } from './change-requests';

/**
 * What the applicant is told, in the app and by e-mail, for each outbox topic that concerns them.
 * One function renders both, so the bell and the mail never say different things. Topics not
 * listed here are not applicant notices (and get no in-app row).
 */
export const APPLICANT_TOPICS = ['application.submitted', 'application.status_changed', 'change_request.decided', 'review.request_reminder'] as const;
export type TApplicantTopic = (typeof APPLICANT_TOPICS)[number];
export const isApplicantTopic = (topic: string): topic is TApplicantTopic => (APPLICANT_TOPICS as readonly string[]).includes(topic);

const ZPayload = z.looseObject({
  applicationId: z.string(),
  title: z.string().optional(),
  trackingNumber: z.string().nullable().optional(),
  versionNo: z.number().optional(),
  submittedAt: z.string().optional(),
  event: z.string().optional(),
  status: ZReviewStatus.optional(),
  reason: z.string().optional(),
  dueAt: z.string().optional(),
  amount: z.number().optional(),
  kind: ZChangeKind.optional(),
  decision: z.enum(['approved', 'rejected']).optional(),
});

export interface Notice {
  subject: string;
  body: string;
}

type Lang = 'ja' | 'en';

const when = (iso: string | undefined) => (iso ? formatJst(new Date(iso)) : '');

/** The subject and body of a notice; null for a topic or payload that is not an applicant notice. */
export function renderNotice(topic: string, payload: unknown, lang: Lang = 'ja'): Notice | null {
  if (!isApplicantTopic(topic)) return null;
  // Reminders for requests to applicants are rendered beside their schedule.
  if (topic === 'review.request_reminder') return reminderNotice(payload, lang);
  const parsed = ZPayload.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const ref = `${p.trackingNumber ?? ''} ${p.title ?? ''}`.trim();
  const lines: string[] = [];
  let subject: string;
  if (topic === 'application.submitted') {
    subject = lang === 'ja' ? `【受付】${ref}` : `Received: ${ref}`;
    lines.push(lang === 'ja' ? `申請（第${p.versionNo ?? 1}版）を受け付けました。受付日時: ${when(p.submittedAt)}` : `Your application (version ${p.versionNo ?? 1}) was received at ${when(p.submittedAt)}.`);
  } else if (topic === 'application.status_changed') {
    const spec = p.event ? transitionSpec(p.event as TWorkflowEvent) : undefined;
    const status = p.status ? STATUS_LABELS[p.status][lang] : '';
    subject = lang === 'ja' ? `【${spec?.label.ja ?? status}】${ref}` : `${spec?.label.en ?? status}: ${ref}`;
    lines.push(lang === 'ja' ? `申請の状況が「${status}」になりました。` : `Your application is now "${status}".`);
    if (p.reason) lines.push(lang === 'ja' ? `内容: ${p.reason}` : `Details: ${p.reason}`);
    if (p.dueAt) lines.push(lang === 'ja' ? `期限: ${when(p.dueAt)}` : `Due: ${when(p.dueAt)}`);
    if (p.amount !== undefined) lines.push(lang === 'ja' ? `金額: ${formatYen(yen(p.amount), 'ja')}` : `Amount: ${formatYen(yen(p.amount), 'en')}`);
  } else {
    const kind = p.kind ? CHANGE_KIND_LABELS[p.kind][lang] : '';
    const approved = p.decision === 'approved';
    subject = lang === 'ja' ? `【${kind}${approved ? '承認' : '不承認'}】${ref}` : `${kind} ${approved ? 'approved' : 'rejected'}: ${ref}`;
    lines.push(lang === 'ja' ? `${kind}の申請は${approved ? '承認されました。変更後の内容が新しい版として確定しています。' : '承認されませんでした。'}` : `Your ${kind.toLowerCase()} request was ${approved ? 'approved; the changed content is frozen as a new version.' : 'not approved.'}`);
    if (p.reason) lines.push(lang === 'ja' ? `理由: ${p.reason}` : `Reason: ${p.reason}`);
    if (p.amount !== undefined) lines.push(lang === 'ja' ? `変更後の交付額: ${formatYen(yen(p.amount), 'ja')}` : `Grant after the change: ${formatYen(yen(p.amount), 'en')}`);
  }
  return { subject, body: lines.join('\n') };
}
