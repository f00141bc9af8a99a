import { useCallback, useEffect, useState } from 'react';
import type { Inspection, JobStatus } from '../../../shared/api/sync';
import type { MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { useTranslation, type StringKey } from '../i18n';
import { api, useDataStore, useUiStore } from '../store';
import './sync.css';
import { CallFailed, downloadExport, saveFile, uploadBundle, waitForJob, type ErrorLike } from './bundleTransfer';

type Identity = MethodOutput<'sync.identity'>;
type Peer = MethodOutput<'sync.peers.list'>[number];
type Conflict = MethodOutput<'sync.conflicts.list'>[number];
type T = ReturnType<typeof useTranslation>['legacyT'];

interface ProgressState {
  phase: string;
  done: number;
  total: number;
}

/** A main-side error in the reader's language where its reason is known. */
function useErrorText() {
  const { legacyT: t } = useTranslation();
  return (error: ErrorLike) => {
    const reason = typeof error.details?.reason === 'string' ? `syncReason.${error.details.reason}` : '';
    return reason in REASON_KEYS ? t(reason as StringKey) : error.message;
  };
}
const REASON_KEYS = Object.fromEntries(['signature', 'truncated', 'not-a-bundle', 'unknown', 'key-changed', 'revoked'].map((r) => [`syncReason.${r}`, true]));

function phaseLabel(t: T, phase: string): string {
  const key = `syncPhase.${phase}`;
  return PHASES.has(phase) ? t(key as StringKey) : phase;
}
const PHASES = new Set(['starting', 'uploading', 'reading', 'compressing', 'verifying', 'decompressing', 'validating', 'previewing', 'applying', 'downloading', 'done']);

function ProgressBar({ progress, testId }: { progress: ProgressState | null; testId: string }) {
  const { legacyT: t } = useTranslation();
  if (!progress) return null;
  const label = t('syncWorking', phaseLabel(t, progress.phase));
  return (
    <div className="sync-progress" role="status" data-testid={testId}>
      <progress max={progress.total || 1} value={progress.total ? progress.done : undefined} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

export function SyncPage() {
  const { legacyT: t } = useTranslation();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);

  const reload = useCallback(async () => {
    const [who, trusted, open] = await Promise.all([api.call('sync.identity', {}), api.call('sync.peers.list', {}), api.call('sync.conflicts.list', { status: 'open' })]);
    if (who.ok) setIdentity(who.value);
    if (trusted.ok) setPeers(trusted.value);
    if (open.ok) setConflicts(open.value);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="sync-heading" className="sync">
      <header className="page-header">
        <h1 id="sync-heading">{t('syncHeading')}</h1>
      </header>
      {!identity ? <p>{t('loading')}</p> : <IdentityPanel identity={identity} onChange={reload} />}
      {identity?.hasKey && <ExportPanel identity={identity} peers={peers} onDone={reload} />}
      {identity?.hasKey && <ImportPanel onDone={reload} />}
      <ConflictsPanel conflicts={conflicts} peers={peers} identity={identity} onChange={reload} />
      <PeersPanel peers={peers} onChange={reload} />
    </section>
  );
}

function IdentityPanel({ identity, onChange }: { identity: Identity; onChange: () => Promise<void> }) {
  const { legacyT: t } = useTranslation();
  const errorText = useErrorText();
  const [name, setName] = useState(identity.postName);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  async function setup() {
    setBusy(true);
    const result = await api.call('sync.setup', { name, passphrase: passphrase || undefined });
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError({ ...result.error, message: errorText(result.error) } as AppErrorShape);
    useUiStore.getState().showInfo(t('saved'));
    await useDataStore.getState().refresh();
    await onChange();
  }

  async function exportKey() {
    if (identity.savesWithDialog) {
      const saved = await api.call('sync.saveFile', { publicKey: {} });
      if (!saved.ok) useUiStore.getState().showError(saved.error);
      return;
    }
    const result = await api.call('sync.publicKeyFile', {});
    if (!result.ok) return useUiStore.getState().showError(result.error);
    saveFile(new Blob([result.value.text], { type: 'application/json' }), result.value.fileName);
  }

  return (
    <section className="panel" aria-labelledby="sync-identity">
      <h2 id="sync-identity">{t('syncIdentity')}</h2>
      {!identity.hasKey && <p>{t('syncNoKey')}</p>}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void setup();
        }}
      >
        <Field name="postName" label={t('syncPostName')}>
          <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </Field>
        {!identity.hasKey && identity.needsPassphrase && (
          <Field name="keyPassphrase" label={t('syncPassphrase')} hint={t('syncPassphraseHint')}>
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {identity.hasKey ? t('syncSaveName') : t('syncCreateKey')}
        </button>
      </form>
      {identity.hasKey && (
        <dl className="sync-identity">
          <dt>{t('syncPostId')}</dt>
          <dd dir="ltr">{identity.postId}</dd>
          <dt>{t('syncFingerprint')}</dt>
          <dd>
            <span className="fingerprint" dir="ltr" data-testid="own-fingerprint">
              {identity.fingerprint}
            </span>
            <p className="field__hint">{t('syncFingerprintHint')}</p>
          </dd>
        </dl>
      )}
      {identity.hasKey && (
        <button type="button" onClick={() => void exportKey()}>
          {t('syncExportKey')}
        </button>
      )}
    </section>
  );
}

function ExportPanel({ identity, peers, onDone }: { identity: Identity; peers: Peer[]; onDone: () => Promise<void> }) {
  const { legacyT: t } = useTranslation();
  const errorText = useErrorText();
  const [forPost, setForPost] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [finished, setFinished] = useState<JobStatus | null>(null);

  async function run() {
    setFinished(null);
    setProgress({ phase: 'starting', done: 0, total: 0 });
    try {
      const started = await api.call('sync.export.start', { forPost: forPost || null, passphrase: passphrase || undefined });
      if (!started.ok) throw new CallFailed(started.error);
      const job = await waitForJob(started.value.jobId, (status) => setProgress(status));
      if (job.state === 'failed') throw new CallFailed(job.error!);
      setFinished(job);
      await saveExport(identity, job.id, (done, total) => setProgress({ phase: 'downloading', done, total }));
      await onDone();
    } catch (error) {
      if (error instanceof CallFailed) useUiStore.getState().showError({ ...error.error, message: errorText(error.error) } as AppErrorShape);
      else throw error;
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="sync-export">
      <h2 id="sync-export">{t('syncExport')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field name="exportFor" label={t('syncExportWhat')}>
          <select value={forPost} onChange={(event) => setForPost(event.target.value)}>
            <option value="">{t('syncEverything')}</option>
            {peers
              .filter((peer) => !peer.revokedAt)
              .map((peer) => (
                <option key={peer.postId} value={peer.postId}>
                  {t('syncChangesFor', peer.name)}
                </option>
              ))}
          </select>
        </Field>
        {identity.needsPassphrase && (
          <Field name="exportPassphrase" label={t('syncPassphrase')}>
            <input type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
        )}
        <button type="submit" className="primary" disabled={progress !== null}>
          {t('syncExportButton')}
        </button>
      </form>
      <ProgressBar progress={progress} testId="export-progress" />
      {finished?.file && (
        <p role="status" data-testid="export-result">
          {t('syncExported', String(finished.file.changes), String(finished.file.size))}{' '}
          <button type="button" onClick={() => void saveExport(identity, finished.id, () => undefined).catch(() => undefined)}>
            {t('syncDownload')}
          </button>
        </p>
      )}
    </section>
  );
}

/** The desktop app saves through the native dialog; a browser downloads the file. */
async function saveExport(identity: Identity, jobId: string, onProgress: (done: number, total: number) => void): Promise<void> {
  if (!identity.savesWithDialog) return downloadExport(jobId, onProgress);
  const saved = await api.call('sync.saveFile', { jobId });
  if (!saved.ok) throw new CallFailed(saved.error);
}

function ImportPanel({ onDone }: { onDone: () => Promise<void> }) {
  const { legacyT: t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);

  function reset() {
    setFile(null);
    setUploadId(null);
    setInspection(null);
    setFileInputKey((key) => key + 1);
  }

  async function guarded(work: () => Promise<void>) {
    setFailure(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof CallFailed) setFailure(errorText(error.error));
      else throw error;
    } finally {
      setProgress(null);
    }
  }

  async function inspect(id: string) {
    const started = await api.call('sync.inspect.start', { uploadId: id });
    if (!started.ok) throw new CallFailed(started.error);
    const job = await waitForJob(started.value.jobId, (status) => setProgress(status));
    if (job.state === 'failed') throw new CallFailed(job.error!);
    setInspection(job.inspection);
  }

  const check = () =>
    guarded(async () => {
      if (!file) return;
      setInspection(null);
      const id = await uploadBundle(file, (done, total) => setProgress({ phase: 'uploading', done, total }));
      setUploadId(id);
      await inspect(id);
    });

  const trust = () =>
    guarded(async () => {
      if (!uploadId || !inspection) return;
      const result = await api.call('sync.peers.trust', { uploadId, fingerprint: inspection.fingerprint });
      if (!result.ok) throw new CallFailed(result.error);
      await onDone();
      await inspect(uploadId);
    });

  const apply = () =>
    guarded(async () => {
      if (!uploadId) return;
      const started = await api.call('sync.import.start', { uploadId });
      if (!started.ok) throw new CallFailed(started.error);
      const job = await waitForJob(started.value.jobId, (status) => setProgress(status));
      if (job.state === 'failed') throw new CallFailed(job.error!);
      const summary = job.report?.summary;
      useUiStore.getState().showInfo(summary ? t('syncApplied', String(summary.applied), String(summary.conflicts)) : t('syncAlreadyImported'));
      reset();
      await useDataStore.getState().refresh();
      await onDone();
    });

  const trusted = inspection && (inspection.trust === 'trusted' || inspection.trust === 'self');
  const rows = inspection?.preview ? Object.entries(inspection.preview.tables).filter(([, c]) => c.new + c.changed + c.deleted + c.conflicting > 0) : [];
  return (
    <section className="panel" aria-labelledby="sync-import">
      <h2 id="sync-import">{t('syncImport')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <Field name="bundleFile" label={t('syncChooseFile')}>
          <input key={fileInputKey} type="file" accept=".accord-bundle,application/octet-stream" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </Field>
        <button type="submit" disabled={!file || progress !== null}>
          {t('syncCheck')}
        </button>
      </form>
      <ProgressBar progress={progress} testId="import-progress" />
      {failure && (
        <p className="notice notice--error" role="alert" data-testid="import-error">
          {failure}
        </p>
      )}
      {inspection && (
        <div className="sync-preview" data-testid="import-preview">
          <dl>
            <dt>{t('syncFrom')}</dt>
            <dd data-testid="preview-sender">
              {inspection.header.sender.name} <span dir="ltr">({inspection.header.sender.postId})</span>
            </dd>
            <dt>{t('syncCreatedAt')}</dt>
            <dd dir="ltr">{inspection.header.createdAt}</dd>
            <dt>{t('syncSignature')}</dt>
            <dd>{t('syncSignatureValid')}</dd>
            <dt>{t('syncFingerprint')}</dt>
            <dd>
              <span className="fingerprint" dir="ltr" data-testid="preview-fingerprint">
                {inspection.fingerprint}
              </span>
            </dd>
          </dl>
          <p data-testid="preview-trust" className={trusted ? undefined : 'warning'}>
            {t(`syncTrust.${inspection.trust}` as StringKey)}
          </p>
          {inspection.trust === 'unknown' && (
            <button type="button" className="primary" onClick={() => void trust()}>
              {t('syncTrustButton')}
            </button>
          )}
          {inspection.alreadyImported && <p>{t('syncAlreadyImported')}</p>}
          {inspection.olderThanImported && <p>{t('syncOlder')}</p>}
          {inspection.clockAhead && <p className="warning">{t('syncClockAhead')}</p>}
          {trusted &&
            (rows.length === 0 ? (
              <p>{t('syncNothingToApply')}</p>
            ) : (
              <table className="records" data-testid="preview-table">
                <thead>
                  <tr>
                    <th scope="col">{t('syncRecordType')}</th>
                    <th scope="col">{t('syncNew')}</th>
                    <th scope="col">{t('syncChanged')}</th>
                    <th scope="col">{t('syncDeleted')}</th>
                    <th scope="col">{t('syncConflicting')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([table, counts]) => (
                    <tr key={table} data-testid={`preview-${table}`}>
                      <td dir="ltr">{table}</td>
                      <td>{counts.new}</td>
                      <td>{counts.changed}</td>
                      <td>{counts.deleted}</td>
                      <td>{counts.conflicting}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          <div className="form-actions">
            {trusted && (
              <button type="button" className="primary" disabled={progress !== null} onClick={() => void apply()}>
                {t('syncApply')}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                reset();
                useUiStore.getState().showInfo(t('syncCancelled'));
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join('; ');
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ConflictsPanel({ conflicts, peers, identity, onChange }: { conflicts: Conflict[]; peers: Peer[]; identity: Identity | null; onChange: () => Promise<void> }) {
  const { legacyT: t } = useTranslation();
  const postName = (postId: string) => (postId === identity?.postId ? identity.postName : peers.find((peer) => peer.postId === postId)?.name ?? postId);

  async function keep(id: string, which: 'winner' | 'loser') {
    const result = await api.call('sync.conflicts.resolve', { id, keep: which });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    useUiStore.getState().showInfo(t('syncKept'));
    await useDataStore.getState().refresh();
    await onChange();
  }

  return (
    <section className="panel" aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('syncConflicts')}</h2>
      {conflicts.length === 0 ? (
        <p className="empty">{t('syncNoConflicts')}</p>
      ) : (
        <ul className="conflicts" data-testid="conflicts">
          {conflicts.map((conflict) => (
            <li key={conflict.id}>
              <p>
                <span dir="ltr">{conflict.table}</span> · {conflict.label ?? <span dir="ltr">{conflict.rowId}</span>} · <strong>{conflict.field}</strong>
                {!conflict.rowExists && ` ${t('syncRecordGone')}`}
              </p>
              <div className="conflict-values">
                <div>
                  <p>{t('syncCurrentValue', postName(conflict.winnerPostId))}</p>
                  <blockquote>{formatValue(conflict.winnerValue)}</blockquote>
                  <button type="button" onClick={() => void keep(conflict.id, 'winner')}>
                    {t('syncKeepThis')}
                  </button>
                </div>
                <div>
                  <p>{t('syncOtherValue', postName(conflict.loserPostId))}</p>
                  <blockquote>{formatValue(conflict.loserValue)}</blockquote>
                  <button type="button" disabled={!conflict.rowExists} onClick={() => void keep(conflict.id, 'loser')}>
                    {t('syncKeepThis')}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PeersPanel({ peers, onChange }: { peers: Peer[]; onChange: () => Promise<void> }) {
  const { legacyT: t } = useTranslation();
  const [pending, setPending] = useState<Peer | null>(null);

  async function revoke() {
    if (!pending) return;
    const result = await api.call('sync.peers.revoke', { postId: pending.postId });
    setPending(null);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    await onChange();
  }

  return (
    <section className="panel" aria-labelledby="sync-peers">
      <h2 id="sync-peers">{t('syncTrustedPosts')}</h2>
      {peers.length === 0 ? (
        <p className="empty">{t('syncNoPeers')}</p>
      ) : (
        <table className="records" data-testid="peers-table">
          <thead>
            <tr>
              <th scope="col">{t('partnerName')}</th>
              <th scope="col">{t('syncFingerprint')}</th>
              <th scope="col">{t('syncTrustedSince')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {peers.map((peer) => (
              <tr key={peer.postId}>
                <td>{peer.name}</td>
                <td className="fingerprint" dir="ltr">
                  {peer.fingerprint}
                </td>
                <td dir="ltr">{peer.trustedAt.slice(0, 10)}</td>
                <td>
                  {peer.revokedAt ? (
                    t('syncRevoked')
                  ) : (
                    <button type="button" className="danger" onClick={() => setPending(peer)}>
                      {t('syncRevoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && (
        <ConfirmDialog title={t('syncRevoke')} message={t('syncConfirmRevoke', pending.name)} confirmLabel={t('syncRevoke')} onConfirm={() => void revoke()} onCancel={() => setPending(null)} />
      )}
    </section>
  );
}
