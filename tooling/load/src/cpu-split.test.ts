import { describe, expect, it } from 'vitest';
import { measureCpu } from './cpu-split';

describe.skipIf(process.platform !== 'linux')('measureCpu', () => {
  it('counts the CPU the named processes burn over the phase, in seconds and per request', () => {
    // This process stands in for an API process (and is the load generator itself).
    const meter = measureCpu([process.pid]);
    const until = performance.now() + 400;
    let spin = 0;
    while (performance.now() < until) spin += Math.sqrt(spin + 1);
    const cpu = meter.stop(100)!;
    expect(spin).toBeGreaterThan(0);
    expect(cpu.apiS).toBeGreaterThanOrEqual(0.3);
    expect(cpu.loadGeneratorS).toBeGreaterThanOrEqual(0.3);
    // 100 requests: CPU-milliseconds per request is the seconds times ten.
    expect(cpu.apiMsPerRequest).toBeCloseTo(cpu.apiS * 10, -1);
    expect(cpu.postgresS).toBeGreaterThanOrEqual(0);
  });
});
