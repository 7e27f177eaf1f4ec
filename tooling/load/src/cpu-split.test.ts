import { describe, expect, it } from 'vitest';
import { measureCpu, ticksSince } from './cpu-split';

describe.skipIf(process.platform !== 'linux')('measureCpu', () => {
  it('counts the CPU the named processes burn over the phase, in seconds and per request', () => {
    // This process stands in for an API process (and is the load generator itself).
    const meter = measureCpu([process.pid]);
    // Until this process has used 0.4 s of CPU, however busy the machine is (not 0.4 s of clock).
    const used = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(used).user < 400_000) spin += Math.sqrt(spin + 1);
    const cpu = meter.stop(100)!;
    expect(spin).toBeGreaterThan(0);
    expect(cpu.apiS).toBeGreaterThanOrEqual(0.3);
    expect(cpu.loadGeneratorS).toBeGreaterThanOrEqual(0.3);
    // 100 requests: CPU-milliseconds per request is the seconds times ten.
    expect(cpu.apiMsPerRequest).toBeCloseTo(cpu.apiS * 10, -1);
    expect(cpu.postgresS).toBeGreaterThanOrEqual(0);
  });
});

describe('ticksSince', () => {
  it('counts what the processes alive at the end spent, never less than nothing when one ended or a pid came back', () => {
    const start = new Map([['10', 500], ['11', 900], ['12', 300]]);
    // 11 ended (its 900 ticks go with it); 13 started; 12 is a new process under an old pid.
    const end = new Map([['10', 650], ['12', 40], ['13', 70]]);
    expect(ticksSince(start, end)).toBe(150 + 40 + 70);
  });
});
