import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { actionSeries, isoOfDay, monthTicks, RATING_SERIES, ratingSeries, resourceSeries, SERIES_COLOURS, timelineSeries, type PointKind } from '../../../shared/dashboard/series';
import type { PartnerDashboard } from '../../../shared/api/dashboard';
import { nameIn } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/message';
import { useTranslation } from '../i18n';

/**
 * The dashboard's charts (recharts: SVG drawn by React, no injected <style>,
 * so they run under the app's CSP and print as vectors). Each sits beside a
 * table of the same series for screen readers and exact numbers. In Arabic the
 * time and category axes run right to left (reversed, value axis on the right)
 * and the legend flows right to left with the page.
 */

const WIDTH = 620;
const NO_ANIMATION = { isAnimationActive: false } as const;

/** `stacked`: the table goes under the picture, at full width, when it is the part people read (the post's readiness list). */
export function ChartFigure({ title, testId, points, chart, table, stacked = false }: { title: string; testId: string; points: number; chart: ReactNode; table: ReactNode; stacked?: boolean }) {
  const { t } = useTranslation();
  return (
    <figure className="chart" data-testid={testId} data-points={points}>
      <figcaption className="chart__title">{title}</figcaption>
      <div className={stacked ? 'chart__body chart__body--stacked' : 'chart__body'}>
        <div className="chart__picture" role="img" aria-label={t('dashboard.chartOf', { name: title })}>
          {chart}
        </div>
        <div className="chart__table">{table}</div>
      </div>
    </figure>
  );
}

/**
 * A label drawn in the chart's SVG, which keeps left-to-right anchors (dashboard.css): in Arabic it is
 * isolated right to left (U+2067 ... U+2069), so "1 يوليو 2026" reads in Arabic order, not reversed.
 */
export function axisText(rtl: boolean): (value: unknown) => string {
  return (value) => (rtl ? `\u2067${String(value)}\u2069` : String(value));
}

function useAxes() {
  const { language, number, date } = useTranslation();
  const rtl = language === 'ar';
  return { rtl, number, date, text: axisText(rtl), legend: { wrapperStyle: { direction: rtl ? 'rtl' : 'ltr' } as const } };
}

export function RatingsChart({ dashboard }: { dashboard: PartnerDashboard }) {
  const { t, language } = useTranslation();
  const { rtl, number, text, legend } = useAxes();
  const data = ratingSeries(dashboard);
  const label = (rating: string) => t(`records.option.checkIns.rating.${rating}` as MessageKey);
  const month = (period: string) => new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
  return (
    <ChartFigure
      title={t('dashboard.ratings.heading')}
      testId="chart-ratings"
      points={data.length}
      chart={
        data.length === 0 ? (
          <p className="field__hint">{t('dashboard.empty')}</p>
        ) : (
          <BarChart width={WIDTH} height={260} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" reversed={rtl} tickFormatter={(period: string) => text(month(period))} />
            <YAxis orientation={rtl ? 'right' : 'left'} allowDecimals={false} tickFormatter={number} />
            <Tooltip labelFormatter={(value) => month(String(value))} formatter={(value, name) => [number(Number(value)), label(String(name))]} />
            <Legend formatter={(value) => label(String(value))} {...legend} />
            {RATING_SERIES.map((rating) => (
              <Bar key={rating} dataKey={rating} stackId="ratings" fill={SERIES_COLOURS[rating]} {...NO_ANIMATION} />
            ))}
          </BarChart>
        )
      }
      table={
        <table className="records records--compact">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.ratings.period')}</th>
              {RATING_SERIES.map((rating) => (
                <th key={rating} scope="col">
                  {label(rating)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.period} data-testid="ratings-row">
                <th scope="row">{month(row.period)}</th>
                {RATING_SERIES.map((rating) => (
                  <td key={rating}>{number(row[rating])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

const KINDS: readonly PointKind[] = ['assessed', 'inTime', 'late', 'overdue', 'missed'];

export function TimelineChart({ dashboard }: { dashboard: PartnerDashboard }) {
  const { t, language } = useTranslation();
  const { rtl, date, number, text, legend } = useAxes();
  const { lanes, points, deadlines, today, domain } = timelineSeries(dashboard, language);
  const kindLabel = (kind: PointKind) => t(`dashboard.timeline.kind.${kind}` as MessageKey);
  const deadlineTitle = new Map(deadlines.map((d) => [d.id, d.title]));
  // Deadlines a few weeks apart would overlap as titles: each line carries its number in the table beside it.
  const marker = new Map(dashboard.deadlines.map((d, index) => [d.id, number(index + 1)]));
  const short = (text: string) => (text.length > 22 ? `${text.slice(0, 21)}…` : text);
  const height = Math.max(180, 60 + lanes.length * 34);
  return (
    <ChartFigure
      stacked
      title={t('dashboard.timeline.heading')}
      testId="chart-timeline"
      points={points.length}
      chart={
        points.length === 0 && deadlines.length === 0 ? (
          <p className="field__hint">{t('dashboard.empty')}</p>
        ) : (
          <ScatterChart width={WIDTH} height={height} margin={{ top: 24, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="x" domain={domain} ticks={monthTicks(domain, 7)} reversed={rtl} tickFormatter={(day: number) => text(date(isoOfDay(day)))} />
            <YAxis
              type="number"
              dataKey="lane"
              orientation={rtl ? 'right' : 'left'}
              domain={[-0.5, Math.max(0, lanes.length - 0.5)]}
              ticks={lanes.map((_, index) => index)}
              tickFormatter={(lane: number) => text(short(lanes[lane] ?? ''))}
              width={150}
              reversed
            />
            <Tooltip
              cursor={false}
              content={({ payload }) => {
                const point = payload?.[0]?.payload as (typeof points)[number] | undefined;
                if (!point) return null;
                return (
                  <div className="chart__tooltip">
                    <strong>{point.title}</strong>
                    <br />
                    {date(point.dueDate)} · {kindLabel(point.kind)}
                  </div>
                );
              }}
            />
            <Legend formatter={(value) => String(value)} {...legend} />
            {deadlines.map((d) => (
              <ReferenceLine key={d.id} x={d.x} stroke={SERIES_COLOURS.deadline} strokeWidth={2} label={{ value: marker.get(d.id) ?? '', position: 'top', fill: SERIES_COLOURS.deadline, fontSize: 12, fontWeight: 700 }} />
            ))}
            <ReferenceLine x={today} stroke="#5b6675" strokeDasharray="4 3" label={{ value: text(t('dashboard.timeline.today')), position: 'insideBottom', fill: '#5b6675', fontSize: 11 }} />
            {KINDS.map((kind) => {
              const data = points.filter((point) => point.kind === kind);
              return data.length ? <Scatter key={kind} name={kindLabel(kind)} data={data} fill={SERIES_COLOURS[kind]} {...NO_ANIMATION} /> : null;
            })}
          </ScatterChart>
        )
      }
      table={
        <>
          <table className="records records--compact" data-testid="timeline-deadlines">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.timeline.deadline')}</th>
                <th scope="col">{t('dashboard.timeline.lateCount')}</th>
                <th scope="col">{t('dashboard.brief.column')}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.deadlines.map((d) => (
                <tr key={d.id} className={d.lateCount ? 'readiness--late' : undefined}>
                  <th scope="row">
                    <span className="chart__marker" aria-hidden="true">
                      {marker.get(d.id)}
                    </span>{' '}
                    {nameIn(language, d.title, d.titleAr)} <span className="field__hint">{date(d.date)}</span>
                  </th>
                  <td>{number(d.lateCount)}</td>
                  <td data-testid="brief-state">{d.briefs.length ? t('dashboard.brief.delivered', { name: d.briefs[0]!.recipientName, at: d.briefs[0]!.deliveredOn }) : t('dashboard.brief.notDelivered')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="records records--compact" data-testid="timeline-points">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.timeline.point')}</th>
                <th scope="col">{t('dashboard.timeline.due')}</th>
                <th scope="col">{t('dashboard.timeline.state')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.id} data-testid="timeline-row" data-kind={point.kind}>
                  <th scope="row">
                    {point.title} <span className="field__hint">{point.projectTitle}</span>
                  </th>
                  <td>{date(point.dueDate)}</td>
                  <td>
                    {kindLabel(point.kind)}
                    {point.lateForDeadlineId && point.kind === 'late' ? ` (${t('dashboard.timeline.lateFor')} ${deadlineTitle.get(point.lateForDeadlineId) ?? ''})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      }
    />
  );
}

export function ResourceCharts({ dashboard }: { dashboard: PartnerDashboard }) {
  const { t, money } = useTranslation();
  const { rtl, number, text, legend } = useAxes();
  const series = resourceSeries(dashboard);
  if (series.length === 0)
    return (
      <figure className="chart" data-testid="chart-resources" data-points={0}>
        <figcaption className="chart__title">{t('dashboard.resources.heading')}</figcaption>
        <p className="field__hint">{t('dashboard.empty')}</p>
      </figure>
    );
  return (
    <>
      {series.map(({ currency, bars }) => (
        <ChartFigure
          key={currency}
          title={`${t('dashboard.resources.heading')} — ${t('dashboard.resources.inCurrency', { currency })}`}
          testId={`chart-resources-${currency}`}
          points={bars.length}
          chart={
            <BarChart width={WIDTH} height={240} data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="key" reversed={rtl} tickFormatter={text} />
              <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={(value: number) => number(value)} width={80} />
              <Tooltip formatter={(value, name) => [number(Number(value)), t(name === 'requested' ? 'dashboard.resources.requested' : 'dashboard.resources.approved')]} />
              <Legend formatter={(value) => t(value === 'requested' ? 'dashboard.resources.requested' : 'dashboard.resources.approved')} {...legend} />
              <Bar dataKey="requested" fill={SERIES_COLOURS.requested} {...NO_ANIMATION} />
              <Bar dataKey="approved" fill={SERIES_COLOURS.approved} {...NO_ANIMATION} />
            </BarChart>
          }
          table={
            <table className="records records--compact">
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.resources.line')}</th>
                  <th scope="col">{t('dashboard.resources.requested')}</th>
                  <th scope="col">{t('dashboard.resources.approved')}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.key} data-testid="resources-row">
                    <th scope="row">{bar.key}</th>
                    <td className="amount">{money(bar.requestedMinor, currency)}</td>
                    <td className="amount">{money(bar.approvedMinor, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      ))}
    </>
  );
}

export function ActionItemsChart({ dashboard }: { dashboard: PartnerDashboard }) {
  const { t } = useTranslation();
  const { rtl, number, text, legend } = useAxes();
  const bars = actionSeries(dashboard, t('dashboard.actions.noOwner'));
  const name = (key: unknown) => t(key === 'overdue' ? 'dashboard.actions.overdue' : 'dashboard.actions.open');
  return (
    <ChartFigure
      title={t('dashboard.actions.heading')}
      testId="chart-actions"
      points={bars.length}
      chart={
        bars.length === 0 ? (
          <p className="field__hint">{t('dashboard.empty')}</p>
        ) : (
          <BarChart layout="vertical" width={WIDTH} height={Math.max(140, 50 + bars.length * 30)} data={bars} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} reversed={rtl} tickFormatter={number} />
            <YAxis type="category" dataKey="owner" orientation={rtl ? 'right' : 'left'} width={140} interval={0} tickFormatter={text} />
            <Tooltip formatter={(value, key) => [number(Number(value)), name(key)]} />
            <Legend formatter={name} {...legend} />
            <Bar dataKey="overdue" stackId="open" fill={SERIES_COLOURS.overdue} {...NO_ANIMATION} />
            <Bar dataKey="open" stackId="open" fill={SERIES_COLOURS.open} {...NO_ANIMATION} />
          </BarChart>
        )
      }
      table={
        <table className="records records--compact">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.actions.owner')}</th>
              <th scope="col">{t('dashboard.actions.total')}</th>
              <th scope="col">{t('dashboard.actions.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.ownerId ?? ''} data-testid="actions-row">
                <th scope="row">{bar.owner}</th>
                <td>{number(bar.open + bar.overdue)}</td>
                <td>{number(bar.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
