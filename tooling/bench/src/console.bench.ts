/**
 * The reviewer console's queue at national scale: 1,000,000 received applications over ten
 * programmes of one office, 20 reviewers (every fourth on the committee, each with a few hundred
 * proposals assigned), on a real PostgreSQL, through the same tRPC procedure the console calls.
 * Measures the first page as the console opens it (every programme, newest first), the first page
 * of one programme, the next page by keyset, and searches a reviewer types (a tracking number, an
 * applicant, words of a title). Prints its figures; the last line is one JSON object.
 *
 *   pnpm bench:console                   (PostgreSQL at 127.0.0.1:5432, user postgres)
 *   BENCH_POSTGRES_URL=postgres://… pnpm bench:console
 *   BENCH_APPLICATIONS=20000 BENCH_ITERATIONS=50 pnpm bench:console   (a smaller run)
 *   BENCH_DB=perf_bench pnpm bench:console                             (the database's name)
 *   BENCH_KEEP=1 …, then BENCH_REUSE=1 …   (keep the loaded database; measure it again without loading)
 */
import { hashPassword } from '@tsumiki/api';
import { createDatabase, insertMembership, insertOrganisation, insertProgramme, insertUser, migrateToLatest, type Database } from '@tsumiki/db';
import { RECEIVED_STATUSES } from '@tsumiki/domain';
import { sql } from 'kysely';
import { benchCaller, dropDatabase, Jar, keptDatabase, recreateDatabase } from './scratch';
import { summarise, time } from './stats';

const env = process.env;
const APPLICATIONS = Number(env.BENCH_APPLICATIONS ?? 1_000_000);
const PROGRAMMES = Number(env.BENCH_PROGRAMMES ?? 10);
const APPLICANTS = Number(env.BENCH_APPLICANTS ?? 5_000);
const REVIEWERS = Number(env.BENCH_REVIEWERS ?? 20);
const ASSIGNED_PER_MEMBER = Number(env.BENCH_ASSIGNED ?? 300);
const ITERATIONS = Number(env.BENCH_ITERATIONS ?? 200);
/** Broad two-character searches take hundreds of milliseconds each at a million: fewer of them. */
const SHORT_ITERATIONS = Math.max(10, Math.round(ITERATIONS / 5));
const KEEP = env.BENCH_KEEP === '1';
const DB_NAME = env.BENCH_DB ?? 'tsumiki_bench_console';
const TARGET_P95_MS = 100;
const PAGE = 50;
// Titles as proposals are named: a place, a kind of building, a number.
const PLACES = ['札幌市', '仙台市', '秋田県', '山形県', '福島県', '宇都宮市', '前橋市', '長野県', '富山市', '金沢市', '静岡県', '名古屋市', '岐阜県', '三重県', '京都府', '奈良県', '岡山県', '高知県', '熊本県', '宮崎県'];
const KINDS = ['保育園', '事務所棟', '共同住宅', '庁舎', '体育館', '学校校舎', '高齢者施設', '物流倉庫', '店舗', '研修施設'];

const log = (line: string) => console.log(line);
const textArray = (values: readonly string[]) => sql.lit(`{${values.join(',')}}`);

async function load(database: Database) {
  const { db } = database;
  const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '木構造振興株式会社', name_en: 'Mokkoushin', short_name_ja: null });
  const programmeIds: string[] = [];
  for (let p = 1; p <= PROGRAMMES; p++) {
    const programme = await insertProgramme(db, {
      code: `clt-bench-${p}`,
      kind: 'clt_demonstration',
      name_ja: `CLT建築実証事業 第${p}回（ベンチ）`,
      name_en: `CLT demonstration round ${p} (bench)`,
      fiscal_year: 2025,
      window_opens_at: new Date('2026-03-05T15:00:00Z'),
      window_closes_at: new Date('2026-04-06T04:00:00Z'),
      budget_yen: 627_000_000,
      office_organisation_id: office.id,
    });
    programmeIds.push(programme.id);
  }
  const password = 'bench-password-2026';
  const passwordHash = await hashPassword(password);
  const reviewers: { email: string; committee: boolean }[] = [];
  for (let i = 1; i <= REVIEWERS; i++) {
    const email = `reviewer${i}@bench.example`;
    const user = await insertUser(db, { email, displayName: `審査員${i}`, passwordHash });
    const committee = i % 4 === 0;
    await insertMembership(db, { userId: user.id, organisationId: office.id, role: committee ? 'committee' : 'reviewer' });
    reviewers.push({ email, committee });
  }
  const applicantUser = await insertUser(db, { email: 'applicant@bench.example', displayName: 'applicant', passwordHash });
  await sql`
    insert into organisations (kind, name_ja, name_en)
    select 'applicant', '申請者' || g || '株式会社', 'Applicant ' || g || ' Co.' from generate_series(1, ${APPLICANTS}) g`.execute(db);
  const [, loadMs] = await time(async () => {
    // Received applications only (drafts never reach the queue); the queue reads no content, so
    // each carries the smallest valid one.
    await sql`
      with applicants as (select array_agg(id order by name_ja) as ids from organisations where kind = 'applicant' and name_ja like '申請者%')
      insert into applications (programme_id, applicant_organisation_id, created_by, title, status, content, submitted_at, tracking_number, requested_grant_yen, version)
      select (${textArray(programmeIds)}::uuid[])[1 + g % ${PROGRAMMES}],
             applicants.ids[1 + (hashint4(g)::bigint & 2147483647) % ${APPLICANTS}],
             ${applicantUser.id}::uuid,
             (${textArray(PLACES)}::text[])[1 + g % ${PLACES.length}] || (${textArray(KINDS)}::text[])[1 + (g / ${PLACES.length}) % ${KINDS.length}] || ' 新築工事 第' || g || '号',
             (${textArray(RECEIVED_STATUSES)}::text[])[1 + (hashint4(g)::bigint & 2147483647) % ${RECEIVED_STATUSES.length}],
             '{"programme":"clt_demonstration"}'::jsonb,
             timestamptz '2026-03-06 00:00+09' + make_interval(secs => g * 7),
             'CLT-2025-' || lpad(g::text, 7, '0'),
             50000000 - (hashint4(g)::bigint & 65535) * 500, 2
      from generate_series(1, ${APPLICATIONS}) g, applicants`.execute(db);
    // Each committee member is assigned a few hundred proposals, as a committee shares a round.
    await sql`
      insert into review_assignments (application_id, member_id, assigned_by)
      select a.id, m.user_id, m.user_id
      from memberships m
      cross join lateral (select id from applications order by hashint4(hashtext(id::text || m.user_id::text)) limit ${ASSIGNED_PER_MEMBER}) a
      where m.role = 'committee'`.execute(db);
  });
  await sql`vacuum analyze`.execute(db);
  return { programmeIds, reviewers, password, loadMs };
}

/** What a kept run loaded, read back: its programmes in order, its reviewers and their roles. */
async function keptLoad(database: Database) {
  const { db } = database;
  const programmes = await db.selectFrom('programmes').select('id').where('code', 'like', 'clt-bench-%').orderBy(sql`length(code)`).orderBy('code').execute();
  const reviewers = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.email', 'memberships.role'])
    .where('users.email', 'like', 'reviewer%@bench.example')
    .orderBy(sql`length(users.email)`)
    .orderBy('users.email')
    .execute();
  return {
    programmeIds: programmes.map((p) => p.id),
    reviewers: reviewers.map((r) => ({ email: r.email, committee: r.role === 'committee' })),
    password: 'bench-password-2026',
    loadMs: null,
  };
}

async function main() {
  const keptUrl = await keptDatabase(DB_NAME);
  const url = keptUrl ?? (await recreateDatabase(DB_NAME));
  const database = await createDatabase({ kind: 'postgres', url, maxConnections: 10 });
  try {
    await migrateToLatest(database.db);
    let loaded: Awaited<ReturnType<typeof load>> | Awaited<ReturnType<typeof keptLoad>>;
    if (keptUrl) {
      log(`Measuring the database a kept run loaded (${DB_NAME}); its load time is that run's`);
      loaded = await keptLoad(database);
    } else {
      log(`Loading ${APPLICATIONS.toLocaleString('en')} applications over ${PROGRAMMES} programmes and ${REVIEWERS} reviewers into ${DB_NAME}…`);
      const fresh = await load(database);
      log(`  loaded in ${(fresh.loadMs / 1000).toFixed(1)} s (with indexes, kept counts and vacuum: see the total run time)`);
      loaded = fresh;
    }

    const callerFor = benchCaller(database.db);
    // Every reviewer signs in; the calls go round them, as twenty people at work would.
    const jars: { jar: Jar; committee: boolean }[] = [];
    for (const r of loaded.reviewers) {
      const jar = new Jar();
      await (await callerFor(jar)).auth.signIn({ email: r.email, password: loaded.password });
      jars.push({ jar, committee: r.committee });
    }
    const staff = jars.filter((j) => !j.committee);
    type QueueInput = Parameters<Awaited<ReturnType<typeof callerFor>>['review']['queue']>[0];
    const queue = async (jar: Jar, input: QueueInput) => (await callerFor(jar)).review.queue(input);
    const defaults = { page: 1, pageSize: PAGE, sort: 'submitted_at', direction: 'desc' } as const;

    const first = await queue(staff[0]!.jar, defaults);
    if (first.total !== APPLICATIONS || first.rows.length !== PAGE) throw new Error(`expected ${APPLICATIONS} applications and a page of ${PAGE}, got ${first.total} / ${first.rows.length}`);
    const measure = async (calls: number, call: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 5; i++) await call(i);
      const samples: number[] = [];
      for (let i = 0; i < calls; i++) samples.push((await time(() => call(i)))[1]);
      return summarise(samples);
    };

    // The console's opening screen: every programme, newest first, reviewers and committee in turn.
    const firstPage = await measure(ITERATIONS, (i) => queue(jars[i % jars.length]!.jar, defaults));
    log(`first page, every programme (${REVIEWERS} reviewers in turn): p50 ${firstPage.p50} ms, p95 ${firstPage.p95} ms, p99 ${firstPage.p99} ms over ${firstPage.n} calls`);
    const programmePage = await measure(ITERATIONS, (i) => queue(staff[i % staff.length]!.jar, { ...defaults, programmeId: loaded.programmeIds[i % PROGRAMMES] }));
    log(`first page, one programme: p50 ${programmePage.p50} ms, p95 ${programmePage.p95} ms`);
    const nextPage = await measure(ITERATIONS / 2, async (i) => {
      const jar = staff[i % staff.length]!.jar;
      const opened = await queue(jar, defaults);
      return queue(jar, { ...defaults, after: opened.nextCursor ?? undefined });
    });
    log(`first and next page (keyset): p50 ${nextPage.p50} ms, p95 ${nextPage.p95} ms`);

    // What a reviewer types: a tracking number, an applicant, a place and kind of building.
    const searches = (i: number) => [
      `CLT-2025-${String(1 + ((i * 7919) % APPLICATIONS)).padStart(7, '0')}`,
      `申請者${1 + ((i * 31) % APPLICANTS)}株式会社`,
      `${PLACES[i % PLACES.length]!}${KINDS[i % KINDS.length]!}`,
      `第${1 + ((i * 104729) % APPLICATIONS)}号`,
    ][i % 4]!;
    const search = await measure(ITERATIONS, (i) =>
      queue(staff[i % staff.length]!.jar, { ...defaults, search: searches(i), statuses: ['submitted', 'under_review'], sort: 'requested_grant' }),
    );
    log(`search with status filter and amount sort: p50 ${search.p50} ms, p95 ${search.p95} ms, p99 ${search.p99} ms over ${search.n} calls`);
    // Two characters, as Japanese words often are (a place, a kind of building): each matches a
    // twentieth or a tenth of the applications, so its counts read tens of thousands of rows.
    // Printed beside the target, not in it: the searches are the ones above.
    const shortSearches = (i: number) => (i % 2 ? KINDS[i % KINDS.length]!.slice(0, 2) : PLACES[i % PLACES.length]!.slice(0, 2));
    const shortSearch = await measure(SHORT_ITERATIONS, (i) =>
      queue(staff[i % staff.length]!.jar, { ...defaults, search: shortSearches(i), statuses: ['submitted', 'under_review'], sort: 'requested_grant' }),
    );
    log(`two-character search (「${shortSearches(0)}」, 「${shortSearches(1)}」…): p50 ${shortSearch.p50} ms, p95 ${shortSearch.p95} ms over ${shortSearch.n} calls`);
    const found = await queue(staff[0]!.jar, { ...defaults, search: searches(0) });
    if (found.total !== 1) throw new Error(`a tracking number should find one application, found ${found.total}`);
    const pass = [firstPage, programmePage, search].every((s) => s.p95 < TARGET_P95_MS);
    console.log(
      JSON.stringify({
        bench: 'console',
        applications: APPLICATIONS,
        programmes: PROGRAMMES,
        reviewers: REVIEWERS,
        pageSize: PAGE,
        reused: keptUrl !== null,
        loadSeconds: loaded.loadMs === null ? null : Math.round(loaded.loadMs / 100) / 10,
        queueFirstPageMs: firstPage,
        programmeFirstPageMs: programmePage,
        firstAndNextPageMs: nextPage,
        searchMs: search,
        twoCharacterSearchMs: shortSearch,
        targetP95Ms: TARGET_P95_MS,
        pass,
      }),
    );
  } finally {
    await database.close();
    if (!KEEP && !keptUrl) await dropDatabase(DB_NAME);
  }
}

await main();
