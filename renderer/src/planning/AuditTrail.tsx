import type { RecordTypeSpec } from '../../../shared/records/spec';
import { useTranslation } from '../i18n';
import { useCall, useTitles } from './data';
import { displayValue, findField } from './labels';

/** Who changed what, when, at which post: one line per write, each changed field from -> to. */
export function AuditTrail({ spec, id, version }: { spec: RecordTypeSpec; id: string; version: string }) {
  const { t, language } = useTranslation();
  const [state] = useCall('records.audit', { type: spec.name as never, id }, [spec.name, id, version]);
  const titleOf = useTitles(spec.fields.flatMap((field) => (field.kind === 'ref' ? [field.to] : [])));
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const show = (fieldName: string, value: unknown) => {
    const field = findField(spec, fieldName);
    if (value === null || value === undefined || value === '') return '—';
    if (!field) return typeof value === 'string' ? value : JSON.stringify(value);
    if (field.kind === 'json') return JSON.stringify(value);
    return displayValue(field, { [fieldName]: value }, language, titleOf, yesNo) || '—';
  };
  return (
    <section aria-labelledby="audit-heading" className="panel" data-testid="audit-trail">
      <h2 id="audit-heading">{t('auditTrail')}</h2>
      {state.status === 'loading' ? (
        <p>{t('loading')}</p>
      ) : state.status === 'error' ? (
        <p role="alert">{state.error.message}</p>
      ) : state.value.length === 0 ? (
        <p className="empty">{t('noAudit')}</p>
      ) : (
        <ol className="audit">
          {state.value.map((entry) => (
            <li key={entry.id} className="audit__entry">
              <p className="audit__head">
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB')}</time>
                {' · '}
                <span>{t(`audit.${entry.action}`)}</span>
                {' · '}
                <span>{t('atPost', entry.postName || entry.postId)}</span>
              </p>
              {Object.keys(entry.changes).length > 0 && (
                <table className="audit__changes">
                  <thead>
                    <tr>
                      <th scope="col">{t('field')}</th>
                      <th scope="col">{t('before')}</th>
                      <th scope="col">{t('after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(entry.changes).map(([fieldName, [before, after]]) => (
                      <tr key={fieldName}>
                        <th scope="row">{findField(spec, fieldName)?.label[language] ?? fieldName}</th>
                        <td dir="auto">{show(fieldName, before)}</td>
                        <td dir="auto">{show(fieldName, after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
