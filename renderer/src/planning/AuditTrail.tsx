import type { RecordTypeSpec } from '../../../shared/records/spec';
import { useTranslation } from '../i18n';
import { useCall } from './data';
import { displayValue, fieldLabel, findField } from './labels';
import { CallPending } from './CallPending';

/** Who changed what, when, at which post and by which officer: one line per write, each changed field from -> to. */
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** `linkTitle` names linked records (the detail page knows the current links; others come from the loaded titles). */
export function AuditTrail({ spec, id, version, linkTitle }: { spec: RecordTypeSpec; id: string; version: string; linkTitle(type: string, id: string): string }) {
  const { t, language, dateTime } = useTranslation();
  const [state] = useCall('records.audit', { type: spec.name as never, id }, [spec.name, id, version]);
  const yesNo = (value: boolean) => (value ? t('records.ui.yes') : t('records.ui.no'));
  const show = (fieldName: string, value: unknown) => {
    const field = findField(spec, fieldName);
    if (isEmpty(value)) return '—';
    if (!field) return typeof value === 'string' ? value : JSON.stringify(value);
    if (field.kind === 'json') return jsonSummary(value, linkTitle);
    return displayValue(field, { [fieldName]: value }, language, linkTitle, yesNo) || '—';
  };
  return (
    <section aria-labelledby="audit-heading" className="panel" data-testid="audit-trail">
      <h2 id="audit-heading">{t('records.ui.auditTrail')}</h2>
      {state.status !== 'ok' ? (
        <CallPending state={state} />
      ) : state.value.length === 0 ? (
        <p className="empty">{t('records.ui.noAudit')}</p>
      ) : (
        <ol className="audit">
          {state.value.map((entry) => (
            <li key={entry.id} className="audit__entry">
              <p className="audit__head">
                <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                {' · '}
                <span>{t(`records.ui.audit.${entry.action}`)}</span>
                {' · '}
                <span>{t('records.ui.atPost', { post: entry.postName || entry.postId })}</span>
                {entry.officerName && (
                  <>
                    {' · '}
                    <span className="audit__officer">{t('officers.audit.by', { officer: `\u2068${entry.officerName}\u2069` })}</span>
                  </>
                )}
              </p>
              {Object.keys(entry.changes).length > 0 && (
                <table className="audit__changes">
                  <thead>
                    <tr>
                      <th scope="col">{t('records.ui.field')}</th>
                      <th scope="col">{t('records.ui.before')}</th>
                      <th scope="col">{t('records.ui.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(entry.changes)
                      .filter(([, [before, after]]) => !(isEmpty(before) && isEmpty(after)))
                      .map(([fieldName, [before, after]]) => (
                      <tr key={fieldName}>
                        <th scope="row">{fieldLabel(spec, fieldName, language)}</th>
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

/** A structured value in one line: linked people and benchmarks by name, other entries by their values. */
function jsonSummary(value: unknown, linkTitle: (type: string, id: string) => string): string {
  if (!Array.isArray(value)) return JSON.stringify(value);
  return value
    .map((entry) => {
      if (typeof entry !== 'object' || entry === null) return String(entry);
      const item = entry as Record<string, unknown>;
      if (typeof item.personId === 'string') return [linkTitle('people', item.personId), item.role].filter(Boolean).join(' — ');
      if (typeof item.benchmarkId === 'string') return `${linkTitle('benchmarks', item.benchmarkId)}: ${String(item.value ?? '')}`;
      return Object.values(item).map(String).join(': ');
    })
    .join('; ');
}
