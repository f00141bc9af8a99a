import type { BriefBenchmark } from '../../../db/repositories/brief';
import { trendStatus } from '../../../shared/results/trend';

export type Trend = 'ahead' | 'on' | 'behind' | 'unknown';

/**
 * Where the latest measured value stands against the planned line (baseline, periodic targets, target): the same
 * judgement the benchmark's progress chart shows (shared/results/trend.ts). 'unknown' when there is nothing to
 * judge: a unit that is not a number, no baseline or target, or nothing measured.
 */
export function trendOf(benchmark: BriefBenchmark): Trend {
  const trend = trendStatus({
    unit: benchmark.unit,
    baseline: { date: benchmark.baselineDate, value: benchmark.baselineValue },
    target: { date: benchmark.targetDate, value: benchmark.targetValue },
    periodicTargets: benchmark.periodicTargets,
    measured: benchmark.measured.map((point) => ({ date: point.date, value: point.value })),
  });
  return trend.status === 'none' ? 'unknown' : trend.status;
}
