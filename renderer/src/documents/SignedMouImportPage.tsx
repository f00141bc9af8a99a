import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { Field } from '../components/Field';
import { message } from '../../../shared/i18n/message';
import { AppError, errorText, type AppErrorShape } from '../../../shared/result';
import { useTranslation } from '../i18n';
import { afterChange } from '../planning/data';
import { recordPath } from '../planning/paths';
import { CallFailed, uploadBundle } from '../sync/bundleTransfer';
import { api } from '../store';

type Verified = MethodOutput<'mou.signed.verify'>;
type Imported = MethodOutput<'mou.signed.import'>;

/**
 * Verify or import a signed MOU file from another post. The file travels
 * through the sync feature's capped upload; the main side verifies the
 * signature and every part before reading the draft, and an import only
 * ever adds a saved version (the draft as edited here is not touched).
 */
export function SignedMouImportPage() {
  const { t, language, date, dateTime, number } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure(null);
    try {
      return await work();
    } catch (error) {
      setFailure(error instanceof CallFailed ? error.error : new AppError('INTERNAL', message('error.unreachable', { detail: error instanceof Error ? error.message : String(error) })).toShape());
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function verify() {
    if (!file) return;
    setVerified(null);
    setImported(null);
    await run(async () => {
      const id = await uploadBundle(file, () => undefined);
      const result = await api.call('mou.signed.verify', { uploadId: id });
      if (!result.ok) throw new CallFailed(result.error);
      setUploadId(id);
      setVerified(result.value);
    });
  }

  async function importFile() {
    if (!uploadId) return;
    await run(async () => {
      const result = await api.call('mou.signed.import', { uploadId });
      if (!result.ok) throw new CallFailed(result.error);
      afterChange();
      setImported(result.value);
    });
  }

  return (
    <section aria-labelledby="signed-import-heading">
      <header className="page-header">
        <h1 id="signed-import-heading">{t('documents.import.heading')}</h1>
      </header>
      <div className="panel">
        <p>{t('documents.import.intro')}</p>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void verify();
          }}
        >
          <Field name="signedMouFile" label={t('documents.import.file')}>
            <input type="file" accept=".zip,.age,application/zip,application/octet-stream" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </Field>
          <button type="submit" className="primary" disabled={!file || busy}>
            {t('documents.import.verify')}
          </button>
        </form>
        {failure && (
          <p className="notice notice--error" role="alert" data-testid="signed-mou-error">
            {t('documents.import.refused', { reason: errorText(failure, language) })}
          </p>
        )}
        {verified && (
          <div className="sync-preview" data-testid="signed-mou-verified">
            <p>{t('documents.import.verified')}</p>
            <dl>
              <dt>{t('documents.import.sender')}</dt>
              <dd data-testid="signed-mou-sender">
                {verified.sender.postName} <span dir="ltr">({verified.sender.postId})</span>
              </dd>
              <dt>{t('sync.fingerprint')}</dt>
              <dd>
                <span className="fingerprint" dir="ltr">
                  {verified.fingerprint}
                </span>
              </dd>
              <dt>{t('documents.import.signedAt')}</dt>
              <dd>{dateTime(verified.signedAt)}</dd>
              <dt>{t('documents.import.draft')}</dt>
              <dd>
                <bdi>{verified.draft.title}</bdi> — <bdi>{verified.draft.versionLabel}</bdi> (<bdi>{date(verified.draft.date)}</bdi>)
              </dd>
              <dt>{t('documents.import.comment')}</dt>
              <dd dir="auto">{verified.comment}</dd>
            </dl>
            <table className="records" data-testid="signed-mou-parts">
              <caption>{t('documents.import.parts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('documents.import.partName')}</th>
                  <th scope="col">{t('documents.import.partSize')}</th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {verified.parts.map((part) => (
                  <tr key={part.name}>
                    <td dir="ltr">{part.name}</td>
                    <td>{number(part.size)}</td>
                    <td>
                      <code dir="ltr">{part.sha256.slice(0, 16)}…</code> {t('documents.import.partOk')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {verified.draftHere ? (
              !imported && (
                <button type="button" className="primary" disabled={busy} onClick={() => void importFile()}>
                  {t('documents.import.button')}
                </button>
              )
            ) : (
              <p className="warning">{t('documents.import.draftMissing')}</p>
            )}
          </div>
        )}
        {imported && (
          <p role="status" data-testid="signed-mou-imported">
            {t(imported.alreadyPresent ? 'documents.import.already' : 'documents.import.done', { version: imported.version.number })}{' '}
            <a href={`#${recordPath('mouDrafts', imported.draft.id)}`}>{t('documents.import.openDraft')}</a>
          </p>
        )}
      </div>
    </section>
  );
}
