import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The review queue's search of titles and tracking numbers, folded to lower case once, when a row
 * is written, rather than on every row of every search: in a UTF-8 database ILIKE lowers both
 * sides of each comparison (the multibyte case has no shortcut), which made a broad search (「申請」,
 * every row of a programme) cost ~1.7 µs a row against ~0.3 for LIKE on folded text. LIKE on
 * lower(text) with lower(pattern) is what ILIKE does, so the rows found are the same. The trigram
 * indexes move to the folded columns.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table applications
              add column title_folded text generated always as (lower(title)) stored,
              add column tracking_number_folded text generated always as (lower(tracking_number)) stored`.execute(db);
  await sql`drop index applications_title_trgm`.execute(db);
  await sql`drop index applications_tracking_trgm`.execute(db);
  await sql`create index applications_title_folded_trgm on applications using gin (title_folded gin_trgm_ops)`.execute(db);
  await sql`create index applications_tracking_folded_trgm on applications using gin (tracking_number_folded gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index applications_title_folded_trgm`.execute(db);
  await sql`drop index applications_tracking_folded_trgm`.execute(db);
  await sql`alter table applications drop column title_folded, drop column tracking_number_folded`.execute(db);
  await sql`create index applications_title_trgm on applications using gin (title gin_trgm_ops)`.execute(db);
  await sql`create index applications_tracking_trgm on applications using gin (tracking_number gin_trgm_ops)`.execute(db);
}
