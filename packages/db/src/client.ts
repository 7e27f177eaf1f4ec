import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { listenOnPglite, postgresListener, type NoticeHandlers, type NoticeSubscription } from './notices';
import { PGliteDialect } from './pglite-dialect';
import { preparingPool } from './prepared-statements';
import type { DB } from './schema';

export type DatabaseKind = 'postgres' | 'pglite';

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      /** Sees every query with its time, for diagnostics (how many queries a request makes). */
      onQuery?: (sql: string, durationMs: number) => void;
      /**
       * Each parameterised statement prepared once per connection (default). Off behind a pooler
       * that hands a session's statements to other server connections (PgBouncer in transaction
       * mode before 1.21, or without max_prepared_statements).
       */
      preparedStatements?: boolean;
    }
  /**
   * dataDir undefined = in memory (tests). loadDataDir starts from a dumped data directory
   * (PGlite's dumpDataDir) instead of running initdb, which takes seconds of WebAssembly work.
   */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Where the data lives, for logs: a redacted URL or a directory. */
  location: string;
  close(): Promise<void>;
  /** The connection pool right now (PostgreSQL only; PGlite is one in-process connection). */
  poolStats?: () => PoolStats;
  /** Hears NOTIFY on a channel, committed changes only, in commit order. */
  listen(channel: string, handlers: NoticeHandlers): Promise<NoticeSubscription>;
  /** The whole data directory as an uncompressed tarball, for loadDataDir (PGlite only). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface PoolStats {
  max: number;
  /** Open connections, idle ones included. */
  total: number;
  idle: number;
  /** Queries waiting for a connection: above zero the pool is the bottleneck. */
  waiting: number;
}

const INT8_OID = 20;
// int8 (bigint) as a JS number: money is integer yen well inside 2^53, and ids from identities too.
const parseInt8 = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} exceeds the safe integer range`);
  return n;
};

const DATE_OID = 1082;
// A calendar date stays "2026-01-01": as a JS Date it would shift with the server's time zone.
const parseDate = (value: string) => value;

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid url)';
  }
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.maxConnections ?? 10,
      connectionTimeoutMillis: 5_000,
      // No JIT compilation: the API's queries are short, and on large tables the planner's cost
      // estimates start LLVM compilation that takes longer (100–500 ms) than the query itself.
      options: '-c jit=off',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
          oid === INT8_OID ? parseInt8 : oid === DATE_OID ? parseDate : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
      },
    });
    // A client that loses its server must not crash the process. The pool covers idle clients; a
    // client checked out mid-query (the server stopped under load) emits 'error' on itself, and
    // without a listener Node ends the process. The query in flight still rejects (→ 503) and the
    // broken client is discarded by the pool.
    pool.on('error', () => {});
    pool.on('connect', (client) => void client.on('error', () => {}));
    const onQuery = config.onQuery;
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: config.preparedStatements === false ? pool : preparingPool(pool) }),
      ...(onQuery && { log: (event) => onQuery(event.query.sql, event.queryDurationMillis) }),
    });
    const max = config.maxConnections ?? 10;
    const poolStats = (): PoolStats => ({ max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const url = config.url;
    const listener = postgresListener(url);
    return {
      db,
      kind: 'postgres',
      location: redactUrl(url),
      close: () => db.destroy(),
      poolStats,
      listen: async (channel, handlers) => listener.listen(channel, handlers),
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir ?? 'memory://', {
    parsers: { [INT8_OID]: parseInt8, [DATE_OID]: parseDate },
    // The review queue's substring search uses trigram indexes, as on PostgreSQL.
    extensions: { pg_trgm },
    ...(config.loadDataDir && { loadDataDir: config.loadDataDir }),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    location: config.dataDir ?? 'memory',
    close: () => db.destroy(),
    listen: (channel, handlers) => listenOnPglite(pglite, channel, handlers),
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

/** For readiness checks: resolves when the database answers a trivial query. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
