import { REVIEW_CHANGES_CHANNEL, type Database, type NoticeSubscription } from '@tsumiki/db';
import { createKeptAnswers, type KeptAnswers } from '../../lib/kept-answers';
import type { ReviewQueuePage } from './review.service';

/**
 * First pages of the review queue kept in memory, per viewer and query, each under the programmes
 * it covers: a reviewer opening the queue, the tabs, the queue again after a decision. Only pages
 * without a search or amount filter are kept (a search is typed once; its pages are its own).
 * A notice of a change to a programme's proposals drops the pages covering that programme; any
 * other change that can touch a page (a conflict declared, an assignment, a membership, a name)
 * drops them all. Until the listener is ready, and whenever its connection is lost, nothing is kept.
 */
export type ReviewQueueCache = KeptAnswers<ReviewQueuePage>;

/** Pages a process keeps: some 20 kB each (a page of 50 rows), a few megabytes at most. */
const PAGES_KEPT = 256;

export async function watchReviewQueues(database: Pick<Database, 'listen'>): Promise<{ cache: ReviewQueueCache; close(): Promise<void> }> {
  const opened: { subscription?: NoticeSubscription } = {};
  const cache = createKeptAnswers<ReviewQueuePage>({ maxEntries: PAGES_KEPT, settle: () => opened.subscription?.settle() ?? Promise.resolve() });
  const subscription = await database.listen(REVIEW_CHANGES_CHANNEL, {
    notice: (payload) => (payload === '*' ? cache.forgetAll() : cache.forget(payload)),
    ready: () => cache.ready(),
    lost: () => cache.lost(),
  });
  opened.subscription = subscription;
  return { cache, close: () => subscription.close() };
}
