/** autocannon runs and their figures, shared by the mixed run, the bare route and the twins. */
import { summarise } from '@tsumiki/bench/stats';
import autocannon from 'autocannon';
import { procedureOfClient, type LatencyByProcedure } from './procedures';

export interface RunFigures {
  requests: number;
  throughputRps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export function figuresOf(result: autocannon.Result, latencies: number[]): RunFigures {
  const s = summarise(latencies);
  return {
    requests: result.requests.total,
    throughputRps: Math.round(result.requests.total / (result.duration || 1)),
    p50Ms: s.p50,
    p95Ms: s.p95,
    p99Ms: s.p99,
    maxMs: s.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * autocannon takes several URLs and spreads the connections over them; its types say one. The
 * load's autocannon is patched (patches/) to keep an answer's text only for requests with
 * onResponse, so the options that would check every answer's text are not offered.
 */
export type CannonOptions = Omit<autocannon.Options, 'url' | 'verifyBody' | 'expectBody'> & { url: string | string[] };

export async function cannon(options: CannonOptions, byProcedure?: LatencyByProcedure): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options as autocannon.Options, (error, result) => (error ? reject(error as Error) : resolve({ result, latencies })));
    instance.on('response', (client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      byProcedure?.add(procedureOfClient(client), responseTime);
    });
  });
}

