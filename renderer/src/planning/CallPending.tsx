import { errorText, type AppErrorShape } from '../../../shared/result';
import { useTranslation } from '../i18n';

/** What a view shows while its call is out, or when it failed (in the user's language where the server composed one). */
export function CallPending({ state }: { state: { status: 'loading' } | { status: 'error'; error: AppErrorShape } }) {
  const { t, language } = useTranslation();
  if (state.status === 'loading') return <p>{t('records.ui.loading')}</p>;
  return (
    <p className="empty" role="alert">
      {errorText(state.error, language)}
    </p>
  );
}
