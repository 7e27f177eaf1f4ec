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
   * unless a notice under one of them (or a forgetAll) arrived in between: the computation may
   * have read rows a committed change has replaced. A notice under another tag cannot have
   * touched it, so the tags must name everything the answer was read from.
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

const MAX_TAGS_NOTICED = 10_000;

export function createKeptAnswers<V extends object>(options: KeptAnswersOptions = {}): KeptAnswers<V> {
  const maxEntries = options.maxEntries ?? 64;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const nowMs = options.nowMs ?? Date.now;
  const entries = new Map<string, { value: V; keptAtMs: number; tags: readonly string[] }>();
  const keysByTag = new Map<string, Set<string>>();
  let listening = false;
  // Every notice takes the next number; a computation keeps its answer only if no notice under
  // its tags, and no forgetAll, took a number after its begin(). Under load a notice comes with
  // nearly every write, so one number for all would keep hardly any answer.
  let noticeNo = 0;
  let lastForgetAllNo = 0;
  const lastNoticeNoOfTag = new Map<string, number>();
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
    lastForgetAllNo = ++noticeNo;
    // What the tags' numbers said is covered by this one: a computation begun before it keeps nothing.
    lastNoticeNoOfTag.clear();
    entries.clear();
    keysByTag.clear();
  };
  const noticedSince = (started: number, tags: readonly string[]) =>
    lastForgetAllNo > started || tags.some((tag) => (lastNoticeNoOfTag.get(tag) ?? 0) > started);
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
      const started = noticeNo;
      return (key, value, tags = [], at = nowMs()) => {
        if (!listening || noticedSince(started, tags)) return;
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
      // Tags come and go (programmes, users): past a bound the numbers are folded into one forgetAll
      // number, which only makes computations under way keep nothing.
      if (lastNoticeNoOfTag.size >= MAX_TAGS_NOTICED) {
        lastNoticeNoOfTag.clear();
        lastForgetAllNo = noticeNo;
      }
      lastNoticeNoOfTag.set(tag, ++noticeNo);
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
