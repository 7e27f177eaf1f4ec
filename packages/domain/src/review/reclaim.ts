import { yen, type Yen } from '../money';
import { jstInstant } from '../time';

/**
 * CO2 factors (001 §2.2): the factor must be published by the results report; when third-party
 * verification takes long, publication may move to the next fiscal year, and if it is not
 * confirmed in that year the grant is in principle reclaimed (原則支援金の返還を求めます).
 */
export type PublicationReclaimStatus =
  /** Publication was not deferred: it was checked at the results report. */
  | 'not_applicable'
  /** Published within the next fiscal year: nothing to reclaim. */
  | 'published'
  /** Deferred, not yet published, and the next fiscal year has not ended. */
  | 'awaiting_publication'
  /** The next fiscal year ended without publication: start `request_reclaim`. */
  | 'reclaim_due';

export interface PublicationReclaim {
  readonly status: PublicationReclaimStatus;
  /** The end of the next fiscal year: 1 April (JST) two years after the grant's fiscal year began. */
  readonly deadline: Date;
  /** In principle the whole amount paid; the office may decide a different amount when requesting. */
  readonly amount: Yen;
}

export function publicationReclaim(input: {
  readonly publicationDeferred: boolean;
  /** The fiscal year (年度) of the grant, e.g. 2025 for 令和7年度. */
  readonly grantFiscalYear: number;
  readonly publishedAt?: Date;
  readonly paidAmount: Yen;
  readonly now: Date;
}): PublicationReclaim {
  const deadline = jstInstant(input.grantFiscalYear + 2, 4, 1);
  const base = { deadline, amount: yen(0) };
  if (!input.publicationDeferred) return { status: 'not_applicable', ...base };
  if (input.publishedAt && input.publishedAt.getTime() < deadline.getTime())
    return { status: 'published', ...base };
  if (input.now.getTime() < deadline.getTime()) return { status: 'awaiting_publication', ...base };
  return { status: 'reclaim_due', deadline, amount: input.paidAmount };
}
