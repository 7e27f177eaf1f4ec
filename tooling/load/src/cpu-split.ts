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

/** Ticks of each PostgreSQL process now, by pid. */
function postgresProcesses(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = processTicks(entry);
    if (p?.comm === 'postgres') ticks.set(entry, p.ticks);
  }
  return ticks;
}

/**
 * What the processes alive at the end spent since the start, each by its own pid: one that ended
 * meanwhile (another client's PostgreSQL connection closing) takes its time with it, and must not
 * make the sum smaller. One started meanwhile (or a pid used again) counts from zero.
 */
export function ticksSince(start: Map<string, number>, end: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, now] of end) {
    const before = start.get(pid) ?? 0;
    ticks += now >= before ? now - before : now;
  }
  return ticks;
}

function stealTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  return Number(cpu[8] ?? 0);
}

interface Snapshot {
  api: Map<string, number>;
  postgres: Map<string, number>;
  load: number;
  steal: number;
}

export function measureCpu(apiPids: readonly number[]): { stop(requests: number): CpuFigures | null } {
  const supported = process.platform === 'linux' && processTicks(process.pid) !== undefined;
  const snapshot = (): Snapshot => {
    const own = process.cpuUsage();
    return {
      api: new Map(
        apiPids.flatMap((pid) => {
          const p = processTicks(pid);
          return p ? [[String(pid), p.ticks] as const] : [];
        }),
      ),
      postgres: postgresProcesses(),
      load: ((own.user + own.system) / 1e6) * TICKS_PER_S,
      steal: stealTicks(),
    };
  };
  const start = supported ? snapshot() : undefined;
  return {
    stop(requests) {
      if (!start) return null;
      const end = snapshot();
      const spent = {
        api: ticksSince(start.api, end.api),
        postgres: ticksSince(start.postgres, end.postgres),
        load: end.load - start.load,
        steal: end.steal - start.steal,
      };
      const seconds = (key: keyof typeof spent) => Math.round((spent[key] / TICKS_PER_S) * 10) / 10;
      const perRequest = (key: keyof typeof spent) =>
        Math.round(((spent[key] / TICKS_PER_S) * 1000 * 100) / Math.max(1, requests)) / 100;
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
