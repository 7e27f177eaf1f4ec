import { REVIEW_CHANGES_CHANNEL, type Database, type listProgrammeIdsOfOffices, type NoticeSubscription } from '@tsumiki/db';
import { createKeptAnswers, type KeptAnswers } from '../../lib/kept-answers';
import type { ReviewQueuePage } from './review.service';

/**
 * First pages of the review queue kept in memory, per viewer and query, each under the programmes
 * it covers: a reviewer opening the queue, the tabs, the queue again after a decision. Only pages
 * without a search or amount filter are kept (a search is typed once; its pages are its own).
 * A notice of a change to a programme's proposals drops the pages covering that programme; any
 * other change that can touch a page (a conflict declared, an assignment, a membership, a name)
 * drops them all. Until the listener is ready, and whenever its connection is lost, nothing is kept.
 * The programmes of the viewer's offices are kept beside the pages.
 */
export interface ReviewQueueCache extends KeptAnswers<ReviewQueuePage> {
  /**
   * The programmes of a set of offices, read by every console call (the queue, the list of
   * programmes to review), under no tag: only a `*` notice drops them, which any change to a
   * programme or an organisation sends. Cleared, readied and lost with the pages.
   */
  readonly officeProgrammes: KeptAnswers<OfficeProgrammes>;
}

export type OfficeProgrammes = Awaited<ReturnType<typeof listProgrammeIdsOfOffices>>;

/** Pages a process keeps: some 20 kB each (a page of 50 rows), a few megabytes at most. */
const PAGES_KEPT = 256;
/** Sets of offices a process keeps programmes for: a reviewer belongs to a few. */
const OFFICE_SETS_KEPT = 1_024;

export function createReviewQueueCache(settle?: () => Promise<void>): ReviewQueueCache {
  const options = settle ? { settle } : {};
  const pages = createKeptAnswers<ReviewQueuePage>({ maxEntries: PAGES_KEPT, ...options });
  const officeProgrammes = createKeptAnswers<OfficeProgrammes>({ maxEntries: OFFICE_SETS_KEPT, ...options });
  return {
    ...pages,
    officeProgrammes,
    forgetAll() {
      pages.forgetAll();
      officeProgrammes.forgetAll();
    },
    ready() {
      pages.ready();
      officeProgrammes.ready();
    },
    lost() {
      pages.lost();
      officeProgrammes.lost();
    },
  };
}

export async function watchReviewQueues(database: Pick<Database, 'listen'>): Promise<{ cache: ReviewQueueCache; close(): Promise<void> }> {
  const opened: { subscription?: NoticeSubscription } = {};
  const cache = createReviewQueueCache(() => opened.subscription?.settle() ?? Promise.resolve());
  const subscription = await database.listen(REVIEW_CHANGES_CHANNEL, {
    notice: (payload) => (payload === '*' ? cache.forgetAll() : cache.forget(payload)),
    ready: () => cache.ready(),
    lost: () => cache.lost(),
  });
  opened.subscription = subscription;
  return { cache, close: () => subscription.close() };
}
