/**
 * Spreadsheets read off the event loop: each file in its own worker thread with a heap ceiling,
 * terminated at the time ceiling, at most a few at once. The caller gets the table or a coded
 * DomainError naming the limit that was reached.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError, isErrorCode } from '@tsumiki/domain';
import { SHEET_LIMITS, type TSheetLimits } from './limits';
import { oneReply, workerSlots } from '../worker-run';
import { z } from 'zod';
import { type TSheetFile, type TSheetRecords, type TSheetRequest, type TSheetShape, type TSheetTable } from './parse';

const ZStrings = z.array(z.string());
/** What the worker posts back. */
const ZSheetReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    table: z.union([z.object({ rows: z.array(ZStrings) }), z.object({ records: z.array(z.record(z.string(), z.string())), lines: z.array(z.number()) })]),
  }),
  z.object({ ok: z.literal(false), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
]);

/** Files read at the same time, and files allowed to wait; past that a coded "busy". */
const RUNNING = 2;
const WAITING = 16;

/**
 * How to start the worker. A build has compiled JavaScript beside this file and runs it as it is.
 * From source (tsx, vitest) the worker is the TypeScript file, required through tsx's CommonJS hook
 * from a two-line bootstrap: Node 20 does not apply `--import` loaders to a worker's entry module.
 */
export function workerEntry(
  base: string | URL = import.meta.url,
  exists: (url: URL) => boolean = (u) => existsSync(fileURLToPath(u)),
  name = 'sheet.worker',
): { script: URL | string; eval: boolean } {
  const compiled = new URL(`./${name}.js`, base);
  if (exists(compiled)) return { script: compiled, eval: false };
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL(`./${name}.ts`, base));
  return { script: `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(source)});`, eval: true };
}

const slot = workerSlots(RUNNING, WAITING, () => new DomainError('sheet.busy'));

const refusal = (code: string, params: Record<string, string | number>) =>
  isErrorCode(code) ? new DomainError(code, params) : new DomainError('ccus.import_xlsx_unreadable', { detail: code });

function startWorker(heapMb: number): Worker {
  const entry = workerEntry();
  const worker = new Worker(entry.script, {
    eval: entry.eval,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
  // An idle worker does not keep a process (a CLI run, a test) alive; one with a file does.
  worker.unref();
  return worker;
}

/** One worker started ahead with the default limits, so a file is not kept waiting for a start-up. */
let spare: Worker | null = null;

/** Starts the spare worker (the API server does this at start; otherwise the first file does it). */
export function prewarmSheetReader(): void {
  if (spare) return;
  const worker = startWorker(SHEET_LIMITS.heapMb);
  worker.once('exit', () => {
    if (spare === worker) spare = null;
  });
  worker.once('error', () => undefined);
  spare = worker;
}

function takeWorker(heapMb: number): Worker {
  if (spare && heapMb === SHEET_LIMITS.heapMb) {
    const worker = spare;
    spare = null;
    worker.removeAllListeners();
    return worker;
  }
  return startWorker(heapMb);
}

function runWorker(request: TSheetRequest): Promise<TSheetTable> {
  const { limits } = request;
  const worker = takeWorker(limits.heapMb);
  worker.ref();
  const reply = oneReply(worker, limits, 'sheet worker', (message) => {
    const parsed = ZSheetReply.safeParse(message);
    if (!parsed.success) throw new Error('sheet worker: unexpected reply');
    if (!parsed.data.ok) throw refusal(parsed.data.code, parsed.data.params);
    return parsed.data.table;
  });
  worker.postMessage(request);
  return reply;
}

async function readSheet(file: TSheetFile, shape: TSheetShape, limits: TSheetLimits): Promise<TSheetTable> {
  const release = await slot();
  try {
    return await runWorker({ file, shape, limits });
  } finally {
    release();
    // The next file's worker starts now, while this one's answer travels back.
    prewarmSheetReader();
  }
}

/**
 * The first sheet of a CSV or .xlsx file as rows of cell texts, blank rows kept so that row i is
 * line i + 1 of the file: for layouts with a block above the table (the carbon BoQ's building
 * facts), which header-keyed records cannot carry. Unreadable or oversized files are a coded error.
 */
export async function readSheetRows(file: TSheetFile, limits: TSheetLimits = SHEET_LIMITS): Promise<string[][]> {
  const table = await readSheet(file, 'rows', limits);
  return 'rows' in table ? table.rows : [];
}

/** The first sheet as records keyed by its first row, like a CSV parse, with each record's line. */
export async function readSheetRecords(file: TSheetFile, limits: TSheetLimits = SHEET_LIMITS): Promise<TSheetRecords> {
  const table = await readSheet(file, 'records', limits);
  return 'records' in table ? table : { records: [], lines: [] };
}
