import { useState } from 'react';
import { CALENDAR_HORIZON_DAYS, CALENDAR_MAX_EVENTS } from '../../../shared/api/reminders';
import { leftOutAdvice } from '../../../shared/calendar/reminders';
import type { MethodOutput } from '../../../shared/contract';
import { deliverFile } from '../dashboard/files';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';
import './reminders.css';

type Saved = MethodOutput<'reminders.calendar'>;

/**
 * Saves the reminders as an .ics file (the whole post, or one partner's) the way the brief is saved: the desktop
 * app's Save dialog, a download in a browser. Summaries come in the window's language. The file is bounded
 * (overdue and the next CALENDAR_HORIZON_DAYS, at most CALENDAR_MAX_EVENTS events), as the button's hint says;
 * when it left items out, a note under the button says how many and how to get them.
 */
export function CalendarButton({ partnerId, today }: { partnerId?: string; today: string }) {
  const { t, language } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | undefined>();
  async function save() {
    setBusy(true);
    const result = await api.call('reminders.calendar', { lang: language, today, ...(partnerId ? { partnerId } : {}) });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    setSaved(result.value);
    deliverFile(result.value);
  }
  const leftOut = saved ? saved.beyondHorizon + saved.overLimit : 0;
  return (
    <div className="calendar-save no-print">
      <button type="button" onClick={() => void save()} disabled={busy} title={t('reminders.calendarHint', { days: CALENDAR_HORIZON_DAYS, max: CALENDAR_MAX_EVENTS })} data-testid="calendar-download">
        {t('reminders.calendar')}
      </button>
      <span className="field__hint calendar-save__bound" data-testid="calendar-bound">
        {t('reminders.calendarBound', { days: CALENDAR_HORIZON_DAYS, max: CALENDAR_MAX_EVENTS })}
      </span>
      {saved && leftOut > 0 && (
        <p className="field__hint calendar-save__left-out" role="status" data-testid="calendar-left-out">
          {[
            t('reminders.calendarLeftOut', { n: saved.events, total: saved.outstanding }),
            saved.beyondHorizon > 0 && t('reminders.calendarBeyond', { n: saved.beyondHorizon, until: saved.until }),
            saved.overLimit > 0 && t('reminders.calendarOverLimit', { n: saved.overLimit, max: CALENDAR_MAX_EVENTS }),
            ...leftOutAdvice(saved, Boolean(partnerId)).map((advice) => t(advice === 'perPartner' ? 'reminders.calendarLeftOutPerPartner' : 'reminders.calendarLeftOutLater')),
          ]
            .filter(Boolean)
            .join(' ')}
        </p>
      )}
    </div>
  );
}
