import { z } from 'zod';
import { ZApplicationStatus } from '../application';

/**
 * The review queue's filters, and a user's saved views of them (issue 5: "queues … with filters,
 * search, sorting, saved views, and counts"). One schema for the API's queue, the saved views and
 * the console's form.
 */
export const QUEUE_SORTS = ['submitted_at', 'tracking_number', 'title', 'applicant', 'requested_grant', 'status', 'updated_at'] as const;
export type TQueueSort = (typeof QUEUE_SORTS)[number];

const ZYenBound = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ZQueueFilters = z.object({
  programmeId: z.uuid().optional(),
  statuses: z.array(ZApplicationStatus).max(20).optional(),
  search: z.string().trim().max(200).optional(),
  minRequestedYen: ZYenBound.optional(),
  maxRequestedYen: ZYenBound.optional(),
  sort: z.enum(QUEUE_SORTS).default('submitted_at'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type TQueueFilters = z.output<typeof ZQueueFilters>;

/**
 * Where a page of the queue ended (keyset paging): the last row's value in the sort column (a
 * text, an amount, a time as the database wrote it, or null when it has none) and its id. The
 * next page is what follows.
 */
export const ZQueueCursor = z.object({
  value: z.union([z.string().max(500), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.null()]),
  id: z.uuid(),
});
export type TQueueCursor = z.output<typeof ZQueueCursor>;

/** How many views one user keeps; the counts of every view are computed on each list. */
export const SAVED_VIEWS_MAX = 30;
export const SAVED_VIEW_NAME_MAX = 60;

export const ZSavedViewName = z
  .string()
  .trim()
  .min(1, { message: 'views.name_required' })
  .max(SAVED_VIEW_NAME_MAX, { message: 'views.name_too_long' });

export const ZSavedView = z.object({ name: ZSavedViewName, filters: ZQueueFilters });
export type TSavedView = z.output<typeof ZSavedView>;

/** A stored view's filters, read back leniently: what no longer parses (a removed sort…) falls back to the defaults. */
export function storedFilters(value: unknown): TQueueFilters {
  const parsed = ZQueueFilters.safeParse(value);
  return parsed.success ? parsed.data : ZQueueFilters.parse({});
}
