import { performance } from 'node:perf_hooks';

/**
 * Benchmarks print ratios against a reference measured in the same run, on
 * the same machine, so the numbers mean the same on an old laptop and in CI.
 * They report; they never fail a build on timing.
 */

/** Median wall time of `runs` calls after `warmup` unmeasured ones, in ms. */
export async function medianMs(fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<number> {
  const { runs = 5, warmup = 1 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface RatioLine {
  name: string;
  measuredMs: number;
  referenceName: string;
  referenceMs: number;
  /** The ratio we aim to stay under; none for a line printed only to inform. */
  goal?: number;
}

const lines: RatioLine[] = [];

/** Records and prints one "measured vs reference" line. */
export function reportRatio(line: RatioLine): number {
  lines.push(line);
  const ratio = line.measuredMs / line.referenceMs;
  const verdict = line.goal === undefined ? 'no goal, for information' : `goal <= ${line.goal}x, ${ratio <= line.goal ? 'within goal' : 'OVER GOAL'}`;
  console.log(
    `[bench] ${line.name}: ${line.measuredMs.toFixed(line.measuredMs < 10 ? 3 : 1)} ms vs ${line.referenceName} ${line.referenceMs.toFixed(line.referenceMs < 10 ? 3 : 1)} ms = ${ratio.toFixed(2)}x (${verdict})`,
  );
  return ratio;
}

export function reportedLines(): readonly RatioLine[] {
  return lines;
}
