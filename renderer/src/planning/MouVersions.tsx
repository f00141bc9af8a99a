import { message } from '../../../shared/i18n/message';
import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { recordType } from '../../../shared/records/registry';
import { issueText } from '../../../shared/validation';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';
import { useCall } from './data';
import { fieldLabel } from './labels';

type Comparison = MethodOutput<'mou.versions.compare'>;
type Segment = Comparison['clauses'][number]['en'][number];

/** Saved versions of an MOU draft, and a clause-by-clause comparison of any two (or one with the draft as it is now). */
export function MouVersions({ mouId }: { mouId: string }) {
  const { t, language, formatError } = useTranslation();
  const [versions, reload] = useCall('mou.versions.list', { mouId }, [mouId]);
  const [label, setLabel] = useState('');
  const [labelError, setLabelError] = useState<string | undefined>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const list = versions.status === 'ok' ? versions.value : [];

  async function saveVersion() {
    const result = await api.call('mou.versions.save', { mouId, label });
    if (!result.ok) {
      const issue = result.error.details?.issues?.[0];
      if (issue) setLabelError(issueText(issue));
      else useUiStore.getState().showError(result.error);
      return;
    }
    setLabel('');
    setLabelError(undefined);
    useUiStore.getState().showInfo(message('records.ui.versionSaved', { n: result.value.number }));
    reload();
  }

  async function compare() {
    const fromId = from || list[list.length - 1]?.id || 'current';
    const result = await api.call('mou.versions.compare', { mouId, from: fromId, to });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    setComparison(result.value);
  }

  const versionName = (version: { number: number; label: string }) => (version.number === 0 ? t('records.ui.currentDraft') : `${t('records.ui.versionN', { n: version.number })}${version.label ? ` — ${version.label}` : ''}`);
  const mouSpec = recordType('mouDrafts');

  return (
    <section className="panel" aria-labelledby="versions-heading" data-testid="mou-versions">
      <h2 id="versions-heading">{t('records.ui.versions')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void saveVersion();
        }}
      >
        <label htmlFor="version-label">{t('records.ui.versionLabel')}</label>
        <input id="version-label" type="text" dir="auto" value={label} onChange={(event) => setLabel(event.target.value)} aria-invalid={labelError ? true : undefined} aria-describedby={labelError ? 'version-label-error' : undefined} />
        <button type="submit">{t('records.ui.saveVersion')}</button>
        {labelError && (
          <p className="field__error" id="version-label-error" role="alert">
            {formatError(labelError)}
          </p>
        )}
      </form>
      {list.length === 0 ? (
        <p className="field__hint">{t('records.ui.noVersions')}</p>
      ) : (
        <>
          <ol className="plain-list" data-testid="version-list">
            {list.map((version) => (
              <li key={version.id}>
                {versionName(version)} <span className="field__hint">{new Date(version.savedAt).toLocaleString(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB')} · {version.savedByName}</span>
              </li>
            ))}
          </ol>
          <div className="inline-form">
            <label htmlFor="compare-from">{t('records.ui.compareFrom')}</label>
            <select id="compare-from" value={from || list[list.length - 1]!.id} onChange={(event) => setFrom(event.target.value)}>
              {list.map((version) => (
                <option key={version.id} value={version.id}>
                  {versionName(version)}
                </option>
              ))}
            </select>
            <label htmlFor="compare-to">{t('records.ui.compareTo')}</label>
            <select id="compare-to" value={to} onChange={(event) => setTo(event.target.value)}>
              <option value="current">{t('records.ui.currentDraft')}</option>
              {list.map((version) => (
                <option key={version.id} value={version.id}>
                  {versionName(version)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => void compare()}>
              {t('records.ui.compare')}
            </button>
          </div>
        </>
      )}
      {comparison && (
        <div className="comparison" data-testid="version-comparison">
          <h3>
            {versionName(comparison.from)} → {versionName(comparison.to)}
          </h3>
          {Object.keys(comparison.draftChanges).length > 0 && (
            <ul className="plain-list">
              {Object.entries(comparison.draftChanges).map(([fieldName, [before, after]]) => (
                <li key={fieldName}>
                  {fieldLabel(mouSpec, fieldName, language)}: <del>{show(before)}</del> → <ins>{show(after)}</ins>
                </li>
              ))}
            </ul>
          )}
          <ol className="clauses">
            {comparison.clauses.map((clause) => {
              const shown = clause.after ?? clause.before!;
              return (
                <li key={clause.clauseId} className={`clause clause--${clause.change}`}>
                  <h4>
                    {t('records.ui.clauseNumber', { n: shown.position })} {shown.heading} <span className={`status status--${clause.change}`}>{t(`records.ui.change.${clause.change}`)}</span>
                    {clause.numberChanged && clause.before && <span className="field__hint"> ({t('records.ui.wasNumber', { n: clause.before.position })})</span>}
                    {clause.referencesChanged && <span className="field__hint"> ({t('records.ui.citationsChanged')})</span>}
                  </h4>
                  <div className="clause__texts">
                    <p lang="en" dir="ltr" className="clause__text">
                      <Redline segments={clause.en} />
                    </p>
                    <p lang="ar" dir="rtl" className="clause__text">
                      <Redline segments={clause.ar} />
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function Redline({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.op === 'insert' ? <ins key={index}>{segment.text}</ins> : segment.op === 'delete' ? <del key={index}>{segment.text}</del> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
