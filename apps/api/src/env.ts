import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEVELOPMENT_TOTP_KEY, type SecondFactorSettings } from '@tsumiki/api';
import { ZSecondFactorMode } from '@tsumiki/domain';
import { z } from 'zod';

/** The repository root, for defaults that live under it (PGlite data, built apps). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['1', '0', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (entry: string) => {
  if (PROXY_KEYWORDS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (version === 4 ? 32 : 128);
};

/**
 * Which reverse proxies may tell us the client's address (X-Forwarded-For), as Fastify's trustProxy:
 * off (the default), a hop count, or the proxies' addresses/CIDRs (or proxy-addr's loopback,
 * linklocal, uniquelocal). "true" (trust anyone) is refused: any client could then pick its own
 * address and dodge the per-client sign-in limit.
 */
export const ZTrustProxy = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx): false | number | string[] => {
    if (value === '' || value === '0' || value === 'false') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops;
    }
    const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
    if (value !== 'true' && entries.length > 0 && entries.every(isProxyAddress)) return entries;
    ctx.addIssue({
      code: 'custom',
      message: 'must be empty/false, a hop count (1–10), or comma-separated proxy addresses or CIDRs (loopback, linklocal, uniquelocal allowed); "true" is refused',
    });
    return z.NEVER;
  });

/**
 * Configuration of the API server and the CLI, validated once at start. A bad value stops the
 * process with a message naming the variable, instead of failing later somewhere else.
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const ZEnv = z
  .object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** PostgreSQL when set; otherwise embedded PGlite in TSUMIKI_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  TSUMIKI_DATA_DIR: z.string().min(1).default(`${REPO_ROOT}.data/pglite`),
  TSUMIKI_HOST: z.string().min(1).default('127.0.0.1'),
  TSUMIKI_API_PORT: port.default(3000),
  TSUMIKI_PORTAL_PORT: port.default(5173),
  TSUMIKI_CONSOLE_PORT: port.default(5174),
  TSUMIKI_DASHBOARD_PORT: port.default(5175),
  /** Extra origins allowed to call the API with cookies (comma-separated), e.g. a reverse proxy's. */
  TSUMIKI_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /** Connections each API process keeps to PostgreSQL; with N processes the database sees N× this. */
  TSUMIKI_DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** Reverse proxies trusted for the client address (see ZTrustProxy). */
  TSUMIKI_TRUST_PROXY: ZTrustProxy,
  /** Where attachment bytes go: in the database row (default), files under TSUMIKI_ATTACHMENT_DIR, or an S3-compatible bucket. */
  TSUMIKI_ATTACHMENT_STORE: z.enum(['database', 'filesystem', 's3']).default('database'),
  TSUMIKI_ATTACHMENT_DIR: z.string().min(1).optional(),
  /** S3-compatible endpoint (AWS, MinIO, R2), addressed path-style: endpoint/bucket/key. */
  TSUMIKI_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  TSUMIKI_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
  TSUMIKI_S3_REGION: z.string().min(1).default('us-east-1'),
  TSUMIKI_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  TSUMIKI_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /**
   * Staff (reviewer, committee, programme admin, ministry) second factor: required (the default in
   * production: staff without one enrol at their next sign-in), optional (the default elsewhere:
   * enrolled staff give their code, the demo's staff sign in with the password) or off.
   */
  TSUMIKI_STAFF_TOTP: ZSecondFactorMode.optional().or(z.literal('').transform(() => undefined)),
  /** 32 random bytes, base64 (`openssl rand -base64 32`): seals the TOTP secrets in the database. Required in production unless TSUMIKI_STAFF_TOTP=off. */
  TSUMIKI_TOTP_KEY: z
    .string()
    .transform((value) => Buffer.from(value, 'base64'))
    .refine((key) => key.length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Set behind TLS: cookies get Secure and responses HSTS. */
  TSUMIKI_SECURE_COOKIES: flag,
  /** Seed the demo data when the database is empty (the start command's default). */
  TSUMIKI_SEED_DEMO: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /** Serve the built apps on their ports (start); off in dev, where Vite serves them. */
  TSUMIKI_SERVE_APPS: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Keep signed-in sessions in memory, kept right by the database's notices (LISTEN). Off behind a
   * pooler in transaction mode (PgBouncer), where LISTEN does not hold: every call then reads its
   * session from the database.
   */
  TSUMIKI_SESSION_CACHE: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Keep the ministry's computed CCUS overviews in memory, dropped on the database's notices of
   * any change to the roll-ups, targets or associations. Off behind a pooler in transaction mode,
   * as above: every overview is then computed from the database.
   */
  TSUMIKI_OVERVIEW_CACHE: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Keep the review queue's first pages (no search or amount filter) in memory, dropped on the
   * database's notices of any change to what they show. Off behind a pooler in transaction mode,
   * as above: every page is then read from the database.
   */
  TSUMIKI_QUEUE_CACHE: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Prepare each parameterised statement once per database connection and reuse it. Off behind a
   * pooler that hands a session's statements to other server connections (PgBouncer in
   * transaction mode before 1.21, or without max_prepared_statements).
   */
  TSUMIKI_PREPARED_STATEMENTS: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /** create-user reads the new password from here, so it stays out of shell history. */
  TSUMIKI_NEW_PASSWORD: z.string().optional(),
  TSUMIKI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where outbox e-mail goes: `file` (the default: one .eml per message in TSUMIKI_MAIL_DIR) or `smtp`. */
  TSUMIKI_MAIL_TRANSPORT: z.enum(['file', 'smtp']).default('file'),
  /** The dev mail catcher: each outbox e-mail is written here as one .eml file (TSUMIKI_MAIL_TRANSPORT=file). */
  TSUMIKI_MAIL_DIR: z.string().min(1).default(`${REPO_ROOT}.data/mail`),
  /** The From address of outbox e-mail, e.g. "Tsumiki <no-reply@example.jp>". */
  TSUMIKI_MAIL_FROM: z.string().min(3).default('Tsumiki <no-reply@tsumiki.local>'),
  /** SMTP server (TSUMIKI_MAIL_TRANSPORT=smtp). */
  TSUMIKI_SMTP_HOST: z.string().min(1).optional(),
  TSUMIKI_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** implicit: TLS from the first byte (465); starttls: the upgrade is required (587); none: plain, for a relay on this machine only. */
  TSUMIKI_SMTP_TLS: z.enum(['implicit', 'starttls', 'none']).default('starttls'),
  TSUMIKI_SMTP_USER: z.string().min(1).optional(),
  TSUMIKI_SMTP_PASSWORD: z.string().min(1).optional(),
  /** How often the outbox worker delivers, in milliseconds; 0 turns it off. */
  TSUMIKI_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** How often the API process sends due reminders for requests to applicants, in milliseconds; 0 turns it off. */
  TSUMIKI_REMINDERS_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(900_000),
  /** Prometheus /metrics on its own port (0 = off, the default: two processes on one machine would collide). */
  TSUMIKI_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Where /metrics listens; loopback by default. Any other address needs TSUMIKI_METRICS_TOKEN. */
  TSUMIKI_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Bearer token a scrape must send (Prometheus: authorization.credentials); at least 24 characters. */
  TSUMIKI_METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional().or(z.literal('').transform(() => undefined)),
  })
  .refine((env) => env.TSUMIKI_MAIL_TRANSPORT !== 'smtp' || env.TSUMIKI_SMTP_HOST !== undefined, {
    path: ['TSUMIKI_SMTP_HOST'],
    message: 'required when TSUMIKI_MAIL_TRANSPORT=smtp',
  })
  .refine((env) => (env.TSUMIKI_SMTP_USER === undefined) === (env.TSUMIKI_SMTP_PASSWORD === undefined), {
    path: ['TSUMIKI_SMTP_PASSWORD'],
    message: 'TSUMIKI_SMTP_USER and TSUMIKI_SMTP_PASSWORD go together',
  })
  .refine((env) => env.TSUMIKI_MAIL_TRANSPORT !== 'smtp' || env.TSUMIKI_SMTP_TLS !== 'none' || LOOPBACK.has(env.TSUMIKI_SMTP_HOST ?? ''), {
    path: ['TSUMIKI_SMTP_TLS'],
    message: 'none (no TLS) is only for a relay on this machine (localhost): the mail carries invitation links and a password would travel in clear',
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.TSUMIKI_STAFF_TOTP === 'off' || env.TSUMIKI_TOTP_KEY !== undefined, {
    path: ['TSUMIKI_TOTP_KEY'],
    message: 'required in production (32 bytes, base64: openssl rand -base64 32) unless TSUMIKI_STAFF_TOTP=off; the built-in development key is public',
  })
  .refine((env) => env.TSUMIKI_METRICS_PORT === 0 || LOOPBACK.has(env.TSUMIKI_METRICS_HOST) || env.TSUMIKI_METRICS_TOKEN !== undefined, {
    path: ['TSUMIKI_METRICS_TOKEN'],
    message: 'required when TSUMIKI_METRICS_HOST is not a loopback address: the figures are for operators, not the internet',
  });
export type Env = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Staff second factors as the API takes them: required in production unless set, optional elsewhere. */
export function secondFactorSettingsFrom(env: Env): SecondFactorSettings {
  return {
    mode: env.TSUMIKI_STAFF_TOTP ?? (env.NODE_ENV === 'production' ? 'required' : 'optional'),
    key: env.TSUMIKI_TOTP_KEY ?? DEVELOPMENT_TOTP_KEY,
  };
}

export function databaseConfigFrom(env: Env) {
  return env.DATABASE_URL
    ? ({ kind: 'postgres', url: env.DATABASE_URL, maxConnections: env.TSUMIKI_DATABASE_POOL_MAX, preparedStatements: env.TSUMIKI_PREPARED_STATEMENTS } as const)
    : ({ kind: 'pglite', dataDir: env.TSUMIKI_DATA_DIR } as const);
}
