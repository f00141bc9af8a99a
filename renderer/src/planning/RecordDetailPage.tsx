import { nameIn } from '../../../shared/i18n/format';
import { message } from '../../../shared/i18n/message';
import { useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import type { FieldSpec, RecordTypeSpec } from '../../../shared/records/spec';
import { recordType } from '../../../shared/records/registry';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';
import { AuditTrail } from './AuditTrail';
import { afterChange, useCall, useTitles } from './data';
import { PlainListValue } from './JsonValues';
import { ALL_TYPES, displayValue, fieldLabel, recordTitle, typeLabel } from './labels';
import { listPath, recordPath } from './paths';
import { viewOf } from './views';
import { navigateSaved } from './unsavedGuard';
import { CallPending } from './CallPending';

type Loaded = MethodOutput<'records.get'>;
type Link = Loaded['linksIn'][number];

/** Record types with a required or optional single link to `type`: "add one from here" actions. */
function childTypes(type: string): { spec: RecordTypeSpec; field: FieldSpec }[] {
  return ALL_TYPES.flatMap((spec) => spec.fields.filter((field) => field.kind === 'ref' && field.to === type && spec.name !== type).map((field) => ({ spec, field })));
}

export function RecordDetailPage({ spec, id }: { spec: RecordTypeSpec; id: string }) {
  const [state, reload] = useCall('records.get', { type: spec.name as never, id }, [spec.name, id]);
  if (state.status !== 'ok') return <CallPending state={state} />;
  return <RecordDetail spec={spec} loaded={state.value} reload={reload} />;
}

function RecordDetail({ spec, loaded, reload }: { spec: RecordTypeSpec; loaded: Loaded; reload: () => void }) {
  const { t, language, formatError } = useTranslation();
  const { record, linksOut, linksIn } = loaded;
  const [confirming, setConfirming] = useState(false);
  // Titles of linked records that are no longer linked (earlier values in the audit trail) come from the loaded lists.
  const view = viewOf(spec.name);
  const titleOf = useTitles([...spec.fields.flatMap((field) => (field.kind === 'ref' || field.kind === 'refList' ? [field.to] : [])), ...(view.titleTypes ?? [])]);
  const linkTitle = (type: string, linkId: string) => {
    const link = linksOut.find((candidate) => candidate.id === linkId);
    return link ? nameIn(language, link.title, link.titleAr) : titleOf(type, linkId);
  };
  const yesNo = (value: boolean) => (value ? t('records.ui.yes') : t('records.ui.no'));
  const one = typeLabel(spec, 'one', language);

  async function remove() {
    setConfirming(false);
    const result = await api.call('records.delete', { type: spec.name as never, id: record.id });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    afterChange(spec.name);
    useUiStore.getState().showInfo(message('records.ui.deleted'));
    navigateSaved(listPath(spec.name));
  }

  function value(field: FieldSpec): ReactNode {
    const raw = record[field.name];
    if (field.kind === 'ref') return typeof raw === 'string' && raw ? <a href={`#${recordPath(field.to, raw)}`}>{linkTitle(field.to, raw)}</a> : '—';
    if (field.kind === 'refList')
      return Array.isArray(raw) && raw.length ? (
        <ul className="inline-list">
          {raw.map((linkId) => (
            <li key={String(linkId)}>
              <a href={`#${recordPath(field.to, String(linkId))}`}>{linkTitle(field.to, String(linkId))}</a>
            </li>
          ))}
        </ul>
      ) : (
        '—'
      );
    if (field.kind === 'json') {
      const Value = view.json?.[field.name]?.value ?? PlainListValue;
      return <Value value={Array.isArray(raw) ? (raw as Record<string, string>[]) : []} linkTitle={linkTitle} />;
    }
    if (field.kind === 'longText') return raw ? <p className="longtext" dir={field.dir ?? 'auto'}>{String(raw)}</p> : '—';
    return displayValue(field, record, language, titleOf, yesNo) || '—';
  }

  return (
    <article aria-labelledby="detail-heading" data-testid="record-detail">
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <a href={`#${listPath(spec.name)}`}>{typeLabel(spec, 'many', language)}</a>
          </p>
          <h1 id="detail-heading" dir="auto">
            {recordTitle(spec, record, language) || t('records.ui.untitled')}
          </h1>
        </div>
        <div className="row-actions">
          {view.detailActions?.(record)}
          <a className="button" href={`#${recordPath(spec.name, record.id, 'edit')}`}>
            {t('records.ui.edit')}
          </a>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t('records.ui.delete')}
          </button>
        </div>
      </header>
      {(loaded.warnings ?? []).length > 0 && (
        <div data-testid="record-warnings">
          {loaded.warnings!.map((warning) => (
            <p key={warning} className="warning" role="alert">
              {formatError(warning)}
            </p>
          ))}
        </div>
      )}
      <dl className="fields panel">
        {spec.fields.map((field) => (
          <div key={field.name} className="fields__row" data-field={field.name}>
            <dt>{fieldLabel(spec, field.name, language)}</dt>
            <dd>{value(field)}</dd>
          </div>
        ))}
      </dl>
      {view.panels?.({ record, reload })}
      <LinksPanel heading={t('records.ui.linksOut')} links={linksOut} testId="links-out" ownerOf={() => spec.name} />
      <LinksPanel heading={t('records.ui.linksIn')} links={linksIn} testId="links-in" ownerOf={(link) => link.type} />
      <AddChildren type={spec.name} id={record.id} />
      <AuditTrail spec={spec} id={record.id} version={record.updatedAt} linkTitle={linkTitle} />
      {confirming && <ConfirmDialog title={t('records.ui.confirmDeleteTitle')} message={t('records.ui.confirmDeleteRecord', { type: one, title: record.title })} confirmLabel={t('records.ui.delete')} onConfirm={remove} onCancel={() => setConfirming(false)} />}
    </article>
  );
}

/** Links grouped by record type, each with the field that makes the link. */
function LinksPanel({ heading, links, testId, ownerOf }: { heading: string; links: readonly Link[]; testId: string; ownerOf(link: Link): string }) {
  const { t, language } = useTranslation();
  // One entry per linked record, naming every field that links it (a check-in point that assesses a benchmark and cites it twice is listed once).
  const groups = new Map<string, (Link & { fields: string[] })[]>();
  for (const link of links) {
    const group = groups.get(link.type) ?? [];
    const same = group.find((entry) => entry.id === link.id);
    if (same) {
      if (!same.fields.includes(link.field)) same.fields.push(link.field);
    } else group.push({ ...link, fields: [link.field] });
    groups.set(link.type, group);
  }
  return (
    <section className="panel" data-testid={testId} aria-label={heading}>
      <h2>{heading}</h2>
      {groups.size === 0 ? (
        <p className="field__hint">{t('records.ui.noLinks')}</p>
      ) : (
        [...groups].map(([type, group]) => {
          const spec = recordType(type);
          return (
            <div key={type} className="link-group">
              <h3>
                {typeLabel(spec, 'many', language)} ({group.length})
              </h3>
              <ul>
                {group.map((link) => (
                  <li key={link.id}>
                    <a href={`#${recordPath(type, link.id)}`} dir="auto">
                      {nameIn(language, link.title, link.titleAr) || t('records.ui.untitled')}
                    </a>{' '}
                    <span className="field__hint">({link.fields.map((field) => fieldLabel(ownerOf(link), field, language)).join(language === 'ar' ? '، ' : ', ')})</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })
      )}
    </section>
  );
}

function AddChildren({ type, id }: { type: string; id: string }) {
  const { t, language } = useTranslation();
  const children = childTypes(type);
  if (children.length === 0) return null;
  return (
    <nav className="panel add-children" aria-label={t('records.ui.addLinked')}>
      <h2>{t('records.ui.addLinked')}</h2>
      <ul className="inline-list">
        {children.map(({ spec, field }) => (
          <li key={`${spec.name}-${field.name}`}>
            <a className="button" href={`#${recordPath(spec.name, 'new')}?${field.name}=${id}`}>
              {t('records.ui.addRecord', { type: typeLabel(spec, 'one', language) })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
