/**
 * The reviewer console's queue (issue 5): 2,000 submitted applications and 20 reviewers on a real
 * PostgreSQL, the first page called 200 times through the same tRPC procedure the console uses.
 * Prints its figures; the last line is one JSON object.
 *
 *   pnpm bench:console                   (PostgreSQL at 127.0.0.1:5432, user postgres)
 *   BENCH_POSTGRES_URL=postgres://… pnpm bench:console
 *   BENCH_APPLICATIONS=500 BENCH_ITERATIONS=50 pnpm bench:console   (a smaller run)
 */
import { hashPassword } from '@tsumiki/api';
import { createDatabase, insertMembership, insertOrganisation, insertProgramme, insertUser, migrateToLatest, type Database } from '@tsumiki/db';
import { RECEIVED_STATUSES } from '@tsumiki/domain';
import { assessApplication, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { sql } from 'kysely';
import { benchCaller, dropDatabase, Jar, recreateDatabase } from './scratch';
import { summarise, time } from './stats';

const env = process.env;
const APPLICATIONS = Number(env.BENCH_APPLICATIONS ?? 2_000);
const REVIEWERS = Number(env.BENCH_REVIEWERS ?? 20);
const ITERATIONS = Number(env.BENCH_ITERATIONS ?? 200);
const KEEP = env.BENCH_KEEP === '1';
const DB_NAME = 'tsumiki_bench_console';
const TARGET_P95_MS = 300;

const log = (line: string) => console.log(line);

async function load(database: Database) {
  const { db } = database;
  const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '木構造振興株式会社', name_en: 'Mokkoushin', short_name_ja: null });
  const programme = await insertProgramme(db, {
    code: 'clt-bench',
    kind: 'clt_demonstration',
    name_ja: 'CLT建築実証事業（ベンチ）',
    name_en: 'CLT demonstration (bench)',
    fiscal_year: 2025,
    window_opens_at: new Date('2026-03-05T15:00:00Z'),
    window_closes_at: new Date('2026-04-06T04:00:00Z'),
    budget_yen: 627_000_000,
    office_organisation_id: office.id,
  });
  const password = 'bench-password-2026';
  const passwordHash = await hashPassword(password);
  const reviewers: { email: string }[] = [];
  for (let i = 1; i <= REVIEWERS; i++) {
    const email = `reviewer${i}@bench.example`;
    const user = await insertUser(db, { email, displayName: `審査員${i}`, passwordHash });
    await insertMembership(db, { userId: user.id, organisationId: office.id, role: i % 4 === 0 ? 'committee' : 'reviewer' });
    reviewers.push({ email });
  }
  const applicantUser = await insertUser(db, { email: 'applicant@bench.example', displayName: 'applicant', passwordHash });
  const orgIds: string[] = [];
  for (let i = 1; i <= 50; i++) {
    const org = await insertOrganisation(db, { kind: 'applicant', name_ja: `申請者${i}株式会社`, name_en: `Applicant ${i} Co.`, short_name_ja: null });
    orgIds.push(org.id);
  }
  const content = cltExampleApplicationContent();
  const requested = assessApplication('clt_demonstration', content).result!.grant.amount;
  // Statuses spread over the review states (no drafts: they never reach the queue anyway).
  const statuses = RECEIVED_STATUSES;
  const [, loadMs] = await time(async () => {
    await sql`
      insert into applications (programme_id, applicant_organisation_id, created_by, title, status, content, submitted_at, tracking_number, requested_grant_yen, version)
      select ${programme.id}::uuid, (${sql.lit(`{${orgIds.join(',')}}`)}::uuid[])[1 + (g % ${orgIds.length})], ${applicantUser.id}::uuid,
             'CLT実証事業 提案' || g, (${sql.lit(`{${statuses.join(',')}}`)}::text[])[1 + (hashint4(g)::bigint & 2147483647) % ${statuses.length}],
             ${JSON.stringify(content)}::jsonb, timestamptz '2026-03-06 00:00+09' + make_interval(mins => g * 13),
             'CLT-2025-' || lpad(g::text, 4, '0'), ${requested} - (g % 7) * 100000, 2
      from generate_series(1, ${APPLICATIONS}) g`.execute(db);
    await sql`
      insert into application_submissions (application_id, version_no, title, content, assessment, requested_grant_yen, submitted_by, submitted_at, idempotency_key)
      select id, 1, title, content, '{}'::jsonb, requested_grant_yen, created_by, submitted_at, 'bench-' || id from applications`.execute(db);
    // Each committee member is assigned a share of the proposals.
    await sql`
      insert into review_assignments (application_id, member_id, assigned_by)
      select a.id, m.user_id, m.user_id from applications a
      join memberships m on m.role = 'committee' and (hashint4(hashtext(a.id::text || m.user_id::text))::bigint & 3) = 0`.execute(db);
  });
  await sql`analyze`.execute(db);
  return { programmeId: programme.id, reviewers, password, loadMs };
}

async function main() {
  const url = await recreateDatabase(DB_NAME);
  const database = await createDatabase({ kind: 'postgres', url, maxConnections: 10 });
  try {
    await migrateToLatest(database.db);
    log(`Loading ${APPLICATIONS} applications and ${REVIEWERS} reviewers into ${DB_NAME}…`);
    const loaded = await load(database);
    log(`  loaded in ${(loaded.loadMs / 1000).toFixed(1)} s`);

    const callerFor = benchCaller(database.db);
    // Every reviewer signs in; the calls go round them, as twenty people at work would.
    const jars: Jar[] = [];
    for (const r of loaded.reviewers) {
      const jar = new Jar();
      await (await callerFor(jar)).auth.signIn({ email: r.email, password: loaded.password });
      jars.push(jar);
    }
    // Each call builds its context as a request would (session lookup included).
    const firstPage = async (i: number) =>
      (await callerFor(jars[i % jars.length]!)).review.queue({ programmeId: loaded.programmeId, page: 1, pageSize: 50, sort: 'submitted_at', direction: 'desc' });
    const [first] = await time(() => firstPage(0));
    if (first.total !== APPLICATIONS || first.rows.length !== 50) throw new Error(`expected ${APPLICATIONS} applications and a page of 50, got ${first.total} / ${first.rows.length}`);
    for (let i = 0; i < 10; i++) await firstPage(i);
    const samples: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) samples.push((await time(() => firstPage(i)))[1]);
    const queue = summarise(samples);
    log(`review queue, first page of 50 (tRPC, ${REVIEWERS} reviewers in turn): p50 ${queue.p50} ms, p95 ${queue.p95} ms, p99 ${queue.p99} ms over ${queue.n} calls`);

    const searchSamples: number[] = [];
    for (let i = 0; i < 20; i++) {
      searchSamples.push(
        (await time(async () => (await callerFor(jars[0]!)).review.queue({ programmeId: loaded.programmeId, search: `提案${i}`, statuses: ['submitted', 'under_review'], page: 1, pageSize: 50, sort: 'requested_grant', direction: 'desc' })))[1],
      );
    }
    const search = summarise(searchSamples);
    log(`with search, status filter and amount sort: p50 ${search.p50} ms, p95 ${search.p95} ms over ${search.n} calls`);
    console.log(
      JSON.stringify({
        bench: 'console',
        applications: APPLICATIONS,
        reviewers: REVIEWERS,
        pageSize: 50,
        loadSeconds: Math.round(loaded.loadMs / 100) / 10,
        queueFirstPageMs: queue,
        searchMs: search,
        targetP95Ms: TARGET_P95_MS,
        pass: queue.p95 < TARGET_P95_MS,
      }),
    );
  } finally {
    await database.close();
    if (!KEEP) await dropDatabase(DB_NAME);
  }
}

await main();
