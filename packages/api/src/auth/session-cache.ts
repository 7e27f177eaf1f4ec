import { AUTH_CHANGES_CHANNEL, type Database, type findSessionByTokenHash, type NoticeSubscription } from '@tsumiki/db';

export type FoundSession = NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>;

/**
 * Signed-in sessions kept in memory, so a call's session check needs no query. Correct across API
 * processes only while the database announces every change to sessions, users, memberships and
 * organisations (the channel tsumiki_auth) and this process hears it: until ready() and after
 * lost(), nothing is kept and every check reads the database.
 */
export interface SessionCache {
  read(tokenHash: string, nowMs: number): FoundSession | undefined;
  /**
   * Called before a lookup; the function it returns keeps what the lookup found, unless a notice
   * arrived in between (the lookup may have read the row before that change committed).
   */
  begin(): (tokenHash: string, found: FoundSession, nowMs: number) => void;
  /** A notice: a user's id, or '*' for everyone. */
  forget(payload: string): void;
  ready(): void;
  lost(): void;
  /** Waits until this process has heard every change committed so far (after a call that made one). */
  settle(): Promise<void>;
  size(): number;
}

export interface SessionCacheOptions {
  /**
   * A kept session is read again after this long whatever the notices say: a listener connection
   * that dies without an error (a silent network partition) cannot keep a revocation out for longer.
   */
  maxAgeMs?: number;
  maxEntries?: number;
  settle?: () => Promise<void>;
}

interface Entry {
  found: FoundSession;
  keptAtMs: number;
}

export function createSessionCache(options: SessionCacheOptions = {}): SessionCache {
  const maxAgeMs = options.maxAgeMs ?? 10_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  const tokensOfUser = new Map<string, Set<string>>();
  let listening = false;
  // Bumped by every notice: a lookup that started before one may hold what it replaced.
  let generation = 0;

  const drop = (tokenHash: string) => {
    const entry = entries.get(tokenHash);
    if (!entry) return;
    entries.delete(tokenHash);
    const tokens = tokensOfUser.get(entry.found.userId);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) tokensOfUser.delete(entry.found.userId);
  };
  const clear = () => {
    generation += 1;
    entries.clear();
    tokensOfUser.clear();
  };

  return {
    read(tokenHash, nowMs) {
      if (!listening) return undefined;
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (nowMs - entry.keptAtMs >= maxAgeMs) {
        drop(tokenHash);
        return undefined;
      }
      return entry.found;
    },
    begin() {
      const started = generation;
      return (tokenHash, found, nowMs) => {
        if (!listening || generation !== started) return;
        drop(tokenHash);
        // One object for every call of the session: none of them may change it for the others.
        for (const membership of found.memberships) Object.freeze(membership);
        Object.freeze(found.memberships);
        Object.freeze(found);
        // Map order is insertion order: the first key is the longest kept.
        if (entries.size >= maxEntries) drop(entries.keys().next().value!);
        entries.set(tokenHash, { found, keptAtMs: nowMs });
        const tokens = tokensOfUser.get(found.userId) ?? new Set<string>();
        tokens.add(tokenHash);
        tokensOfUser.set(found.userId, tokens);
      };
    },
    forget(payload) {
      if (payload === '*') return clear();
      generation += 1;
      for (const tokenHash of tokensOfUser.get(payload) ?? []) drop(tokenHash);
    },
    ready() {
      clear();
      listening = true;
    },
    lost() {
      listening = false;
      clear();
    },
    settle: () => (listening && options.settle ? options.settle() : Promise.resolve()),
    size: () => entries.size,
  };
}

/**
 * A session cache fed by the database's notices: for a server process's lifetime. Until the
 * listener is ready (and whenever its connection is lost) the cache keeps nothing.
 */
export async function watchSessions(
  database: Pick<Database, 'listen'>,
  options: Omit<SessionCacheOptions, 'settle'> = {},
): Promise<{ cache: SessionCache; close(): Promise<void> }> {
  // The cache settles through the subscription, which needs the cache's handlers to open.
  const opened: { subscription?: NoticeSubscription } = {};
  const cache = createSessionCache({ ...options, settle: () => opened.subscription?.settle() ?? Promise.resolve() });
  const subscription = await database.listen(AUTH_CHANGES_CHANNEL, {
    notice: (payload) => cache.forget(payload),
    ready: () => cache.ready(),
    lost: () => cache.lost(),
  });
  opened.subscription = subscription;
  return { cache, close: () => subscription.close() };
}
