import { sql } from 'kysely';
import type { Executor } from './executor';

export interface NewCcusFact {
  memberFirmId: string | null;
  metricCode: string;
  /** "2026-01-01". */
  periodMonth: string;
  numerator: number;
  denominator: number | null;
  weightYen: number | null;
}

export function insertMemberFirms(
  db: Executor,
  associationId: string,
  firms: readonly { name: string; projectCostYen: number | null }[],
) {
  if (firms.length === 0) return Promise.resolve([]);
  return db
    .insertInto('ccus_member_firms')
    .values(firms.map((f) => ({ association_id: associationId, name: f.name, project_cost_yen: f.projectCostYen })))
    .returning(['id', 'name', 'project_cost_yen as projectCostYen'])
    .execute();
}

export function listMemberFirms(db: Executor, associationId: string) {
  return db
    .selectFrom('ccus_member_firms')
    .select(['id', 'name', 'project_cost_yen as projectCostYen'])
    .where('association_id', '=', associationId)
    .orderBy('name')
    .execute();
}

/**
 * Writes facts (insert or replace) and brings the affected roll-ups up to date. Call inside a
 * transaction: facts and roll-ups change together or not at all.
 */
export async function writeCcusFacts(db: Executor, associationId: string, facts: readonly NewCcusFact[], userId: string | null) {
  for (let i = 0; i < facts.length; i += 1_000) {
    await db
      .insertInto('ccus_facts')
      .values(
        facts.slice(i, i + 1_000).map((f) => ({
          association_id: associationId,
          member_firm_id: f.memberFirmId,
          metric_code: f.metricCode,
          period_month: f.periodMonth,
          numerator: f.numerator,
          denominator: f.denominator,
          weight_yen: f.weightYen,
          updated_by: userId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['association_id', 'metric_code', 'period_month', 'member_firm_id']).doUpdateSet((eb) => ({
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          weight_yen: eb.ref('excluded.weight_yen'),
          updated_by: eb.ref('excluded.updated_by'),
          updated_at: sql`now()`,
        })),
      )
      .execute();
  }
  await refreshCcusRollups(db, {
    associationIds: [associationId],
    metricCodes: [...new Set(facts.map((f) => f.metricCode))],
    months: [...new Set(facts.map((f) => f.periodMonth))],
  });
}

/**
 * Recomputes the per-association monthly sums from the facts. A member's 事業費 for the weighted
 * view is the figure's own weight or, failing that, the firm's project cost.
 */
export async function refreshCcusRollups(
  db: Executor,
  scope: { associationIds?: readonly string[]; metricCodes?: readonly string[]; months?: readonly string[] } = {},
) {
  const where = (alias: string) => {
    const parts = [sql`true`];
    if (scope.associationIds) parts.push(sql`${sql.ref(`${alias}.association_id`)} = any(${[...scope.associationIds]}::uuid[])`);
    if (scope.metricCodes) parts.push(sql`${sql.ref(`${alias}.metric_code`)} = any(${[...scope.metricCodes]}::text[])`);
    if (scope.months) parts.push(sql`${sql.ref(`${alias}.period_month`)} = any(${[...scope.months]}::date[])`);
    return sql.join(parts, sql` and `);
  };
  await sql`delete from ccus_rollups r where ${where('r')}`.execute(db);
  await sql`
    insert into ccus_rollups (association_id, metric_code, period_month, members, sum_numerator, sum_denominator,
                              sum_weighted_rate, sum_weight, reported_numerator, reported_denominator)
    select f.association_id, f.metric_code, f.period_month,
           count(f.member_firm_id)::int,
           coalesce(sum(f.numerator) filter (where f.member_firm_id is not null), 0),
           sum(f.denominator) filter (where f.member_firm_id is not null),
           coalesce(sum(f.numerator / f.denominator * coalesce(f.weight_yen, m.project_cost_yen))
                    filter (where f.member_firm_id is not null and coalesce(f.weight_yen, m.project_cost_yen) > 0), 0),
           coalesce(sum(coalesce(f.weight_yen, m.project_cost_yen))
                    filter (where f.member_firm_id is not null and f.denominator is not null
                            and coalesce(f.weight_yen, m.project_cost_yen) > 0), 0),
           max(f.numerator) filter (where f.member_firm_id is null),
           max(f.denominator) filter (where f.member_firm_id is null)
    from ccus_facts f
    left join ccus_member_firms m on m.id = f.member_firm_id
    where ${where('f')}
    group by f.association_id, f.metric_code, f.period_month
  `.execute(db);
}

export interface CcusRollupRow {
  associationId: string;
  metricCode: string;
  periodMonth: string;
  members: number;
  sumNumerator: number;
  sumDenominator: number | null;
  sumWeightedRate: number;
  sumWeight: number;
  reportedNumerator: number | null;
  reportedDenominator: number | null;
}

/** Monthly roll-ups between two months (inclusive), for every association or one. */
export function listCcusRollups(
  db: Executor,
  range: { fromMonth: string; toMonth: string; associationId?: string; metricCodes?: readonly string[] },
): Promise<CcusRollupRow[]> {
  let query = db
    .selectFrom('ccus_rollups')
    .select([
      'association_id as associationId',
      'metric_code as metricCode',
      'period_month as periodMonth',
      'members',
      'sum_numerator as sumNumerator',
      'sum_denominator as sumDenominator',
      'sum_weighted_rate as sumWeightedRate',
      'sum_weight as sumWeight',
      'reported_numerator as reportedNumerator',
      'reported_denominator as reportedDenominator',
    ])
    .where('period_month', '>=', range.fromMonth)
    .where('period_month', '<=', range.toMonth);
  if (range.associationId) query = query.where('association_id', '=', range.associationId);
  if (range.metricCodes) query = query.where('metric_code', 'in', [...range.metricCodes]);
  return query.orderBy('period_month').execute();
}

/**
 * One metric's member figures for one month, for drill-down and ranking. The facts are read by
 * their key (association, metric, month): one index range holding the figures themselves.
 */
export function listMemberFigures(db: Executor, associationId: string, metricCode: string, periodMonth: string) {
  return db
    .selectFrom('ccus_member_firms as m')
    .leftJoin('ccus_facts as f', (join) =>
      join
        .onRef('f.member_firm_id', '=', 'm.id')
        .on('f.association_id', '=', associationId)
        .on('f.metric_code', '=', metricCode)
        .on('f.period_month', '=', periodMonth),
    )
    .select([
      'm.id as memberFirmId',
      'm.name',
      'm.project_cost_yen as projectCostYen',
      'f.numerator',
      'f.denominator',
      'f.weight_yen as weightYen',
    ])
    .where('m.association_id', '=', associationId)
    .orderBy('m.name')
    .execute();
}

export function upsertCcusTarget(
  db: Executor,
  target: {
    associationId: string;
    metricCode: string;
    fiscalYear: number;
    annualTarget: number;
    monthlyTargets: Record<string, number> | null;
    userId: string | null;
  },
) {
  const monthly = target.monthlyTargets ? JSON.stringify(target.monthlyTargets) : null;
  return db
    .insertInto('ccus_targets')
    .values({
      association_id: target.associationId,
      metric_code: target.metricCode,
      fiscal_year: target.fiscalYear,
      annual_target: target.annualTarget,
      monthly_targets: monthly,
      updated_by: target.userId,
    })
    .onConflict((oc) =>
      oc.columns(['association_id', 'metric_code', 'fiscal_year']).doUpdateSet({
        annual_target: target.annualTarget,
        monthly_targets: monthly,
        updated_by: target.userId,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export function listCcusTargets(db: Executor, filter: { fiscalYears: readonly number[]; associationId?: string }) {
  let query = db
    .selectFrom('ccus_targets')
    .select([
      'association_id as associationId',
      'metric_code as metricCode',
      'fiscal_year as fiscalYear',
      'annual_target as annualTarget',
      'monthly_targets as monthlyTargets',
    ])
    .where('fiscal_year', 'in', [...filter.fiscalYears]);
  if (filter.associationId) query = query.where('association_id', '=', filter.associationId);
  return query.execute();
}

export function findCcusReport(db: Executor, associationId: string, fiscalYear: number) {
  return db
    .selectFrom('ccus_reports')
    .select([
      'association_id as associationId',
      'fiscal_year as fiscalYear',
      'status_text as statusText',
      'goals_text as goalsText',
      'actions_text as actionsText',
      'published',
      'version',
      'updated_at as updatedAt',
    ])
    .where('association_id', '=', associationId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
}

/**
 * Saves the year's report only if nobody saved since `expectedVersion` (0: not yet written).
 * Returns the new version, or undefined when another save came first (no lost update).
 */
export async function saveCcusReportIfVersion(
  db: Executor,
  report: {
    associationId: string;
    fiscalYear: number;
    statusText: string;
    goalsText: string;
    actionsText: string;
    published: boolean;
    userId: string;
  },
  expectedVersion: number,
): Promise<number | undefined> {
  const values = {
    status_text: report.statusText,
    goals_text: report.goalsText,
    actions_text: report.actionsText,
    published: report.published,
    updated_by: report.userId,
  };
  if (expectedVersion === 0) {
    const inserted = await db
      .insertInto('ccus_reports')
      .values({ association_id: report.associationId, fiscal_year: report.fiscalYear, ...values, version: 1 })
      .onConflict((oc) => oc.columns(['association_id', 'fiscal_year']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted?.version;
  }
  const updated = await db
    .updateTable('ccus_reports')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('association_id', '=', report.associationId)
    .where('fiscal_year', '=', report.fiscalYear)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

/** Published reports with their association, newest year first, for the public page. */
export function listPublishedCcusReports(db: Executor) {
  return db
    .selectFrom('ccus_reports as r')
    .innerJoin('organisations as o', 'o.id', 'r.association_id')
    .select([
      'r.association_id as associationId',
      'o.name_ja as nameJa',
      'o.name_en as nameEn',
      'r.fiscal_year as fiscalYear',
      'r.goals_text as goalsText',
      'r.actions_text as actionsText',
      'r.updated_at as updatedAt',
    ])
    .where('r.published', '=', true)
    .orderBy('r.fiscal_year', 'desc')
    .orderBy('o.name_ja')
    .execute();
}

/** A fiscal year's member survey (one per association and year; a new save replaces it). */
export function upsertCcusSurvey(db: Executor, survey: { associationId: string; fiscalYear: number; surveyed: number; counts: Record<string, number> }) {
  const counts = JSON.stringify(survey.counts);
  return db
    .insertInto('ccus_surveys')
    .values({ association_id: survey.associationId, fiscal_year: survey.fiscalYear, surveyed: survey.surveyed, counts })
    .onConflict((oc) => oc.columns(['association_id', 'fiscal_year']).doUpdateSet({ surveyed: survey.surveyed, counts, updated_at: sql`now()` }))
    .execute();
}

export function listCcusSurveys(db: Executor, associationId: string) {
  return db
    .selectFrom('ccus_surveys')
    .select(['fiscal_year as fiscalYear', 'surveyed', 'counts'])
    .where('association_id', '=', associationId)
    .orderBy('fiscal_year')
    .execute();
}

/** Renames a firm or changes its 事業費; undefined when it is not this association's firm. */
export function updateMemberFirm(db: Executor, associationId: string, id: string, changes: { name: string; projectCostYen: number | null }) {
  return db
    .updateTable('ccus_member_firms')
    .set({ name: changes.name, project_cost_yen: changes.projectCostYen })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .returning(['id', 'name', 'project_cost_yen as projectCostYen'])
    .executeTakeFirst();
}

/** Member firms with how many figures each has, for the management list. */
export function listMemberFirmsWithFigures(db: Executor, associationId: string) {
  return db
    .selectFrom('ccus_member_firms as m')
    // The association's facts by their key's first column (there is no index by firm alone).
    .leftJoin('ccus_facts as f', (join) => join.onRef('f.member_firm_id', '=', 'm.id').on('f.association_id', '=', associationId))
    .select((eb) => ['m.id', 'm.name', 'm.project_cost_yen as projectCostYen', eb.fn.count<number>('f.id').as('figures'), eb.fn.max('f.period_month').as('latestMonth')])
    .where('m.association_id', '=', associationId)
    .groupBy(['m.id', 'm.name', 'm.project_cost_yen'])
    .orderBy('m.name')
    .execute();
}

export function insertCustomMetric(db: Executor, associationId: string, code: string, definition: Record<string, unknown>) {
  return db.insertInto('ccus_custom_metrics').values({ association_id: associationId, code, definition: JSON.stringify(definition) }).execute();
}

export function listCustomMetrics(db: Executor, associationId: string) {
  return db.selectFrom('ccus_custom_metrics').select(['code', 'definition']).where('association_id', '=', associationId).orderBy('code').execute();
}

/**
 * The figures already stored for the given metrics and months, so an import can say which of its
 * rows would overwrite one (and with what) before anything is saved.
 */
export function listStoredCcusFacts(db: Executor, associationId: string, scope: { metricCodes: readonly string[]; months: readonly string[] }) {
  if (scope.metricCodes.length === 0 || scope.months.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ccus_facts')
    .select(['metric_code as metricCode', 'period_month as periodMonth', 'member_firm_id as memberFirmId', 'numerator', 'denominator'])
    .where('association_id', '=', associationId)
    .where('metric_code', 'in', [...scope.metricCodes])
    .where('period_month', 'in', [...scope.months])
    .execute();
}
