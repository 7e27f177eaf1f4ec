import { sql, type Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * CCUS progress (SPEC §6). Facts keep rates as numerator and denominator; ccus_rollups holds the
 * per-association, per-month sums, maintained in the same transaction as the facts, so the
 * ministry overview reads hundreds of rows instead of millions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ccus_member_firms')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    // 事業費 (e.g. prior-year completed works) for the cost-weighted views.
    .addColumn('project_cost_yen', 'bigint', (c) => c.check(sql`project_cost_yen >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('ccus_member_firms_name_key', ['association_id', 'name'])
    .execute();

  await db.schema
    .createTable('ccus_custom_metrics')
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ccus_custom_metrics_pkey', ['association_id', 'code'])
    .execute();

  await db.schema
    .createTable('ccus_facts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    // NULL: the association's own total, as reported; otherwise one member firm's figure.
    .addColumn('member_firm_id', 'uuid', (c) => c.references('ccus_member_firms.id'))
    .addColumn('metric_code', 'text', (c) => c.notNull())
    .addColumn('period_month', 'date', (c) => c.notNull().check(sql`extract(day from period_month) = 1`))
    .addColumn('numerator', 'double precision', (c) => c.notNull().check(sql`numerator >= 0`))
    .addColumn('denominator', 'double precision', (c) => c.check(sql`denominator > 0`))
    .addColumn('weight_yen', 'bigint', (c) => c.check(sql`weight_yen >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addCheckConstraint('ccus_facts_part_within_whole', sql`denominator is null or numerator <= denominator`)
    // PostgreSQL 15+: one association total per metric and month, one figure per member.
    .addUniqueConstraint('ccus_facts_key', ['association_id', 'metric_code', 'period_month', 'member_firm_id'], (c) =>
      c.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex('ccus_facts_member_idx').on('ccus_facts').columns(['member_firm_id', 'metric_code']).execute();

  await db.schema
    .createTable('ccus_rollups')
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('metric_code', 'text', (c) => c.notNull())
    .addColumn('period_month', 'date', (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('sum_numerator', 'double precision', (c) => c.notNull())
    .addColumn('sum_denominator', 'double precision')
    // Σ rate × 事業費 and Σ 事業費 over members with both, for the cost-weighted view.
    .addColumn('sum_weighted_rate', 'double precision', (c) => c.notNull())
    .addColumn('sum_weight', 'double precision', (c) => c.notNull())
    .addColumn('reported_numerator', 'double precision')
    .addColumn('reported_denominator', 'double precision')
    .addPrimaryKeyConstraint('ccus_rollups_pkey', ['association_id', 'metric_code', 'period_month'])
    .execute();
  await db.schema.createIndex('ccus_rollups_month_idx').on('ccus_rollups').columns(['period_month', 'metric_code']).execute();

  await db.schema
    .createTable('ccus_targets')
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('metric_code', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('annual_target', 'double precision', (c) => c.notNull().check(sql`annual_target > 0`))
    .addColumn('monthly_targets', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('ccus_targets_pkey', ['association_id', 'metric_code', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('ccus_reports')
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    // The three columns of seeds/000: 取組状況, 取組目標, 取組内容.
    .addColumn('status_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('goals_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actions_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('ccus_reports_pkey', ['association_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('ccus_surveys')
    .addColumn('association_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('surveyed', 'integer', (c) => c.notNull().check(sql`surveyed >= 0`))
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ccus_surveys_pkey', ['association_id', 'fiscal_year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
