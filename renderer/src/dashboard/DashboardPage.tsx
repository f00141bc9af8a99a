import { useTranslation } from '../i18n';
import { useCall } from '../planning/data';
import { CallPending } from '../planning/CallPending';
import { recordTitle } from '../planning/labels';
import { overviewPath, recordPath } from '../planning/paths';
import { recordType } from '../../../shared/records/registry';
import { BriefPanel } from './BriefPanel';
import { ActionItemsChart, RatingsChart, ResourceCharts, TimelineChart } from './charts';
import { todayFrom } from './today';
import './dashboard.css';

export const dashboardPath = (partnerId?: string): string => (partnerId ? `/dashboard/${partnerId}` : '/dashboard');

/** One partner in pictures: ratings over time, check-in points against deadlines, resource lines, open actions; each chart beside its table. */
export function DashboardPage({ partnerId, query }: { partnerId: string; query?: string }) {
  const { t, language } = useTranslation();
  const today = todayFrom(query);
  const [state, reload] = useCall('dashboard.partner', { partnerId, today }, [partnerId, today]);
  if (state.status !== 'ok') return <CallPending state={state} />;
  const dashboard = state.value;
  return (
    <article className="dashboard" aria-labelledby="dashboard-heading" data-testid="partner-dashboard">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t('dashboard.eyebrow')}</p>
          <h1 id="dashboard-heading">{recordTitle(recordType('partners'), dashboard.partner, language)}</h1>
        </div>
        <div className="row-actions no-print">
          <a className="button" href={`#${overviewPath(partnerId)}`}>
            {t('dashboard.overview')}
          </a>
          <a className="button" href={`#${recordPath('partners', partnerId)}`}>
            {t('records.ui.details')}
          </a>
          <button type="button" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </header>
      <TimelineChart dashboard={dashboard} />
      <RatingsChart dashboard={dashboard} />
      <ResourceCharts dashboard={dashboard} />
      <ActionItemsChart dashboard={dashboard} />
      <BriefPanel dashboard={dashboard} onDelivered={reload} />
    </article>
  );
}
