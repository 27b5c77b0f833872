/**
 * Latency figures for the benchmarks: every script times real HTTP requests and prints the same p50 / p95 / max.
 */

/** The value at percentile `p` (0–100) of an ascending list, by the nearest-rank method. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample');
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds with one decimal, right-aligned in `width` characters (0 for no padding). */
export function formatMs(ms: number, width = 0): string {
  return `${ms.toFixed(1).padStart(width)} ms`;
}

/** Sorted samples of one measured operation and their usual percentiles. */
export interface Timing {
  samples: number[];
  p50: number;
  p95: number;
  max: number;
}

/** Figures of already collected samples (any order). */
export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples: sorted, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

/** Runs `operation` `warmUp` times untimed (plans, caches, JIT), then `count` times timed one after another. */
export async function measure(count: number, operation: () => Promise<unknown>, warmUp = 0): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await operation();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await operation();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** `p50 … ms, p95 … ms`, plus whether a p95 target is met when one is given. */
export function describe(timing: Timing, targetP95?: number): string {
  const base = `p50 ${formatMs(timing.p50)}, p95 ${formatMs(timing.p95)}`;
  if (targetP95 === undefined) return base;
  return `${base} (target p95 < ${targetP95} ms: ${timing.p95 < targetP95 ? 'met' : 'NOT met'})`;
}
