/**
 * Between the mixed run and the twins: what the mixed run left for the API processes to do is done
 * first, so neither side of a pair runs beside it. Each pair measures the API first and its twin
 * second; without this, the API's side ran while both processes' outbox workers were still
 * sending the run's receipts (about 900 due at the end of a 60-s run, 100 every 5 s) and the first
 * pair charged that to the API (programmes.list at 0.48 of its twin in one run).
 */
import { outboxBacklog, type DB } from '@tsumiki/db';
import { sql, type Kysely } from 'kysely';

export interface Settled {
  /** Seconds until no outbox e-mail was due; null when it was still sending at the deadline. */
  outboxS: number | null;
  vacuumS: number;
}

export async function settleAfterMixedRun(db: Kysely<DB>, timeoutMs = 180_000, pollMs = 500): Promise<Settled> {
  const start = Date.now();
  let outboxS: number | null = null;
  while (Date.now() - start < timeoutMs) {
    if ((await outboxBacklog(db, new Date())).oldestDueSeconds === 0) {
      outboxS = (Date.now() - start) / 1000;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  // The run's dead row versions cleared now rather than by an autovacuum in the middle of a pair.
  const vacuumStart = Date.now();
  await sql`vacuum (analyze)`.execute(db);
  return { outboxS, vacuumS: (Date.now() - vacuumStart) / 1000 };
}
