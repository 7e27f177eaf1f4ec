import { z } from 'zod';
import { ZApplicationStatus } from '../application';

/**
 * The review queue's filters, and a user's saved views of them. One schema for the API's queue, the saved views and
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

/** An amount bound as the queue's field holds it: '' until one is typed. */
const ZTypedBound = z.union([z.literal(''), ZYenBound]);

/**
 * The queue's typed filters as the console's fields hold them — the search as typed, each amount
 * bound '' until given — read as the address's filters (the search trimmed, blanks left out). A
 * lower bound above the upper one finds nothing, so it is named at the upper bound rather than sent.
 */
export const ZQueueFilterForm = z
  .object({ search: ZQueueFilters.shape.search.unwrap(), minRequestedYen: ZTypedBound, maxRequestedYen: ZTypedBound })
  .refine((v) => v.minRequestedYen === '' || v.maxRequestedYen === '' || v.minRequestedYen <= v.maxRequestedYen, { path: ['maxRequestedYen'], message: 'queue.amount_range_inverted' })
  .transform((v) => ({
    search: v.search === '' ? undefined : v.search,
    minRequestedYen: v.minRequestedYen === '' ? undefined : v.minRequestedYen,
    maxRequestedYen: v.maxRequestedYen === '' ? undefined : v.maxRequestedYen,
  }));
export type TQueueFilterFormValues = z.input<typeof ZQueueFilterForm>;

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

/** The query parameters of the queue's address, one per filter. */
const PARAM = { programmeId: 'programme', statuses: 'status', search: 'q', minRequestedYen: 'min', maxRequestedYen: 'max', sort: 'sort', direction: 'dir', page: 'page' } as const;

/**
 * The queue's filters, sort and page as its address's query parameters, so a reload, the back
 * button or a link sent to a colleague shows the same list. Defaults are left out (a bare address
 * is the default list).
 */
export function queueSearchParams(filters: TQueueFilters, page: number): [string, string][] {
  const defaults = ZQueueFilters.parse({});
  const params: [string, string][] = [];
  if (filters.programmeId) params.push([PARAM.programmeId, filters.programmeId]);
  for (const status of filters.statuses ?? []) params.push([PARAM.statuses, status]);
  if (filters.search) params.push([PARAM.search, filters.search]);
  if (filters.minRequestedYen !== undefined) params.push([PARAM.minRequestedYen, String(filters.minRequestedYen)]);
  if (filters.maxRequestedYen !== undefined) params.push([PARAM.maxRequestedYen, String(filters.maxRequestedYen)]);
  if (filters.sort !== defaults.sort) params.push([PARAM.sort, filters.sort]);
  if (filters.direction !== defaults.direction) params.push([PARAM.direction, filters.direction]);
  if (page > 1) params.push([PARAM.page, String(page)]);
  return params;
}

/**
 * The list an address asks for, read leniently: a parameter that does not parse (edited by hand,
 * or from an older version) is dropped on its own, and the others still apply.
 */
export function queueFromSearchParams(params: { get(key: string): string | null; getAll(key: string): string[] }): { filters: TQueueFilters; page: number } {
  const field = <T>(schema: z.ZodType<T>, raw: unknown): T | undefined => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  const shape = ZQueueFilters.shape;
  const whole = (key: string) => {
    const raw = params.get(key);
    return raw !== null && /^\d{1,16}$/.test(raw) ? Number(raw) : undefined;
  };
  const statuses = params.getAll(PARAM.statuses).filter((s) => ZApplicationStatus.safeParse(s).success);
  const read = {
    programmeId: field(shape.programmeId, params.get(PARAM.programmeId) ?? undefined),
    statuses: statuses.length > 0 ? field(shape.statuses, statuses) : undefined,
    search: field(shape.search, params.get(PARAM.search) ?? undefined) || undefined,
    minRequestedYen: field(shape.minRequestedYen, whole(PARAM.minRequestedYen)),
    maxRequestedYen: field(shape.maxRequestedYen, whole(PARAM.maxRequestedYen)),
    sort: field(z.enum(QUEUE_SORTS), params.get(PARAM.sort)),
    direction: field(z.enum(['asc', 'desc']), params.get(PARAM.direction)),
  };
  const filters = storedFilters(Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined)));
  const page = whole(PARAM.page);
  return { filters, page: page !== undefined && page >= 1 && page <= 100_000 ? page : 1 };
}
