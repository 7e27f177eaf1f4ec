import { AUTH_CHANGES_CHANNEL, type Database, type findSessionByTokenHash, type NoticeSubscription } from '@tsumiki/db';
import { createKeptAnswers, type KeptAnswers, type KeptAnswersOptions } from '../lib/kept-answers';

export type FoundSession = NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>;

/**
 * Signed-in sessions kept in memory, so a call's session check needs no query. Correct across API
 * processes only while the database announces every change to sessions, users, memberships and
 * organisations (the channel tsumiki_auth) and this process hears it: until ready() and after
 * lost(), nothing is kept and every check reads the database.
 */
export interface SessionCache extends Pick<KeptAnswers<FoundSession>, 'ready' | 'lost' | 'settle' | 'size'> {
  read(tokenHash: string, nowMs: number): FoundSession | undefined;
  /** As KeptAnswers' begin(), by token and on the session check's clock. */
  begin(): (tokenHash: string, found: FoundSession, nowMs: number) => void;
  /** A notice: a user's id, or '*' for everyone. */
  forget(payload: string): void;
}

/**
 * maxAgeMs: a kept session is read again after this long whatever the notices say, so a silently
 * dead listener cannot keep a revocation out for longer (10 s by default).
 */
export type SessionCacheOptions = Pick<KeptAnswersOptions, 'maxAgeMs' | 'maxEntries' | 'settle'>;

export function createSessionCache(options: SessionCacheOptions = {}): SessionCache {
  // Kept under the user's id: a notice names the user whose sessions, memberships or roles changed.
  const kept = createKeptAnswers<FoundSession>({
    maxAgeMs: options.maxAgeMs ?? 10_000,
    maxEntries: options.maxEntries ?? 10_000,
    ...(options.settle && { settle: options.settle }),
  });
  return {
    read: (tokenHash, nowMs) => kept.read(tokenHash, nowMs),
    begin() {
      const keep = kept.begin();
      // Frozen, one object for every call of the session: none of them may change it for the others.
      return (tokenHash, found, nowMs) => keep(tokenHash, found, [found.userId], nowMs);
    },
    forget: (payload) => (payload === '*' ? kept.forgetAll() : kept.forget(payload)),
    ready: () => kept.ready(),
    lost: () => kept.lost(),
    settle: () => kept.settle(),
    size: () => kept.size(),
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
