/**
 * `pnpm load`: real user journeys against two Tsumiki API processes sharing one PostgreSQL
 * database (the API keeps no state of its own), and the same load against a bare Fastify route on
 * the same machine, so the figure reads as a ratio. Prints its figures; the last line is one JSON
 * object. Afterwards checks the database: no submission lost or doubled, versions consistent.
 *
 *   pnpm load                                        200 users for 60 s (PostgreSQL at 127.0.0.1:5432),
 *                                                    against the API built as production runs it
 *   LOAD_USERS=20 LOAD_DURATION_S=3 pnpm load        the short run the test suite makes
 *   LOAD_POSTGRES_URL=postgres://… LOAD_MIX=applicant:60,console:30,dashboard:10 LOAD_KEEP=1 pnpm load
 */
import { availableParallelism, loadavg } from 'node:os';
import { createDatabase, migrateToLatest, type Database } from '@tsumiki/db';
import { dropDatabase, recreateDatabase } from '@tsumiki/bench/scratch';
import { settleRun } from './invariants';
import { journeyOfProcedure, journeyRequests, JOURNEY_OF_ROLE, newJourneyLog, type Journey, type JourneyContext } from './journeys';
import { sampleConnections, type ConnectionFigures } from './pg-activity';
import { cannon, figuresOf, type RunFigures } from './cannon';
import { measureCpu, type CpuFigures } from './cpu-split';
import { LatencyByProcedure, scrapeAll, type GroupFigures, type ProcedureFigures } from './procedures';
import { freePort, killAll, startApi, startBare, startTwin, type Started } from './processes';
import { settleAfterMixedRun } from './settle';
import { runTwins, type TwinPair } from './twins';
import { scriptEnv } from './env';
import { LOAD_PASSWORD, seedLoadData, type Account } from './seed';
import { signIn } from './trpc-http';

export interface LoadOptions {
  users: number;
  durationS: number;
  /** Share of users per journey, e.g. { applicant: 70, console: 20, dashboard: 10 }. */
  mix: Record<Journey, number>;
  apiProcesses: number;
  poolMax: number;
  submitted: number;
  /** Seconds of the bare Fastify route at the same connections; 0 = not measured. */
  bareDurationS: number;
  /** Seconds per side of each twin pair; 0 = no twins. */
  twinDurationS: number;
  twinConnections: number;
  keep: boolean;
  dbName: string;
  log: (line: string) => void;
}


export interface LoadFigures {
  users: number;
  /** Stack-limit twins: each procedure against the same session check and SQL behind a bare handler. */
  twins: TwinPair[];
  /** Per procedure: what users waited (p50/p95/p99) beside the mean the API measured inside it. */
  procedures: ProcedureFigures[];
  /** Per journey (applicant, console, dashboard): requests per second and what its users waited. */
  journeys: GroupFigures[];
  /** Mean session check per tRPC request, worst event-loop lag p99, pool waiters at the end (from /metrics). */
  server: { sessionCheckMeanMs: number; eventLoopLagP99Ms: number; poolWaiting: number } | null;
  durationS: number;
  apiProcesses: number;
  api: RunFigures & { journeyMismatches: number; refusedSubmits: number };
  bare: RunFigures | null;
  /** API throughput as a share of the bare route's (same machine, same connections). */
  throughputRatio: number | null;
  dbConnections: ConnectionFigures;
  /** The machine the run shared: cores and load average before the run (other work competes). */
  machine: { cpus: number; loadAverageBefore: number };
  /** CPU of the API, the database and the load generator over the mixed phase (Linux; null elsewhere). */
  cpu: CpuFigures | null;
  submissions: number;
  replaysMatched: number;
  lostSubmissions: number;
  duplicatedSubmissions: number;
  invariantViolations: number;
  errorsTotal: number;
}


export function parseMix(value: string): Record<Journey, number> {
  const mix: Record<Journey, number> = { applicant: 0, console: 0, dashboard: 0 };
  for (const part of value.split(',')) {
    const [name, share] = part.split(':');
    if (!name || !(name in mix) || !share || !/^\d+$/.test(share)) throw new Error(`LOAD_MIX: "${part}" is not journey:share (applicant, console, dashboard)`);
    mix[name as Journey] = Number(share);
  }
  return mix;
}

/** How many users of each journey: shares of the total, rounded, at least one each where asked. */
export function usersPerJourney(users: number, mix: Record<Journey, number>): Record<Journey, number> {
  const total = Object.values(mix).reduce((s, x) => s + x, 0);
  const console_ = mix.console ? Math.max(1, Math.round((users * mix.console) / total)) : 0;
  const dashboard = mix.dashboard ? Math.max(1, Math.round((users * mix.dashboard) / total)) : 0;
  return { applicant: Math.max(0, users - console_ - dashboard), console: console_, dashboard };
}

/** Signs every account in over HTTP (a few at a time: each is a deliberate scrypt). */
async function signInAll(urls: string[], accounts: Account[]): Promise<string[]> {
  const cookies: string[] = new Array<string>(accounts.length);
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const i = next++;
      cookies[i] = await signIn(urls[i % urls.length]!, accounts[i]!.email, LOAD_PASSWORD);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return cookies;
}

export async function runLoad(o: LoadOptions): Promise<LoadFigures> {
  const processes: Started[] = [];
  const adminUrl = scriptEnv().LOAD_POSTGRES_URL;
  const databaseUrl = await recreateDatabase(o.dbName, adminUrl);
  const database = await createDatabase({ kind: 'postgres', url: databaseUrl, maxConnections: 4 });
  try {
    await migrateToLatest(database.db);
    const counts = usersPerJourney(o.users, o.mix);
    const seeded = await seedLoadData(database.db, {
      applicants: counts.applicant,
      reviewers: counts.console,
      ministry: counts.dashboard,
      submitted: o.submitted,
    });
    o.log(`seeded: ${counts.applicant} applicants, ${counts.console} reviewers, ${counts.dashboard} ministry users, ${o.submitted} submitted applications`);

    const metricsUrls: string[] = [];
    for (let i = 0; i < o.apiProcesses; i++) {
      const metricsPort = await freePort();
      processes.push(await startApi(databaseUrl, { poolMax: o.poolMax, metricsPort }));
      metricsUrls.push(`http://127.0.0.1:${metricsPort}/metrics`);
    }
    const apiUrls = processes.map((p) => p.url);
    o.log(`API processes: ${apiUrls.join(', ')} (pool of ${o.poolMax} each, one database)`);

    // Users in connection order, journeys interleaved, so each API process gets its share of each.
    const accounts = seeded.accounts
      .filter((a) => JOURNEY_OF_ROLE[a.role])
      .sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));
    const cookies = await signInAll(apiUrls, accounts);
    o.log(`signed in ${cookies.length} users over HTTP`);

    const log = newJourneyLog();
    const now = new Date();
    const context: JourneyContext = { programmeId: seeded.programmeId, fiscalYear: now.getUTCFullYear() - 1, asOf: `${now.getUTCFullYear()}-03`, log };
    const machine = { cpus: availableParallelism(), loadAverageBefore: Math.round(loadavg()[0]! * 10) / 10 };
    let assigned = 0;
    const sampler = sampleConnections(adminUrl, o.dbName);
    await sampler.ready;
    o.log(`driving ${o.users} users for ${o.durationS} s…`);
    const byProcedure = new LatencyByProcedure();
    const cpuMeter = measureCpu(processes.map((p) => p.child.pid ?? 0));
    const api = await cannon({
      url: apiUrls,
      connections: o.users,
      duration: o.durationS,
      timeout: 30,
      setupClient: (client) => {
        const i = assigned++ % accounts.length;
        client.setRequests(journeyRequests(JOURNEY_OF_ROLE[accounts[i]!.role]!, cookies[i]!, context));
      },
    }, byProcedure);
    const cpu = cpuMeter.stop(api.result.requests.total);
    const dbConnections = await sampler.stop();
    const times = await scrapeAll(metricsUrls);
    const apiFigures = { ...figuresOf(api.result, api.latencies), journeyMismatches: log.mismatches.length, refusedSubmits: log.refusedSubmits };

    const bare = o.bareDurationS > 0 ? await runBare(o, processes) : null;
    const twins = o.twinDurationS > 0 ? await runStackTwins(o, processes, { db: database.db, databaseUrl, apiUrl: apiUrls[0]!, accounts, cookies, programmeId: seeded.programmeId, context }) : [];
    await Promise.all(processes.map((p) => p.stop()));

    const outcome = await settleRun(database.db, [...log.receipts.keys()], o.log);
    for (const m of log.mismatches.slice(0, 10)) o.log(`  MISMATCH ${m}`);

    return loadFigures(o, { byProcedure, times, twins, apiFigures, bare, dbConnections, machine, cpu, log, outcome });
  } finally {
    await Promise.allSettled(processes.map((p) => p.stop('SIGKILL')));
    killAll();
    await database.close();
    if (!o.keep) await dropDatabase(o.dbName, adminUrl);
  }
}

/** The same connections against a bare Fastify route: the ceiling the API's figures are read against. */
async function runBare(o: LoadOptions, processes: Started[]): Promise<RunFigures> {
  const bareProcess = await startBare();
  processes.push(bareProcess);
  o.log(`bare Fastify route: ${bareProcess.url}/bare, same ${o.users} connections for ${o.bareDurationS} s…`);
  const run = await cannon({ url: `${bareProcess.url}/bare`, connections: o.users, duration: o.bareDurationS, timeout: 30 });
  return figuresOf(run.result, run.latencies);
}

interface TwinRun {
  db: Database['db'];
  databaseUrl: string;
  apiUrl: string;
  accounts: Account[];
  cookies: string[];
  programmeId: string;
  context: JourneyContext;
}

/** Stack-limit twins: one API process against its twin without the stack, side by side. */
async function runStackTwins(o: LoadOptions, processes: Started[], run: TwinRun): Promise<TwinPair[]> {
  const settled = await settleAfterMixedRun(run.db);
  o.log(
    `settled before the twins: ${settled.outboxS === null ? 'outbox still sending after 180 s' : `outbox sent in ${settled.outboxS.toFixed(1)} s`}, vacuumed in ${settled.vacuumS.toFixed(1)} s`,
  );
  const twinProcess = await startTwin(run.databaseUrl, o.poolMax);
  processes.push(twinProcess);
  o.log(`stack-limit twins: one API process against ${twinProcess.url}, ${o.twinConnections} connections, ${o.twinDurationS} s each side…`);
  const first = (role: string) => run.accounts.findIndex((a) => a.role === role);
  const cookieOf = (role: string) => run.cookies[first(role)] ?? '';
  return runTwins({
    db: run.db,
    apiUrl: run.apiUrl,
    twinUrl: twinProcess.url,
    cookies: { applicant: cookieOf('applicant'), reviewer: cookieOf('reviewer'), ministry: cookieOf('ministry') },
    applicantEmail: run.accounts[first('applicant')]?.email ?? '',
    programmeId: run.programmeId,
    fiscalYear: run.context.fiscalYear,
    asOf: run.context.asOf,
    durationS: o.twinDurationS,
    connections: o.twinConnections,
    log: o.log,
  });
}

interface RunResults {
  byProcedure: LatencyByProcedure;
  times: Awaited<ReturnType<typeof scrapeAll>>;
  twins: TwinPair[];
  apiFigures: RunFigures & { journeyMismatches: number; refusedSubmits: number };
  bare: RunFigures | null;
  dbConnections: LoadFigures['dbConnections'];
  machine: LoadFigures['machine'];
  cpu: CpuFigures | null;
  log: ReturnType<typeof newJourneyLog>;
  outcome: Awaited<ReturnType<typeof settleRun>>;
}

function loadFigures(o: LoadOptions, { byProcedure, times, twins, apiFigures, bare, dbConnections, machine, cpu, log, outcome }: RunResults): LoadFigures {
  return {
    users: o.users,
    procedures: byProcedure.figures(times),
    journeys: byProcedure.groups(journeyOfProcedure, o.durationS),
    twins,
    server: times && {
      sessionCheckMeanMs: Math.round((times.sessionCheck.sum / Math.max(1, times.sessionCheck.count)) * 100_000) / 100,
      eventLoopLagP99Ms: times.eventLoopLagP99Ms,
      poolWaiting: times.poolWaiting,
    },
    durationS: o.durationS,
    apiProcesses: o.apiProcesses,
    api: apiFigures,
    bare,
    throughputRatio: bare ? Math.round((apiFigures.throughputRps / bare.throughputRps) * 1000) / 1000 : null,
    dbConnections,
    machine,
    cpu,
    submissions: log.receipts.size,
    replaysMatched: log.replaysMatched,
    lostSubmissions: outcome.lost,
    duplicatedSubmissions: outcome.duplicated,
    invariantViolations: outcome.violations,
    errorsTotal:
      apiFigures.non2xx + apiFigures.errors + apiFigures.timeouts + apiFigures.journeyMismatches + apiFigures.refusedSubmits + twins.reduce((n, t) => n + t.failures, 0),
  };
}

export function describe(f: LoadFigures): string[] {
  const run = (name: string, r: RunFigures) =>
    `${name}: ${r.requests} requests, ${r.throughputRps} req/s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms; non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`;
  return [
    run(`Tsumiki API (${f.apiProcesses} processes, ${f.users} users, ${f.durationS} s)`, f.api),
    ...(f.bare ? [run('bare Fastify route', f.bare), `API throughput / bare route: ${f.throughputRatio ?? '—'}`] : []),
    `per journey: ${f.journeys.map((j) => `${j.group} ${j.rps} req/s p50 ${j.p50Ms} ms p95 ${j.p95Ms} ms`).join('; ')}`,
    'per procedure (as users waited; "inside" = mean the API measured in the procedure, after the session check):',
    ...f.procedures.map(
      (p) => `  ${p.procedure.padEnd(26)} ${String(p.requests).padStart(7)} req  p50 ${p.p50Ms} ms  p95 ${p.p95Ms} ms  p99 ${p.p99Ms} ms  inside ${p.serverMeanMs ?? '–'} ms`,
    ),
    ...(f.server ? [`server: session check mean ${f.server.sessionCheckMeanMs} ms, event-loop lag p99 ${f.server.eventLoopLagP99Ms} ms, pool waiting at the end ${f.server.poolWaiting}`] : []),
    ...f.twins.map((t) => `twin ${t.procedure}: ${t.rps} req/s vs ${t.twinRps} req/s (ratio ${t.ratio}), p99 ${t.p99Ms} ms vs ${t.twinP99Ms} ms`),
    `journey mismatches ${f.api.journeyMismatches}, refused submits ${f.api.refusedSubmits}`,
    `machine: ${f.machine.cpus} cores, load average ${f.machine.loadAverageBefore} before the run`,
    ...(f.cpu
      ? [
          `CPU over the mixed run: API ${f.cpu.apiS} s (${f.cpu.apiMsPerRequest} ms per request), PostgreSQL ${f.cpu.postgresS} s (${f.cpu.postgresMsPerRequest} ms per request), load generator ${f.cpu.loadGeneratorS} s, taken by the host (steal) ${f.cpu.stealS} s`,
        ]
      : []),
    `database connections (pg_stat_activity): max ${f.dbConnections.max}, mean ${f.dbConnections.mean}, max active ${f.dbConnections.maxActive}`,
    `submissions ${f.submissions}, retried with the same key and answered the same receipt ${f.replaysMatched}; lost ${f.lostSubmissions}, duplicated ${f.duplicatedSubmissions}; invariant violations ${f.invariantViolations}`,
    `errors: ${f.errorsTotal}`,
  ];
}

async function main() {
  const env = scriptEnv();
  const figures = await runLoad({
    users: env.LOAD_USERS,
    durationS: env.LOAD_DURATION_S,
    mix: parseMix(env.LOAD_MIX),
    apiProcesses: env.LOAD_API_PROCESSES,
    poolMax: env.LOAD_POOL_MAX,
    submitted: env.LOAD_SUBMITTED,
    bareDurationS: env.LOAD_BARE ? env.LOAD_DURATION_S : 0,
    twinDurationS: env.LOAD_TWIN_DURATION_S,
    twinConnections: env.LOAD_TWIN_CONNECTIONS,
    keep: env.LOAD_KEEP,
    dbName: 'tsumiki_load',
    log: (line) => console.log(line),
  });
  for (const line of describe(figures)) console.log(line);
  console.log(JSON.stringify(figures));
  const failed = figures.errorsTotal > 0 || figures.lostSubmissions > 0 || figures.duplicatedSubmissions > 0 || figures.invariantViolations > 0;
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  main().catch((error: unknown) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
}
