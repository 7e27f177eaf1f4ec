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
 * LISTEN on a connection of its own, outside the pool (a pooled connection would be handed to
 * queries and stop listening). A lost connection reports lost() and is retried every second.
 */
export function listenOnPostgres(url: string, channel: string, handlers: NoticeHandlers): NoticeSubscription {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const schedule = () => {
    if (closed) return;
    retry = setTimeout(() => void connect(), RECONNECT_MS);
    retry.unref();
  };
  const connect = async () => {
    const candidate = new pg.Client({ connectionString: url, keepAlive: true, application_name: LISTENER_NAME });
    candidate.on('error', () => {});
    candidate.on('notification', (message) => {
      if (message.channel === channel) handlers.notice(message.payload ?? '');
    });
    candidate.on('end', () => {
      if (client !== candidate) return;
      client = null;
      handlers.lost();
      schedule();
    });
    try {
      await candidate.connect();
      await candidate.query(`listen ${channel}`);
    } catch {
      void candidate.end().catch(() => {});
      schedule();
      return;
    }
    if (closed) {
      await candidate.end().catch(() => {});
      return;
    }
    client = candidate;
    handlers.ready();
  };
  void connect();

  return {
    // The server sends a listener every pending notice before it answers its next query.
    settle: sharedRoundTrips(async () => {
      await client?.query('select 1').catch(() => {});
    }),
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
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
 * one listening connection, made each wait for all those before it.
 */
export function sharedRoundTrips(roundTrip: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | undefined;
  let following: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const sent: Promise<void> = roundTrip().finally(() => {
      if (current === sent) current = undefined;
    });
    current = sent;
    return sent;
  };
  return () => {
    if (!current) return start();
    const next = () => {
      following = undefined;
      return start();
    };
    following ??= current.then(next, next);
    return following;
  };
}
