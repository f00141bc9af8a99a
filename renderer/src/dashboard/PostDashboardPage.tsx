import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { postSeries, SERIES_COLOURS } from '../../../shared/dashboard/series';
import { nameIn } from '../../../shared/i18n/format';
import { useTranslation } from '../i18n';
import { CallPending } from '../planning/CallPending';
import { useCall } from '../planning/data';
import { recordTitle } from '../planning/labels';
import { recordType } from '../../../shared/records/registry';
import { axisText, ChartFigure } from './charts';
import { dashboardPath } from './DashboardPage';
import { todayFrom } from './today';
import { CalendarButton } from '../reminders/CalendarButton';
import './dashboard.css';

/** Across the post: which partners have assessments that will miss their next budget deadline. */
export function PostDashboardPage({ query }: { query?: string }) {
  const { t, language, date, number } = useTranslation();
  const today = todayFrom(query);
  const [state] = useCall('dashboard.post', { today }, [today]);
  if (state.status !== 'ok') return <CallPending state={state} />;
  const rtl = language === 'ar';
  // Each partner by its name in the reader's language: the chart's axis and the table.
  const rows = postSeries(state.value).map((row) => ({ ...row, title: recordTitle(recordType('partners'), row, language) }));
  const missing = rows.filter((row) => row.lateCount > 0).length;
  const name = (key: unknown) => t(key === 'lateCount' ? 'dashboard.post.late' : key === 'overdueCount' ? 'dashboard.post.overdue' : 'dashboard.post.inTime');
  return (
    <article className="dashboard" aria-labelledby="post-heading" data-testid="post-dashboard">
      <header className="page-header">
        <div>
          <h1 id="post-heading">{t('dashboard.post.title')}</h1>
          <p className="field__hint">{t('dashboard.post.intro')}</p>
        </div>
        <div className="row-actions">
          <CalendarButton today={today} />
          <button type="button" className="no-print" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </header>
      <p className={missing ? 'readiness--late' : undefined} data-testid="post-missing">
        {t('dashboard.post.missing', { n: missing })}
      </p>
      <ChartFigure
        title={t('dashboard.post.title')}
        testId="chart-post"
        points={rows.length}
        stacked
        chart={
          rows.length === 0 ? (
            <p className="field__hint">{t('dashboard.empty')}</p>
          ) : (
            <BarChart layout="vertical" width={620} height={Math.max(160, 50 + rows.length * 28)} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} reversed={rtl} tickFormatter={number} />
              <YAxis type="category" dataKey="title" orientation={rtl ? 'right' : 'left'} width={150} interval={0} tickFormatter={axisText(rtl)} />
              <Tooltip formatter={(value, key) => [number(Number(value)), name(key)]} />
              <Legend formatter={name} wrapperStyle={{ direction: rtl ? 'rtl' : 'ltr' }} />
              <Bar dataKey="lateCount" stackId="p" fill={SERIES_COLOURS.late} isAnimationActive={false} />
              <Bar dataKey="overdueCount" stackId="p" fill={SERIES_COLOURS.missed} isAnimationActive={false} />
              <Bar dataKey="inTimeCount" stackId="p" fill={SERIES_COLOURS.inTime} isAnimationActive={false} />
            </BarChart>
          )
        }
        table={
          <table className="records records--compact">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.post.partner')}</th>
                <th scope="col">{t('dashboard.post.nextDeadline')}</th>
                <th scope="col">{t('dashboard.post.late')}</th>
                <th scope="col">{t('dashboard.post.overdue')}</th>
                <th scope="col">{t('dashboard.post.brief')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="post-row" className={row.lateCount ? 'readiness--late' : undefined}>
                  <th scope="row">
                    <a href={`#${dashboardPath(row.id)}`}>{row.title}</a>
                  </th>
                  <td>{row.nextDeadline ? `${nameIn(language, row.nextDeadline.title, row.nextDeadline.titleAr)} (${date(row.nextDeadline.date)})` : t('dashboard.post.noDeadline')}</td>
                  <td>{number(row.lateCount)}</td>
                  <td>{number(row.overdueCount)}</td>
                  <td>{row.nextDeadline ? (row.nextDeadline.briefDelivered ? t('dashboard.post.briefDone') : t('dashboard.brief.notDelivered')) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </article>
  );
}
