import { useState } from 'react';
import { DUE_SOON_DAYS, DUE_SOON_LIMIT, REMINDER_TYPES } from '../../../shared/api/reminders';
import { nameIn } from '../../../shared/i18n/format';
import { daysBetween } from '../../../shared/results/today';
import { dashboardPath } from '../dashboard/DashboardPage';
import { todayFrom } from '../dashboard/today';
import { useTranslation } from '../i18n';
import { CallPending } from '../planning/CallPending';
import { useCall, useTypeVersion } from '../planning/data';
import { typeLabel } from '../planning/labels';
import { listPath, overviewPath, recordPath } from '../planning/paths';
import { recordType } from '../../../shared/records/registry';
import { useRoute } from '../router';
import { CalendarButton } from './CalendarButton';
import './reminders.css';

/**
 * The first screen's reminders: check-in points, budget deadlines and action items due or overdue within the next
 * 14 days of the officer's local today (?today=yyyy-mm-dd in the address fixes it, for demonstrations), each
 * linking to its record, overdue ones marked in words as well as colour. A large post has thousands in two weeks:
 * the DUE_SOON_LIMIT most urgent (overdue first, then by date) are fetched, all of them are counted by the database,
 * and the rest are named by kind and pointed to (each partner's overview, the lists, the readiness view).
 */
/** Rows shown before "Show all": the first screen stays a glance, the partner list in reach below it. */
const SHOWN = 8;

export function DueSoonPanel() {
  const { t, language, date } = useTranslation();
  const route = useRoute();
  const today = todayFrom(route.join('/').split('?')[1]);
  const versions = [useTypeVersion('checkIns'), useTypeVersion('actionItems'), useTypeVersion('budgetDeadlines')];
  const [state] = useCall('reminders.due', { today, days: DUE_SOON_DAYS, limit: DUE_SOON_LIMIT }, [today, ...versions]);
  const [showAll, setShowAll] = useState(false);
  const items = state.status === 'ok' ? state.value.items : [];
  const counts = state.status === 'ok' ? state.value.counts : undefined;
  const total = counts?.total ?? 0;
  const overdue = counts?.overdue ?? 0;
  const shown = showAll ? items : items.slice(0, SHOWN);
  // What was not fetched, by kind: the counts of all of them less those listed.
  const notListed = Object.fromEntries(REMINDER_TYPES.map((type) => [type, (counts?.byType[type] ?? 0) - items.filter((item) => item.type === type).length])) as Record<(typeof REMINDER_TYPES)[number], number>;
  return (
    <section className="panel due-soon" aria-labelledby="due-soon-heading" data-testid="due-soon">
      <header className="due-soon__header">
        <div>
          <h2 id="due-soon-heading">
            {t('reminders.heading', { days: DUE_SOON_DAYS })}
            {total > 0 && (
              <span className="badge" data-testid="due-soon-total">
                {t('reminders.totalCount', { n: total })}
              </span>
            )}
            {overdue > 0 && (
              <span className="badge badge--overdue" data-testid="due-soon-overdue">
                {t('reminders.overdueCount', { n: overdue })}
              </span>
            )}
          </h2>
          <p className="field__hint">{t('reminders.intro')}</p>
        </div>
        <CalendarButton today={today} />
      </header>
      {state.status !== 'ok' ? (
        <CallPending state={state} />
      ) : items.length === 0 ? (
        <p className="field__hint" data-testid="due-soon-empty">
          {t('reminders.empty')}
        </p>
      ) : (
        <>
          <table className="records due-soon__table">
            <thead>
              <tr>
                <th scope="col">{t('reminders.col.date')}</th>
                <th scope="col">{t('reminders.col.when')}</th>
                <th scope="col">{t('reminders.col.item')}</th>
                <th scope="col">{t('reminders.col.kind')}</th>
                <th scope="col">{t('reminders.col.partner')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => {
                const days = daysBetween(today, item.date);
                const partner = item.partner ? nameIn(language, item.partner.name, item.partner.nameAr) : t('reminders.postWide');
                const context = nameIn(language, item.context, item.contextAr);
                return (
                  <tr key={item.id} data-testid="due-soon-row" data-type={item.type} data-date={item.date} className={item.overdue ? 'due-soon__row--overdue' : undefined}>
                    <td className="due-soon__date">{date(item.date)}</td>
                    <td>
                      {item.overdue ? (
                        <span className="badge badge--overdue">{t('reminders.overdueBy', { n: -days })}</span>
                      ) : days === 0 ? (
                        <span className="badge badge--today">{t('reminders.today')}</span>
                      ) : (
                        <span className="field__hint">{t('reminders.inDays', { n: days })}</span>
                      )}
                    </td>
                    <th scope="row">
                      <a href={`#${recordPath(item.type, item.id)}`} dir="auto">
                        {nameIn(language, item.title, item.titleAr)}
                      </a>
                      {context && (
                        <span className="field__hint due-soon__context" dir="auto">
                          {context}
                        </span>
                      )}
                    </th>
                    <td>{typeLabel(recordType(item.type), 'one', language)}</td>
                    <td>
                      {item.partner ? (
                        <a href={`#${overviewPath(item.partner.id)}`} dir="auto">
                          {partner}
                        </a>
                      ) : (
                        <span className="field__hint">{partner}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {items.length > SHOWN && (
            <button type="button" className="due-soon__more no-print" onClick={() => setShowAll(!showAll)} aria-expanded={showAll} data-testid="due-soon-more">
              {showAll ? t('reminders.showFewer', { n: SHOWN }) : total > items.length ? t('reminders.showMostUrgent', { n: items.length }) : t('records.ui.showAllN', { n: items.length })}
            </button>
          )}
          {total > items.length && (
            <div className="due-soon__rest" data-testid="due-soon-rest">
              <p>{t('reminders.more', { shown: items.length, n: total - items.length, days: DUE_SOON_DAYS, ...notListed })}</p>
              <p className="field__hint">
                {t('reminders.moreWhere')}{' '}
                {(['checkIns', 'actionItems', 'budgetDeadlines'] as const).map((type) => (
                  <a key={type} href={`#${listPath(type)}`} className="due-soon__rest-link" data-testid={`due-soon-list-${type}`}>
                    {typeLabel(recordType(type), 'many', language)}
                  </a>
                ))}
                <a href={`#${dashboardPath()}`} className="due-soon__rest-link" data-testid="due-soon-dashboard">
                  {t('dashboard.nav')}
                </a>
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
