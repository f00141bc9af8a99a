import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { MIN_OFFICER_PASSPHRASE } from '../../../shared/api/officers';
import { errorText } from '../../../shared/result';
import { Field } from '../components/Field';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';
import { ACTIVITY_EVENTS, IdleTimer, type IdleClock } from './idle';
import { useSessionStore, type SessionState } from './session';
import './officers.css';

/** How often the idle time is checked (the lock comes at most this late). */
const IDLE_CHECK_MS = 5_000;

/**
 * Nothing of the app is shown (or asks the main side for anything) until an
 * officer is signed in: first start creates the first officer, later starts
 * ask who is signing in. Once signed in, the window locks after the post's idle
 * time; the pages stay mounted under the lock screen, so no form input is lost.
 */
export function SessionGate({ children, clock = Date }: { children: ReactNode; clock?: IdleClock }) {
  const { state, load } = useSessionStore();
  useEffect(() => {
    void load();
  }, [load]);
  if (!state) return null;
  if (state.needsFirstOfficer) return <FirstOfficer state={state} />;
  if (!state.officer) return <SignIn state={state} />;
  return (
    <>
      <div className="session-content" inert={state.locked} aria-hidden={state.locked || undefined}>
        {children}
      </div>
      <IdleLock minutes={state.idleLockMinutes} clock={clock} />
      {state.locked && <LockScreen state={state} />}
    </>
  );
}

function IdleLock({ minutes, clock }: { minutes: number; clock: IdleClock }) {
  const lock = useSessionStore((store) => store.lock);
  const timer = useRef<IdleTimer | null>(null);
  timer.current ??= new IdleTimer(minutes * 60_000, clock, () => void lock());
  useEffect(() => timer.current!.setIdleMs(minutes * 60_000), [minutes]);
  useEffect(() => {
    const current = timer.current!;
    const onActivity = () => current.activity();
    const onVisible = () => current.tick();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisible);
    const interval = window.setInterval(() => current.tick(), IDLE_CHECK_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(interval);
    };
  }, []);
  return null;
}

/** A full-window screen of its own (no app behind it), with the marking and the language switch. */
function Screen({ state, title, children }: { state: SessionState; title: string; children: ReactNode }) {
  const { t, language } = useTranslation();
  return (
    <div className="session-screen" data-testid="session-screen">
      <div className="marking marking--top" role="banner">
        {state.handlingMarking}
      </div>
      <main className="session-screen__body">
        <section className="session-card" aria-labelledby="session-title">
          <p className="session-card__brand">
            {t('ui.appName')}
            {state.postName ? <bdi> · {state.postName}</bdi> : null}
          </p>
          <h1 id="session-title">{title}</h1>
          {children}
        </section>
        <LanguageSwitch key={language} />
      </main>
      <div className="marking marking--bottom">{state.handlingMarking}</div>
    </div>
  );
}

function LanguageSwitch() {
  const { t, language } = useTranslation();
  return (
    <button type="button" className="language session-screen__language" aria-label={t('ui.otherLanguageLabel')} onClick={() => setLanguage(language === 'ar' ? 'en' : 'ar')}>
      {t('ui.otherLanguage')}
    </button>
  );
}

const setLanguage = (language: 'en' | 'ar') => useUiStore.getState().setLanguage(language);

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p className="field__error" role="alert">
      {text}
    </p>
  ) : null;
}

function SignIn({ state }: { state: SessionState }) {
  const { t, language } = useTranslation();
  const load = useSessionStore((store) => store.load);
  const [officer, setOfficer] = useState(state.officers[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(call: () => ReturnType<typeof api.call<'session.signIn'>>) {
    setBusy(true);
    setProblem(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setProblem(errorText(result.error, language));
      setPassphrase('');
      return;
    }
    await load();
  }

  return (
    <Screen state={state} title={t('officers.signIn.title')}>
      <p>{t('officers.signIn.intro')}</p>
      {state.osOfficer && state.osUser && (
        <p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.call('session.signInOs', {}))}>
            {t('officers.signIn.os', { name: state.osOfficer.name, user: state.osUser })}
          </button>
        </p>
      )}
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void run(() => api.call('session.signIn', { officer, passphrase }));
        }}
      >
        <Field name="signInOfficer" label={t('officers.signIn.officer')}>
          <select value={officer} onChange={(event) => setOfficer(event.target.value)} required>
            {state.officers.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="signInPassphrase" label={t('officers.signIn.passphrase')}>
          <input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} required autoComplete="current-password" autoFocus />
        </Field>
        <Problem text={problem} />
        <div className="dialog__actions">
          <button type="submit" className="primary" disabled={busy || !officer || passphrase === ''}>
            {busy ? t('officers.signIn.working') : t('officers.signIn.submit')}
          </button>
        </div>
      </form>
    </Screen>
  );
}

function FirstOfficer({ state }: { state: SessionState }) {
  const { t, language } = useTranslation();
  const load = useSessionStore((store) => store.load);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [useOsAccount, setUseOsAccount] = useState(state.osUser !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase !== again) {
      setProblem(t('officers.first.mismatch'));
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await api.call('officers.first', { name: name.trim(), passphrase, useOsAccount: useOsAccount && state.osUser !== null });
    setBusy(false);
    if (!result.ok) {
      setProblem(errorText(result.error, language));
      return;
    }
    await load();
  }

  return (
    <Screen state={state} title={t('officers.first.title')}>
      <p>{t('officers.first.intro')}</p>
      <form onSubmit={(event) => void submit(event)} data-testid="first-officer">
        <Field name="firstOfficerName" label={t('officers.first.name')}>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} required autoFocus />
        </Field>
        <Field name="firstOfficerPassphrase" label={t('officers.first.passphrase')} hint={t('officers.first.passphraseHint', { min: MIN_OFFICER_PASSPHRASE })}>
          <input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} minLength={MIN_OFFICER_PASSPHRASE} required autoComplete="new-password" />
        </Field>
        <Field name="firstOfficerPassphraseAgain" label={t('officers.first.passphraseAgain')}>
          <input type="password" value={again} onChange={(event) => setAgain(event.target.value)} minLength={MIN_OFFICER_PASSPHRASE} required autoComplete="new-password" />
        </Field>
        {state.osUser && (
          <label className="session-check">
            <input type="checkbox" checked={useOsAccount} onChange={(event) => setUseOsAccount(event.target.checked)} />
            {t('officers.first.useOs', { user: state.osUser })}
          </label>
        )}
        <Problem text={problem} />
        <div className="dialog__actions">
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            {t('officers.first.submit')}
          </button>
        </div>
      </form>
    </Screen>
  );
}

/** Over the pages (which stay as they were, unsaved input included) until the passphrase is given again. */
function LockScreen({ state }: { state: SessionState }) {
  const { t, language } = useTranslation();
  const load = useSessionStore((store) => store.load);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const officer = state.officer!;

  async function unlock(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await api.call('session.unlock', { passphrase });
    setBusy(false);
    setPassphrase('');
    if (!result.ok) {
      setProblem(errorText(result.error, language));
      return;
    }
    await load();
  }

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <form className="session-card" onSubmit={(event) => void unlock(event)}>
        <p className="session-card__brand">
          {t('ui.appName')} · <bdi>{state.postName}</bdi>
        </p>
        <h1 id="lock-title">{t('officers.lock.title')}</h1>
        <p>{t('officers.lock.intro', { minutes: state.idleLockMinutes, name: officer.name })}</p>
        <Field name="unlockPassphrase" label={t('officers.signIn.passphrase')}>
          <input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} required autoComplete="current-password" autoFocus />
        </Field>
        <Problem text={problem} />
        <div className="dialog__actions">
          <button
            type="button"
            onClick={() =>
              void api.call('session.signOut', {}).then(() => {
                // Signing out drops what was typed: the pages under the lock belong to this officer.
                window.location.hash = '#/';
                return load();
              })
            }
          >
            {t('officers.lock.signOut')}
          </button>
          <button type="submit" className="primary" disabled={busy || passphrase === ''}>
            {t('officers.lock.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The header's "Signed in: name (role)" and Sign out. */
export function SignedInOfficer() {
  const { t } = useTranslation();
  const { state, load } = useSessionStore();
  const officer = state?.officer;
  if (!officer) return null;
  return (
    <span className="signed-in" data-testid="signed-in">
      <span>{t('officers.header.signedIn', { name: `\u2068${officer.name}\u2069`, role: t('officers.role', { role: officer.role }) })}</span>
      <button type="button" onClick={() => void api.call('session.signOut', {}).then(load)}>
        {t('officers.header.signOut')}
      </button>
    </span>
  );
}
