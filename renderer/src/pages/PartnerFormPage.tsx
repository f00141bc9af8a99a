import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { partnerInput, type PartnerInput } from '../../../shared/domain/partner';
import { Field } from '../components/Field';
import { reportSaveError } from '../forms';
import { useTranslation } from '../i18n';
import { navigate } from '../router';
import { api, useDataStore, useUiStore } from '../store';

const FIELDS = ['name', 'isoCode', 'notes'] as const;

export function PartnerFormPage({ partnerId }: { partnerId?: string }) {
  const { t, formatError } = useTranslation();
  const { partners, refresh } = useDataStore();
  const existing = partnerId ? partners.find((partner) => partner.id === partnerId) : undefined;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PartnerInput>({
    resolver: zodResolver(partnerInput),
    defaultValues: existing ? { name: existing.name, isoCode: existing.isoCode, notes: existing.notes } : { name: '', isoCode: '', notes: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    const result = partnerId ? await api.call('partners.update', { id: partnerId, values }) : await api.call('partners.create', values);
    if (!result.ok) return reportSaveError(result.error, setError, FIELDS);
    await refresh();
    useUiStore.getState().showInfo(t('saved'));
    navigate('/partners');
  });

  if (partnerId && !existing) return <p>{t('loading')}</p>;
  return (
    <section aria-labelledby="partner-form-heading">
      <h1 id="partner-form-heading">{partnerId ? t('editPartner') : t('newPartner')}</h1>
      <form onSubmit={onSubmit} noValidate className="form">
        <Field name="name" label={t('partnerName')} error={formatError(errors.name?.message)}>
          <input type="text" autoFocus {...register('name')} />
        </Field>
        <Field name="isoCode" label={t('isoCode')} error={formatError(errors.isoCode?.message)}>
          <input type="text" maxLength={3} className="short" {...register('isoCode')} />
        </Field>
        <Field name="notes" label={t('notes')} error={formatError(errors.notes?.message)}>
          <textarea rows={4} {...register('notes')} />
        </Field>
        <div className="form__actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('saving') : t('save')}
          </button>
          <button type="button" onClick={() => navigate('/partners')}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
