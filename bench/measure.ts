import { performance } from 'node:perf_hooks';
import { record } from './report';

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

/**
 * Sub-millisecond calls timed in batches (each sample at least `sampleMs`), alternating the two sides for `rounds`
 * rounds and keeping each side's best per-call time, so timer resolution and drift do not decide the ratio.
 */
export async function alternatingMs(
  measured: () => unknown,
  reference: () => unknown,
  options: { sampleMs?: number; rounds?: number; runs?: number } = {},
): Promise<{ measuredMs: number; referenceMs: number }> {
  const { sampleMs = 5, rounds = 7, runs = 7 } = options;
  const once = await medianMs(reference, { runs: 5, warmup: 2 });
  const batch = Math.max(1, Math.ceil(sampleMs / Math.max(once, 0.001)));
  const perCall = async (fn: () => unknown) =>
    (await medianMs(async () => {
      for (let i = 0; i < batch; i++) await fn();
    }, { runs, warmup: 1 })) / batch;
  let measuredMs = Infinity;
  let referenceMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    measuredMs = Math.min(measuredMs, await perCall(measured));
    referenceMs = Math.min(referenceMs, await perCall(reference));
  }
  return { measuredMs, referenceMs };
}

export interface RatioLine {
  name: string;
  measuredMs: number;
  referenceName: string;
  referenceMs: number;
  /** The ratio we aim to stay under; none for a line printed only to inform. */
  goal?: number;
  /** Peak memory while the measure ran (MiB), printed beside its time. */
  peakMiB?: number;
}

const lines: RatioLine[] = [];

/** Prints one "measured vs reference" line; one with a goal is also a row of the table printed at the end (bench/report.ts). */
export function reportRatio(line: RatioLine): number {
  lines.push(line);
  const ratio = line.measuredMs / line.referenceMs;
  if (line.goal !== undefined) {
    record({ measure: `${line.name}: ${fmtMs(line.measuredMs)}`, reference: `${line.referenceName}: ${fmtMs(line.referenceMs)}`, ratio, goal: line.goal, peakMiB: line.peakMiB });
  } else {
    const peak = line.peakMiB === undefined ? '' : `, peak ${line.peakMiB.toFixed(0)} MiB`;
    console.log(`[bench] ${line.name}: ${fmtMs(line.measuredMs)} vs ${line.referenceName} ${fmtMs(line.referenceMs)} = ${ratio.toFixed(2)}x (no goal, for information${peak})`);
  }
  return ratio;
}

export const fmtMs = (ms: number): string => (ms < 10 ? `${ms.toFixed(2)} ms` : ms < 10_000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function reportedLines(): readonly RatioLine[] {
  return lines;
}
