import type { RecordRow } from '../../../shared/api/records';

/** One benchmark's row of the joint assessment: the measured value (as typed), the date measured, its rating and a comment. */
export interface MeasuredEntry {
  benchmarkId: string;
  /** The stored measurement it edits, if any. */
  id?: string;
  value: string;
  measuredOn: string;
  rating: string;
  comment: string;
}

export type MeasurementWrite = { method: 'records.create'; values: Record<string, unknown> } | { method: 'records.update'; id: string; values: Record<string, unknown> };

/** The rows the assessment starts from: one per benchmark assessed, from the stored measurements of this check-in point. */
export function entriesFor(benchmarkIds: readonly string[], stored: readonly RecordRow[], defaults: { measuredOn: string; rating: string }): MeasuredEntry[] {
  return benchmarkIds.map((benchmarkId) => {
    const row = stored.find((measurement) => measurement.benchmarkId === benchmarkId);
    return row
      ? { benchmarkId, id: row.id, value: String(row.value ?? ''), measuredOn: String(row.measuredOn ?? ''), rating: String(row.rating ?? 'not_rated'), comment: String(row.comment ?? '') }
      : { benchmarkId, value: '', measuredOn: defaults.measuredOn, rating: defaults.rating, comment: '' };
  });
}

/**
 * What saving the assessment writes: a measurement per benchmark the check-in point still assesses whose row was
 * filled in (a new one) or changed (a stored one). Rows for benchmarks taken off the list, and new rows left
 * empty, are not written.
 */
export function measurementWrites(checkInId: string, benchmarkIds: readonly string[], entries: readonly MeasuredEntry[], stored: readonly RecordRow[]): MeasurementWrite[] {
  const writes: MeasurementWrite[] = [];
  for (const entry of entries) {
    if (!benchmarkIds.includes(entry.benchmarkId)) continue;
    const values = { benchmarkId: entry.benchmarkId, checkInId, value: entry.value.trim(), measuredOn: entry.measuredOn, rating: entry.rating, comment: entry.comment.trim() };
    const before = entry.id ? stored.find((row) => row.id === entry.id) : undefined;
    if (before) {
      const changed = (['value', 'measuredOn', 'rating', 'comment'] as const).some((name) => String(before[name] ?? '') !== values[name]);
      if (changed) writes.push({ method: 'records.update', id: before.id, values: { ...values, originalText: String(before.originalText ?? '') } });
    } else if (values.value !== '' || values.comment !== '') {
      writes.push({ method: 'records.create', values });
    }
  }
  return writes;
}
