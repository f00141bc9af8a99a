import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { BenchmarkProgress, ProgressPoint } from '../../../shared/results/series';
import { useTranslation } from '../i18n';
import { ProgressTable, useValueText } from './ProgressTable';
import './results.css';

/**
 * A benchmark's progress over time: the plan (baseline -> periodic targets -> target, dashed), the measured values
 * (solid, a dot each) and the periodic targets (diamonds), on a time axis. Props are plain data from
 * shared/results/series.ts (benchmarkProgress), so the dashboard and the brief draw the same thing. SVG drawn by
 * React (recharts): no style sheet is injected, so it runs under the window's CSP and prints. In Arabic time runs
 * right to left: the axis is reversed, the value axis stands on the right, the legend reads right to left.
 * The table beside it holds the same points for screen readers and print.
 */

export interface BenchmarkProgressChartProps {
  progress: BenchmarkProgress;
  /** The benchmark's name, for the chart's label and the table's caption. */
  name: string;
  height?: number;
  /** Show the table of the same points beside the chart (default true). */
  table?: boolean;
  /** Draw a dot per measured value up to this many points (default 60); more draw a plain line. */
  dotsUpTo?: number;
}

const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface ChartRow {
  t: number;
  value: number;
}

const rows = (points: readonly ProgressPoint[]): ChartRow[] => points.filter((point) => point.number !== null && point.date).map((point) => ({ t: dayOf(point.date), value: point.number! }));

export function BenchmarkProgressChart({ progress, name, height = 280, table = true, dotsUpTo = 60 }: BenchmarkProgressChartProps) {
  const { t, language, date, number } = useTranslation();
  const valueText = useValueText(progress.unit);
  const rtl = language === 'ar';
  const plan = rows(progress.plan);
  const measured = rows(progress.measured);
  const periodic = rows(progress.plan.filter((point) => point.kind === 'periodicTarget'));
  const drawable = progress.unit === 'number' || progress.unit === 'percent';
  const all = [...plan, ...measured];
  // Evenly spaced date ticks over the whole span (the data's own dates would crowd where values were measured).
  const first = Math.min(...all.map((row) => row.t));
  const last = Math.max(...all.map((row) => row.t));
  const ticks = last > first ? Array.from({ length: 6 }, (_, index) => Math.round(first + ((last - first) * index) / 5)) : [first];
  const chart =
    drawable && all.length > 0 ? (
      <figure className="progress-chart" data-testid="progress-chart" data-points={measured.length} aria-label={t('results.chart.title', { name })} dir={rtl ? 'rtl' : 'ltr'}>
        <ResponsiveContainer width="100%" height={height}>
          <ComposedChart margin={{ top: 12, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid stroke="#d9dee5" strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="t"
              scale="time"
              domain={[first, last]}
              ticks={ticks}
              reversed={rtl}
              tickFormatter={(value: number) => date(isoOf(value))}
              tick={{ fontSize: 12 }}
            />
            <YAxis type="number" dataKey="value" orientation={rtl ? 'right' : 'left'} tickFormatter={(value: number) => (progress.unit === 'percent' ? t('results.percent', { value: number(value) }) : number(value))} tick={{ fontSize: 12 }} width={64} />
            <Tooltip labelFormatter={(value) => date(isoOf(Number(value)))} formatter={(value) => valueText(String(value))} />
            <Legend wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr' }} />
            <Line data={plan} dataKey="value" name={t('results.chart.plan')} stroke="#5b6b7f" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
            {periodic.length > 0 && <Scatter data={periodic} dataKey="value" name={t('results.chart.periodic')} fill="#b26b00" shape="diamond" isAnimationActive={false} />}
            <Line data={measured} dataKey="value" name={t('results.chart.measured')} stroke="#1f5fa8" strokeWidth={2} dot={measured.length <= dotsUpTo ? { r: 4 } : false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
    ) : (
      <p className="field__hint" data-testid="progress-no-chart">
        {drawable ? t('results.chart.empty') : t('results.chart.notNumeric')}
      </p>
    );
  return (
    <div className="progress">
      {chart}
      {table && <ProgressTable progress={progress} name={name} />}
    </div>
  );
}
