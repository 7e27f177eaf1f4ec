import { CCUS_CHANGES_CHANNEL, type Database, type NoticeSubscription } from '@tsumiki/db';
import { createKeptAnswers, type KeptAnswersOptions } from '../../lib/kept-answers';
import type { MinistryOverview } from './ccus.service';

/**
 * Computed ministry overviews kept in memory, by fiscal year and as-of month. Correct across API
 * processes only while the database announces every change they are computed from (the channel
 * tsumiki_ccus) and this process hears it: until ready() and after lost(), nothing is kept and
 * every overview is computed from the database. Any notice drops them all — imports are monthly
 * and an overview is a few milliseconds to compute again.
 */
export interface OverviewCache<V> {
  read(fiscalYear: number, asOf: string): V | undefined;
  /**
   * Called before computing; the function it returns keeps what was computed, unless a notice
   * arrived in between (the computation may have read rows a committed change has replaced).
   */
  begin(): (fiscalYear: number, asOf: string, value: V) => void;
  forgetAll(): void;
  /** Whether it keeps anything: between ready() and lost(). */
  listening(): boolean;
  ready(): void;
  lost(): void;
  /** Waits until this process has heard every change committed so far (after a call that made one). */
  settle(): Promise<void>;
  size(): number;
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
