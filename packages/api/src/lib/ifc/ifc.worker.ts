/**
 * The IFC worker's entry: reads one model (an IfcRequest message), posts back the typed model with
 * what reading it cost, or the refusal, and is then terminated. Running in its own thread with a
 * heap ceiling and a time ceiling enforced by the caller, a hostile or huge model costs this
 * thread, never the API's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { IfcRefusal, loadWebIfc, readIfcModel } from './read-model';

interface IfcRequest {
  bytes: ArrayBuffer;
  maxElements: number;
}
const isRequest = (r: unknown): r is IfcRequest =>
  typeof r === 'object' && r !== null && (r as IfcRequest).bytes instanceof ArrayBuffer && typeof (r as IfcRequest).maxElements === 'number';

async function run(request: unknown) {
  if (!isRequest(request)) throw new Error('ifc worker: malformed request');
  const started = performance.now();
  try {
    const model = await readIfcModel(new Uint8Array(request.bytes), request.maxElements);
    const { api } = await loadWebIfc();
    // The model lives in wasm memory, outside the V8 heap: both count.
    const wasmBytes = (api.wasmModule as { HEAPU8?: Uint8Array } | undefined)?.HEAPU8?.byteLength ?? 0;
    const stats = { readMs: performance.now() - started, heapMb: (process.memoryUsage().heapUsed + wasmBytes) / 2 ** 20 };
    parentPort?.postMessage({ ok: true, model, stats });
  } catch (error) {
    if (error instanceof IfcRefusal) parentPort?.postMessage({ ok: false, code: error.code, params: error.params });
    else parentPort?.postMessage({ ok: false, code: 'carbon.ifc_unreadable', params: {} });
  }
}

// web-ifc's wasm loads as the worker starts, so a worker started ahead of its file is ready for it.
void loadWebIfc().catch(() => undefined);
parentPort?.once('message', (request: unknown) => void run(request));
