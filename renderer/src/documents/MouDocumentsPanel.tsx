import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { DOCUMENT_LANGUAGES, DOCUMENT_LAYOUTS, type DocumentLanguage, type DocumentLayout } from '../../../shared/documents/types';
import { formatMessage } from '../../../shared/i18n/format';
import { issueText } from '../../../shared/validation';
import { Field } from '../components/Field';
import { message, type MessageKey } from '../../../shared/i18n/message';
import { useTranslation } from '../i18n';
import { recordType } from '../../../shared/records/registry';
import { afterChange, useCall } from '../planning/data';
import { findField, optionLabel } from '../planning/labels';
import { recordPath } from '../planning/paths';
import { navigate } from '../router';
import { api, useUiStore } from '../store';
import { saveFile } from '../sync/bundleTransfer';
import { encryptForOf, noReaders, ReadersPicker, type Readers } from '../sync/ReadersPicker';

type ExportFormat = MethodInput<'mou.documents.export'>['format'];
type Warning = MethodOutput<'mou.documents.checks'>[number];
type ExportedFile = MethodOutput<'mou.documents.export'>;

const FORMATS: ExportFormat[] = ['pdf', 'docx', 'html', 'signed'];

/** Keeps a name or an ISO date in its own direction inside a sentence of the other script. */
const isolate = (text: string) => `\u2068${text}\u2069`;

const LANGUAGE_KEYS: Record<DocumentLanguage, MessageKey> = { en: 'documents.lang.en', ar: 'documents.lang.ar', both: 'documents.lang.both' };
const LAYOUT_KEYS: Record<DocumentLayout, MessageKey> = { 'side-by-side': 'documents.layout.sideBySide', sequential: 'documents.layout.sequential' };
const FORMAT_KEYS: Record<ExportFormat, MessageKey> = { pdf: 'documents.format.pdf', docx: 'documents.format.docx', html: 'documents.format.html', signed: 'documents.format.signed' };

/** The desktop app already saved it through its Save dialog; a browser downloads it. */
function deliver(file: ExportedFile): void {
  if (file.savedWithDialog) {
    if (file.savedTo) useUiStore.getState().showInfo(message('documents.exported', { file: isolate(file.savedTo) }));
    return;
  }
  saveFile(new Blob([file.bytes] as BlobPart[], { type: file.mediaType }), file.fileName);
  useUiStore.getState().showInfo(message('documents.exported', { file: isolate(file.fileName) }));
}

/**
 * The MOU draft's documents: export the draft or a saved version as PDF,
 * DOCX, HTML or a signed file (pre-export warnings shown before the file is
 * made), a redline between two versions as a document, and recording the
 * signature. Files reach the officer as downloads in both the browser and
 * the desktop window.
 */
export function MouDocumentsPanel({ mouId, status, onChanged }: { mouId: string; status: string; onChanged?: () => void }) {
  const { t, language, formatError } = useTranslation();
  const [versions, reloadVersions] = useCall('mou.versions.list', { mouId }, [mouId, status]);
  const [identity] = useCall('sync.identity', {}, []);
  const [peers] = useCall('sync.peers.list', {}, []);
  const [readers, setReaders] = useState<Readers>(noReaders);
  const [signings, reloadSignings] = useCall('mou.signings.list', { mouId }, [mouId, status]);
  const [version, setVersion] = useState('current');
  const [lang, setLang] = useState<DocumentLanguage>('both');
  const [layout, setLayout] = useState<DocumentLayout>('side-by-side');
  const [titlePage, setTitlePage] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [passphrase, setPassphrase] = useState('');
  const [warnings, setWarnings] = useState<Warning[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('current');
  const [redlineFormat, setRedlineFormat] = useState<'pdf' | 'docx' | 'html'>('pdf');
  const [signedBy, setSignedBy] = useState('');
  const [signError, setSignError] = useState<string | undefined>();
  const saved = versions.status === 'ok' ? versions.value : [];
  const needsPassphrase = format === 'signed' && identity.status === 'ok' && identity.value.needsPassphrase;
  // A signed file travels to other posts, so who may read it is chosen first, as for a bundle.
  const encryptFor = format === 'signed' ? encryptForOf(readers) : undefined;
  const readersMissing = encryptFor === null;
  const versionName = (id: string) => {
    const found = saved.find((candidate) => candidate.id === id);
    return found ? t('documents.versionN', { number: found.number, label: isolate(found.label) }) : t('documents.current');
  };

  async function exportNow() {
    setWarnings(null);
    setBusy(true);
    if (encryptFor === null) return;
    const result = await api.call('mou.documents.export', { mouId, version, lang, layout, format, passphrase: passphrase || undefined, titlePage, encryptFor });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    deliver(result.value);
  }

  async function checkThenExport() {
    const result = await api.call('mou.documents.checks', { mouId, version, lang, layout });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    if (result.value.length > 0) return setWarnings(result.value);
    await exportNow();
  }

  async function exportRedline() {
    const fromId = from || saved[saved.length - 1]?.id;
    if (!fromId) return;
    setBusy(true);
    const result = await api.call('mou.documents.redline', { mouId, from: fromId, to, format: redlineFormat, lang, layout });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    deliver(result.value);
  }

  /** Amending a signed MOU: a new draft copied from it opens; this one becomes superseded. */
  async function startNewVersion() {
    const result = await api.call('mou.newVersion', { mouId });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    afterChange();
    navigate(recordPath('mouDrafts', result.value.id));
  }

  async function sign() {
    const result = await api.call('mou.sign', { mouId, signedBy });
    if (!result.ok) {
      const issue = result.error.details?.issues?.[0];
      if (issue && issue.path?.[0] === 'signedBy') return setSignError(formatError(issueText(issue)));
      return useUiStore.getState().showError(result.error);
    }
    setSignedBy('');
    setSignError(undefined);
    afterChange();
    reloadVersions();
    reloadSignings();
    onChanged?.();
    useUiStore.getState().showInfo(message('documents.sign.done', { version: result.value.version.number }));
  }

  const versionOptions = (
    <>
      <option value="current">{t('documents.current')}</option>
      {saved.map((candidate) => (
        <option key={candidate.id} value={candidate.id}>
          {versionName(candidate.id)}
        </option>
      ))}
    </>
  );

  return (
    <section className="panel" aria-labelledby="documents-heading" data-testid="mou-documents">
      <h2 id="documents-heading">{t('documents.heading')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void checkThenExport();
        }}
      >
        <Field name="docVersion" label={t('documents.version')}>
          <select value={version} onChange={(event) => setVersion(event.target.value)}>
            {versionOptions}
          </select>
        </Field>
        <Field name="docLang" label={t('documents.languages')}>
          <select value={lang} onChange={(event) => setLang(event.target.value as DocumentLanguage)}>
            {DOCUMENT_LANGUAGES.map((value) => (
              <option key={value} value={value}>
                {t(LANGUAGE_KEYS[value])}
              </option>
            ))}
          </select>
        </Field>
        <Field name="docLayout" label={t('documents.layout')}>
          <select value={layout} disabled={lang !== 'both'} onChange={(event) => setLayout(event.target.value as DocumentLayout)}>
            {DOCUMENT_LAYOUTS.map((value) => (
              <option key={value} value={value}>
                {t(LAYOUT_KEYS[value])}
              </option>
            ))}
          </select>
        </Field>
        <Field name="docTitlePage" label={t('documents.titlePage')}>
          <input type="checkbox" className="checkbox" checked={titlePage} disabled={format === 'html'} onChange={(event) => setTitlePage(event.target.checked)} />
        </Field>
        <Field name="docFormat" label={t('documents.format')}>
          <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
            {FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(FORMAT_KEYS[value])}
              </option>
            ))}
          </select>
        </Field>
        {needsPassphrase && (
          <Field name="docPassphrase" label={t('sync.passphrase')}>
            <input type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
        )}
        {format === 'signed' && <ReadersPicker peers={peers.status === 'ok' ? peers.value : []} value={readers} onChange={setReaders} idPrefix="doc" />}
        <button type="submit" className="primary" disabled={busy || readersMissing}>
          {busy ? t('documents.exporting') : t('documents.export')}
        </button>
        {readersMissing && <p className="field__hint">{t('sync.encrypt.choose')}</p>}
      </form>
      {warnings && (
        <div className="warning-box" role="alert" data-testid="pre-export-warnings">
          <h3>{t('documents.warningsHeading')}</h3>
          <ul>
            {warnings.map((warning, index) => (
              <li key={index} className="warning">
                {formatMessage(language, warning.key, warning.params)}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => void exportNow()} disabled={busy}>
            {t('documents.exportAnyway')}
          </button>
          <button type="button" onClick={() => setWarnings(null)}>
            {t('ui.cancel')}
          </button>
        </div>
      )}

      <h3>{t('documents.redline.heading')}</h3>
      {saved.length === 0 ? (
        <p className="field__hint">{t('documents.redline.needsVersions')}</p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void exportRedline();
          }}
        >
          <Field name="redlineFrom" label={t('documents.redline.from')}>
            <select value={from || saved[saved.length - 1]!.id} onChange={(event) => setFrom(event.target.value)}>
              {saved.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {versionName(candidate.id)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="redlineTo" label={t('documents.redline.to')}>
            <select value={to} onChange={(event) => setTo(event.target.value)}>
              {versionOptions}
            </select>
          </Field>
          <Field name="redlineFormat" label={t('documents.format')}>
            <select value={redlineFormat} onChange={(event) => setRedlineFormat(event.target.value as 'pdf' | 'docx' | 'html')}>
              {(['pdf', 'docx', 'html'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(FORMAT_KEYS[value])}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" disabled={busy}>
            {t('documents.redline.export')}
          </button>
        </form>
      )}

      <h3>{t('documents.sign.heading')}</h3>
      {signings.status === 'ok' && signings.value.length > 0 && (
        <ul data-testid="mou-signings">
          {signings.value.map((signing) => (
            <li key={signing.id}>
              {t('documents.sign.record', { name: isolate(signing.signedBy), at: signing.signedAt, version: signing.versionNumber })}{' '}
              <code dir="ltr">{signing.versionSha256}</code>
            </li>
          ))}
        </ul>
      )}
      {status === 'agreed' ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void sign();
          }}
        >
          <Field name="signedBy" label={t('documents.sign.signedBy')} error={signError} hint={t('documents.sign.hint')}>
            <input type="text" dir="auto" value={signedBy} onChange={(event) => setSignedBy(event.target.value)} />
          </Field>
          <button type="submit">{t('documents.sign.button')}</button>
        </form>
      ) : status === 'signed' ? (
        <p className="field__hint">
          {t('documents.newVersionHint')}{' '}
          <button type="button" onClick={() => void startNewVersion()}>
            {t('documents.newVersion')}
          </button>
        </p>
      ) : (
        status !== 'superseded' && <p className="field__hint">{t('documents.sign.needsAgreed', { status: optionLabel(findField(recordType('mouDrafts'), 'status')!, status, language) })}</p>
      )}
    </section>
  );
}
