import { trendStatus, type Trend } from './trend';
import { asUnit, numericValue, type UnitKind } from './values';

/**
 * A benchmark's progress as plain data, for its chart, the table beside it, the dashboard and the brief: baseline ->
 * each measured value -> target over time, with the periodic targets. Built from records as the API returns them
 * (plain objects), so the renderer and the main process draw the same numbers.
 */

export type ProgressKind = 'baseline' | 'periodicTarget' | 'measured' | 'target';

export interface ProgressPoint {
  date: string;
  kind: ProgressKind;
  /** The stored typed value ("72.5", "yes", text), or '' when the words did not read as the unit. */
  value: string;
  /** The value as a number on the chart; null for yes/no, text, or an empty value. */
  number: number | null;
  /** Words kept from before values were typed (migration 0011), when they did not read as the unit. */
  originalText?: string;
  /** Measured points: the joint rating, the check-in point, the measurement record. */
  rating?: string;
  checkInId?: string;
  measurementId?: string;
  comment?: string;
}

export interface BenchmarkProgress {
  benchmarkId: string;
  unit: UnitKind;
  /** Every point, oldest first (baseline, then by date; a target on the same day as a measurement after it). */
  points: ProgressPoint[];
  /** The plan line: baseline, periodic targets, target (the points with a number and a date). */
  plan: ProgressPoint[];
  /** The measured values, oldest first. */
  measured: ProgressPoint[];
  trend: Trend;
  /** The latest measured value (any unit), for "latest against target". */
  latest: ProgressPoint | null;
}

type Row = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const ORDER: Record<ProgressKind, number> = { baseline: 0, periodicTarget: 1, measured: 2, target: 3 };

/** benchmark: a benchmarks record; targets: its benchmarkTargets records; measurements: its measurements records (any order). */
export function benchmarkProgress(benchmark: Row, targets: readonly Row[], measurements: readonly Row[]): BenchmarkProgress {
  const unit = asUnit(benchmark.unit);
  const point = (kind: ProgressKind, date: unknown, value: unknown, extra: Partial<ProgressPoint> = {}): ProgressPoint => {
    const stored = text(value);
    const original = text(extra.originalText);
    return { date: text(date), kind, value: stored, number: numericValue(unit, stored), ...extra, ...(original ? { originalText: original } : { originalText: undefined }) };
  };
  const clean = (p: ProgressPoint): ProgressPoint => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as unknown as ProgressPoint;
  const baseline = clean(point('baseline', benchmark.baselineDate, benchmark.baselineValue, { originalText: text(benchmark.baselineOriginal) }));
  const target = clean(point('target', benchmark.targetDate, benchmark.targetValue, { originalText: text(benchmark.targetOriginal) }));
  const periodic = targets.map((row) => clean(point('periodicTarget', row.date, row.value, { originalText: text(row.originalText) })));
  const byDate = (a: ProgressPoint, b: ProgressPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ORDER[a.kind] - ORDER[b.kind]);
  const measured = measurements
    .map((row) => clean(point('measured', row.measuredOn, row.value, { originalText: text(row.originalText), rating: text(row.rating) || 'not_rated', checkInId: text(row.checkInId), measurementId: text(row.id), comment: text(row.comment) || undefined })))
    .filter((p) => p.date !== '')
    .sort(byDate);
  const dated = [baseline, ...periodic, target].filter((p) => p.date !== '');
  const points = [...dated, ...measured].sort(byDate);
  const plan = [baseline, ...[...periodic].sort(byDate), target].filter((p) => p.date !== '' && p.number !== null);
  const trend = trendStatus({
    unit,
    baseline: { date: baseline.date, value: baseline.value },
    target: { date: target.date, value: target.value },
    periodicTargets: periodic.map((p) => ({ date: p.date, value: p.value })),
    measured: measured.map((p) => ({ date: p.date, value: p.value })),
  });
  return { benchmarkId: text(benchmark.id), unit, points, plan, measured, trend, latest: measured.at(-1) ?? null };
}
