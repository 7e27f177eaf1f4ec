import { z } from 'zod';
import type { TProgrammeKind } from './programme';
import { ZApplicationContent } from './programmes/content/schema';

/**
 * Application status, the states of the workflow (review/workflow.ts); the names are stored in the database.
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
  // The reclaim flow (review/workflow.ts): a grant paid and then asked back (001 §2.2; 003 §3.8).
  'reclaim_requested',
  'reclaimed',
] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;

export { MAX_CONTENT_BYTES, ZApplicationContent, type TApplicationContent } from './programmes/content/schema';

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

export const isEditableByApplicant = (status: TApplicationStatus) =>
  status === 'draft' || status === 'returned';

/** Anything but a draft has reached the office; staff never see a draft. */
export const isReceived = (status: TApplicationStatus) => status !== 'draft';
export const RECEIVED_STATUSES: readonly TApplicationStatus[] = APPLICATION_STATUSES.filter(isReceived);

/** 受付番号: programme prefix, fiscal year and a number counted per prefix and year ("CLT-2026-0001"). */
const TRACKING_PREFIX: Readonly<Record<TProgrammeKind, string>> = {
  clt_demonstration: 'CLT',
  co2_factor_support: 'CO2',
  lca_implementation: 'LCA',
  generic_cost_share: 'SUB',
};
export const trackingCounterKey = (kind: TProgrammeKind, fiscalYear: number) =>
  `${TRACKING_PREFIX[kind]}-${fiscalYear}`;
/**
 * A tracking number is its prefix and the counter, zero-padded to at least `digits`. Given as
 * parts so the database can write the number in the statement that takes it from the counter
 * (db: setApplicationSubmitted; a test holds its numbers equal to trackingNumber's).
 */
export const trackingNumberFormat = (kind: TProgrammeKind, fiscalYear: number) => ({ prefix: `${trackingCounterKey(kind, fiscalYear)}-`, digits: 4 });
export const trackingNumber = (kind: TProgrammeKind, fiscalYear: number, counter: number) => {
  const { prefix, digits } = trackingNumberFormat(kind, fiscalYear);
  return `${prefix}${String(counter).padStart(digits, '0')}`;
};
