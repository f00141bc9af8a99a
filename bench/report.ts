/**
 * One line of the benchmark table: what was measured, against which reference, the ratio and its goal, and the
 * peak memory seen while it ran. (Minimal form: prints the row as it is recorded.)
 */
export interface ReportRow {
  measure: string;
  reference: string;
  ratio: number;
  goal: number;
  peakMiB?: number;
}

const rows: ReportRow[] = [];

export function record(row: { measure: string; reference: string; ratio: number; goal: number; peakMiB?: number }): void {
  rows.push(row);
  const verdict = row.ratio <= row.goal ? 'within goal' : 'OVER GOAL';
  const peak = row.peakMiB === undefined ? '' : `, peak ${row.peakMiB.toFixed(0)} MiB`;
  console.log(`[bench] ${row.measure} vs ${row.reference}: ${row.ratio.toFixed(2)}x (goal <= ${row.goal}x, ${verdict})${peak}`);
}

export function recordedRows(): readonly ReportRow[] {
  return rows;
}
