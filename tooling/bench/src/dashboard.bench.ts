/**
 * CCUS at national scale: 312,500 member firms (CCUS had 304,314 registered businesses at
 * 2025-10-31) over eight associations × 12 months × 8 metrics = 30 million facts, streamed in with
 * COPY as an export file would arrive, rolled up by the importer's own refreshCcusRollups, on a
 * real PostgreSQL. Then the dashboard's three reads through the same tRPC procedures the app
 * calls: the ministry overview, an association's page, and a member drill-down (one metric and
 * month of every firm of an association). Prints its figures; the last line is one JSON object.
 *
 *   pnpm bench:dashboard                 (PostgreSQL at 127.0.0.1:5432, user postgres)
 *   BENCH_POSTGRES_URL=postgres://… pnpm bench:dashboard
 *   BENCH_FIRMS=20000 BENCH_ITERATIONS=50 pnpm bench:dashboard   (a smaller run)
 *   BENCH_DB=perf_bench pnpm bench:dashboard                      (the database's name)
 *   BENCH_KEEP=1 …, then BENCH_REUSE=1 …   (keep the loaded database; measure it again without loading)
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { benchCaller, dropDatabase, Jar, keptDatabase, recreateDatabase } from './scratch';
import { summarise, time } from './stats';

const env = process.env;
const FIRMS = Number(env.BENCH_FIRMS ?? 312_500);
const ASSOCIATIONS = 8;
const ITERATIONS = Number(env.BENCH_ITERATIONS ?? 200);
const KEEP = env.BENCH_KEEP === '1';
const DB_NAME = env.BENCH_DB ?? 'tsumiki_bench_dashboard';
const TARGETS = { overview: 100, association: 150, members: 150 };
// One flow metric, one stock and six rates: eight facts per firm and month.
const FLOW = 'work_history_records';
const STOCK = 'card_reader_sites';
const RATIOS = ['business_registration_rate', 'worker_registration_rate', 'site_registration_rate', 'touch_rate', 'company_id_rate', 'kentaikyo_electronic_rate'];
const METRICS = [FLOW, STOCK, ...RATIOS];
// Fiscal year 2025: April 2025 to March 2026.
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}-01`);
const FISCAL_YEAR = 2025;
const AS_OF = '2026-01';

const log = (line: string) => console.log(line);

/** A cheap, repeatable spread of figures (no two firms alike, the same on every run). */
const mix = (a: number, b: number) => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  return (Math.imul(h, 0x27d4eb2d) >>> 0) / 4294967296;
};

/** The facts file, in the key's order (association, metric, month, firm): the COPY appends to its index. */
function* factLines(firmsByAssociation: Map<string, string[]>) {
  let chunk = '';
  let f = 0;
  for (const [associationId, firms] of firmsByAssociation) {
    for (const [m, metric] of [...METRICS].sort().entries()) {
      for (const [mo, month] of MONTHS.entries()) {
        for (const [i, firm] of firms.entries()) {
          const r = mix(i * 31 + m, mo + f);
          const denominator = 20 + Math.floor(mix(i, m) * 500);
          const figure =
            metric === FLOW ? `${50 + Math.floor(r * 1000)}\t\\N` : metric === STOCK ? `${Math.floor(r * 16)}\t\\N` : `${Math.floor(denominator * (0.3 + 0.7 * r))}\t${denominator}`;
          chunk += `${associationId}\t${firm}\t${metric}\t${month}\t${figure}\n`;
          if (chunk.length > 1 << 20) {
            yield chunk;
            chunk = '';
          }
        }
      }
    }
    f += 1;
  }
  if (chunk) yield chunk;
}

async function load(database: Database, url: string) {
  const { db } = database;
  const associations = [];
  for (let i = 1; i <= ASSOCIATIONS; i++) {
    associations.push(await insertOrganisation(db, { kind: 'association', name_ja: `協会${i}`, name_en: `Association ${i}`, short_name_ja: `協${i}` }));
  }
  const ministry = await insertOrganisation(db, { kind: 'ministry', name_ja: '国土交通省', name_en: 'MLIT', short_name_ja: null });
  const password = 'bench-password-2026';
  const user = await insertUser(db, { email: 'ministry@bench.example', displayName: 'bench', passwordHash: await hashPassword(password) });
  await insertMembership(db, { userId: user.id, organisationId: ministry.id, role: 'ministry' });

  // The registry of firms, spread over the associations, with project costs from ¥10M to ¥100bn.
  await sql`
    insert into ccus_member_firms (association_id, name, project_cost_yen)
    select (${sql.lit(`{${associations.map((a) => a.id).join(',')}}`)}::uuid[])[1 + (g % ${ASSOCIATIONS})],
           '会員企業' || lpad(g::text, 6, '0'), (10000000 + (hashint4(g)::bigint & 65535) * 1500000)
    from generate_series(1, ${FIRMS}) g`.execute(db);
  const firms = await db.selectFrom('ccus_member_firms').select(['id', 'association_id']).orderBy('association_id').orderBy('id').execute();
  const firmsByAssociation = new Map<string, string[]>();
  for (const firm of firms) {
    const list = firmsByAssociation.get(firm.association_id) ?? [];
    list.push(firm.id);
    firmsByAssociation.set(firm.association_id, list);
  }

  // An initial national load, as a restore does it: COPY on its own connection with the per-row
  // foreign-key triggers off (session_replication_role, as pg_restore --disable-triggers), then
  // every reference checked at once below. FREEZE (the table emptied in the same transaction)
  // writes the rows already visible to all, so index-only reads need no vacuum first. Checks,
  // unique key and not-null constraints apply as always.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [, loadMs] = await time(async () => {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query('truncate ccus_facts');
    await pipeline(
      Readable.from(factLines(firmsByAssociation)),
      client.query(copyFrom('copy ccus_facts (association_id, member_firm_id, metric_code, period_month, numerator, denominator) from stdin with (freeze)')),
    );
    await client.query('commit');
  });
  await client.end();
  const [dangling, checkMs] = await time(async () =>
    Number(
      (
        // One pass over the facts against both (small) tables held in memory: hash anti-joins.
        await sql<{ n: string }>`
          select count(*) as n from ccus_facts f
          left join organisations o on o.id = f.association_id
          left join ccus_member_firms m on m.id = f.member_firm_id and m.association_id = f.association_id
          where o.id is null or (f.member_firm_id is not null and m.id is null)`.execute(db)
      ).rows[0]!.n,
    ),
  );
  if (dangling !== 0) throw new Error(`${dangling} facts refer to no association or to another association's firm`);
  const facts = Number((await sql<{ n: string }>`select count(*) as n from ccus_facts`.execute(db)).rows[0]!.n);
  const [, rollupMs] = await time(async () => {
    await refreshCcusRollups(db);
    await sql`analyze ccus_facts`.execute(db);
    await sql`analyze ccus_rollups`.execute(db);
    // Autovacuum vacuums an insert-only table like the registry of firms soon after a load (PG 13+);
    // doing it here lets the firm count read the association's index alone, as it will in service.
    await sql`vacuum analyze ccus_member_firms`.execute(db);
  });
  for (const a of associations) {
    await upsertCcusTarget(db, { associationId: a.id, metricCode: FLOW, fiscalYear: FISCAL_YEAR, annualTarget: 200_000, monthlyTargets: null, userId: null });
  }
  return { facts, loadMs, checkMs, rollupMs, associationIds: associations.map((a) => a.id), email: user.email, password };
}

/** What a kept run loaded, read back: the same facts, associations and ministry user. */
async function keptLoad(database: Database) {
  const { db } = database;
  const facts = Number((await sql<{ n: string }>`select count(*) as n from ccus_facts`.execute(db)).rows[0]!.n);
  const associations = await db.selectFrom('organisations').select('id').where('kind', '=', 'association').orderBy('created_at').execute();
  return { facts, loadMs: null, checkMs: null, rollupMs: null, associationIds: associations.map((a) => a.id), email: 'ministry@bench.example', password: 'bench-password-2026' };
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

async function main() {
  const keptUrl = await keptDatabase(DB_NAME);
  const url = keptUrl ?? (await recreateDatabase(DB_NAME));
  const database = await createDatabase({ kind: 'postgres', url, maxConnections: 10 });
  try {
    await migrateToLatest(database.db);
    const expected = FIRMS * MONTHS.length * METRICS.length;
    let loaded: Awaited<ReturnType<typeof load>> | Awaited<ReturnType<typeof keptLoad>>;
    let totalMs: number | null = null;
    if (keptUrl) {
      log(`Measuring the database a kept run loaded (${DB_NAME}); its load time is that run's`);
      loaded = await keptLoad(database);
    } else {
      log(`Loading ${FIRMS.toLocaleString('en')} firms × ${MONTHS.length} months × ${METRICS.length} metrics (${expected.toLocaleString('en')} facts) into ${DB_NAME} with COPY…`);
      const [fresh, ms] = await time(() => load(database, url));
      log(`  ${fresh.facts.toLocaleString('en')} facts copied in ${(fresh.loadMs / 1000).toFixed(1)} s; references checked in ${(fresh.checkMs / 1000).toFixed(1)} s; roll-ups and statistics in ${(fresh.rollupMs / 1000).toFixed(1)} s; set-up in all ${(ms / 1000).toFixed(1)} s`);
      loaded = fresh;
      totalMs = ms;
    }
    if (loaded.facts !== expected) throw new Error(`expected ${expected} facts, found ${loaded.facts}`);

    const callerFor = benchCaller(database.db);
    const jar = new Jar();
    await (await callerFor(jar)).auth.signIn({ email: loaded.email, password: loaded.password });
    const caller = () => callerFor(jar);
    const measure = async (calls: number, call: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 5; i++) await call(i);
      const samples: number[] = [];
      for (let i = 0; i < calls; i++) samples.push((await time(() => call(i)))[1]);
      return summarise(samples);
    };
    const association = (i: number) => loaded.associationIds[i % loaded.associationIds.length]!;

    const first = await (await caller()).ccus.overview({ fiscalYear: FISCAL_YEAR, asOf: AS_OF });
    if (first.associations.length !== ASSOCIATIONS) throw new Error(`expected ${ASSOCIATIONS} associations, got ${first.associations.length}`);
    const overview = await measure(ITERATIONS, async () => (await caller()).ccus.overview({ fiscalYear: FISCAL_YEAR, asOf: AS_OF }));
    log(`ministry overview: p50 ${overview.p50} ms, p95 ${overview.p95} ms, p99 ${overview.p99} ms over ${overview.n} calls`);
    const page = await measure(ITERATIONS, async (i) => (await caller()).ccus.association({ associationId: association(i), fiscalYear: FISCAL_YEAR, asOf: AS_OF }));
    log(`association page: p50 ${page.p50} ms, p95 ${page.p95} ms, p99 ${page.p99} ms over ${page.n} calls`);
    const firmsPerAssociation = Math.round(FIRMS / ASSOCIATIONS);
    const drill = (i: number) => ({ associationId: association(i), metricCode: METRICS[i % METRICS.length]!, month: MONTHS[i % MONTHS.length]!.slice(0, 7) });
    const members = await measure(ITERATIONS / 2, async (i) => {
      // The first page (50 firms, best first) with the count and the distribution over all of them.
      const drillDown = await (await caller()).ccus.members(drill(i));
      if (drillDown.firms < firmsPerAssociation - 1) throw new Error(`a drill-down should count every firm (${firmsPerAssociation}), got ${drillDown.firms}`);
      if (drillDown.rows.length !== Math.min(50, drillDown.firms)) throw new Error(`a drill-down page should hold 50 firms, got ${drillDown.rows.length}`);
      return drillDown;
    });
    log(`member drill-down (first page of ${firmsPerAssociation.toLocaleString('en')} firms, one metric and month): p50 ${members.p50} ms, p95 ${members.p95} ms, p99 ${members.p99} ms over ${members.n} calls`);
    // The last page: the lowest values, which a page of the ranking reaches as cheaply as the best.
    const lastPage = await measure(ITERATIONS / 4, async (i) => {
      const offset = Math.floor((firmsPerAssociation - 1) / 50) * 50;
      const drillDown = await (await caller()).ccus.members({ ...drill(i), offset });
      if (drillDown.rows.length === 0) throw new Error(`the drill-down's last page (from ${offset}) should hold firms`);
      return drillDown;
    });
    log(`member drill-down, last page: p50 ${lastPage.p50} ms, p95 ${lastPage.p95} ms over ${lastPage.n} calls`);
    const pass = overview.p95 < TARGETS.overview && page.p95 < TARGETS.association && members.p95 < TARGETS.members;
    console.log(
      JSON.stringify({
        bench: 'dashboard',
        facts: loaded.facts,
        firms: FIRMS,
        months: MONTHS.length,
        metrics: METRICS.length,
        reused: keptUrl !== null,
        copySeconds: seconds(loaded.loadMs),
        checkSeconds: seconds(loaded.checkMs),
        rollupSeconds: seconds(loaded.rollupMs),
        setupSeconds: seconds(totalMs),
        overviewMs: overview,
        associationMs: page,
        membersMs: members,
        membersLastPageMs: lastPage,
        targetP95Ms: TARGETS,
        pass,
      }),
    );
  } finally {
    await database.close();
    if (!KEEP && !keptUrl) await dropDatabase(DB_NAME);
  }
}

await main();
