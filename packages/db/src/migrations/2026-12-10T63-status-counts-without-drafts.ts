import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The kept counts per programme and status serve the review queue, which never shows a draft and
 * never read the draft count. Keeping it made that one row per programme the busiest in the
 * database: every new draft added to it and every first submission took from it, each holding
 * the row until commit, so under load new drafts queued behind submissions. Drafts are no longer
 * counted: a new draft touches no count, and a first submission adds to its programme's submitted
 * count alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await replaceCountFunctions(db, sql.raw(`where status <> 'draft'`));
  await sql`delete from application_status_counts where status = 'draft'`.execute(db);
}

// Back to counting drafts (tests that replay an older migration step down through this one).
export async function down(db: Kysely<any>): Promise<void> {
  await replaceCountFunctions(db, sql.raw(''));
  await sql`
    insert into application_status_counts (programme_id, status, applications)
    select programme_id, status, count(*) from applications where status = 'draft' group by programme_id, status`.execute(db);
}

/** The insert, delete and update triggers' functions (2026-12-04T45, 2026-12-05T60), counting the rows `counted` keeps. */
async function replaceCountFunctions(db: Kysely<any>, counted: ReturnType<typeof sql.raw>) {
  await sql`
    create or replace function application_status_counts_add() returns trigger language plpgsql as $$
    begin
      insert into application_status_counts (programme_id, status, applications)
      select programme_id, status, count(*) from changed ${counted} group by programme_id, status
      order by programme_id, status
      on conflict (programme_id, status) do update set applications = application_status_counts.applications + excluded.applications;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function application_status_counts_remove() returns trigger language plpgsql as $$
    begin
      update application_status_counts c set applications = c.applications - g.n
      from (select programme_id, status, count(*) as n from previous ${counted} group by programme_id, status) g
      where c.programme_id = g.programme_id and c.status = g.status;
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function application_status_counts_move() returns trigger language plpgsql as $$
    begin
      with net as (
        select programme_id, status, sum(n) as n
        from (
          select programme_id, status, count(*) as n from changed ${counted} group by programme_id, status
          union all
          select programme_id, status, -count(*) as n from previous ${counted} group by programme_id, status
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
}
