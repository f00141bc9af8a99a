/**
 * One row of the bench table (measure, its reference, the ratio, its goal, peak memory). A minimal stand-in:
 * the shared table printer replaces this file at merge with the same signature.
 */
export function record(row: { measure: string; reference: string; ratio: number; goal: number; peakMiB?: number }): void {
  const verdict = row.ratio <= row.goal ? 'met' : 'NOT MET';
  const peak = row.peakMiB === undefined ? '' : `, peak ${row.peakMiB.toFixed(0)} MiB`;
  console.log(`[bench] ${row.measure} vs ${row.reference}: ${row.ratio.toFixed(2)}x (goal <= ${row.goal}x, ${verdict}${peak})`);
}
