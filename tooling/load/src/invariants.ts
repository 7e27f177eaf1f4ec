/**
 * What must hold in the database after load or faults, whatever happened in between: every check
 * is a query that returns the offending rows, so a violation names its rows, not only a count.
 */
import type { DB } from '@tsumiki/db';
import { sql, type Kysely } from 'kysely';

const CHECKS: Record<string, string> = {
  // A submission is numbered 1, 2, 3… per application with no gap (nothing half-written).
  submission_versions_have_gaps: `
    select application_id::text as id from application_submissions
    group by application_id having max(version_no) <> count(*)`,
  // Anything past "draft" was submitted at least once, and carries the submission's tracking number.
  submitted_without_submission: `
    select a.id::text from applications a
    where a.status <> 'draft' and not exists (select 1 from application_submissions s where s.application_id = a.id)`,
  draft_with_submission: `
    select a.id::text from applications a
    where a.status = 'draft' and exists (select 1 from application_submissions s where s.application_id = a.id)`,
  tracking_number_missing_or_shared: `
    select a.id::text from applications a
    where (a.status <> 'draft' and a.tracking_number is null)
       or a.tracking_number in (select tracking_number from applications where tracking_number is not null group by 1 having count(*) > 1)`,
  // Every submission made through the API (the seeded stock aside) has its audit entry and its mail.
  submission_without_audit: `
    select s.id::text from application_submissions s
    where s.idempotency_key not like 'seed-%'
      and (select count(*) from audit_log l where l.action = 'application.submit' and l.entity_id = s.application_id::text)
        < (select count(*) from application_submissions s2 where s2.application_id = s.application_id and s2.idempotency_key not like 'seed-%')`,
  submission_without_outbox: `
    select s.id::text from application_submissions s
    where s.idempotency_key not like 'seed-%'
      and not exists (select 1 from outbox o where o.topic = 'application.submitted'
                      and o.payload->>'applicationId' = s.application_id::text and (o.payload->>'versionNo')::int = s.version_no)`,
  draft_without_audit: `
    select a.id::text from applications a
    where (a.tracking_number is null or a.tracking_number not like 'CLT-LOAD-%')
      and not exists (select 1 from audit_log l where l.action = 'application.create_draft' and l.entity_id = a.id::text)`,
  // A version only moves forward: never below the number of submissions it went through.
  version_behind_submissions: `
    select a.id::text from applications a
    where a.version < 1 + (select count(*) from application_submissions s where s.application_id = a.id and s.idempotency_key not like 'seed-%')`,
};

export interface InvariantReport {
  checked: number;
  violations: Record<string, string[]>;
}

export async function checkInvariants(db: Kysely<DB>): Promise<InvariantReport> {
  const violations: Record<string, string[]> = {};
  for (const [name, query] of Object.entries(CHECKS)) {
    const { rows } = await sql<{ id: string }>`${sql.raw(query)}`.execute(db);
    if (rows.length > 0) violations[name] = rows.slice(0, 20).map((r) => r.id);
  }
  return { checked: Object.keys(CHECKS).length, violations };
}

/** How many submissions each idempotency key produced (a key that produced two is a duplicate). */
export async function submissionsPerKey(db: Kysely<DB>, keys: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .selectFrom('application_submissions')
      .select(['idempotency_key'])
      .where('idempotency_key', 'in', keys.slice(i, i + 1000))
      .execute();
    for (const r of rows) counts.set(r.idempotency_key, (counts.get(r.idempotency_key) ?? 0) + 1);
  }
  return counts;
}

export interface RunOutcome {
  /** Receipts the users were given with no submission behind them. */
  lost: number;
  /** Keys with more than one submission, plus run-made applications submitted more than once. */
  duplicated: number;
  /** Offending rows over every invariant. */
  violations: number;
}

/**
 * After a run: the invariants, and every receipt a user got (by idempotency key) held exactly once.
 * Each application a run creates is submitted once, so one with two submissions is a double.
 */
export async function settleRun(db: Kysely<DB>, receiptKeys: readonly string[], log: (line: string) => void): Promise<RunOutcome> {
  const invariants = await checkInvariants(db);
  for (const [name, ids] of Object.entries(invariants.violations)) log(`  INVARIANT ${name}: ${ids.join(', ')}`);
  const perKey = [...(await submissionsPerKey(db, receiptKeys)).values()];
  const doubled = await db
    .selectFrom('application_submissions')
    .select('application_id')
    .where('idempotency_key', 'not like', 'seed-%')
    .groupBy('application_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  return {
    lost: perKey.filter((n) => n === 0).length,
    duplicated: perKey.filter((n) => n > 1).length + doubled.length,
    violations: Object.values(invariants.violations).reduce((sum, rows) => sum + rows.length, 0),
  };
}
