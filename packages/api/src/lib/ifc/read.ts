/**
 * IFC models read off the event loop, like spreadsheets: each file in its own worker thread with a
 * heap ceiling, terminated at the time ceiling, one at a time with a few waiting. web-ifc keeps the
 * model in wasm memory, which the V8 heap ceiling does not cover; the file-size bound is what keeps
 * that in proportion (a model needs a few times its file size).
 */
import { Worker } from 'node:worker_threads';
import { DomainError, isErrorCode } from '@tsumiki/domain';
import { IFC_MAX_BYTES, IFC_MAX_ELEMENTS, ZIfcModel, type TIfcModel } from '@tsumiki/domain/carbon';
import { z } from 'zod';
import { workerEntry } from '../sheets/read';
import { oneReply, workerSlots } from '../worker-run';

export interface TIfcLimits {
  fileBytes: number;
  maxElements: number;
  timeoutMs: number;
  heapMb: number;
}

export const IFC_LIMITS: TIfcLimits = { fileBytes: IFC_MAX_BYTES, maxElements: IFC_MAX_ELEMENTS, timeoutMs: 60_000, heapMb: 768 };

export interface TIfcRead {
  model: TIfcModel;
  /** What reading cost inside the worker: wall time and its V8 heap plus wasm memory. */
  stats: { readMs: number; heapMb: number };
}

const ZReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), model: ZIfcModel, stats: z.object({ readMs: z.number(), heapMb: z.number() }) }),
  z.object({ ok: z.literal(false), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) }),
]);

const slot = workerSlots(1, 4, () => new DomainError('sheet.busy'));

function startWorker(heapMb: number): Worker {
  const entry = workerEntry(new URL('./', import.meta.url), undefined, 'ifc.worker');
  return new Worker(entry.script, {
    eval: entry.eval,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  });
}

/** How long a worker started ahead of a file waits for one before it is let go. */
export const SPARE_IDLE_MS = 120_000;
let spare: { worker: Worker; heapMb: number; timer: NodeJS.Timeout; gone: () => void } | undefined;

/**
 * Starts the worker for the next IFC file now (it loads web-ifc's wasm as it starts), so a file
 * chosen while the import page is open does not wait for that. One at most; unused, it ends after
 * SPARE_IDLE_MS, and it never keeps the process alive.
 */
export function prestartIfcWorker(limits: TIfcLimits = IFC_LIMITS): void {
  if (spare) {
    spare.timer.refresh();
    return;
  }
  const worker = startWorker(limits.heapMb);
  const gone = () => {
    if (spare?.worker !== worker) return;
    clearTimeout(spare.timer);
    spare = undefined;
  };
  worker.once('error', gone);
  worker.once('exit', gone);
  const timer = setTimeout(() => {
    gone();
    void worker.terminate();
  }, SPARE_IDLE_MS);
  timer.unref();
  worker.unref();
  spare = { worker, heapMb: limits.heapMb, timer, gone };
}

/** Whether a started worker is waiting for a file. */
export const hasSpareIfcWorker = () => spare !== undefined;

function takeSpare(heapMb: number): Worker | undefined {
  const s = spare;
  if (!s || s.heapMb !== heapMb) return undefined;
  spare = undefined;
  clearTimeout(s.timer);
  s.worker.off('error', s.gone);
  s.worker.off('exit', s.gone);
  s.worker.ref();
  return s.worker;
}

function runWorker(bytes: Uint8Array, limits: TIfcLimits): Promise<TIfcRead> {
  const worker = takeSpare(limits.heapMb) ?? startWorker(limits.heapMb);
  const reply = oneReply(worker, limits, 'ifc worker', (message) => {
    const parsed = ZReply.safeParse(message);
    if (!parsed.success) throw new Error('ifc worker: unexpected reply');
    if (!parsed.data.ok) throw isErrorCode(parsed.data.code) ? new DomainError(parsed.data.code, parsed.data.params) : new DomainError('carbon.ifc_unreadable');
    return { model: parsed.data.model, stats: parsed.data.stats };
  });
  // A copy travels to the worker: the caller's bytes may be a view into a larger pool (a
  // Buffer's slice() is such a view, not a copy).
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  worker.postMessage({ bytes: copy.buffer, maxElements: limits.maxElements }, [copy.buffer]);
  return reply;
}

/** An IFC file's bytes → the typed model; too large, unreadable, too slow or too big a model is a coded DomainError. */
export async function readIfc(bytes: Uint8Array, limits: TIfcLimits = IFC_LIMITS): Promise<TIfcRead> {
  if (bytes.byteLength > limits.fileBytes) throw new DomainError('sheet.too_large_file', { limitMb: Math.round(limits.fileBytes / 2 ** 20) });
  const release = await slot();
  try {
    return await runWorker(bytes, limits);
  } finally {
    release();
  }
}
