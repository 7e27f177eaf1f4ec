/**
 * The sheet worker's entry: waits for one file (a TSheetRequest message), posts back the table or
 * the refusal, and is then terminated. It is started ahead of need, so a request does not wait for
 * its start-up. It runs in a worker thread with a heap ceiling, and the caller terminates
 * it at the time ceiling, so a hostile file costs this thread and never the API's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { SheetRefusal } from './limits';
import { isSheetRequest, readSheetTable } from './parse';

async function run(request: unknown) {
  if (!isSheetRequest(request)) throw new Error('sheet worker: malformed request');
  try {
    parentPort?.postMessage({ ok: true, table: await readSheetTable(request) });
  } catch (error) {
    if (error instanceof SheetRefusal) parentPort?.postMessage({ ok: false, code: error.code, params: error.params });
    else if (error instanceof RangeError && /call stack/i.test(error.message)) parentPort?.postMessage({ ok: false, code: 'sheet.too_deeply_nested', params: { limit: request.limits.xmlDepth } });
    else parentPort?.postMessage({ ok: false, code: 'ccus.import_xlsx_unreadable', params: { detail: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' } });
  }
}

parentPort?.once('message', (request: unknown) => void run(request));
