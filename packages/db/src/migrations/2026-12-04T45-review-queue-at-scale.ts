import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The review queue over a million applications:
 * - trigram indexes (pg_trgm) so a substring search of titles, tracking numbers and applicant
 *   names reads the index instead of every row;
 * - the default order (newest submission first, then id) as one index, so the first page and each
 *   next page (keyset: after the last row seen) read fifty index entries;
 * - the conflict filter's question "which programmes did the viewer apply to" answered by index;
 * - the number of applications per programme and status, kept by statement-level triggers in the
 *   same transaction as the change, so the tabs' counts need not count a million rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const [name, table, column] of [
    ['applications_title_trgm', 'applications', 'title'],
    ['applications_tracking_trgm', 'applications', 'tracking_number'],
    ['organisations_name_ja_trgm', 'organisations', 'name_ja'],
    ['organisations_name_en_trgm', 'organisations', 'name_en'],
  ] as const) {
    await sql`create index ${sql.id(name)} on ${sql.table(table)} using gin (${sql.ref(column)} gin_trgm_ops)`.execute(db);
  }
  // Newest first within one programme, and across all (the queue's default shows every programme).
  await sql`create index applications_queue_newest_idx on applications (programme_id, submitted_at desc nulls last, id desc)`.execute(db);
  await sql`create index applications_newest_idx on applications (submitted_at desc nulls last, id desc)`.execute(db);
  // The conflict filter asks on every list which programmes the viewer applied to.
  await db.schema.createIndex('applications_created_by_idx').on('applications').column('created_by').execute();
  await db.schema.createIndex('application_submissions_submitted_by_idx').on('application_submissions').column('submitted_by').execute();

  await db.schema
    .createTable('application_status_counts')
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applications', 'bigint', (c) => c.notNull().check(sql`applications >= 0`))
    .addPrimaryKeyConstraint('application_status_counts_pkey', ['programme_id', 'status'])
    .execute();
  // One function per direction; the transition tables give a whole statement's rows at once, so a
  // bulk insert costs one upsert per programme and status rather than one per row.
  await sql`
    create function application_status_counts_add() returns trigger language plpgsql as $$
    begin
      insert into application_status_counts (programme_id, status, applications)
      select programme_id, status, count(*) from changed group by programme_id, status
      on conflict (programme_id, status) do update set applications = application_status_counts.applications + excluded.applications;
      return null;
    end $$`.execute(db);
  await sql`
    create function application_status_counts_remove() returns trigger language plpgsql as $$
    begin
      update application_status_counts c set applications = c.applications - g.n
      from (select programme_id, status, count(*) as n from previous group by programme_id, status) g
      where c.programme_id = g.programme_id and c.status = g.status;
      return null;
    end $$`.execute(db);
  await sql`create trigger application_status_counts_insert after insert on applications
            referencing new table as changed for each statement execute function application_status_counts_add()`.execute(db);
  await sql`create trigger application_status_counts_delete after delete on applications
            referencing old table as previous for each statement execute function application_status_counts_remove()`.execute(db);
  // An update is a removal of the old rows and an addition of the new (two triggers, one per table).
  await sql`create trigger application_status_counts_update_old after update on applications
            referencing old table as previous for each statement execute function application_status_counts_remove()`.execute(db);
  await sql`create trigger application_status_counts_update_new after update on applications
            referencing new table as changed for each statement execute function application_status_counts_add()`.execute(db);
  await sql`
    insert into application_status_counts (programme_id, status, applications)
    select programme_id, status, count(*) from applications group by programme_id, status`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
