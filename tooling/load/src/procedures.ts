/**
 * Where the time goes: latency per procedure as the users saw it (autocannon's clock), beside the
 * time the API processes report for the same procedure on /metrics (inside the procedure) and for
 * the session check before it. What a user waited beyond both is queueing: an event loop or a
 * connection pool that was busy with someone else.
 */
import { summarise } from '@tsumiki/bench/stats';

/**
 * The procedure of the request a connection just got its answer to. autocannon keeps the request
 * it is on (the journey's own object, before setupRequest) in its request iterator until it sends
 * the next; its types do not say so. Its path is /trpc/<procedure>[?input=…].
 */
export function procedureOfClient(client: unknown): string {
  const iterator: unknown = typeof client === 'object' && client !== null ? Reflect.get(client, 'requestIterator') : undefined;
  const current: unknown = typeof iterator === 'object' && iterator !== null ? Reflect.get(iterator, 'currentRequest') : undefined;
  const path: unknown = typeof current === 'object' && current !== null ? Reflect.get(current, 'path') : undefined;
  return (typeof path === 'string' && /^\/trpc\/([^?]+)/.exec(path)?.[1]) || 'other';
}

export interface ProcedureFigures {
  procedure: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Mean time inside the procedure as the API processes measured it; null without /metrics. */
  serverMeanMs: number | null;
}

export interface GroupFigures {
  group: string;
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
}

export class LatencyByProcedure {
  private readonly samples = new Map<string, number[]>();

  /** The procedures' latencies pooled by a grouping of them (the journeys), with each group's throughput. */
  groups(groupOf: (procedure: string) => string, durationS: number): GroupFigures[] {
    const pooled = new Map<string, number[]>();
    for (const [procedure, list] of this.samples) {
      const group = groupOf(procedure);
      pooled.set(group, [...(pooled.get(group) ?? []), ...list]);
    }
    return [...pooled.entries()].map(([group, list]) => {
      const s = summarise(list);
      return { group, requests: s.n, rps: Math.round(s.n / Math.max(1, durationS)), p50Ms: s.p50, p95Ms: s.p95 };
    });
  }

  add(procedure: string, ms: number) {
    let list = this.samples.get(procedure);
    if (!list) this.samples.set(procedure, (list = []));
    list.push(ms);
  }
  figures(server: ServerTimes | null): ProcedureFigures[] {
    return [...this.samples.entries()]
      .map(([procedure, list]) => {
        const s = summarise(list);
        const inside = server?.procedures.get(procedure);
        return {
          procedure,
          requests: s.n,
          p50Ms: s.p50,
          p95Ms: s.p95,
          p99Ms: s.p99,
          serverMeanMs: inside ? round((inside.sum / Math.max(1, inside.count)) * 1000) : null,
        };
      })
      .sort((a, b) => b.requests * b.p50Ms - a.requests * a.p50Ms);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

interface SumCount {
  sum: number;
  count: number;
}

export interface ServerTimes {
  procedures: Map<string, SumCount>;
  /** The session check (createContext) of every tRPC request. */
  sessionCheck: SumCount;
  /** Worst event-loop lag p99 over the processes, in ms. */
  eventLoopLagP99Ms: number;
  /** Most queries any process had waiting for a pool connection at the end. */
  poolWaiting: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;

function labelsOf(text: string | undefined): Map<string, string> {
  const labels = new Map<string, string>();
  for (const match of (text ?? '').matchAll(/([a-zA-Z_]+)="((?:[^"\\]|\\.)*)"/g)) labels.set(match[1]!, match[2]!);
  return labels;
}

/** Adds up the procedure and session-check times of several processes' /metrics texts. */
export function serverTimes(texts: string[]): ServerTimes {
  const procedures = new Map<string, SumCount>();
  const sessionCheck: SumCount = { sum: 0, count: 0 };
  let eventLoopLagP99Ms = 0;
  let poolWaiting = 0;
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const match = SAMPLE.exec(line);
      if (!match) continue;
      const [, name, labelText, valueText] = match;
      const value = Number(valueText);
      const labels = labelsOf(labelText);
      if (name === 'tsumiki_trpc_duration_seconds_sum' || name === 'tsumiki_trpc_duration_seconds_count') {
        const procedure = labels.get('procedure') ?? '?';
        const entry = procedures.get(procedure) ?? { sum: 0, count: 0 };
        if (name.endsWith('_sum')) entry.sum += value;
        else entry.count += value;
        procedures.set(procedure, entry);
      } else if (name === 'tsumiki_session_check_seconds_sum') sessionCheck.sum += value;
      else if (name === 'tsumiki_session_check_seconds_count') sessionCheck.count += value;
      else if (name === 'tsumiki_nodejs_eventloop_lag_p99_seconds') eventLoopLagP99Ms = Math.max(eventLoopLagP99Ms, round(value * 1000));
      else if (name === 'tsumiki_db_pool_connections' && labels.get('state') === 'waiting') poolWaiting = Math.max(poolWaiting, value);
    }
  }
  return { procedures, sessionCheck, eventLoopLagP99Ms, poolWaiting };
}

export async function scrapeAll(urls: string[]): Promise<ServerTimes | null> {
  if (urls.length === 0) return null;
  const texts = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
  return serverTimes(texts);
}
