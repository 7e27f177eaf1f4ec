/** Settings of the load and fault scripts, validated once: a bad value names its variable. */
import { z } from 'zod';

const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const ZScriptEnv = z.object({
  /** Administrative connection to the shared PostgreSQL, where the load run makes its database. */
  LOAD_POSTGRES_URL: z.string().regex(/^postgres(ql)?:\/\//).default('postgres://postgres@127.0.0.1:5432/postgres'),
  LOAD_USERS: count(1, 5000, 200),
  LOAD_DURATION_S: count(1, 3600, 60),
  LOAD_MIX: z.string().default('applicant:70,console:20,dashboard:10'),
  LOAD_API_PROCESSES: count(1, 8, 2),
  /** PostgreSQL connections per API process. */
  LOAD_POOL_MAX: count(1, 200, 10),
  LOAD_SUBMITTED: count(0, 1_000_000, 2000),
  LOAD_BARE: z
    .enum(['1', '0', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  LOAD_KEEP: flag,
  /** The faults run's private cluster: port, and the PostgreSQL binaries (newest installed by default). */
  FAULTS_PG_PORT: count(1024, 65535, 55432),
  FAULTS_PG_BIN: z.string().optional(),
  FAULTS_USERS: count(1, 1000, 20),
  /** How long the database stays down in the middle of the load. */
  FAULTS_OUTAGE_S: count(1, 120, 4),
  FAULTS_KILLS: count(1, 100, 5),
  BARE_PORT: count(0, 65535, 0),
  /** Stack-limit twins: seconds per side of each pair (0 = no twins), at TWIN_CONNECTIONS connections. */
  LOAD_TWIN_DURATION_S: count(0, 600, 10),
  LOAD_TWIN_CONNECTIONS: count(1, 1000, 50),
  /**
   * The API as production runs it: `node apps/api/dist/server.js`, built by `pnpm load` before the
   * run. Unset (the test suite's short run), the API runs from source through tsx.
   */
  LOAD_API_BUILD: flag,
  /** Set by the load script for the twin server it starts. */
  TWIN_DATABASE_URL: z.string().default(''),
});

export type ScriptEnv = z.infer<typeof ZScriptEnv>;

export function scriptEnv(source: NodeJS.ProcessEnv = process.env): ScriptEnv {
  const parsed = ZScriptEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** The environment child processes start from (PATH and the like), before their own settings. */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;
