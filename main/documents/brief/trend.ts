import type { BriefBenchmark } from '../../../db/repositories/brief';

export type Trend = 'ahead' | 'on' | 'behind' | 'unknown';

const number = (text: string): number | null => {
  const cleaned = text.replace(/[%,\s]/g, '');
  return cleaned !== '' && Number.isFinite(Number(cleaned)) ? Number(cleaned) : null;
};
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Where the latest measured value stands against the straight line from the
 * baseline to the next target (a periodic target, else the final one): ahead,
 * on (within 5% of the distance to travel) or behind. Numbers and percents
 * only. A stand-in until the typed-results branch's trend status lands: the
 * brief should then call that one.
 */
export function trendOf(benchmark: BriefBenchmark): Trend {
  const latest = benchmark.latest;
  if (!latest || (benchmark.unit !== 'number' && benchmark.unit !== 'percent')) return 'unknown';
  const value = number(latest.value);
  const baseline = number(benchmark.baselineValue);
  if (value === null || baseline === null || !benchmark.baselineDate) return 'unknown';
  const targets = [...benchmark.periodicTargets, { date: benchmark.targetDate, value: benchmark.targetValue }].filter((t) => t.date && number(t.value) !== null).sort((a, b) => a.date.localeCompare(b.date));
  const next = targets.find((t) => t.date >= latest.date) ?? targets.at(-1);
  if (!next) return 'unknown';
  const previous = [...targets].reverse().find((t) => t.date < next.date && t.date <= latest.date);
  const from = previous ? { date: previous.date, value: number(previous.value)! } : { date: benchmark.baselineDate, value: baseline };
  const to = { date: next.date, value: number(next.value)! };
  const span = day(to.date) - day(from.date);
  const share = span > 0 ? Math.min(1, Math.max(0, (day(latest.date) - day(from.date)) / span)) : 1;
  const expected = from.value + (to.value - from.value) * share;
  const tolerance = Math.abs(to.value - baseline) * 0.05;
  const rising = to.value >= baseline;
  const ahead = rising ? value - expected : expected - value;
  return ahead > tolerance ? 'ahead' : ahead < -tolerance ? 'behind' : 'on';
}
