import { useCallback, useEffect, useState } from 'react';
import { RETIRED_ENCRYPTION_KEY_DAYS, type Inspection, type JobStatus } from '../../../shared/api/sync';
import type { MethodOutput } from '../../../shared/contract';
import { formatMessage } from '../../../shared/i18n/format';
import { message, type Language, type Message, type MessageKey } from '../../../shared/i18n/message';
import { errorText, type AppErrorShape } from '../../../shared/result';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { useTranslation } from '../i18n';
import { api, useDataStore, useUiStore } from '../store';
import './sync.css';
import { CallFailed, downloadExport, saveFile, uploadFile, waitForJob } from './bundleTransfer';
import { encryptForOf, noReaders, ReadersPicker, type Readers } from './ReadersPicker';

type Identity = MethodOutput<'sync.identity'>;
type Peer = MethodOutput<'sync.peers.list'>[number];
type Sender = MethodOutput<'sync.sender'>;
type Conflict = MethodOutput<'sync.conflicts.list'>[number];
type Trust = Inspection['trust'];

interface ProgressState {
  phase: string;
  done: number;
  total: number;
}

/** Refusals the Sync page explains in its own words, by the `details.reason` the main side sends. */
type SyncReason = 'signature' | 'truncated' | 'not-a-bundle' | 'unknown' | 'key-changed' | 'revoked';
const REASONS: Record<SyncReason, MessageKey> = {
  signature: 'sync.reason.signature',
  truncated: 'sync.reason.truncated',
  'not-a-bundle': 'sync.reason.notABundle',
  unknown: 'sync.reason.unknown',
  'key-changed': 'sync.reason.keyChanged',
  revoked: 'sync.reason.revoked',
};
const isReason = (value: unknown): value is SyncReason => typeof value === 'string' && Object.hasOwn(REASONS, value);

/**
 * A failure as a person should read it: the catalog's words for a known
 * refusal reason, else the error envelope itself (rendered by errorText).
 */
function failure(error: AppErrorShape): AppErrorShape | Message {
  const reason = error.details?.reason;
  if (isReason(reason)) return message(REASONS[reason]);
  return error;
}

function failureText(error: AppErrorShape, language: Language): string {
  const what = failure(error);
  return 'code' in what ? errorText(what, language) : formatMessage(language, what.key, what.params);
}

const showFailure = (error: AppErrorShape) => useUiStore.getState().showError(failure(error));

type Phase = 'starting' | 'uploading' | 'reading' | 'compressing' | 'verifying' | 'decompressing' | 'validating' | 'previewing' | 'applying' | 'downloading' | 'done';
const PHASES: Record<Phase, MessageKey> = {
  starting: 'sync.phase.starting',
  uploading: 'sync.phase.uploading',
  reading: 'sync.phase.reading',
  compressing: 'sync.phase.compressing',
  verifying: 'sync.phase.verifying',
  decompressing: 'sync.phase.decompressing',
  validating: 'sync.phase.validating',
  previewing: 'sync.phase.previewing',
  applying: 'sync.phase.applying',
  downloading: 'sync.phase.downloading',
  done: 'sync.phase.done',
};
const isPhase = (value: string): value is Phase => Object.hasOwn(PHASES, value);
const phaseKey = (phase: string): MessageKey => (isPhase(phase) ? PHASES[phase] : 'sync.phase.working');

const TRUST: Record<Trust, MessageKey> = {
  trusted: 'sync.trust.trusted',
  self: 'sync.trust.self',
  unknown: 'sync.trust.unknown',
  revoked: 'sync.trust.revoked',
  'key-changed': 'sync.trust.keyChanged',
};

function ProgressBar({ progress, testId }: { progress: ProgressState | null; testId: string }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const label = t('sync.working', { phase: message(phaseKey(progress.phase)) });
  return (
    <div className="sync-progress" role="status" data-testid={testId}>
      <progress max={progress.total || 1} value={progress.total ? progress.done : undefined} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

export function SyncPage() {
  const { t } = useTranslation();
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
        <h1 id="sync-heading">{t('sync.heading')}</h1>
      </header>
      {!identity ? <p>{t('ui.loading')}</p> : <IdentityPanel identity={identity} onChange={reload} />}
      {identity?.hasKey && <ExportPanel identity={identity} peers={peers} onDone={reload} />}
      {identity?.hasKey && <ImportPanel onDone={reload} />}
      <ConflictsPanel conflicts={conflicts} peers={peers} identity={identity} onChange={reload} />
      <PeersPanel peers={peers} onChange={reload} />
    </section>
  );
}

function IdentityPanel({ identity, onChange }: { identity: Identity; onChange: () => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(identity.postName);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  async function setup() {
    setBusy(true);
    const result = await api.call('sync.setup', { name, passphrase: passphrase || undefined });
    setBusy(false);
    if (!result.ok) return showFailure(result.error);
    useUiStore.getState().showInfo(message('ui.saved'));
    await useDataStore.getState().refresh();
    await onChange();
  }

  async function exportKey() {
    if (identity.savesWithDialog) {
      // A post made before encryption keys makes its own now, which needs the passphrase typed above.
      const saved = await api.call('sync.saveFile', { publicKey: { passphrase: passphrase || undefined } });
      if (!saved.ok) useUiStore.getState().showError(saved.error);
      return;
    }
    const result = await api.call('sync.publicKeyFile', { passphrase: passphrase || undefined });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    saveFile(new Blob([result.value.text], { type: 'application/json' }), result.value.fileName);
  }

  return (
    <section className="panel" aria-labelledby="sync-identity">
      <h2 id="sync-identity">{t('sync.identity.heading')}</h2>
      {!identity.hasKey && <p>{t('sync.identity.noKey')}</p>}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void setup();
        }}
      >
        <Field name="postName" label={t('sync.identity.postName')}>
          <input value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
        </Field>
        {!identity.hasKey && identity.needsPassphrase && (
          <Field name="keyPassphrase" label={t('sync.passphrase')} hint={t('sync.identity.passphraseHint')}>
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {identity.hasKey ? t('sync.identity.saveName') : t('sync.identity.createKey')}
        </button>
      </form>
      {identity.hasKey && (
        <dl className="sync-identity">
          <dt>{t('sync.identity.postId')}</dt>
          <dd dir="ltr">{identity.postId}</dd>
          <dt>{t('sync.fingerprint')}</dt>
          <dd>
            <span className="fingerprint" dir="ltr" data-testid="own-fingerprint">
              {identity.fingerprint}
            </span>
            <p className="field__hint">{t('sync.identity.fingerprintHint')}</p>
          </dd>
        </dl>
      )}
      {identity.hasKey && (
        <button type="button" onClick={() => void exportKey()}>
          {t('sync.identity.exportKey')}
        </button>
      )}
      {identity.hasKey && identity.encryptionKeyCreatedAt && <EncryptionKeyPart identity={identity} onChange={onChange} />}
    </section>
  );
}

/** This post's encryption key: when it was made, and replacing it (the signing key and fingerprint stay). */
function EncryptionKeyPart({ identity, onChange }: { identity: Identity; onChange: () => Promise<void> }) {
  const { t, date } = useTranslation();
  const [replacing, setReplacing] = useState(false);
  const [forgetOld, setForgetOld] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  async function rotate() {
    setBusy(true);
    const result = await api.call('sync.encryptionKey.rotate', { passphrase: passphrase || undefined, forgetOld });
    setBusy(false);
    if (!result.ok) return showFailure(result.error);
    setReplacing(false);
    setPassphrase('');
    setForgetOld(false);
    useUiStore.getState().showInfo(message('sync.rotate.done'));
    await onChange();
  }

  return (
    <div className="sync-encryption-key" data-testid="encryption-key">
      <h3>{t('sync.rotate.heading')}</h3>
      <p>
        {t('sync.rotate.madeOn', { date: date(identity.encryptionKeyCreatedAt!) })}{' '}
        {identity.retiredEncryptionKeys > 0 && t('sync.rotate.retiredKept', { count: identity.retiredEncryptionKeys, days: RETIRED_ENCRYPTION_KEY_DAYS })}
      </p>
      {!replacing ? (
        <button type="button" onClick={() => setReplacing(true)}>
          {t('sync.rotate.start')}
        </button>
      ) : (
        <form
          className="sync-rotate"
          aria-label={t('sync.rotate.heading')}
          onSubmit={(event) => {
            event.preventDefault();
            void rotate();
          }}
        >
          <p>{t('sync.rotate.explain')}</p>
          <label className="checkbox-label">
            <input type="checkbox" checked={forgetOld} onChange={(event) => setForgetOld(event.target.checked)} /> {t('sync.rotate.forgetOld')}
          </label>
          <p className="field__hint">{forgetOld ? t('sync.rotate.forgetOldHint') : t('sync.rotate.keepOldHint', { days: RETIRED_ENCRYPTION_KEY_DAYS })}</p>
          {identity.needsPassphrase && (
            <Field name="rotatePassphrase" label={t('sync.passphrase')}>
              <input type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {t('sync.rotate.confirm')}
            </button>
            <button type="button" onClick={() => setReplacing(false)}>
              {t('ui.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function ExportPanel({ identity, peers, onDone }: { identity: Identity; peers: Peer[]; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [forPost, setForPost] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [readers, setReaders] = useState<Readers>(noReaders);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [finished, setFinished] = useState<JobStatus | null>(null);
  const encryptFor = encryptForOf(readers);

  async function run() {
    if (!encryptFor) return;
    setFinished(null);
    setProgress({ phase: 'starting', done: 0, total: 0 });
    try {
      const started = await api.call('sync.export.start', { forPost: forPost || null, passphrase: passphrase || undefined, encryptFor });
      if (!started.ok) throw new CallFailed(started.error);
      const job = await waitForJob(started.value.jobId, (status) => setProgress(status));
      if (job.state === 'failed') throw new CallFailed(job.error!);
      setFinished(job);
      // Each file's readers are chosen afresh: "unencrypted" never carries over to the next file unnoticed.
      setReaders(noReaders);
      await saveExport(identity, job.id, (done, total) => setProgress({ phase: 'downloading', done, total }));
      await onDone();
    } catch (error) {
      if (error instanceof CallFailed) showFailure(error.error);
      else throw error;
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="sync-export">
      <h2 id="sync-export">{t('sync.export.heading')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Field name="exportFor" label={t('sync.export.what')}>
          <select
            value={forPost}
            onChange={(event) => {
              const chosen = event.target.value;
              setForPost(chosen);
              // The post a delta is for is the natural reader: ticked for the person, who may change it.
              const target = peers.find((peer) => peer.postId === chosen);
              if (target?.encryptionKey && !readers.unencrypted && !readers.posts.includes(chosen)) setReaders({ ...readers, posts: [...readers.posts, chosen] });
            }}
          >
            <option value="">{t('sync.export.everything')}</option>
            {peers
              .filter((peer) => !peer.revokedAt)
              .map((peer) => (
                <option key={peer.postId} value={peer.postId}>
                  {t('sync.export.changesFor', { post: peer.name })}
                </option>
              ))}
          </select>
        </Field>
        {identity.needsPassphrase && (
          <Field name="exportPassphrase" label={t('sync.passphrase')}>
            <input type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
          </Field>
        )}
        <ReadersPicker peers={peers} value={readers} onChange={setReaders} idPrefix="export" />
        <button type="submit" className="primary" disabled={progress !== null || encryptFor === null} aria-describedby={encryptFor === null ? 'export-choose-readers' : undefined}>
          {t('sync.export.button')}
        </button>
        {encryptFor === null && (
          <p className="field__hint" id="export-choose-readers">
            {t('sync.encrypt.choose')}
          </p>
        )}
      </form>
      <ProgressBar progress={progress} testId="export-progress" />
      {finished?.file && (
        <p role="status" data-testid="export-result">
          {t('sync.export.ready', { changes: finished.file.changes, bytes: finished.file.size })}{' '}
          {finished.file.encryptedFor.length > 0 ? t('sync.export.encryptedFor', { posts: finished.file.encryptedFor.map((id) => peers.find((peer) => peer.postId === id)?.name ?? id).join(', ') }) : t('sync.export.notEncrypted')}{' '}
          <button type="button" onClick={() => void saveExport(identity, finished.id, () => undefined).catch(() => undefined)}>
            {t('sync.export.download')}
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
  const { t, language, dateTime, number } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [keyFile, setKeyFile] = useState<Sender | null>(null);
  const [opened, setOpened] = useState(false);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [failed, setFailed] = useState<AppErrorShape | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);

  function reset() {
    setFile(null);
    setUploadId(null);
    setInspection(null);
    setKeyFile(null);
    setOpened(false);
    setFileInputKey((key) => key + 1);
  }

  async function guarded(work: () => Promise<void>) {
    setFailed(null);
    try {
      await work();
    } catch (error) {
      if (error instanceof CallFailed) setFailed(error.error);
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
      setKeyFile(null);
      const uploaded = await uploadFile(file, (done, total) => setProgress({ phase: 'uploading', done, total }));
      setUploadId(uploaded.uploadId);
      setOpened(uploaded.encrypted);
      if (uploaded.kind === 'bundle') return inspect(uploaded.uploadId);
      // Anything else may be a post's public key file: who it names, to trust once the fingerprint is checked.
      const sender = await api.call('sync.sender', { uploadId: uploaded.uploadId });
      if (!sender.ok) throw new CallFailed(sender.error);
      setKeyFile(sender.value);
    });

  const trustKeyFile = () =>
    guarded(async () => {
      if (!uploadId || !keyFile) return;
      const result = await api.call('sync.peers.trust', { uploadId, fingerprint: keyFile.fingerprint });
      if (!result.ok) throw new CallFailed(result.error);
      useUiStore.getState().showInfo(message(keyFile.encryptionKeyChanged ? 'sync.keyFile.keyReplaced' : result.value.encryptionKey ? 'sync.keyFile.trusted' : 'sync.keyFile.trustedNoKey', { name: result.value.name }));
      reset();
      await onDone();
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
      useUiStore.getState().showInfo(summary ? message('sync.import.applied', { applied: summary.applied, conflicts: summary.conflicts }) : message('sync.import.alreadyImported'));
      reset();
      await useDataStore.getState().refresh();
      await onDone();
    });

  const trusted = inspection && (inspection.trust === 'trusted' || inspection.trust === 'self');
  const rows = inspection?.preview ? Object.entries(inspection.preview.tables).filter(([, c]) => c.new + c.changed + c.deleted + c.conflicting > 0) : [];
  return (
    <section className="panel" aria-labelledby="sync-import">
      <h2 id="sync-import">{t('sync.import.heading')}</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <Field name="bundleFile" label={t('sync.import.file')}>
          <input key={fileInputKey} type="file" accept=".accord-bundle,.json,application/octet-stream" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </Field>
        <button type="submit" disabled={!file || progress !== null}>
          {t('sync.import.check')}
        </button>
      </form>
      <ProgressBar progress={progress} testId="import-progress" />
      {failed && (
        <p className="notice notice--error" role="alert" data-testid="import-error">
          {failureText(failed, language)}
        </p>
      )}
      {opened && (
        <p className="notice" role="status" data-testid="import-opened">
          {t('sync.upload.opened')}
        </p>
      )}
      {keyFile && (
        <div className="sync-preview" data-testid="key-file-preview">
          <h3>{t('sync.keyFile.heading', { name: keyFile.name })}</h3>
          <dl>
            <dt>{t('sync.import.from')}</dt>
            <dd>
              {keyFile.name} <span dir="ltr">({keyFile.postId})</span>
            </dd>
            <dt>{t('sync.fingerprint')}</dt>
            <dd>
              <span className="fingerprint" dir="ltr" data-testid="key-file-fingerprint">
                {keyFile.fingerprint}
              </span>
            </dd>
            <dt>{t('sync.peers.encryption')}</dt>
            <dd className={keyFile.hasEncryptionKey ? undefined : 'warning'}>
              {t(keyFile.encryptionKeyChanged ? 'sync.keyFile.newEncryption' : keyFile.hasEncryptionKey ? 'sync.keyFile.hasEncryption' : 'sync.keyFile.noEncryption', { name: keyFile.name })}
            </dd>
          </dl>
          <p className="field__hint">{t(keyFile.encryptionKeyChanged ? 'sync.keyFile.samePost' : 'sync.trust.unknown')}</p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void trustKeyFile()}>
              {t(keyFile.encryptionKeyChanged ? 'sync.keyFile.storeNewKey' : 'sync.import.trustButton')}
            </button>
            <button type="button" onClick={reset}>
              {t('ui.cancel')}
            </button>
          </div>
        </div>
      )}
      {inspection && (
        <div className="sync-preview" data-testid="import-preview">
          <dl>
            <dt>{t('sync.import.from')}</dt>
            <dd data-testid="preview-sender">
              {inspection.header.sender.name} <span dir="ltr">({inspection.header.sender.postId})</span>
            </dd>
            <dt>{t('sync.import.createdAt')}</dt>
            <dd>{dateTime(inspection.header.createdAt)}</dd>
            <dt>{t('sync.import.signature')}</dt>
            <dd>{t('sync.import.signatureValid')}</dd>
            <dt>{t('sync.fingerprint')}</dt>
            <dd>
              <span className="fingerprint" dir="ltr" data-testid="preview-fingerprint">
                {inspection.fingerprint}
              </span>
            </dd>
          </dl>
          <p data-testid="preview-trust" className={trusted ? undefined : 'warning'}>
            {t(TRUST[inspection.trust])}
          </p>
          {inspection.trust === 'unknown' && (
            <button type="button" className="primary" onClick={() => void trust()}>
              {t('sync.import.trustButton')}
            </button>
          )}
          {inspection.alreadyImported && <p>{t('sync.import.alreadyImported')}</p>}
          {inspection.olderThanImported && <p>{t('sync.import.older')}</p>}
          {inspection.clockAhead && <p className="warning">{t('sync.import.clockAhead')}</p>}
          {trusted &&
            (rows.length === 0 ? (
              <p>{t('sync.import.nothingToApply')}</p>
            ) : (
              <table className="records" data-testid="preview-table">
                <thead>
                  <tr>
                    <th scope="col">{t('sync.preview.recordType')}</th>
                    <th scope="col">{t('sync.preview.new')}</th>
                    <th scope="col">{t('sync.preview.changed')}</th>
                    <th scope="col">{t('sync.preview.deleted')}</th>
                    <th scope="col">{t('sync.preview.conflicting')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([table, counts]) => (
                    <tr key={table} data-testid={`preview-${table}`}>
                      <td dir="ltr">{table}</td>
                      <td>{number(counts.new)}</td>
                      <td>{number(counts.changed)}</td>
                      <td>{number(counts.deleted)}</td>
                      <td>{number(counts.conflicting)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          <div className="form-actions">
            {trusted && (
              <button type="button" className="primary" disabled={progress !== null} onClick={() => void apply()}>
                {t('sync.import.apply')}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                reset();
                useUiStore.getState().showInfo(message('sync.import.cancelled'));
              }}
            >
              {t('ui.cancel')}
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
  const { t } = useTranslation();
  const postName = (postId: string) => (postId === identity?.postId ? identity.postName : peers.find((peer) => peer.postId === postId)?.name ?? postId);

  async function keep(id: string, which: 'winner' | 'loser') {
    const result = await api.call('sync.conflicts.resolve', { id, keep: which });
    if (!result.ok) return useUiStore.getState().showError(result.error);
    useUiStore.getState().showInfo(message('sync.conflicts.kept'));
    await useDataStore.getState().refresh();
    await onChange();
  }

  return (
    <section className="panel" aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('sync.conflicts.heading')}</h2>
      {conflicts.length === 0 ? (
        <p className="empty">{t('sync.conflicts.none')}</p>
      ) : (
        <ul className="conflicts" data-testid="conflicts">
          {conflicts.map((conflict) => (
            <li key={conflict.id}>
              <p>
                <span dir="ltr">{conflict.table}</span> · {conflict.label ?? <span dir="ltr">{conflict.rowId}</span>} · <strong>{conflict.field}</strong>
                {!conflict.rowExists && ` ${t('sync.conflicts.recordGone')}`}
              </p>
              <div className="conflict-values">
                <div>
                  <p>{t('sync.conflicts.current', { post: postName(conflict.winnerPostId) })}</p>
                  <blockquote>{formatValue(conflict.winnerValue)}</blockquote>
                  <button type="button" onClick={() => void keep(conflict.id, 'winner')}>
                    {t('sync.conflicts.keep')}
                  </button>
                </div>
                <div>
                  <p>{t('sync.conflicts.other', { post: postName(conflict.loserPostId) })}</p>
                  <blockquote>{formatValue(conflict.loserValue)}</blockquote>
                  <button type="button" disabled={!conflict.rowExists} onClick={() => void keep(conflict.id, 'loser')}>
                    {t('sync.conflicts.keep')}
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
  const { t, date } = useTranslation();
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
      <h2 id="sync-peers">{t('sync.peers.heading')}</h2>
      {peers.length === 0 ? (
        <p className="empty">{t('sync.peers.none')}</p>
      ) : (
        <table className="records" data-testid="peers-table">
          <thead>
            <tr>
              <th scope="col">{t('ui.name')}</th>
              <th scope="col">{t('sync.fingerprint')}</th>
              <th scope="col">{t('sync.peers.encryption')}</th>
              <th scope="col">{t('sync.peers.trustedSince')}</th>
              <th scope="col">{t('ui.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {peers.map((peer) => (
              <tr key={peer.postId}>
                <td>{peer.name}</td>
                <td className="fingerprint" dir="ltr">
                  {peer.fingerprint}
                </td>
                <td>{peer.encryptionKey ? t('sync.peers.encryptionYes') : t('sync.peers.encryptionNo')}</td>
                <td>{date(peer.trustedAt)}</td>
                <td>
                  {peer.revokedAt ? (
                    t('sync.peers.revoked')
                  ) : (
                    <button type="button" className="danger" onClick={() => setPending(peer)}>
                      {t('sync.peers.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending && (
        <ConfirmDialog title={t('sync.peers.revoke')} message={t('sync.peers.confirmRevoke', { name: pending.name })} confirmLabel={t('sync.peers.revoke')} onConfirm={() => void revoke()} onCancel={() => setPending(null)} />
      )}
    </section>
  );
}
