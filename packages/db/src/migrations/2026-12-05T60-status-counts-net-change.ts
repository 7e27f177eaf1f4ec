import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The kept count per programme and status moves only when a status does. Until now every UPDATE of
 * applications took one count away and added it back, so an autosave, which changes no status,
 * still locked its programme's draft count until commit: every applicant of a programme saved,
 * created and submitted one after another. Now one update trigger sees the old and new rows
 * together and writes only the net change per programme and status — none for an autosave.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger application_status_counts_update_old on applications`.execute(db);
  await sql`drop trigger application_status_counts_update_new on applications`.execute(db);
  // Decrements as an UPDATE of rows that exist (a count never goes below zero), increments as an
  // upsert; in one statement order (programme, status) so concurrent moves lock rows alike.
  await sql`
    create function application_status_counts_move() returns trigger language plpgsql as $$
    begin
      with net as (
        select programme_id, status, sum(n) as n
        from (
          select programme_id, status, count(*) as n from changed group by programme_id, status
          union all
          select programme_id, status, -count(*) as n from previous group by programme_id, status
        ) d
        group by programme_id, status
        having sum(n) <> 0
      ), taken as (
        update application_status_counts c set applications = c.applications + net.n
        from net
        where net.n < 0 and c.programme_id = net.programme_id and c.status = net.status
      )
      insert into application_status_counts (programme_id, status, applications)
      select programme_id, status, n from net where n > 0
      order by programme_id, status
      on conflict (programme_id, status) do update set applications = application_status_counts.applications + excluded.applications;
      return null;
    end $$`.execute(db);
  await sql`create trigger application_status_counts_update after update on applications
            referencing old table as previous new table as changed
            for each statement execute function application_status_counts_move()`.execute(db);
}

// Back to the two update triggers of 2026-12-04T45 (tests that replay an older migration step down through this one).
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger application_status_counts_update on applications`.execute(db);
  await sql`drop function application_status_counts_move()`.execute(db);
  await sql`create trigger application_status_counts_update_old after update on applications
            referencing old table as previous for each statement execute function application_status_counts_remove()`.execute(db);
  await sql`create trigger application_status_counts_update_new after update on applications
            referencing new table as changed for each statement execute function application_status_counts_add()`.execute(db);
}
