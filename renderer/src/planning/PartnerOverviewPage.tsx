import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { recordType } from '../../../shared/records/registry';
import { useTranslation } from '../i18n';
import { useCall } from './data';
import { findField, optionLabel, recordTitle } from './labels';
import { assessPath, recordPath } from './paths';
import { CallPending } from './CallPending';
import { BriefMark, useBriefsByDeadline } from '../dashboard/briefMarks';
import { dashboardPath } from '../dashboard/DashboardPage';
import { todayFrom } from '../dashboard/today';
import { CalendarButton } from '../reminders/CalendarButton';

type Overview = MethodOutput<'overview.partner'>;
type Row = Overview['upcomingCheckIns'][number];

const RATINGS = ['on_track', 'at_risk', 'off_track', 'not_rated'] as const;

/** For one partner: check-in points coming and overdue, benchmark status, open actions, and resourcing readiness. */
export function PartnerOverviewPage({ partnerId, query }: { partnerId: string; query?: string }) {
  const { t, language, date } = useTranslation();
  // The window's own calendar date: "overdue" and "upcoming" are the officer's, not the server's or UTC's (or
  // ?today= in the route, as the first screen and the dashboards take it, for a demonstration).
  const today = todayFrom(query);
  const [state] = useCall('overview.partner', { partnerId, today }, [partnerId, today]);
  const briefs = useBriefsByDeadline();
  if (state.status !== 'ok') return <CallPending state={state} />;
  const overview = state.value;
  const ratingField = findField(recordType('checkIns'), 'rating')!;
  return (
    <article aria-labelledby="overview-heading" data-testid="partner-overview">
      <header className="page-header">
        <div>
          <p className="eyebrow">{t('records.ui.partnerOverview')}</p>
          <h1 id="overview-heading">{recordTitle(recordType('partners'), overview.partner, language)}</h1>
        </div>
        <div className="row-actions">
          <a className="button" href={`#${dashboardPath(overview.partner.id)}`}>
            {t('dashboard.open')}
          </a>
          <CalendarButton partnerId={overview.partner.id} today={today} />
          <a className="button" href={`#${recordPath('partners', overview.partner.id)}`}>
            {t('records.ui.details')}
          </a>
        </div>
      </header>
      <div className="overview-grid">
        <section className="panel" aria-labelledby="status-heading" data-testid="benchmark-status">
          <h2 id="status-heading">{t('records.ui.benchmarkStatus')}</h2>
          <ul className="tiles">
            {RATINGS.map((rating) => (
              <li key={rating} className={`tile tile--${rating}`} data-testid={`rating-${rating}`}>
                <span className="tile__count">{overview.benchmarkStatus[rating]}</span>
                <span className="tile__label">{optionLabel(ratingField, rating, language)}</span>
              </li>
            ))}
          </ul>
        </section>
        <CheckInList heading={t('records.ui.overdueCheckIns')} rows={overview.overdueCheckIns} testId="overdue-checkins" tone="danger" />
        <CheckInList heading={t('records.ui.upcomingCheckIns')} rows={overview.upcomingCheckIns} testId="upcoming-checkins" />
        <section className="panel" aria-labelledby="actions-heading" data-testid="open-actions">
          <h2 id="actions-heading">
            {t('records.ui.openActionItems')} ({overview.openActionItems.length})
          </h2>
          <RowList rows={overview.openActionItems} type="actionItems" extra={(row) => date(String(row.dueDate ?? ''))} />
        </section>
        <section className="panel overview-wide" aria-labelledby="readiness-heading" data-testid="readiness">
          <h2 id="readiness-heading">{t('records.ui.resourcingReadiness')}</h2>
          {overview.readiness.length === 0 ? (
            <p className="field__hint">{t('records.ui.noDeadlines')}</p>
          ) : (
            <ul className="plain-list">
              {overview.readiness.map(({ deadline, lateCheckIns }) => (
                <li key={deadline.id} className={lateCheckIns.length ? 'readiness readiness--late' : 'readiness'}>
                  <a href={`#${recordPath('budgetDeadlines', deadline.id)}`}>{recordTitle(recordType('budgetDeadlines'), deadline, language)}</a> ({date(String(deadline.date))}) <BriefMark briefs={briefs.get(deadline.id)} />:{' '}
                  {lateCheckIns.length === 0 ? (
                    t('records.ui.allInTime')
                  ) : (
                    <>
                      {t('records.ui.lateFor', { n: lateCheckIns.length })}
                      <CappedList
                        items={lateCheckIns}
                        render={(row) => (
                          <li key={row.id}>
                            <a href={`#${recordPath('checkIns', row.id)}`}>{recordTitle(recordType('checkIns'), row, language)}</a> <span className="field__hint">{date(String(row.dueDate ?? ''))}</span>
                          </li>
                        )}
                      />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        {overview.meetingsWithoutResourceManager.length > 0 && (
          <section className="panel overview-wide" aria-labelledby="rm-heading">
            <h2 id="rm-heading">{t('records.ui.meetingsWithoutRm')}</h2>
            <RowList rows={overview.meetingsWithoutResourceManager} type="meetings" extra={(row) => date(String(row.date ?? ''))} />
          </section>
        )}
      </div>
    </article>
  );
}

function CheckInList({ heading, rows, testId, tone }: { heading: string; rows: Row[]; testId: string; tone?: 'danger' }) {
  const { t, date, language } = useTranslation();
  return (
    <section className={tone ? `panel panel--${tone}` : 'panel'} aria-label={heading} data-testid={testId}>
      <h2>
        {heading} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="field__hint">{t('records.ui.none')}</p>
      ) : (
        <CappedList
          items={rows}
          render={(row) => (
            <li key={row.id}>
              <a href={`#${recordPath('checkIns', row.id)}`}>{recordTitle(recordType('checkIns'), row, language)}</a> <span className="field__hint">{date(String(row.dueDate ?? ''))}</span>{' '}
              <a className="cite" href={`#${assessPath(row.id)}`}>
                {t('records.ui.recordAssessment')}
              </a>
            </li>
          )}
        />
      )}
    </section>
  );
}

function RowList({ rows, type, extra }: { rows: Row[]; type: string; extra(row: Row): string }) {
  const { t, language } = useTranslation();
  if (rows.length === 0) return <p className="field__hint">{t('records.ui.none')}</p>;
  return (
    <CappedList
      items={rows}
      render={(row) => (
        <li key={row.id}>
          <a href={`#${recordPath(type, row.id)}`} dir="auto">
            {recordTitle(recordType(type), row, language)}
          </a>{' '}
          <span className="field__hint">{extra(row)}</span>
        </li>
      )}
    />
  );
}

/** Long lists show their first entries; the rest open on demand (a native disclosure, keyboard-operable). */
const SHOWN = 8;

function CappedList<T>({ items, render }: { items: readonly T[]; render(item: T): ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="plain-list">{items.slice(0, SHOWN).map(render)}</ul>
      {items.length > SHOWN && (
        <details className="more">
          <summary>{t('records.ui.showAllN', { n: items.length })}</summary>
          <ul className="plain-list">{items.slice(SHOWN).map(render)}</ul>
        </details>
      )}
    </>
  );
}
