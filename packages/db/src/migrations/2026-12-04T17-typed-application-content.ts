import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Application content becomes typed per programme, told apart by a `programme` key holding the
 * programme's kind. Rows written before carry no such key: each draft, frozen submission and
 * proposed change gets the kind of the programme it belongs to, and a draft that was never
 * written (the old default `{}`) becomes an object too, so every stored row parses.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update applications a
       set content = jsonb_set(case when jsonb_typeof(a.content) = 'object' then a.content else '{}'::jsonb end, '{programme}', to_jsonb(p.kind::text))
      from programmes p
     where p.id = a.programme_id`.execute(db);
  await sql`
    update application_submissions s
       set content = jsonb_set(s.content, '{programme}', to_jsonb(p.kind::text))
      from applications a join programmes p on p.id = a.programme_id
     where a.id = s.application_id and jsonb_typeof(s.content) = 'object'`.execute(db);
  await sql`
    update change_requests c
       set proposed_content = jsonb_set(c.proposed_content, '{programme}', to_jsonb(p.kind::text))
      from applications a join programmes p on p.id = a.programme_id
     where a.id = c.application_id and jsonb_typeof(c.proposed_content) = 'object'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update applications set content = content - 'programme'`.execute(db);
  await sql`update application_submissions set content = content - 'programme'`.execute(db);
  await sql`update change_requests set proposed_content = proposed_content - 'programme'`.execute(db);
}
