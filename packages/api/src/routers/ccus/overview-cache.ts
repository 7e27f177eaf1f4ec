import { CCUS_CHANGES_CHANNEL, type Database, type NoticeSubscription } from '@tsumiki/db';
import { createKeptAnswers, type KeptAnswers, type KeptAnswersOptions } from '../../lib/kept-answers';
import type { MinistryOverview } from './ccus.service';

/**
 * Computed ministry overviews kept in memory, by fiscal year and as-of month. Correct across API
 * processes only while the database announces every change they are computed from (the channel
 * tsumiki_ccus) and this process hears it: until ready() and after lost(), nothing is kept and
 * every overview is computed from the database. Any notice drops them all — imports are monthly
 * and an overview is a few milliseconds to compute again.
 */
export interface OverviewCache<V> extends Omit<KeptAnswers<V>, 'read' | 'begin' | 'forget'> {
  read(fiscalYear: number, asOf: string): V | undefined;
  /** As KeptAnswers' begin(), by period. */
  begin(): (fiscalYear: number, asOf: string, value: V) => void;
}

export type MinistryOverviewCache = OverviewCache<MinistryOverview>;

export function createOverviewCache<V extends object>(options: KeptAnswersOptions = {}): OverviewCache<V> {
  const kept = createKeptAnswers<V>(options);
  const keyOf = (fiscalYear: number, asOf: string) => `${fiscalYear}|${asOf}`;
  return {
    read: (fiscalYear, asOf) => kept.read(keyOf(fiscalYear, asOf)),
    begin() {
      const keep = kept.begin();
      return (fiscalYear, asOf, value) => keep(keyOf(fiscalYear, asOf), value);
    },
    forgetAll: () => kept.forgetAll(),
    listening: () => kept.listening(),
    ready: () => kept.ready(),
    lost: () => kept.lost(),
    settle: () => kept.settle(),
    size: () => kept.size(),
  };
}

/**
 * An overview cache fed by the database's notices: for a server process's lifetime. Until the
 * listener is ready (and whenever its connection is lost) the cache keeps nothing.
 */
export async function watchCcusOverviews(database: Pick<Database, 'listen'>): Promise<{ cache: MinistryOverviewCache; close(): Promise<void> }> {
  const opened: { subscription?: NoticeSubscription } = {};
  const cache = createOverviewCache<MinistryOverview>({ settle: () => opened.subscription?.settle() ?? Promise.resolve() });
  const subscription = await database.listen(CCUS_CHANGES_CHANNEL, {
    notice: () => cache.forgetAll(),
    ready: () => cache.ready(),
    lost: () => cache.lost(),
  });
  opened.subscription = subscription;
  return { cache, close: () => subscription.close() };
}
