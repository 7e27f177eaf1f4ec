import { CCUS_CHANGES_CHANNEL, type Database, type NoticeSubscription } from '@tsumiki/db';
import { sharedAnswer } from '../../shared-answer';
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

export function createOverviewCache<V extends object>(
  options: {
    maxEntries?: number;
    /**
     * A kept overview is computed again after this long whatever the notices say: a listener
     * connection that dies without an error (a silent network partition) cannot keep old figures
     * on screen for longer.
     */
    maxAgeMs?: number;
    settle?: () => Promise<void>;
    nowMs?: () => number;
  } = {},
): OverviewCache<V> {
  const maxEntries = options.maxEntries ?? 64;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const nowMs = options.nowMs ?? Date.now;
  const entries = new Map<string, { value: V; keptAtMs: number }>();
  let listening = false;
  // Bumped by every notice: a computation that started before one may hold what it replaced.
  let generation = 0;
  const keyOf = (fiscalYear: number, asOf: string) => `${fiscalYear}|${asOf}`;
  const forgetAll = () => {
    generation += 1;
    entries.clear();
  };
  return {
    read(fiscalYear, asOf) {
      if (!listening) return undefined;
      const key = keyOf(fiscalYear, asOf);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (nowMs() - entry.keptAtMs < maxAgeMs) return entry.value;
      entries.delete(key);
      return undefined;
    },
    begin() {
      const started = generation;
      return (fiscalYear, asOf, value) => {
        if (!listening || generation !== started) return;
        // Map order is insertion order: the first key is the longest kept.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        // One object for every later call: none of them may change it for the others.
        entries.set(keyOf(fiscalYear, asOf), { value: sharedAnswer(value), keptAtMs: nowMs() });
      };
    },
    forgetAll,
    listening: () => listening,
    ready() {
      forgetAll();
      listening = true;
    },
    lost() {
      listening = false;
      forgetAll();
    },
    settle: () => (listening && options.settle ? options.settle() : Promise.resolve()),
    size: () => entries.size,
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
