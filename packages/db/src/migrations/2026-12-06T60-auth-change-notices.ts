import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Every change that can alter what a session cookie grants — a session revoked, extended or
 * deleted; a user changed or disabled; a membership added, changed or removed; an organisation
 * renamed or removed — is announced on the channel `tsumiki_auth` when its transaction commits,
 * with the user's id ('*' for an organisation, which concerns all its members). API processes that
 * keep signed-in sessions in memory drop what the notice names, so a revocation in one process
 * holds in every other one. A rolled-back change announces nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_auth_change() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'organisations' then
        perform pg_notify('tsumiki_auth', '*');
      elsif tg_table_name = 'users' then
        if tg_op <> 'INSERT' then perform pg_notify('tsumiki_auth', old.id::text); end if;
      else
        if tg_op <> 'INSERT' then perform pg_notify('tsumiki_auth', old.user_id::text); end if;
        if tg_op <> 'DELETE' then perform pg_notify('tsumiki_auth', new.user_id::text); end if;
      end if;
      return null;
    end $$`.execute(db);
  // A new session is not in any process's memory yet, and a new user has no session: no notice.
  await sql`create trigger sessions_auth_change after update or delete on sessions for each row execute function notify_auth_change()`.execute(db);
  await sql`create trigger users_auth_change after update or delete on users for each row execute function notify_auth_change()`.execute(db);
  await sql`create trigger memberships_auth_change after insert or update or delete on memberships for each row execute function notify_auth_change()`.execute(db);
  await sql`create trigger organisations_auth_change after update or delete on organisations for each statement execute function notify_auth_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger organisations_auth_change on organisations`.execute(db);
  await sql`drop trigger memberships_auth_change on memberships`.execute(db);
  await sql`drop trigger users_auth_change on users`.execute(db);
  await sql`drop trigger sessions_auth_change on sessions`.execute(db);
  await sql`drop function notify_auth_change()`.execute(db);
}
