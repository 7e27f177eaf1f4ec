import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A member drill-down reads one metric and month of one association: at national scale (some
 * 300,000 firms, 30 million facts) tens of thousands of figures. The facts' key already orders
 * them that way; carrying the figures in the key's index lets the drill-down read the index alone.
 * The index by firm goes: nothing reads facts by firm alone any more, and keeping it cost every
 * import a random write per figure (firms are not deleted, so no foreign-key check needs it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table ccus_facts drop constraint ccus_facts_key`.execute(db);
  await sql`
    alter table ccus_facts add constraint ccus_facts_key
      unique nulls not distinct (association_id, metric_code, period_month, member_firm_id)
      include (numerator, denominator, weight_yen)`.execute(db);
  await db.schema.dropIndex('ccus_facts_member_idx').execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
