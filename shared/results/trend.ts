import { isNumericUnit, numericValue } from './values';

/**
 * Where a benchmark stands against its plan: the straight line from the baseline to the target, through each
 * periodic target in force on the way (so between two periodic targets the line runs from one to the next). The
 * latest measured value is compared with where that line is on the day it was measured:
 *   - on:     within the tolerance of the line (TREND_TOLERANCE of the distance from baseline to target, either way);
 *   - ahead:  further along than that, in the target's direction (a target below the baseline is reached by going down);
 *   - behind: short of it.
 * Yes/no and text benchmarks have no line to be on: their status is 'none' with the reason, never a guess, and so
 * is a benchmark missing a baseline, a target, their dates, or a measured number. Pure: dates are ISO calendar dates.
 */

export type TrendStatus = 'ahead' | 'on' | 'behind' | 'none';
export type NoTrendReason = 'notNumeric' | 'noBaseline' | 'noTarget' | 'noMeasurement';

/** The band around the line that counts as on it: 5 % of the distance from baseline to target. */
export const TREND_TOLERANCE = 0.05;

export interface PlanPoint {
  date: string;
  value: string;
}

export interface TrendInput {
  unit: string;
  baseline: PlanPoint;
  target: PlanPoint;
  /** Periodic targets (any order; those without a number or date are left out). */
  periodicTargets?: readonly PlanPoint[];
  /** Measured values (any order). */
  measured: readonly PlanPoint[];
  tolerance?: number;
}

export type Trend =
  | { status: 'none'; reason: NoTrendReason }
  | {
      status: 'ahead' | 'on' | 'behind';
      /** The measurement compared: the latest with a number. */
      date: string;
      actual: number;
      /** Where the line is on that date. */
      expected: number;
      /** The half-width of the band, in the unit. */
      band: number;
      /** The point the line runs to on that date (a periodic target, or the target). */
      towards: { date: string; value: number; periodic: boolean };
    };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

interface Knot {
  day: number;
  date: string;
  value: number;
  periodic: boolean;
}

/** The plan as points on the line: baseline, the periodic targets between, target (by date; one per date). */
export function planLine(input: Pick<TrendInput, 'unit' | 'baseline' | 'target' | 'periodicTargets'>): Knot[] | NoTrendReason {
  if (!isNumericUnit(input.unit)) return 'notNumeric';
  const baseline = numericValue(input.unit, input.baseline.value);
  if (baseline === null || !ISO.test(input.baseline.date)) return 'noBaseline';
  const target = numericValue(input.unit, input.target.value);
  if (target === null || !ISO.test(input.target.date) || input.target.date <= input.baseline.date) return 'noTarget';
  const knots: Knot[] = [{ day: dayNumber(input.baseline.date), date: input.baseline.date, value: baseline, periodic: false }];
  const periodic = (input.periodicTargets ?? [])
    .map((point) => ({ date: point.date, value: numericValue(input.unit, point.value) }))
    .filter((point): point is { date: string; value: number } => point.value !== null && ISO.test(point.date) && point.date > input.baseline.date && point.date < input.target.date)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const point of periodic) {
    if (knots[knots.length - 1]!.date !== point.date) knots.push({ day: dayNumber(point.date), date: point.date, value: point.value, periodic: true });
  }
  knots.push({ day: dayNumber(input.target.date), date: input.target.date, value: target, periodic: false });
  return knots;
}

/** Where the line is on a date: the baseline before it starts, the target after it ends, straight between knots. */
export function expectedOn(knots: readonly Knot[], date: string): { value: number; towards: Knot } {
  const day = dayNumber(date);
  const first = knots[0]!;
  if (day <= first.day) return { value: first.value, towards: knots[1]! };
  for (let i = 1; i < knots.length; i++) {
    const from = knots[i - 1]!;
    const to = knots[i]!;
    if (day <= to.day) return { value: from.value + ((to.value - from.value) * (day - from.day)) / (to.day - from.day), towards: to };
  }
  const last = knots[knots.length - 1]!;
  return { value: last.value, towards: last };
}

export function trendStatus(input: TrendInput): Trend {
  const knots = planLine(input);
  if (typeof knots === 'string') return { status: 'none', reason: knots };
  const latest = input.measured
    .map((point) => ({ date: point.date, value: numericValue(input.unit, point.value) }))
    .filter((point): point is { date: string; value: number } => point.value !== null && ISO.test(point.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .at(-1);
  if (!latest) return { status: 'none', reason: 'noMeasurement' };
  const baseline = knots[0]!.value;
  const target = knots[knots.length - 1]!.value;
  const span = Math.abs(target - baseline) || Math.abs(target) || 1;
  const band = span * (input.tolerance ?? TREND_TOLERANCE);
  const { value: expected, towards } = expectedOn(knots, latest.date);
  // Which way is forward: towards the target (down when the target is below the baseline).
  const direction = target >= baseline ? 1 : -1;
  const lead = (latest.value - expected) * direction;
  const status = Math.abs(lead) <= band + 1e-9 ? 'on' : lead > 0 ? 'ahead' : 'behind';
  return { status, date: latest.date, actual: latest.value, expected, band, towards: { date: towards.date, value: towards.value, periodic: towards.periodic } };
}
