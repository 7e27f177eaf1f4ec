/**
 * `pnpm faults`: faults under load on a private PostgreSQL cluster (never the shared one).
 *
 *  1. Outage: applicants autosave and submit while the database is stopped (immediate shutdown,
 *     like a crash) and started again. Requests in flight must fail with 503 and the Japanese
 *     "try again" message, never a 500 or a stack trace; the API must recover by itself; the
 *     invariants of every table must hold; every receipt a user got must be in the database once.
 *  2. Killed API: SIGKILL an API process while a submit is in flight, retry the same idempotency
 *     key on the other process: exactly one submission.
 *  3. Attachment storage full or read-only (filesystem store on a 64 KiB tmpfs): a clear 503, no
 *     metadata row without its file and no file without its row; writable again → uploads work.
 *
 * Prints its figures; the last line is one JSON object.
 *   pnpm faults
 *   FAULTS_USERS=10 FAULTS_OUTAGE_S=2 FAULTS_KILLS=3 pnpm faults      (the test suite's short run)
 */
import { randomUUID } from 'node:crypto';
import { createDatabase, migrateToLatest, type Database } from '@tsumiki/db';
import { recreateDatabase } from '@tsumiki/bench/scratch';
import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import pg from 'pg';
import { requiredUploads, uploadRequired } from './documents';
import { createCluster, type Cluster } from './cluster';
import { scriptEnv } from './env';
import { settleRun, submissionsPerKey } from './invariants';
import { freePort, killAll, startApi, type Started } from './processes';
import { LOAD_PASSWORD, seedLoadData } from './seed';
import { storageFaults, type StorageFaultFigures } from './storage-faults';
import { call, errorOf, resultOf, signIn, type HttpResult } from './trpc-http';

const TRY_AGAIN_JA = /しばらくしてから、もう一度お試しください/;
const STACK = /\bat .+:\d+:\d+|node_modules|\.ts:\d+/;

type Phase = 'before' | 'outage' | 'recovering' | 'after';

interface Answer {
  phase: Phase;
  procedure: string;
  status: number;
  appCode?: string | undefined;
  message?: string | undefined;
  stack: boolean;
}

export interface FaultFigures {
  users: number;
  outageS: number;
  requests: number;
  /** Any 5xx other than 503, in any phase. */
  status500: number;
  /** 503s carrying service.unavailable and the Japanese "try again". */
  outage503: number;
  /** Answers during the outage that were neither a success nor that 503. */
  badOutageAnswers: number;
  stackTraces: number;
  recoverySeconds: number | null;
  errorsAfterRecovery: number;
  receipts: number;
  lostSubmissions: number;
  duplicatedSubmissions: number;
  invariantViolations: number;
  kills: number;
  killsCutInFlight: number;
  killRetriesWithOneSubmission: number;
  /** null when this machine does not allow mounting a tmpfs (then said in the output). */
  storage: StorageFaultFigures | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function answerOf(phase: Phase, procedure: string, result: HttpResult): Answer {
  const error = result.status === 200 ? undefined : errorOf(result.body);
  return { phase, procedure, status: result.status, appCode: error?.data.appCode, message: error?.message, stack: STACK.test(result.body) };
}

/** One applicant autosaving and submitting in a loop, as the portal does, through whatever happens. */
async function applicant(
  baseUrl: () => string,
  cookie: string,
  programmeId: string,
  phase: () => Phase,
  until: () => boolean,
  answers: Answer[],
  receipts: Map<string, string>,
) {
  const content = cltExampleApplicationContent();
  let draft: { id: string; version: number; key: string; stale: boolean; documents: boolean } | undefined;
  const send = async (procedure: string, kind: 'query' | 'mutation', input: unknown) => {
    const at = phase();
    try {
      const result = await call(baseUrl(), procedure, kind, input, cookie);
      answers.push(answerOf(at, procedure, result));
      return result;
    } catch {
      answers.push({ phase: at, procedure, status: 0, stack: false });
      return { status: 0, body: '' };
    }
  };
  while (!until()) {
    if (!draft) {
      const created = await send('applications.createDraft', 'mutation', { programmeId, title: `障害試験 ${randomUUID().slice(0, 8)}` });
      const view = created.status === 200 ? resultOf<{ id: string; version: number }>(created.body) : undefined;
      if (view) draft = { id: view.id, version: view.version, key: randomUUID(), stale: false, documents: false };
      else await sleep(100);
      continue;
    }
    if (draft.stale) {
      // After a failed save the answer may have been lost after the commit: read before saving again.
      const read = await send('applications.get', 'query', { id: draft.id });
      const view = read.status === 200 ? resultOf<{ version: number; status: string }>(read.body) : undefined;
      if (!view) {
        await sleep(100);
        continue;
      }
      draft.version = view.version;
      draft.stale = false;
    }
    if (!draft.documents) {
      // Each upload is its own transaction; after a failure the documents are simply uploaded again
      // (a copy too many is harmless, a missing one would refuse the submit).
      let all = true;
      for (const input of requiredUploads(draft.id)) all = (await send('attachments.upload', 'mutation', input)).status === 200 && all;
      if (!all) {
        await sleep(100);
        continue;
      }
      draft.documents = true;
    }
    const saved = await send('applications.updateDraft', 'mutation', { id: draft.id, version: draft.version, content });
    const view = saved.status === 200 ? resultOf<{ version: number }>(saved.body) : undefined;
    if (view) draft.version = view.version;
    else if (saved.status === 403 || saved.body.includes('application.not_editable')) {
      // The submit went through but its answer was lost: the retry below returns the receipt.
    } else {
      draft.stale = true;
      await sleep(100);
      continue;
    }
    // Submit with one key, retried (same key) until an answer arrives.
    for (;;) {
      const submitted = await send('applications.submit', 'mutation', { id: draft.id, version: draft.version, idempotencyKey: draft.key });
      const result = submitted.status === 200 ? resultOf<{ ok: boolean; receipt?: { trackingNumber: string } }>(submitted.body) : undefined;
      if (result?.ok && result.receipt) {
        receipts.set(draft.key, result.receipt.trackingNumber);
        draft = undefined;
        break;
      }
      if (submitted.status === 409) {
        draft.stale = true;
        break;
      }
      if (until()) break;
      await sleep(100);
    }
  }
}

async function waitReady(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return Date.now() - started;
    } catch {
      // process not answering yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms`);
}

async function outageUnderLoad(
  cluster: Cluster,
  apis: Started[],
  cookies: string[],
  programmeId: string,
  outageS: number,
  log: (line: string) => void,
) {
  const answers: Answer[] = [];
  const receipts = new Map<string, string>();
  let phase: Phase = 'before';
  let done = false;
  const workers = cookies.map((cookie, i) =>
    applicant(() => apis[i % apis.length]!.url, cookie, programmeId, () => phase, () => done, answers, receipts),
  );
  await sleep(2_000);
  log(`  stopping PostgreSQL (immediate) with ${cookies.length} applicants working…`);
  phase = 'outage';
  await cluster.stop();
  await sleep(outageS * 1000);
  phase = 'recovering';
  const restartedAt = Date.now();
  await cluster.start();
  log('  PostgreSQL started again');
  // "Recovered" = the API answers a real request again, without having been restarted.
  let recoverySeconds: number | null = null;
  try {
    await Promise.all(apis.map((a) => waitReady(a.url, 30_000)));
    recoverySeconds = Math.round((Date.now() - restartedAt) / 100) / 10;
  } catch (error) {
    log(`  ${String(error)}`);
  }
  for (const api of apis) {
    if (api.child.exitCode !== null || api.child.signalCode !== null) {
      log(`  API process ${api.url} DIED during the outage (exit ${String(api.child.exitCode ?? api.child.signalCode)}):\n${api.output.join('').slice(-3000)}`);
    }
  }
  phase = 'after';
  await sleep(3_000);
  done = true;
  await Promise.all(workers);
  return { answers, receipts, recoverySeconds };
}

/**
 * SIGKILL an API process with a submit in flight; the retry (same key) goes to the other process.
 * Every other kill holds the application's row lock from outside first, so the submit is surely
 * inside its transaction when the process dies; the others kill at a varying moment.
 */
async function killMidSubmit(databaseUrl: string, apis: Started[], cookie: string, programmeId: string, kills: number, db: Database, log: (line: string) => void) {
  let cutInFlight = 0;
  let oneSubmission = 0;
  const content = cltExampleApplicationContent();
  for (let k = 0; k < kills; k++) {
    const victim = apis[0]!;
    const survivor = apis[1]!;
    const created = resultOf<{ id: string; version: number }>((await call(survivor.url, 'applications.createDraft', 'mutation', { programmeId, title: `強制終了試験 ${k + 1}` }, cookie)).body)!;
    const saved = resultOf<{ version: number }>((await call(survivor.url, 'applications.updateDraft', 'mutation', { id: created.id, version: created.version, content }, cookie)).body)!;
    if (!(await uploadRequired(survivor.url, cookie, created.id))) throw new Error('uploading the required documents failed');
    const input = { id: created.id, version: saved.version, idempotencyKey: randomUUID() };
    const locker = k % 2 === 0 ? new pg.Client({ connectionString: databaseUrl }) : null;
    if (locker) {
      await locker.connect();
      await locker.query('begin');
      await locker.query('select 1 from applications where id = $1 for update', [created.id]);
    }
    const inFlight = call(victim.url, 'applications.submit', 'mutation', input, cookie).then(
      (r) => r,
      () => null,
    );
    await sleep(locker ? 500 : (k * 5) % 30);
    victim.child.kill('SIGKILL');
    const first = await inFlight;
    if (locker) {
      await locker.query('commit');
      await locker.end();
    }
    if (first === null || first.status !== 200) cutInFlight++;
    const retry = await call(survivor.url, 'applications.submit', 'mutation', input, cookie);
    const receipt = resultOf<{ ok: boolean }>(retry.body);
    const count = (await submissionsPerKey(db.db, [input.idempotencyKey])).get(input.idempotencyKey) ?? 0;
    const ofApplication = await db.db.selectFrom('application_submissions').select('id').where('application_id', '=', created.id).execute();
    if (retry.status === 200 && receipt?.ok && count === 1 && ofApplication.length === 1) oneSubmission++;
    else log(`  kill ${k + 1}: retry ${retry.status} ${retry.body.slice(0, 300)}, submissions for the key ${count}, for the application ${ofApplication.length}`);
    await victim.stop('SIGKILL');
    apis[0] = survivor;
    apis[1] = await startApi(databaseUrl, { port: victim.port, poolMax: 5 });
  }
  return { kills, cutInFlight, oneSubmission };
}

export async function runFaults(o: { users: number; outageS: number; kills: number; port: number; bin?: string | undefined; log: (line: string) => void }): Promise<FaultFigures> {
  const { log } = o;
  const cluster = await createCluster(o.port, o.bin);
  const apis: Started[] = [];
  let database: Database | undefined;
  try {
    log(`private PostgreSQL cluster on port ${cluster.port}`);
    const databaseUrl = await recreateDatabase('tsumiki_faults', cluster.adminUrl);
    database = await createDatabase({ kind: 'postgres', url: databaseUrl, maxConnections: 2 });
    await migrateToLatest(database.db);
    const seeded = await seedLoadData(database.db, { applicants: o.users, reviewers: 1, ministry: 1, submitted: 50 });
    apis.push(await startApi(databaseUrl, { poolMax: 5 }), await startApi(databaseUrl, { poolMax: 5 }));
    const applicants = seeded.accounts.filter((a) => a.role === 'applicant');
    const cookies = await Promise.all(applicants.map((a, i) => signIn(apis[i % apis.length]!.url, a.email, LOAD_PASSWORD)));
    log(`two API processes: ${apis.map((a) => a.url).join(', ')}; ${cookies.length} applicants signed in`);

    log('1. database outage under load');
    const outage = await outageUnderLoad(cluster, apis, cookies, seeded.programmeId, o.outageS, log);
    const { answers } = outage;
    const failed = (a: Answer) => a.status !== 200;
    const isTryAgain = (a: Answer) => a.status === 503 && a.appCode === 'service.unavailable' && TRY_AGAIN_JA.test(a.message ?? '');
    for (const a of answers.filter((x) => x.status >= 500 && !isTryAgain(x)).slice(0, 5)) log(`  BAD ${a.phase} ${a.procedure} ${a.status} ${a.appCode ?? '-'} ${a.message ?? ''}`);
    const outageFailures = new Map<string, number>();
    for (const a of answers.filter((x) => x.phase === 'outage' && failed(x))) {
      const key = `${a.status} ${a.appCode ?? ''}`;
      outageFailures.set(key, (outageFailures.get(key) ?? 0) + 1);
    }
    log(`  answers during the outage other than 200: ${[...outageFailures].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`);
    const logged = new Set(apis.flatMap((api) => api.output.join('').split('\n').filter((l) => l.includes('"level":50')).map((l) => l.replace(/.*"message":"([^"]*)".*"msg":"([^"]*)".*/, '$2: $1'))));
    for (const line of [...logged].slice(0, 5)) log(`  API LOG ${line.slice(0, 300)}`);

    log('2. API process killed mid-submit');
    const kills = await killMidSubmit(databaseUrl, apis, cookies[0]!, seeded.programmeId, o.kills, database, log);


    log('3. attachment storage full / read-only');
    const storage = await storageFaults(databaseUrl, database, cookies[0]!, seeded.programmeId, log);

    const outcome = await settleRun(database.db, [...outage.receipts.keys()], log);

    return {
      users: o.users,
      outageS: o.outageS,
      requests: answers.length,
      status500: answers.filter((a) => a.status >= 500 && a.status !== 503).length,
      outage503: answers.filter(isTryAgain).length,
      badOutageAnswers: answers.filter((a) => a.phase === 'outage' && failed(a) && !isTryAgain(a)).length,
      stackTraces: answers.filter((a) => a.stack).length,
      recoverySeconds: outage.recoverySeconds,
      errorsAfterRecovery: answers.filter((a) => a.phase === 'after' && failed(a)).length,
      receipts: outage.receipts.size,
      lostSubmissions: outcome.lost,
      duplicatedSubmissions: outcome.duplicated,
      invariantViolations: outcome.violations,
      kills: kills.kills,
      killsCutInFlight: kills.cutInFlight,
      killRetriesWithOneSubmission: kills.oneSubmission,
      storage,
    };
  } finally {
    await Promise.allSettled(apis.map((a) => a.stop('SIGKILL')));
    await database?.close().catch(() => {});
    await cluster.destroy();
    killAll();
  }
}

async function main() {
  const env = scriptEnv();
  const port = env.FAULTS_PG_PORT === 55432 ? await freePortFrom(55432) : env.FAULTS_PG_PORT;
  const figures = await runFaults({ users: env.FAULTS_USERS, outageS: env.FAULTS_OUTAGE_S, kills: env.FAULTS_KILLS, port, bin: env.FAULTS_PG_BIN, log: (l) => console.log(l) });
  console.log(
    [
      `outage: ${figures.requests} requests, ${figures.outage503} answered 503 "try again" (Japanese), other failures during the outage ${figures.badOutageAnswers}, 500s ${figures.status500}, stack traces ${figures.stackTraces}`,
      `recovered by itself in ${figures.recoverySeconds ?? 'NEVER'} s; errors after recovery ${figures.errorsAfterRecovery}`,
      `receipts ${figures.receipts}: lost ${figures.lostSubmissions}, duplicated ${figures.duplicatedSubmissions}; invariant violations ${figures.invariantViolations}`,
      `killed API mid-submit ${figures.kills}× (${figures.killsCutInFlight} cut in flight): retried with the same key → exactly one submission ${figures.killRetriesWithOneSubmission}×`,
      figures.storage
        ? `attachment store full → ${figures.storage.fullAnswer}; read-only → ${figures.storage.readOnlyAnswer}; recovered ${String(figures.storage.recovered)}; orphan rows ${figures.storage.orphanRows}, orphan files ${figures.storage.orphanFiles}`
        : 'attachment store faults: NOT RUN (mounting a tmpfs is not allowed on this machine)',
    ].join('\n'),
  );
  console.log(JSON.stringify(figures));
  process.exit(faultsFailed(figures) ? 1 : 0);
}

export function faultsFailed(f: FaultFigures): boolean {
  return (
    f.status500 > 0 ||
    f.badOutageAnswers > 0 ||
    f.stackTraces > 0 ||
    f.recoverySeconds === null ||
    f.errorsAfterRecovery > 0 ||
    f.lostSubmissions > 0 ||
    f.duplicatedSubmissions > 0 ||
    f.invariantViolations > 0 ||
    f.killRetriesWithOneSubmission !== f.kills ||
    (f.storage !== null && !f.storage.ok)
  );
}

/** The configured port when free, else the next free one (another run may hold it). */
async function freePortFrom(preferred: number): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => void freePort().then(resolve));
    server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(preferred)));
  });
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  main().catch((error: unknown) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
}
