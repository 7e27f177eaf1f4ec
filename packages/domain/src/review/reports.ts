import type { ExportTable } from '../export';
import { yen, type Yen } from '../money';
import type { LedgerSummary } from './ledger';
import { REVIEW_STATUSES, type TReviewStatus } from './workflow';

/** Statuses of a proposal that was selected and still stands (published in the selection list). */
export const SELECTED_STATUSES: readonly TReviewStatus[] = [
  'selected',
  'grant_decided',
  'in_progress',
  'results_reported',
  'amount_fixed',
  'paid',
  'reclaim_requested',
  'reclaimed',
];
/** Received and not yet decided. */
export const IN_REVIEW_STATUSES: readonly TReviewStatus[] = [
  'submitted',
  'under_review',
  'information_requested',
  'returned',
  'resubmitted',
  'recommended',
];

export interface PublicationSource {
  readonly status: TReviewStatus;
  /** 事業名 */
  readonly title: string;
  /** 実施者: the building owner etc. and the council operator (003 §2.2), or the applicant body. */
  readonly implementers: readonly string[];
  /** 概要 */
  readonly summary: string;
  /** 受付番号 or another stable order; the title is used when absent. */
  readonly receiptNumber?: string;
}

export interface PublicationRow {
  readonly 事業名: string;
  readonly 実施者: string;
  readonly 概要: string;
}

const collator = new Intl.Collator('ja');

/**
 * The selection list for publication (採択一覧: 事業名, 実施者, 概要). Only proposals selected and
 * still standing appear; nothing of the review itself (scores, reasons) is in it, since neither
 * the minutes nor reasons are public (003 §3.2(1), §3.4).
 */
export function publicationRows(items: readonly PublicationSource[]): PublicationRow[] {
  return items
    .filter((i) => SELECTED_STATUSES.includes(i.status))
    .sort((a, b) => collator.compare(a.receiptNumber ?? a.title, b.receiptNumber ?? b.title))
    .map((i) => ({
      事業名: i.title.trim(),
      実施者: i.implementers
        .map((s) => s.trim())
        .filter(Boolean)
        .join('・'),
      概要: i.summary.trim(),
    }));
}

/** The same rows as a table for CSV / Excel (headers in the chosen language). */
export function publicationTable(
  items: readonly PublicationSource[],
  locale: 'ja' | 'en' = 'ja',
): ExportTable {
  const rows = publicationRows(items);
  return {
    name: locale === 'ja' ? '採択一覧' : 'Selected projects',
    header: locale === 'ja' ? ['事業名', '実施者', '概要'] : ['Project', 'Implementer', 'Summary'],
    rows: rows.map((r) => [r.事業名, r.実施者, r.概要]),
  };
}

export interface StatisticsSource {
  readonly status: TReviewStatus;
  readonly requestedAmount?: Yen;
  readonly grantedAmount?: Yen;
  readonly fixedAmount?: Yen;
  readonly reclaimAmount?: Yen;
}

export interface ProgrammeStatistics {
  readonly byStatus: Readonly<Record<TReviewStatus, number>>;
  /** Everything but drafts (withdrawn drafts are not applications either). */
  readonly received: number;
  readonly inReview: number;
  readonly selected: number;
  readonly notSelected: number;
  readonly withdrawn: number;
  readonly cancelled: number;
  /** selected ÷ (selected + not selected), as parts so nothing is rounded before display. */
  readonly selectionRate: {
    readonly numerator: number;
    readonly denominator: number;
    readonly value: number | null;
  };
  readonly amounts: {
    /** Σ requested over received applications. */
    readonly requested: Yen;
    /** Σ granted over decided grants still standing. */
    readonly granted: Yen;
    readonly fixed: Yen;
    readonly paid: Yen;
    readonly reclaimRequested: Yen;
    readonly reclaimed: Yen;
  };
  readonly budget?: LedgerSummary;
}

const GRANTED: readonly TReviewStatus[] = [
  'grant_decided',
  'in_progress',
  'results_reported',
  'amount_fixed',
  'paid',
  'reclaim_requested',
  'reclaimed',
];
const FIXED: readonly TReviewStatus[] = ['amount_fixed', 'paid', 'reclaim_requested', 'reclaimed'];
const PAID: readonly TReviewStatus[] = ['paid', 'reclaim_requested', 'reclaimed'];

/**
 * Counts by status and amounts for one programme. `withdrawnDrafts` lets the caller say how many
 * withdrawn applications never left draft; they are not counted as received.
 */
export function programmeStatistics(
  items: readonly StatisticsSource[],
  options: { readonly budget?: LedgerSummary; readonly withdrawnDrafts?: number } = {},
): ProgrammeStatistics {
  const byStatus = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<TReviewStatus, number>;
  for (const i of items) byStatus[i.status] += 1;
  const count = (statuses: readonly TReviewStatus[]) => statuses.reduce((s, st) => s + byStatus[st], 0);
  const sum = (statuses: readonly TReviewStatus[], pick: (i: StatisticsSource) => Yen | undefined) =>
    yen(items.filter((i) => statuses.includes(i.status)).reduce((s, i) => s + (pick(i) ?? 0), 0));
  const received = items.length - byStatus.draft - (options.withdrawnDrafts ?? 0);
  const selected = count(SELECTED_STATUSES);
  const notSelected = byStatus.not_selected;
  const denominator = selected + notSelected;
  const receivedStatuses = REVIEW_STATUSES.filter((s) => s !== 'draft');
  return {
    byStatus,
    received,
    inReview: count(IN_REVIEW_STATUSES),
    selected,
    notSelected,
    withdrawn: byStatus.withdrawn,
    cancelled: byStatus.cancelled,
    selectionRate: { numerator: selected, denominator, value: denominator ? selected / denominator : null },
    amounts: {
      requested: sum(receivedStatuses, (i) => i.requestedAmount),
      granted: sum(GRANTED, (i) => i.grantedAmount),
      fixed: sum(FIXED, (i) => i.fixedAmount),
      paid: sum(PAID, (i) => i.fixedAmount),
      reclaimRequested: sum(['reclaim_requested'], (i) => i.reclaimAmount),
      reclaimed: sum(['reclaimed'], (i) => i.reclaimAmount),
    },
    ...(options.budget ? { budget: options.budget } : {}),
  };
}
