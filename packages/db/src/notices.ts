import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a change to sessions, users, memberships or organisations announces (see its migration). */
export const AUTH_CHANGES_CHANNEL = 'tsumiki_auth';
/** What a change to the CCUS roll-ups, targets or associations announces (see its migration). */
export const CCUS_CHANGES_CHANNEL = 'tsumiki_ccus';
/** What a change to a programme's proposals (its id) or to anything else a review queue's page shows (`*`) announces (see its migration). */
export const REVIEW_CHANGES_CHANNEL = 'tsumiki_review';

export interface NoticeHandlers {
  /** A notice's payload, in commit order. */
  notice(payload: string): void;
  /** Listening: from now on every committed change is announced. */
  ready(): void;
  /** Not listening (connection lost): changes may go unannounced until ready() again. */
  lost(): void;
}

export interface NoticeSubscription {
  /**
   * Resolves once every notice of a transaction committed before the call has been handed to
   * notice(): a request that changed sessions can answer knowing its own process has dropped them.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_NAME = 'tsumiki-notices';
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;
const RECONNECT_MS = 1_000;

/**
 * LISTEN on one connection of its own, outside the pool (a pooled connection would be handed to
 * queries and stop listening), for every channel a process's caches subscribe to: one connection
 * and one round trip to settle them all after a change, not one per channel. A lost connection
 * reports lost() to every subscriber and is retried every second. Work on the connection (connect,
 * LISTEN, UNLISTEN, end) goes one step at a time, in the order it was asked for.
 */
export function postgresListener(url: string): { listen(channel: string, handlers: NoticeHandlers): NoticeSubscription } {
  const handlersOf = new Map<string, Set<NoticeHandlers>>();
  let client: pg.Client | null = null;
  let listened = new Set<string>();
  let retry: NodeJS.Timeout | undefined;
  let steps: Promise<void> = Promise.resolve();
  // A step that failed must not stop the ones after it: each step handles its own failures.
  const inOrder = (step: () => Promise<void>) => (steps = steps.then(step).catch(() => {}));
  const everyHandler = () => [...handlersOf.values()].flatMap((set) => [...set]);

  const schedule = () => {
    if (handlersOf.size === 0) return;
    retry = setTimeout(() => void inOrder(connect), RECONNECT_MS);
    retry.unref();
  };
  const connect = async () => {
    if (client || handlersOf.size === 0) return;
    const candidate = new pg.Client({ connectionString: url, keepAlive: true, application_name: LISTENER_NAME });
    candidate.on('error', () => {});
    candidate.on('notification', (message) => {
      for (const handlers of handlersOf.get(message.channel) ?? []) handlers.notice(message.payload ?? '');
    });
    candidate.on('end', () => {
      if (client !== candidate) return;
      client = null;
      listened = new Set();
      for (const handlers of everyHandler()) handlers.lost();
      schedule();
    });
    const channels = [...handlersOf.keys()];
    try {
      await candidate.connect();
      for (const channel of channels) await candidate.query(`listen ${channel}`);
    } catch {
      void candidate.end().catch(() => {});
      schedule();
      return;
    }
    client = candidate;
    listened = new Set(channels);
    for (const channel of channels) for (const handlers of handlersOf.get(channel) ?? []) handlers.ready();
  };
  // The server sends a listener every pending notice before it answers its next query.
  const settle = sharedRoundTrips(async () => {
    await client?.query('select 1').catch(() => {});
  });

  return {
    listen(channel, handlers) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
      handlersOf.set(channel, (handlersOf.get(channel) ?? new Set()).add(handlers));
      void inOrder(async () => {
        if (!client) return connect();
        if (!listened.has(channel)) {
          // A connection that fails here ends, and its 'end' reports lost() and reconnects.
          const ok = await client.query(`listen ${channel}`).then(() => true, () => false);
          if (!ok) return;
          listened.add(channel);
        }
        if (handlersOf.get(channel)?.has(handlers)) handlers.ready();
      });
      let closed = false;
      return {
        settle,
        close: () => {
          if (closed) return steps;
          closed = true;
          const set = handlersOf.get(channel);
          set?.delete(handlers);
          if (set?.size === 0) handlersOf.delete(channel);
          return inOrder(async () => {
            if (handlersOf.size === 0) {
              clearTimeout(retry);
              const open = client;
              client = null;
              listened = new Set();
              await open?.end().catch(() => {});
            } else if (client && !handlersOf.has(channel) && listened.has(channel)) {
              listened.delete(channel);
              await client.query(`unlisten ${channel}`).catch(() => {});
            }
          });
        },
      };
    },
  };
}

/** In-process PGlite hands notices over as the statement that committed them completes. */
export async function listenOnPglite(pglite: PGlite, channel: string, handlers: NoticeHandlers): Promise<NoticeSubscription> {
  const unlisten = await pglite.listen(channel, (payload) => handlers.notice(payload));
  handlers.ready();
  return { settle: async () => {}, close: () => unlisten() };
}

/**
 * Many callers served by few round trips. A caller is answered by the first round trip that
 * starts after its call: one already on its way may have left before the caller's commit and
 * prove nothing about it. So callers arriving while one is out all wait for the next one, which
 * starts when that answers. Under load every mutation settles; one round trip each, queued on the
 * one listening connection, made each wait for all those before it. A caller in the same
 * synchronous run as the start joins it: its commit was answered before that run began, so the
 * round trip leaves after it (a mutation settles every cache of its process at once).
 */
export function sharedRoundTrips(roundTrip: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | undefined;
  let following: Promise<void> | undefined;
  let startedNow = false;
  const start = (): Promise<void> => {
    const sent: Promise<void> = roundTrip().finally(() => {
      if (current === sent) current = undefined;
    });
    current = sent;
    startedNow = true;
    queueMicrotask(() => (startedNow = false));
    return sent;
  };
  return () => {
    if (!current) return start();
    if (startedNow) return current;
    const next = () => {
      following = undefined;
      return start();
    };
    following ??= current.then(next, next);
    return following;
  };
}
