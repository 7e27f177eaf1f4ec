/**
 * The ministry overview over 60 months × 5,000 member firms × 10 metrics (3 million facts) on a
 * real PostgreSQL, through the same tRPC procedure the dashboard calls. Prints its figures; the
 * last line is one JSON object.
 *
 *   pnpm bench:dashboard                 (PostgreSQL at 127.0.0.1:5432, user postgres)
 *   BENCH_POSTGRES_URL=postgres://… pnpm bench:dashboard
 *   BENCH_FIRMS=500 BENCH_ITERATIONS=50 pnpm bench:dashboard   (a smaller run)
 */
import { hashPassword } from '@tsumiki/api';
import {
  createDatabase,
  insertMembership,
  insertOrganisation,
  insertUser,
  migrateToLatest,
  refreshCcusRollups,
  upsertCcusTarget,
  type Database,
} from '@tsumiki/db';
import { sql } from 'kysely';
import { benchCaller, dropDatabase, Jar, recreateDatabase } from './scratch';
import { summarise, time } from './stats';

const env = process.env;
const FIRMS = Number(env.BENCH_FIRMS ?? 5_000);
const MONTHS = 60;
const ITERATIONS = Number(env.BENCH_ITERATIONS ?? 200);
const KEEP = env.BENCH_KEEP === '1';
const DB_NAME = 'tsumiki_bench_dashboard';
// One flow metric and nine snapshot metrics: ten facts per firm and month.
const FLOW = 'work_history_records';
const RATIOS = [
  'business_registration_rate',
  'worker_registration_rate',
  'site_registration_rate',
  'touch_rate',
  'registration_renewal_rate',
  'company_id_rate',
  'individual_id_rate',
  'kentaikyo_electronic_rate',
];
const STOCK = 'card_reader_sites';
const FIRST_MONTH = '2021-04-01';
const FISCAL_YEAR = 2025;
const AS_OF = '2026-01';

const log = (line: string) => console.log(line);

async function load(database: Database) {
  const { db } = database;
  const associations = [];
  for (let i = 1; i <= 8; i++) {
    associations.push(
      await insertOrganisation(db, { kind: 'association', name_ja: `協会${i}`, name_en: `Association ${i}`, short_name_ja: `協${i}` }),
    );
  }
  const ministry = await insertOrganisation(db, { kind: 'ministry', name_ja: '国土交通省', name_en: 'MLIT', short_name_ja: null });
  const password = 'bench-password-2026';
  const user = await insertUser(db, { email: 'ministry@bench.example', displayName: 'bench', passwordHash: await hashPassword(password) });
  await insertMembership(db, { userId: user.id, organisationId: ministry.id, role: 'ministry' });

  // Firms spread over the eight associations, with project costs from ¥10M to ¥100bn.
  await sql`
    insert into ccus_member_firms (association_id, name, project_cost_yen)
    select (${sql.lit(`{${associations.map((a) => a.id).join(',')}}`)}::uuid[])[1 + (g % 8)],
           'firm ' || g, (10000000 + (hashint4(g)::bigint & 65535) * 1500000)
    from generate_series(1, ${FIRMS}) g`.execute(db);

  const [, loadMs] = await time(() =>
    sql`
      insert into ccus_facts (association_id, member_firm_id, metric_code, period_month, numerator, denominator)
      select f.association_id, f.id, m.code, (${FIRST_MONTH}::date + make_interval(months => mo))::date,
             case when m.code = ${FLOW} then 50 + (hashint8(hashtext(f.id::text) + mo)::bigint & 1023)
                  when m.code = ${STOCK} then (hashint8(hashtext(f.id::text) + mo)::bigint & 15)
                  else floor(d.den * (0.3 + 0.7 * ((hashint8(hashtext(f.id::text || m.code) + mo)::bigint & 1023) / 1023.0)))
             end,
             case when m.code in (${FLOW}, ${STOCK}) then null else d.den end
      from ccus_member_firms f
      cross join generate_series(0, ${MONTHS - 1}) mo
      cross join unnest(${sql.lit(`{${[FLOW, STOCK, ...RATIOS].join(',')}}`)}::text[]) m(code)
      cross join lateral (select (20 + (hashint4(hashtext(f.id::text))::bigint & 511))::double precision as den) d`.execute(db),
  );
  const facts = Number((await sql<{ n: string }>`select count(*) as n from ccus_facts`.execute(db)).rows[0]!.n);
  await sql`analyze ccus_facts`.execute(db);
  const [, rollupMs] = await time(() => refreshCcusRollups(db));
  await sql`analyze ccus_rollups`.execute(db);
  for (const a of associations) {
    await upsertCcusTarget(db, { associationId: a.id, metricCode: FLOW, fiscalYear: FISCAL_YEAR, annualTarget: 200_000, monthlyTargets: null, userId: null });
  }
  return { facts, loadMs, rollupMs, associations: associations.length, email: user.email, password };
}

async function main() {
  const url = await recreateDatabase(DB_NAME);
  const database = await createDatabase({ kind: 'postgres', url, maxConnections: 10 });
  try {
    await migrateToLatest(database.db);
    log(`Loading ${FIRMS} firms × ${MONTHS} months × 10 metrics into ${DB_NAME}…`);
    const loaded = await load(database);
    log(`  ${loaded.facts.toLocaleString('en')} facts in ${(loaded.loadMs / 1000).toFixed(1)} s; roll-ups in ${(loaded.rollupMs / 1000).toFixed(1)} s`);

    const callerFor = benchCaller(database.db);
    const jar = new Jar();
    await (await callerFor(jar)).auth.signIn({ email: loaded.email, password: loaded.password });

    // Each call builds its context as a request would (session lookup included).
    const overview = async () =>
      (await callerFor(jar)).ccus.overview({ fiscalYear: FISCAL_YEAR, asOf: AS_OF });
    const [first] = await time(overview);
    if (first.associations.length !== 8) throw new Error(`expected 8 associations, got ${first.associations.length}`);
    for (let i = 0; i < 10; i++) await overview();
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) samples.push((await time(overview))[1]);
    const api = summarise(samples);
    log(`ministry overview (tRPC, roll-ups): p50 ${api.p50} ms, p95 ${api.p95} ms, p99 ${api.p99} ms over ${api.n} calls`);

    // For comparison: the same sums straight from the facts, which is what the roll-ups avoid.
    const rawSamples: number[] = [];
    for (let i = 0; i < 5; i++) {
      rawSamples.push(
        (
          await time(() =>
            sql`select association_id, metric_code, period_month, sum(numerator), sum(denominator)
                from ccus_facts where period_month between '2024-04-01' and '2026-03-01'
                group by 1, 2, 3`.execute(database.db),
          )
        )[1],
      );
    }
    const raw = summarise(rawSamples);
    log(`same sums straight from the facts (no roll-ups): p50 ${raw.p50} ms over ${raw.n} runs`);
    console.log(
      JSON.stringify({
        bench: 'dashboard',
        facts: loaded.facts,
        firms: FIRMS,
        months: MONTHS,
        metrics: 10,
        loadSeconds: Math.round(loaded.loadMs / 100) / 10,
        rollupSeconds: Math.round(loaded.rollupMs / 100) / 10,
        overviewMs: api,
        rawAggregateMs: raw,
        targetP95Ms: 300,
        pass: api.p95 < 300,
      }),
    );
  } finally {
    await database.close();
    if (!KEEP) await dropDatabase(DB_NAME);
  }
}

await main();
