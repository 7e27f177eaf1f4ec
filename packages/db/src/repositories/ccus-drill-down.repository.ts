import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './executor';

/**
 * One metric and month of an association's member firms, a page at a time. The ranking and the
 * distribution run in SQL because a national association has tens of thousands of firms: sending
 * them all to be sorted in the browser took seconds. The value is the domain's metricValue (the
 * count itself, or numerator ÷ denominator when the denominator is positive); the bands are
 * width_bucket over MEMBER_RATE_BANDS — ccus-drill-down.integration.test.ts holds both to the domain.
 *
 * Both reads rank and count from the facts' key alone (its index carries the figures), and touch
 * the firms' table only for the rows of the page: joining every firm of a 39,000-firm association
 * to its facts took 300 ms, where the key's index gives the same figures in a fraction of that.
 * Facts name firms of their own association (the importer resolves firms within it).
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

/** The members' figures for the metric and month, as the key's index holds them. */
function membersFigures(db: Executor, q: MemberDrillDownQuery) {
  return db
    .selectFrom('ccus_facts as f')
    .where('f.association_id', '=', q.associationId)
    .where('f.metric_code', '=', q.metricCode)
    .where('f.period_month', '=', q.periodMonth)
    .where('f.member_firm_id', 'is not', null);
}

export interface MemberDrillDownRow {
  memberFirmId: string;
  name: string;
  projectCostYen: number | null;
  numerator: number | null;
  denominator: number | null;
  weightYen: number | null;
}

/**
 * The firms with a value at ranks offset+1 … offset+limit. The values at the page's first and last
 * ranks are found from the key alone; only the firms between them (the page, and any tied with its
 * ends) are joined to their names, to break ties by name as the page shows them — the first page
 * and the last cost the same.
 */
async function valuedPage(
  db: Executor,
  q: MemberDrillDownQuery,
  offset: number,
  limit: number,
): Promise<MemberDrillDownRow[]> {
  const value = valueOf(q.isRatio);
  return (
    db
      .with('valued', () =>
        membersFigures(db, q)
          .select(['f.member_firm_id', 'f.numerator', 'f.denominator', 'f.weight_yen'])
          .select(value.as('value'))
          .where(value, 'is not', null),
      )
      // The page's values in one sort of the figures (a top-N sort for the first pages).
      .with('bounds', (qc) =>
        qc
          .selectFrom(
            sql<{
              value: number;
            }>`(select value from valued order by value desc offset ${offset} limit ${limit})`.as('page'),
          )
          .select([
            sql<number | null>`max(page.value)`.as('high'),
            sql<number | null>`min(page.value)`.as('low'),
          ]),
      )
      .selectFrom('valued as r')
      .innerJoin('bounds as b', (join) => join.on(sql<boolean>`r.value between b.low and b.high`))
      .innerJoin('ccus_member_firms as m', 'm.id', 'r.member_firm_id')
      .select([
        'm.id as memberFirmId',
        'm.name',
        'm.project_cost_yen as projectCostYen',
        'r.numerator',
        'r.denominator',
        'r.weight_yen as weightYen',
      ])
      .orderBy('r.value', 'desc')
      .orderBy('m.name')
      .orderBy('m.id')
      // The firms ranked above the band's highest value come before it.
      .offset(sql<number>`${offset} - (select count(*) from valued, bounds where valued.value > bounds.high)`)
      .limit(limit)
      .execute()
  );
}

/**
 * Firms without a value for the metric and month, by name: the drill-down's last pages. The valued
 * firms are one hashed set (NOT IN over the key's index) rather than a probe per firm, which took
 * three times as long over an association's 39,000 firms.
 */
function unvaluedPage(db: Executor, q: MemberDrillDownQuery, offset: number, limit: number): Promise<MemberDrillDownRow[]> {
  const value = valueOf(q.isRatio);
  return db
    .selectFrom('ccus_member_firms as m')
    .where('m.association_id', '=', q.associationId)
    // membersFigures names firms only (not null), so NOT IN means "not among them".
    .where('m.id', 'not in', membersFigures(db, q).select('f.member_firm_id').where(value, 'is not', null).$narrowType<{ member_firm_id: string }>())
    .select(['m.id as memberFirmId', 'm.name', 'm.project_cost_yen as projectCostYen'])
    .select([sql<null>`null::float8`.as('numerator'), sql<null>`null::float8`.as('denominator'), sql<null>`null::bigint`.as('weightYen')])
    .orderBy('m.name')
    .orderBy('m.id')
    .offset(offset)
    .limit(limit)
    .execute();
}

/** The page's firms, best value first; firms without a value last, by name. */
export async function listMemberDrillDownPage(db: Executor, q: MemberDrillDownQuery): Promise<MemberDrillDownRow[]> {
  const valued = await valuedPage(db, q, q.offset, q.limit);
  if (valued.length === q.limit) return valued;
  // The page reaches past the valued firms; only then are they counted, and the rest looked for.
  const [firms, withValue] = await Promise.all([firmCount(db, q.associationId), valuedCount(db, q)]);
  if (firms === withValue) return valued;
  const unvaluedOffset = valued.length > 0 ? 0 : q.offset - withValue;
  return [...valued, ...(await unvaluedPage(db, q, unvaluedOffset, q.limit - valued.length))];
}

async function valuedCount(db: Executor, q: MemberDrillDownQuery): Promise<number> {
  const row = await membersFigures(db, q).select(sql<string>`count(${valueOf(q.isRatio)})`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function firmCount(db: Executor, associationId: string): Promise<number> {
  const row = await db.selectFrom('ccus_member_firms').where('association_id', '=', associationId).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many firms the association lists, how many have a value, and (rates) how many fall in each band. */
export async function memberDrillDownCounts(
  db: Executor,
  q: MemberDrillDownQuery,
): Promise<{ firms: number; withValue: number; perBand: number[] }> {
  const value = valueOf(q.isRatio);
  const band =
    q.bands.length === 0
      ? sql<number | null>`null::int`
      : sql<number | null>`width_bucket(${value}, array[${sql.join(q.bands.map((b) => sql`${b}::float8`))}])`;
  const [rows, firms] = await Promise.all([
    membersFigures(db, q)
      .select([band.as('band'), sql<string>`count(${value})`.as('with_value')])
      // By position: the band's bounds are parameters, so a repeated expression would not match it.
      .groupBy(sql`1`)
      .execute(),
    firmCount(db, q.associationId),
  ]);
  const perBand = q.bands.map(() => 0);
  let withValue = 0;
  for (const row of rows) {
    withValue += Number(row.with_value);
    // width_bucket numbers bands from 1; 0 is below the first bound, null has no value.
    if (row.band != null && row.band >= 1) perBand[Number(row.band) - 1]! += Number(row.with_value);
  }
  return { firms, withValue, perBand };
}
