import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { errorText } from '../../../shared/result';
import { Field } from '../components/Field';
import { useTranslation } from '../i18n';
import { api, useDataStore } from '../store';
import './platform.css';

type Status = MethodOutput<'platform.status'>;
type Identity = MethodOutput<'sync.identity'>;

/** The length main/sync/keys.ts requires of a passphrase that seals the signing key. */
const MIN_PASSPHRASE_LENGTH = 8;

/**
 * First start: until the post has a name, a modal asks for it (and, in browser
 * mode, for the passphrase that seals the new signing key), then shows the
 * key's fingerprint, where the data lives, and what the app never does.
 */
export function FirstStart() {
  const { t, language } = useTranslation();
  const refresh = useDataStore((state) => state.refresh);
  const [status, setStatus] = useState<Status | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState<{ postName: string; fingerprint: string } | null>(null);
  const [closed, setClosed] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    void (async () => {
      const result = await api.call('platform.status', {});
      if (!result.ok || !result.value.firstStart) return;
      const who = await api.call('sync.identity', {});
      if (!who.ok) return;
      setIdentity(who.value);
      setStatus(result.value);
    })();
  }, []);

  const open = status !== null && !closed;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
  }, [open]);
  if (!open || !identity) return null;

  const askPassphrase = identity.needsPassphrase && !identity.hasKey;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (askPassphrase && passphrase !== again) {
      setProblem(t('platform.welcome.passphraseMismatch'));
      return;
    }
    setBusy(true);
    const result = await api.call('sync.setup', { name: name.trim(), ...(askPassphrase ? { passphrase } : {}) });
    setBusy(false);
    if (!result.ok) {
      setProblem(errorText(result.error, language));
      return;
    }
    setReady(result.value);
    void refresh();
  }

  return (
    <dialog ref={dialogRef} className="dialog first-start" aria-labelledby="first-start-title" onCancel={(event) => event.preventDefault()} data-testid="first-start">
      {!ready ? (
        <form onSubmit={(event) => void submit(event)}>
          <h2 id="first-start-title">{t('platform.welcome.title')}</h2>
          <p>{t('platform.welcome.intro')}</p>
          <Field name="welcomeName" label={t('platform.welcome.name')} hint={t('platform.welcome.nameHint')}>
            <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} required autoFocus />
          </Field>
          {askPassphrase && (
            <>
              <Field name="welcomePassphrase" label={t('platform.welcome.passphrase')} hint={t('platform.welcome.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}>
                <input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} minLength={MIN_PASSPHRASE_LENGTH} required autoComplete="new-password" />
              </Field>
              <Field name="welcomePassphraseAgain" label={t('platform.welcome.passphraseAgain')}>
                <input type="password" value={again} onChange={(event) => setAgain(event.target.value)} minLength={MIN_PASSPHRASE_LENGTH} required autoComplete="new-password" />
              </Field>
            </>
          )}
          {problem && (
            <p className="field__error" role="alert">
              {problem}
            </p>
          )}
          <p className="first-start__note">{t('platform.welcome.offline')}</p>
          <div className="dialog__actions">
            <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
              {busy ? t('platform.welcome.working') : t('platform.welcome.submit')}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <h2 id="first-start-title">{t('platform.welcome.readyTitle', { name: ready.postName })}</h2>
          <p className="first-start__label">{t('platform.welcome.fingerprint')}</p>
          <p className="first-start__fingerprint" dir="ltr" data-testid="first-start-fingerprint">
            {ready.fingerprint}
          </p>
          <p>{t('platform.welcome.fingerprintHint')}</p>
          <p className="first-start__path">
            <bdi>{t('platform.welcome.dataLocation', { path: status.databasePath })}</bdi>
          </p>
          <p className="first-start__note">{t('platform.welcome.offline')}</p>
          <div className="dialog__actions">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                dialogRef.current?.close();
                setClosed(true);
              }}
            >
              {t('platform.welcome.start')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
