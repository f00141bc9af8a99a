import { useState } from 'react';
import { deliverFile } from '../dashboard/files';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';

/**
 * Saves the reminders as an .ics file (the whole post, or one partner's) the way the brief is saved: the desktop
 * app's Save dialog, a download in a browser. Summaries come in the window's language.
 */
export function CalendarButton({ partnerId, today }: { partnerId?: string; today: string }) {
  const { t, language } = useTranslation();
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await api.call('reminders.calendar', { lang: language, today, ...(partnerId ? { partnerId } : {}) });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    deliverFile(result.value);
  }
  return (
    <button type="button" className="no-print" onClick={() => void save()} disabled={busy} title={t('reminders.calendarHint')} data-testid="calendar-download">
      {t('reminders.calendar')}
    </button>
  );
}
