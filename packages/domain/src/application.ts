import { z } from 'zod';

/**
 * Application status (issue 5 makes this a full state machine); the names are stored in the database.
 * 差戻し = returned for correction.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'information_requested',
  'returned', // 差戻し
  'resubmitted',
  'recommended',
  'selected',
  'not_selected',
  'grant_decided',
  'in_progress',
  'results_reported',
  'amount_fixed',
  'paid',
  'withdrawn',
  'cancelled',
] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;

/** Draft content is free-form JSON until each programme's forms define it (issue 4), but bounded. */
export const ZApplicationContent = z.record(z.string().max(200), z.unknown());
export type TApplicationContent = z.infer<typeof ZApplicationContent>;

export const ZApplicationTitle = z
  .string()
  .trim()
  .min(1, { message: 'application.title_required' })
  .max(200, { message: 'application.title_too_long' });

export const ZCreateDraftInput = z.object({
  programmeId: z.uuid(),
  title: ZApplicationTitle,
});

export const ZUpdateDraftInput = z.object({
  id: z.uuid(),
  /** The version the editor started from; a stale one is refused so no edit is lost silently. */
  version: z.number().int().min(1),
  title: ZApplicationTitle.optional(),
  content: ZApplicationContent.optional(),
});
export type TUpdateDraftInput = z.infer<typeof ZUpdateDraftInput>;

export const isEditableByApplicant = (status: TApplicationStatus) => status === 'draft' || status === 'returned';
