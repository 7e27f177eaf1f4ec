import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the run's parts over the mixed phase, read from /proc (Linux only; elsewhere the
 * figures are null): the API processes, the database's processes and this load generator, and the
 * time the virtual machine's host took from it (steal). Throughput on a shared 2-core machine moves
 * with whatever else runs beside the load, run to run by a quarter; CPU per request moves only with
 * what a request costs, so it is the figure to compare a change by.
 */
export interface CpuFigures {
  /** CPU-seconds over the phase. */
  apiS: number;
  postgresS: number;
  loadGeneratorS: number;
  /** Seconds of the machine's CPUs the hypervisor gave to others (all cores together). */
  stealS: number;
  /** CPU-milliseconds per answered request, API and database. */
  apiMsPerRequest: number;
  postgresMsPerRequest: number;
}

// USER_HZ: the kernel reports process times in 1/100 s on every mainstream Linux configuration.
const TICKS_PER_S = 100;

/** utime + stime of a process, in ticks; undefined when it is gone or unreadable. */
function processTicks(pid: number | string): { comm: string; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function postgresTicks(): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = processTicks(entry);
    if (p?.comm === 'postgres') ticks += p.ticks;
  }
  return ticks;
}

function stealTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  return Number(cpu[8] ?? 0);
}

interface Snapshot {
  api: number;
  postgres: number;
  load: number;
  steal: number;
}

export function measureCpu(apiPids: readonly number[]): { stop(requests: number): CpuFigures | null } {
  const supported = process.platform === 'linux' && processTicks(process.pid) !== undefined;
  const snapshot = (): Snapshot => {
    const own = process.cpuUsage();
    return {
      api: apiPids.reduce((s, pid) => s + (processTicks(pid)?.ticks ?? 0), 0),
      postgres: postgresTicks(),
      load: ((own.user + own.system) / 1e6) * TICKS_PER_S,
      steal: stealTicks(),
    };
  };
  const start = supported ? snapshot() : undefined;
  return {
    stop(requests) {
      if (!start) return null;
      const end = snapshot();
      const seconds = (key: keyof Snapshot) => Math.round(((end[key] - start[key]) / TICKS_PER_S) * 10) / 10;
      const perRequest = (key: keyof Snapshot) => Math.round((((end[key] - start[key]) / TICKS_PER_S) * 1000 * 100) / Math.max(1, requests)) / 100;
      return {
        apiS: seconds('api'),
        postgresS: seconds('postgres'),
        loadGeneratorS: seconds('load'),
        stealS: seconds('steal'),
        apiMsPerRequest: perRequest('api'),
        postgresMsPerRequest: perRequest('postgres'),
      };
    },
  };
}
