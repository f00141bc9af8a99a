import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * The table `npm run bench` ends with. Every bench calls `record` once per measure; bench files run in separate
 * workers, so rows go to a file whose path bench/globalSetup.ts hands down (ACCORD_BENCH_REPORT), and its teardown
 * prints them all. Run outside `npm run bench` (no file), a row is only printed.
 */

export interface ReportRow {
  /** What was measured, with its size ("open the check-in list (100,000 rows)"). */
  measure: string;
  /** What it is compared with, measured in the same run ("raw statement", "1x"). */
  reference: string;
  /** measure / reference. */
  ratio: number;
  /** The ratio to stay under. */
  goal: number;
  /** Peak memory while the measure ran (resident set, MiB), of the process that did the work. */
  peakMiB?: number;
}

export const REPORT_ENV = 'ACCORD_BENCH_REPORT';

export function record(row: ReportRow): void {
  const peak = row.peakMiB === undefined ? '' : `, peak ${row.peakMiB.toFixed(0)} MiB`;
  console.log(`[bench] ${row.measure} vs ${row.reference}: ${row.ratio.toFixed(2)}x (goal <= ${row.goal}x, ${met(row) ? 'met' : 'NOT MET'}${peak})`);
  const file = process.env[REPORT_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

export const met = (row: ReportRow): boolean => Number.isFinite(row.ratio) && row.ratio <= row.goal;

/** The rows recorded in this run, in the order they came. */
export function readRows(file: string): ReportRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReportRow);
}

/** A plain-text table: measure, reference, ratio, goal, met or not, peak MiB. */
export function formatTable(rows: readonly ReportRow[]): string {
  const header = ['measure', 'reference', 'ratio', 'goal', 'met', 'peak MiB'];
  const body = rows.map((row) => [row.measure, row.reference, `${row.ratio.toFixed(2)}x`, `<= ${row.goal}x`, met(row) ? 'yes' : 'NO', row.peakMiB === undefined ? '-' : row.peakMiB.toFixed(0)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const metCount = rows.filter(met).length;
  return [line(header), rule, ...body.map(line), rule, `${metCount} of ${rows.length} goals met`].join('\n');
}

// ---------------------------------------------------------------- peak memory

const MiB = 1024 * 1024;

/** /proc/<pid>/status VmHWM (peak resident set) in MiB, where Linux has it. */
function highWaterMiB(pid: number | 'self'): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a fresh peak: Linux resets a process's VmHWM to its current resident set when told so. */
function resetHighWater(pid: number | 'self'): boolean {
  try {
    appendFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Watches one process's peak memory from now on (this process by default; a server by its pid). `peakMiB()` is the
 * peak since then: exact on Linux (VmHWM after a reset); elsewhere the process's lifetime peak for this process.
 */
export function watchPeak(pid: number | 'self' = 'self'): { peakMiB(): number | undefined } {
  const reset = resetHighWater(pid);
  return {
    peakMiB: () => {
      const high = reset ? highWaterMiB(pid) : undefined;
      if (high !== undefined) return high;
      return pid === 'self' ? process.resourceUsage().maxRSS / 1024 : undefined;
    },
  };
}

/** Runs `fn`, returning its result, its wall time and the peak memory while it ran. */
export async function withPeak<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number; peakMiB: number | undefined }> {
  const peak = watchPeak();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  return { value, ms, peakMiB: peak.peakMiB() };
}

export const residentMiB = (): number => process.memoryUsage().rss / MiB;
