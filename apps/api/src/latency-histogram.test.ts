import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram';

const BUCKETS = [0.001, 0.005, 0.025, 0.1, 1];
const config = (registry: Registry) => ({
  name: 'tsumiki_test_seconds',
  help: 'A test histogram.',
  labelNames: ['procedure', 'type'] as const,
  buckets: BUCKETS,
  registers: [registry],
});

describe('LatencyHistogram', () => {
  it('writes out what a prom-client Histogram holding the same observations writes', async () => {
    const stock = new Registry();
    const ours = new Registry();
    const reference = new Histogram(config(stock));
    const fast = new LatencyHistogram(config(ours));
    const observations: [string, 'query' | 'mutation', number][] = [
      ['programmes.list', 'query', 0.0004],
      ['programmes.list', 'query', 0.001], // on a bound: in that bucket
      ['applications.submit', 'mutation', 0.0051],
      ['programmes.list', 'query', 0.3],
      ['applications.submit', 'mutation', 7], // past every bound: +Inf alone
      ['programmes.list', 'query', 0.025],
    ];
    for (const [procedure, type, seconds] of observations) {
      reference.observe({ procedure, type }, seconds);
      fast.record(`${procedure}|${type}`, () => ({ procedure, type }), seconds);
    }
    const text = await ours.metrics();
    expect(text).toBe(await stock.metrics());
    expect(text).toContain('tsumiki_test_seconds_bucket{le="0.001",procedure="programmes.list",type="query"} 2');
    expect(text).toContain('tsumiki_test_seconds_bucket{le="+Inf",procedure="applications.submit",type="mutation"} 2');
    expect(text).toContain('tsumiki_test_seconds_count{procedure="programmes.list",type="query"} 4');
    expect(await ours.getMetricsAsJSON()).toEqual(await stock.getMetricsAsJSON());
  });

  it('asks for a series’ labels once, and forgets every series on reset', async () => {
    const registry = new Registry();
    const fast = new LatencyHistogram(config(registry));
    let asked = 0;
    const labelsOf = () => (asked++, { procedure: 'ccus.overview', type: 'query' as const });
    for (let i = 0; i < 3; i++) fast.record('ccus.overview|query', labelsOf, 0.002);
    expect(asked).toBe(1);
    expect(await registry.metrics()).toContain('tsumiki_test_seconds_count{procedure="ccus.overview",type="query"} 3');
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('ccus.overview');
  });

  it('refuses an observation that would never be written out', () => {
    const fast = new LatencyHistogram(config(new Registry()));
    expect(() => fast.observe(0.1)).toThrow(/record/);
  });
});

describe('LatencyHistogram without labels', () => {
  it('is written out at zero before its first observation, as prom-client writes one', async () => {
    const stock = new Registry();
    const ours = new Registry();
    const plain = { name: 'tsumiki_plain_seconds', help: 'No labels.', labelNames: [] as const, buckets: BUCKETS };
    new Histogram({ ...plain, registers: [stock] });
    new LatencyHistogram({ ...plain, registers: [ours] }).open('', () => ({}));
    expect(await ours.metrics()).toBe(await stock.metrics());
  });
});
