import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { MOU_STATUSES, mouDraftForm, SECTORS, type MouDraftFormValues } from '../../../shared/domain/mou';
import { Field } from '../components/Field';
import { firstErrorMessage, reportSaveError } from '../forms';
import { useTranslation } from '../i18n';
import { navigate } from '../router';
import { api, useDataStore, useUiStore } from '../store';

const FIELDS = ['title', 'titleAr', 'partnerId', 'sector', 'status', 'parties', 'summary'] as const;

export function MouFormPage({ draftId }: { draftId?: string }) {
  const { t, formatError } = useTranslation();
  const { mouDrafts, partners, refresh } = useDataStore();
  const existing = draftId ? mouDrafts.find((draft) => draft.id === draftId) : undefined;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MouDraftFormValues, unknown, z.output<typeof mouDraftForm>>({
    resolver: zodResolver(mouDraftForm),
    defaultValues: existing
      ? { ...existing, parties: existing.parties.join('\n') }
      : { title: '', titleAr: '', partnerId: partners.length === 1 ? partners[0]!.id : '', sector: 'police', status: 'draft', parties: '', summary: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    const result = draftId ? await api.call('mou.update', { id: draftId, values }) : await api.call('mou.create', values);
    if (!result.ok) return reportSaveError(result.error, setError, FIELDS);
    await refresh();
    useUiStore.getState().showInfo(t('saved'));
    navigate('/mou');
  });

  if (draftId && !existing) return <p>{t('loading')}</p>;
  return (
    <section aria-labelledby="mou-form-heading">
      <h1 id="mou-form-heading">{draftId ? t('editMou') : t('newMou')}</h1>
      <form onSubmit={onSubmit} noValidate className="form">
        <Field name="title" label={t('title')} error={formatError(errors.title?.message)}>
          <input type="text" autoFocus {...register('title')} />
        </Field>
        <Field name="titleAr" label={t('titleAr')} error={formatError(errors.titleAr?.message)}>
          <input type="text" dir="rtl" lang="ar" {...register('titleAr')} />
        </Field>
        <Field name="partnerId" label={t('partner')} error={formatError(errors.partnerId?.message)}>
          <select {...register('partnerId')}>
            <option value="">{t('choosePartner')}</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="sector" label={t('sector')} error={formatError(errors.sector?.message)}>
          <select {...register('sector')}>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`sector.${sector}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="status" label={t('status')} error={formatError(errors.status?.message)}>
          <select {...register('status')}>
            {MOU_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="parties" label={t('parties')} error={formatError(firstErrorMessage(errors.parties))}>
          <textarea rows={3} {...register('parties')} />
        </Field>
        <Field name="summary" label={t('summary')} error={formatError(errors.summary?.message)}>
          <textarea rows={6} {...register('summary')} />
        </Field>
        <div className="form__actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('saving') : t('save')}
          </button>
          <button type="button" onClick={() => navigate('/mou')}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
