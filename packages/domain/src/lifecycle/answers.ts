import { z } from 'zod';
import { formatJst } from '../time';
import { accept, refuse, type Outcome } from '../review/result';
import type { TRequestKind } from '../review/requests';

/**
 * Answering the office (003 §3.2(2): missing documents by the deadline can drop the proposal;
 * 003 §6.4 and 001 §3.3: a return for correction): an answer or a corrected resubmission is
 * accepted only while its request is open and before its due date (exclusive, to the minute JST,
 * as for windows), and never twice.
 */

export const ANSWER_MESSAGE_MAX = 4000;
export const ANSWER_ATTACHMENTS_MAX = 20;

export const ZRequestAnswer = z.strictObject({
  requestId: z.uuid({ message: 'lifecycle.request_not_found' }),
  message: z
    .string({ error: 'lifecycle.answer_message_required' })
    .trim()
    .min(1, { message: 'lifecycle.answer_message_required' })
    .max(ANSWER_MESSAGE_MAX, { message: 'lifecycle.answer_message_too_long' }),
  attachmentIds: z.array(z.uuid({ message: 'lifecycle.answer_attachment_unknown' })).max(ANSWER_ATTACHMENTS_MAX, { message: 'lifecycle.answer_too_many_attachments' }).default([]),
});
export type TRequestAnswer = z.output<typeof ZRequestAnswer>;

export interface AnswerableRequest {
  readonly kind: TRequestKind;
  readonly dueAt: Date;
  readonly answeredAt: Date | null;
}

/** Whether an answer (or a corrected resubmission) may be given now. */
export function checkAnswerable(request: AnswerableRequest | undefined, now: Date, expected: readonly TRequestKind[]): Outcome<AnswerableRequest> {
  if (!request || !expected.includes(request.kind)) return refuse('lifecycle.request_not_found');
  if (request.answeredAt) return refuse('lifecycle.request_already_answered', { answeredAt: formatJst(request.answeredAt) });
  if (now.getTime() >= request.dueAt.getTime()) return refuse('lifecycle.request_overdue', { dueAt: formatJst(request.dueAt) });
  return accept(request);
}

/**
 * The request a return for correction left open: the latest correction still unanswered. A
 * resubmission without one (data from before requests were recorded) is refused rather than
 * waved through, so every resubmission is tied to the office's request and its due date.
 */
export function openCorrection<T extends AnswerableRequest & { readonly issuedAt: Date }>(requests: readonly T[]): T | undefined {
  return requests
    .filter((r) => r.kind === 'correction' && r.answeredAt === null)
    .sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime())[0];
}
