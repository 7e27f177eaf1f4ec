import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import * as m20261122foundation from './migrations/2026-11-22T00-foundation';
import * as m20261122ccus from './migrations/2026-11-22T01-ccus';
import * as m20261130submissions from './migrations/2026-11-30T02-submissions';
import * as m20261130review from './migrations/2026-11-30T03-review';
import * as m20261130carbon from './migrations/2026-11-30T04-carbon';
import * as m20261130changeRequests from './migrations/2026-11-30T07-change-requests';
import * as m20261130lifecycle from './migrations/2026-11-30T07-lifecycle';
import * as m20261130reviewConsole from './migrations/2026-11-30T09-review-console';
import * as m20261130organisations from './migrations/2026-11-30T08-organisations';
import * as m20261130attachmentStorage from './migrations/2026-11-30T10-attachment-storage';

/**
 * Migrations listed in code rather than read from a folder, so they run the same under tsx, vitest
 * and a bundle. Names sort by date; add new ones at the end.
 */
const migrations: Record<string, Migration> = {
  '2026-11-22T00-foundation': m20261122foundation,
  '2026-11-22T01-ccus': m20261122ccus,
  '2026-11-30T02-submissions': m20261130submissions,
  '2026-11-30T03-review': m20261130review,
  '2026-11-30T04-carbon': m20261130carbon,
  '2026-11-30T07-change-requests': m20261130changeRequests,
  '2026-11-30T07-lifecycle': m20261130lifecycle,
  '2026-11-30T09-review-console': m20261130reviewConsole,
  '2026-11-30T08-organisations': m20261130organisations,
  '2026-11-30T10-attachment-storage': m20261130attachmentStorage,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet['results'],
  ) {
    super(message);
  }
}

/** Runs pending migrations forward. Throws (so callers exit non-zero) when one fails. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are typed for any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, results);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
