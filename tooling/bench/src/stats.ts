/** Percentiles by the nearest-rank method over sorted samples (milliseconds). */
export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    min: round(sorted[0] ?? NaN),
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
  };
}

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}
