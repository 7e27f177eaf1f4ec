import { sharedAnswer } from '../shared-answer';

/**
 * Computed answers kept in memory by key, each under the tags of what it was computed from.
 * Correct across API processes only while the database announces every change they are computed
 * from and this process hears it: until ready() and after lost(), nothing is kept and every answer
 * is computed from the database. A notice forgets the answers under its tag, or all of them.
 */
export interface KeptAnswers<V> {
  /** `nowMs`: the caller's clock, where it has one; the cache's own otherwise. */
  read(key: string, nowMs?: number): V | undefined;
  /**
   * Called before computing; the function it returns keeps what was computed under its tags,
   * unless a notice arrived in between (the computation may have read rows a committed change
   * has replaced).
   */
  begin(): (key: string, value: V, tags?: readonly string[], nowMs?: number) => void;
  /** Forgets every answer kept under this tag. */
  forget(tag: string): void;
  forgetAll(): void;
  /** Whether it keeps anything: between ready() and lost(). */
  listening(): boolean;
  ready(): void;
  lost(): void;
  /** Waits until this process has heard every change committed so far (after a call that made one). */
  settle(): Promise<void>;
  size(): number;
}

export interface KeptAnswersOptions {
  maxEntries?: number;
  /**
   * A kept answer is computed again after this long whatever the notices say: a listener
   * connection that dies without an error (a silent network partition) cannot keep old figures
   * on screen for longer.
   */
  maxAgeMs?: number;
  settle?: () => Promise<void>;
  nowMs?: () => number;
}

export function createKeptAnswers<V extends object>(options: KeptAnswersOptions = {}): KeptAnswers<V> {
  const maxEntries = options.maxEntries ?? 64;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const nowMs = options.nowMs ?? Date.now;
  const entries = new Map<string, { value: V; keptAtMs: number; tags: readonly string[] }>();
  const keysByTag = new Map<string, Set<string>>();
  let listening = false;
  // Bumped by every notice: a computation that started before one may hold what it replaced.
  let generation = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const tag of entry.tags) {
      const keys = keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) keysByTag.delete(tag);
    }
  };
  const forgetAll = () => {
    generation += 1;
    entries.clear();
    keysByTag.clear();
  };
  return {
    read(key, at = nowMs()) {
      if (!listening) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (at - entry.keptAtMs < maxAgeMs) return entry.value;
      drop(key);
      return undefined;
    },
    begin() {
      const started = generation;
      return (key, value, tags = [], at = nowMs()) => {
        if (!listening || generation !== started) return;
        drop(key);
        // Map order is insertion order: the first key is the longest kept.
        if (entries.size >= maxEntries) drop(entries.keys().next().value!);
        // One object for every later call: none of them may change it for the others.
        entries.set(key, { value: sharedAnswer(value), keptAtMs: at, tags });
        for (const tag of tags) {
          const keys = keysByTag.get(tag) ?? new Set<string>();
          keys.add(key);
          keysByTag.set(tag, keys);
        }
      };
    },
    forget(tag) {
      generation += 1;
      for (const key of [...(keysByTag.get(tag) ?? [])]) drop(key);
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
