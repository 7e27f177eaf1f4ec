import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The review queue's search for a term of two characters, by index. Japanese words are often two
 * kanji (熊本, 庁舎, 山田), and a trigram index holds nothing for them: such a search read every
 * row of the viewer's programmes, about half a second over a million applications, and over a
 * second for one that matches nothing. A GIN index over each text's two-character pieces
 * (bigrams, 2文字の組) finds them instead.
 *
 * The function is marked expensive so the planner reads these indexes rather than computing it
 * for every row of a scan. Drafts never reach the queue, so they are left out of the indexes, and
 * saving a draft's title does not write to them. Without a pending list (fastupdate off), each
 * submission writes its bigrams into the index at once: a search reads the whole pending list
 * besides the index, and under load submissions keep adding to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function search_bigrams(t text) returns text[]
    language sql immutable strict parallel safe cost 1000
    as $$ select coalesce(array_agg(distinct substr(t, i, 2)), '{}'::text[]) from generate_series(1, char_length(t) - 1) as i $$`.execute(db);
  await sql`create index applications_title_bigrams on applications using gin (search_bigrams(title_folded)) with (fastupdate = off) where status <> 'draft'`.execute(db);
  await sql`create index applications_tracking_bigrams on applications using gin (search_bigrams(tracking_number_folded)) with (fastupdate = off) where status <> 'draft'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index applications_title_bigrams`.execute(db);
  await sql`drop index applications_tracking_bigrams`.execute(db);
  await sql`drop function search_bigrams(text)`.execute(db);
}
