import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Every change to what a review queue's page is read from is announced on the channel
 * `tsumiki_review` when its transaction commits, so API processes that keep first pages in memory
 * drop the ones it touches. The payload is a programme's id where the change is to that
 * programme's proposals, and `*` where it may touch any page (a conflict declared, an assignment,
 * a membership, a name). Per statement, over the changed rows:
 * - an application inserted past draft, or as a draft by someone who may review (the draft makes
 *   its author conflicted with the programme: applied to it); an application deleted;
 * - an application updated when either side is past draft, or its author or programme changed:
 *   an autosave of a draft announces nothing;
 * - a submitted version inserted (its submitter applied to the programme).
 * The database folds a transaction's equal notices into one.
 */
const WHOLE_TABLES = ['review_assignments', 'review_conflict_declarations', 'review_related_organisations', 'memberships', 'organisations', 'programmes'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_review_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tsumiki_review', '*');
      return null;
    end $$`.execute(db);
  // A draft is announced only when its author holds a role other than applicant somewhere: a new
  // draft is the most frequent write there is, and every notice serialises its commit with the others'.
  await sql`
    create function notify_review_rows_added() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tsumiki_review', p::text)
      from (
        select distinct programme_id as p from changed c
        where c.status <> 'draft' or exists (select 1 from memberships m where m.user_id = c.created_by and m.role <> 'applicant')
      ) r;
      return null;
    end $$`.execute(db);
  await sql`
    create function notify_review_rows_removed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tsumiki_review', p::text) from (select distinct programme_id as p from previous) r;
      return null;
    end $$`.execute(db);
  await sql`
    create function notify_review_rows_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tsumiki_review', p::text)
      from (
        select distinct unnest(array[c.programme_id, o.programme_id]) as p
        from changed c join previous o on o.id = c.id
        where c.status <> 'draft' or o.status <> 'draft' or c.created_by is distinct from o.created_by or c.programme_id <> o.programme_id
      ) r;
      return null;
    end $$`.execute(db);
  await sql`
    create function notify_review_submissions_added() returns trigger language plpgsql as $$
    begin
      perform pg_notify('tsumiki_review', p::text)
      from (select distinct a.programme_id as p from changed s join applications a on a.id = s.application_id) r;
      return null;
    end $$`.execute(db);

  await sql`create trigger applications_review_insert after insert on applications
            referencing new table as changed for each statement execute function notify_review_rows_added()`.execute(db);
  await sql`create trigger applications_review_update after update on applications
            referencing old table as previous new table as changed for each statement execute function notify_review_rows_changed()`.execute(db);
  await sql`create trigger applications_review_delete after delete on applications
            referencing old table as previous for each statement execute function notify_review_rows_removed()`.execute(db);
  await sql`create trigger applications_review_truncate after truncate on applications
            for each statement execute function notify_review_change()`.execute(db);
  await sql`create trigger application_submissions_review_insert after insert on application_submissions
            referencing new table as changed for each statement execute function notify_review_submissions_added()`.execute(db);
  await sql`create trigger application_submissions_review_change after update or delete or truncate on application_submissions
            for each statement execute function notify_review_change()`.execute(db);
  for (const table of WHOLE_TABLES) {
    await sql`create trigger ${sql.raw(`${table}_review_change`)} after insert or update or delete or truncate on ${sql.table(table)}
              for each statement execute function notify_review_change()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of WHOLE_TABLES) await sql`drop trigger ${sql.raw(`${table}_review_change`)} on ${sql.table(table)}`.execute(db);
  for (const trigger of ['applications_review_insert', 'applications_review_update', 'applications_review_delete', 'applications_review_truncate']) {
    await sql`drop trigger ${sql.raw(trigger)} on applications`.execute(db);
  }
  await sql`drop trigger application_submissions_review_insert on application_submissions`.execute(db);
  await sql`drop trigger application_submissions_review_change on application_submissions`.execute(db);
  for (const fn of ['notify_review_change', 'notify_review_rows_added', 'notify_review_rows_removed', 'notify_review_rows_changed', 'notify_review_submissions_added']) {
    await sql`drop function ${sql.raw(fn)}()`.execute(db);
  }
}
