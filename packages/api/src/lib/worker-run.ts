import type { Worker } from 'node:worker_threads';
import { DomainError } from '@tsumiki/domain';

/**
 * At most `running` jobs at once and `waiting` in line; past that `busy()` is thrown, so a burst of
 * uploads is refused with a message instead of piling up worker threads.
 */
export function workerSlots(running: number, waiting: number, busy: () => Error): () => Promise<() => void> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async () => {
    if (active >= running) {
      if (queue.length >= waiting) throw busy();
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    active += 1;
    return () => {
      active -= 1;
      queue.shift()?.();
    };
  };
}

/**
 * One answer from a worker that has just been sent its job: the reply as `read` turns it into a
 * value (or throws its refusal), the time ceiling as a coded "too slow", running out of heap as a
 * coded "too much memory". The worker is terminated however it ends.
 */
export function oneReply<T>(worker: Worker, limits: { timeoutMs: number; heapMb: number }, label: string, read: (message: unknown) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new DomainError('sheet.too_slow', { seconds: Math.round(limits.timeoutMs / 1000) }))), limits.timeoutMs);
    worker.once('message', (message: unknown) =>
      settle(() => {
        try {
          resolve(read(message));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(`${label}: unexpected reply`));
        }
      }),
    );
    worker.once('error', (error: Error & { code?: string }) => {
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new DomainError('sheet.too_much_memory', { limitMb: limits.heapMb }) : error));
    });
    worker.once('exit', (code) => settle(() => reject(new Error(`${label} exited with ${String(code)} before answering`))));
  });
}
