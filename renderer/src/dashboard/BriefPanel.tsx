import { useState } from 'react';
import type { PartnerDashboard } from '../../../shared/api/dashboard';
import { nameIn } from '../../../shared/i18n/format';
import { message } from '../../../shared/i18n/message';
import { useTranslation } from '../i18n';
import { afterChange, useCall } from '../planning/data';
import { api, useUiStore } from '../store';
import { deliverFile } from './files';

type Lang = 'en' | 'ar' | 'both';

/** Per budget deadline: the brief as PDF or DOCX in a language, and the record of who received it and when. */
export function BriefPanel({ dashboard, onDelivered }: { dashboard: PartnerDashboard; onDelivered(): void }) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang>('en');
  const [managers] = useCall('records.list', { type: 'people', filter: { isResourceManager: true }, sort: { field: 'name', direction: 'asc' }, limit: 500 }, []);
  const people = managers.status === 'ok' ? managers.value.rows : [];
  return (
    <section className="panel no-print" aria-labelledby="briefs-heading" data-testid="briefs">
      <h2 id="briefs-heading">{t('dashboard.brief.heading')}</h2>
      <p className="field__hint">{t('dashboard.brief.intro')}</p>
      <label className="toolbar__item">
        {t('dashboard.brief.language')}
        <select value={lang} onChange={(event) => setLang(event.target.value as Lang)}>
          <option value="en">{t('records.option.briefDeliveries.language.en')}</option>
          <option value="ar">{t('records.option.briefDeliveries.language.ar')}</option>
          <option value="both">{t('records.option.briefDeliveries.language.both')}</option>
        </select>
      </label>
      {dashboard.deadlines.length === 0 && <p className="field__hint">{t('records.ui.noDeadlines')}</p>}
      <ul className="plain-list briefs">
        {dashboard.deadlines.map((deadline) => (
          <DeadlineBrief key={deadline.id} dashboard={dashboard} deadline={deadline} lang={lang} people={people} onDelivered={onDelivered} />
        ))}
      </ul>
      {managers.status === 'ok' && people.length === 0 && <p className="field__hint">{t('dashboard.brief.noManagers')}</p>}
    </section>
  );
}

function DeadlineBrief({ dashboard, deadline, lang, people, onDelivered }: { dashboard: PartnerDashboard; deadline: PartnerDashboard['deadlines'][number]; lang: Lang; people: { id: string; title: string }[]; onDelivered(): void }) {
  const { t, date, language } = useTranslation();
  const deadlineName = nameIn(language, deadline.title, deadline.titleAr);
  const [recipient, setRecipient] = useState('');
  // The dashboard's day (the officer's local date, or the page's ?today=), so a demo dated otherwise records on it.
  const [on, setOn] = useState(dashboard.today);
  const [busy, setBusy] = useState(false);
  async function download(format: 'pdf' | 'docx') {
    setBusy(true);
    const result = await api.call('dashboard.brief', { deadlineId: deadline.id, partnerId: dashboard.partner.id, format, lang, today: dashboard.today });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    deliverFile(result.value);
  }
  async function record() {
    const person = people.find((p) => p.id === (recipient || people[0]?.id));
    if (!person) return;
    setBusy(true);
    const result = await api.call('records.create', {
      type: 'briefDeliveries',
      values: { subject: t('dashboard.brief.subject', { deadline: deadlineName }), deadlineId: deadline.id, partnerId: dashboard.partner.id, recipientId: person.id, deliveredOn: on, language: lang, format: 'pdf' },
    });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    useUiStore.getState().showInfo(message('dashboard.brief.recorded', { deadline: deadlineName, name: person.title }));
    afterChange('briefDeliveries');
    onDelivered();
  }
  return (
    <li className={deadline.briefs.length ? 'brief brief--delivered' : 'brief'} data-testid="brief-deadline">
      <strong>{deadlineName}</strong> <span className="field__hint">{date(deadline.date)}</span>{' '}
      <span className={deadline.briefs.length ? 'status status--done' : 'status status--missed'}>
        {deadline.briefs.length ? t('dashboard.brief.delivered', { name: deadline.briefs[0]!.recipientName, at: deadline.briefs[0]!.deliveredOn }) : t('dashboard.brief.notDelivered')}
      </span>
      <div className="inline-form">
        <button type="button" disabled={busy} onClick={() => void download('pdf')}>
          {t('dashboard.brief.pdf')}
        </button>
        <button type="button" disabled={busy} onClick={() => void download('docx')}>
          {t('dashboard.brief.docx')}
        </button>
        {people.length > 0 && (
          <>
            <label>
              {t('dashboard.brief.recipient')}{' '}
              <select value={recipient || people[0]!.id} onChange={(event) => setRecipient(event.target.value)}>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('dashboard.brief.on')} <input type="text" dir="ltr" size={10} value={on} onChange={(event) => setOn(event.target.value)} />
            </label>
            <button type="button" className="primary" disabled={busy} onClick={() => void record()}>
              {t('dashboard.brief.record')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
