import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { errorText } from '../../../shared/result';
import { useTranslation } from '../i18n';
import { api } from '../store';
import './platform.css';

type Status = MethodOutput<'platform.status'>;

/** The header's Backup button: a panel saying where the data and the backups are, and "Back up now". */
export function BackupButton() {
  const { t, language } = useTranslation();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!open) return;
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    void api.call('platform.status', {}).then((result) => result.ok && setStatus(result.value));
  }, [open]);

  const close = () => {
    dialogRef.current?.close();
    setOpen(false);
    setOutcome(null);
  };

  async function backUp() {
    setBusy(true);
    setOutcome(null);
    const result = await api.call('platform.backup', {});
    setBusy(false);
    setOutcome(
      result.ok
        ? { kind: 'done', text: t('platform.backup.done', { path: result.value.path, size: Math.ceil(result.value.bytes / 1024) }) }
        : { kind: 'error', text: errorText(result.error, language) },
    );
  }

  return (
    <>
      <button type="button" className="backup-open" onClick={() => setOpen(true)}>
        {t('platform.backup.open')}
      </button>
      {open && (
        <dialog ref={dialogRef} className="dialog backup" aria-labelledby="backup-title" onCancel={close} data-testid="backup-dialog">
          <h2 id="backup-title">{t('platform.backup.title')}</h2>
          <p>{t('platform.backup.explain')}</p>
          {status && (
            <ul className="backup__paths">
              <li>
                <bdi>{t('platform.backup.database', { path: status.databasePath })}</bdi>
              </li>
              <li>
                <bdi>{t('platform.backup.folder', { path: status.backupDirectory })}</bdi>
              </li>
            </ul>
          )}
          {outcome && (
            <p className={outcome.kind === 'error' ? 'field__error' : 'backup__done'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
              <bdi>{outcome.text}</bdi>
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" onClick={close}>
              {t('platform.backup.close')}
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void backUp()}>
              {busy ? t('platform.backup.working') : t('platform.backup.now')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
