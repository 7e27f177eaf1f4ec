import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Kysely sends every statement unnamed, so PostgreSQL parses and plans it again on each call. The
 * API's statements are few and repeated (a session lookup, an application by id, a page of the
 * queue), and under load that repeated work was a quarter of the database's time: a lookup by
 * primary key planned seven times longer than it ran. Here each parameterised statement is
 * prepared once per connection under a name derived from its text; later calls only bind and
 * execute it, and after a few calls PostgreSQL may keep a generic plan (plan_cache_mode auto
 * still plans per call when the parameters' plans differ in cost).
 *
 * Statements without parameters go through as before, on the simple protocol: migrations and other
 * scripts send several statements in one text, which a prepared statement cannot hold.
 */
export interface PreparedStatementLimits {
  /** Names this process hands out in all; texts beyond are sent unnamed (IN lists of every length). */
  maxNames: number;
  /** Statements kept prepared on one connection; beyond, new texts are sent unnamed on it. */
  maxPerConnection: number;
}

const DEFAULT_LIMITS: PreparedStatementLimits = { maxNames: 5_000, maxPerConnection: 500 };

export function preparingPool(pool: pg.Pool, limits: PreparedStatementLimits = DEFAULT_LIMITS): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < limits.maxNames) {
      name = `tsumiki_${names.size.toString(36)}`;
      names.set(text, name);
    }
    return name;
  };
  // Per connection, which names it has been asked to prepare (pg itself remembers which succeeded).
  const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let prepared = preparedOn.get(client);
    if (!prepared) preparedOn.set(client, (prepared = new Set()));
    const known = prepared;
    let stale = false;
    const query = (textOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
      if (typeof textOrCursor !== 'string') return client.query(textOrCursor as pg.Submittable);
      const values = parameters ? [...parameters] : [];
      const name = values.length > 0 ? nameOf(textOrCursor) : undefined;
      if (name === undefined || (!known.has(name) && known.size >= limits.maxPerConnection)) return client.query(textOrCursor, values);
      known.add(name);
      return client.query({ name, text: textOrCursor, values }).catch((error: unknown) => {
        // A table's columns changed under a prepared `select *` (a migration while running): the
        // statement fails on this connection for good, so the connection is closed, not reused.
        if (isStalePlan(error)) stale = true;
        throw error;
      });
    };
    return { query: query as PostgresPoolClient['query'], release: () => client.release(stale || undefined) };
  };

  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}

/** PostgreSQL's "cached plan must not change result type" (feature_not_supported). */
export function isStalePlan(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && e.message.includes('cached plan');
}
