import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './executor';

/**
 * One metric and month of an association's member firms, a page at a time. The ranking and the
 * distribution run in SQL because a national association has tens of thousands of firms: sending
 * them all to be sorted in the browser took seconds. The value is the domain's metricValue (the
 * count itself, or numerator ÷ denominator when the denominator is positive); the bands are
 * width_bucket over MEMBER_RATE_BANDS — ccus-drill-down.integration.test.ts holds both to the domain.
 */
export interface MemberDrillDownQuery {
  associationId: string;
  metricCode: string;
  /** 'ratio' ranks by numerator ÷ denominator; other kinds by the figure itself. */
  isRatio: boolean;
  periodMonth: string;
  offset: number;
  limit: number;
  /** Lower bounds of the distribution's bands, ascending; none for a count. */
  bands: readonly number[];
}

function valueOf(isRatio: boolean): RawBuilder<number | null> {
  return isRatio
    ? sql<number | null>`case when f.denominator > 0 then f.numerator::float8 / f.denominator end`
    : sql<number | null>`f.numerator::float8`;
}

function figuresOf(db: Executor, q: MemberDrillDownQuery) {
  return db
    .selectFrom('ccus_member_firms as m')
    .leftJoin('ccus_facts as f', (join) =>
      join
        .onRef('f.member_firm_id', '=', 'm.id')
        .on('f.association_id', '=', q.associationId)
        .on('f.metric_code', '=', q.metricCode)
        .on('f.period_month', '=', q.periodMonth),
    )
    .where('m.association_id', '=', q.associationId);
}

/** The page's firms, best value first; firms without a figure last, by name. */
export function listMemberDrillDownPage(db: Executor, q: MemberDrillDownQuery) {
  const value = valueOf(q.isRatio);
  return figuresOf(db, q)
    .select(['m.id as memberFirmId', 'm.name', 'm.project_cost_yen as projectCostYen', 'f.numerator', 'f.denominator', 'f.weight_yen as weightYen'])
    .select(value.as('value'))
    .orderBy(sql`${value} desc nulls last`)
    .orderBy('m.name')
    .orderBy('m.id')
    .offset(q.offset)
    .limit(q.limit)
    .execute();
}

/** How many firms the association lists, how many have a value, and (rates) how many fall in each band. */
export async function memberDrillDownCounts(db: Executor, q: MemberDrillDownQuery): Promise<{ firms: number; withValue: number; perBand: number[] }> {
  const value = valueOf(q.isRatio);
  const band =
    q.bands.length === 0
      ? sql<number | null>`null::int`
      : sql<number | null>`width_bucket(${value}, array[${sql.join(q.bands.map((b) => sql`${b}::float8`))}])`;
  const rows = await figuresOf(db, q)
    .select([band.as('band'), sql<string>`count(*)`.as('firms'), sql<string>`count(${value})`.as('with_value')])
    // By position: the band's bounds are parameters, so a repeated expression would not match it.
    .groupBy(sql`1`)
    .execute();
  const perBand = q.bands.map(() => 0);
  let firms = 0;
  let withValue = 0;
  for (const row of rows) {
    firms += Number(row.firms);
    withValue += Number(row.with_value);
    // width_bucket numbers bands from 1; 0 is below the first bound, null has no value.
    if (row.band != null && row.band >= 1) perBand[Number(row.band) - 1]! += Number(row.firms);
  }
  return { firms, withValue, perBand };
}
