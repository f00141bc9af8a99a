import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { IDLE_LOCK_BOUNDS, MIN_OFFICER_PASSPHRASE, type OfficerInfo, type OfficerRole } from '../../../shared/api/officers';
import { errorText, type AppErrorShape } from '../../../shared/result';
import { Field } from '../components/Field';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';
import { useSessionStore } from './session';

/** Editors add officers, change their role, reset their passphrase, and set the idle lock. */
export function OfficersPage() {
  const { t, language } = useTranslation();
  const session = useSessionStore((store) => store.state);
  const reloadSession = useSessionStore((store) => store.load);
  const showInfo = useUiStore((store) => store.showInfo);
  const [officers, setOfficers] = useState<OfficerInfo[] | null>(null);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);
  const [newPassphrase, setNewPassphrase] = useState('');
  const [adding, setAdding] = useState({ name: '', role: 'read-only' as OfficerRole, passphrase: '', osUser: '' });
  const [idle, setIdle] = useState(String(session?.idleLockMinutes ?? 15));
  const editor = session?.officer?.role === 'editor';

  const reload = useCallback(async () => {
    const result = await api.call('officers.list', {});
    if (result.ok) setOfficers(result.value);
    else setProblem(result.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function run<T>(call: Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>, done: (value: T) => void) {
    setProblem(null);
    const result = await call;
    if (!result.ok) {
      setProblem(result.error);
      return false;
    }
    done(result.value);
    await reload();
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const { name, role, passphrase, osUser } = adding;
    await run(api.call('officers.create', { name: name.trim(), role, passphrase, osUser: osUser.trim() || null }), (officer) => {
      showInfo({ key: 'officers.page.added', params: { name: officer.name } });
      setAdding({ name: '', role: 'read-only', passphrase: '', osUser: '' });
    });
  }

  const roleName = (role: OfficerRole) => t('officers.role', { role });
  return (
    <section className="panel" aria-labelledby="officers-title" data-testid="officers-page">
      <h1 id="officers-title">{t('officers.page.title')}</h1>
      <p>{t('officers.page.intro')}</p>
      {!editor && <p className="empty">{t('officers.page.editorsOnly')}</p>}
      {problem && (
        <p className="field__error" role="alert">
          {errorText(problem, language)}
        </p>
      )}
      {officers && (
        <table className="officers-table">
          <thead>
            <tr>
              <th scope="col">{t('officers.page.name')}</th>
              <th scope="col">{t('officers.page.role')}</th>
              <th scope="col">{t('officers.page.osUser')}</th>
              {editor && <th scope="col">{t('officers.page.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr key={officer.id}>
                <th scope="row">
                  <bdi>{officer.id === session?.officer?.id ? t('officers.page.you', { name: officer.name }) : officer.name}</bdi>
                </th>
                <td>{roleName(officer.role)}</td>
                <td dir="ltr">{officer.osUser ?? t('officers.page.none')}</td>
                {editor && (
                  <td>
                    {resetting === officer.id ? (
                      <form
                        className="officers-inline"
                        onSubmit={(event) => {
                          event.preventDefault();
                          void run(api.call('officers.update', { id: officer.id, passphrase: newPassphrase }), () => {
                            showInfo({ key: 'officers.page.passphraseReset', params: { name: officer.name } });
                            setResetting(null);
                            setNewPassphrase('');
                          });
                        }}
                      >
                        <Field name={`reset-${officer.id}`} label={t('officers.page.newPassphrase', { name: officer.name })}>
                          <input type="password" value={newPassphrase} onChange={(event) => setNewPassphrase(event.target.value)} minLength={MIN_OFFICER_PASSPHRASE} required autoComplete="new-password" autoFocus />
                        </Field>
                        <button type="submit" className="primary">
                          {t('officers.page.save')}
                        </button>
                        <button type="button" onClick={() => setResetting(null)}>
                          {t('officers.page.cancel')}
                        </button>
                      </form>
                    ) : (
                      <span className="row-actions">
                        <button
                          type="button"
                          onClick={() => {
                            const role: OfficerRole = officer.role === 'editor' ? 'read-only' : 'editor';
                            void run(api.call('officers.update', { id: officer.id, role }), () => {
                              showInfo({ key: 'officers.page.roleChanged', params: { name: officer.name, role: roleName(role) } });
                              if (officer.id === session?.officer?.id) void reloadSession();
                            });
                          }}
                        >
                          {officer.role === 'editor' ? t('officers.page.makeReadOnly') : t('officers.page.makeEditor')}
                        </button>
                        <button type="button" onClick={() => setResetting(officer.id)}>
                          {t('officers.page.resetPassphrase')}
                        </button>
                      </span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editor && (
        <>
          <h2>{t('officers.page.addTitle')}</h2>
          <form className="officers-form" onSubmit={(event) => void add(event)} data-testid="add-officer">
            <Field name="officerName" label={t('officers.page.name')}>
              <input value={adding.name} onChange={(event) => setAdding({ ...adding, name: event.target.value })} maxLength={100} required />
            </Field>
            <Field name="officerRole" label={t('officers.page.role')}>
              <select value={adding.role} onChange={(event) => setAdding({ ...adding, role: event.target.value as OfficerRole })}>
                <option value="read-only">{roleName('read-only')}</option>
                <option value="editor">{roleName('editor')}</option>
              </select>
            </Field>
            <Field name="officerPassphrase" label={t('officers.page.passphrase')} hint={t('officers.page.passphraseHint', { min: MIN_OFFICER_PASSPHRASE })}>
              <input type="password" value={adding.passphrase} onChange={(event) => setAdding({ ...adding, passphrase: event.target.value })} minLength={MIN_OFFICER_PASSPHRASE} required autoComplete="new-password" />
            </Field>
            <Field name="officerOsUser" label={t('officers.page.osUser')} hint={t('officers.page.osUserHint')}>
              <input value={adding.osUser} onChange={(event) => setAdding({ ...adding, osUser: event.target.value })} maxLength={256} dir="ltr" />
            </Field>
            <div>
              <button type="submit" className="primary">
                {t('officers.page.add')}
              </button>
            </div>
          </form>
          <form
            className="officers-inline"
            onSubmit={(event) => {
              event.preventDefault();
              void run(api.call('officers.setIdleLock', { minutes: Number(idle) }), ({ idleLockMinutes }) => {
                showInfo({ key: 'officers.page.idleSaved', params: { minutes: idleLockMinutes } });
                void reloadSession();
              });
            }}
          >
            <Field name="idleLockMinutes" label={t('officers.page.idle')}>
              <input type="number" className="short" value={idle} min={IDLE_LOCK_BOUNDS.min} max={IDLE_LOCK_BOUNDS.max} onChange={(event) => setIdle(event.target.value)} required />
            </Field>
            <button type="submit">{t('officers.page.save')}</button>
          </form>
        </>
      )}
      <OwnPassphrase />
    </section>
  );
}

/** Every officer, read-only ones too, changes their own passphrase after giving the current one. */
function OwnPassphrase() {
  const { t, language } = useTranslation();
  const showInfo = useUiStore((store) => store.showInfo);
  const [form, setForm] = useState({ current: '', next: '', again: '' });
  const [problem, setProblem] = useState<string | null>(null);

  async function change(event: FormEvent) {
    event.preventDefault();
    if (form.next !== form.again) return setProblem(t('officers.own.differ'));
    const result = await api.call('officers.changeOwnPassphrase', { current: form.current, next: form.next });
    if (!result.ok) {
      const issue = result.error.details?.issues?.[0];
      return setProblem(issue ? t(issue.key, issue.params) : errorText(result.error, language));
    }
    setProblem(null);
    setForm({ current: '', next: '', again: '' });
    showInfo({ key: 'officers.own.done' });
  }

  return (
    <form className="officers-form" onSubmit={(event) => void change(event)} data-testid="own-passphrase" aria-labelledby="own-passphrase-title">
      <h2 id="own-passphrase-title">{t('officers.own.title')}</h2>
      <Field name="ownCurrent" label={t('officers.own.current')}>
        <input type="password" value={form.current} onChange={(event) => setForm({ ...form, current: event.target.value })} required autoComplete="current-password" />
      </Field>
      <Field name="ownNext" label={t('officers.own.next')} hint={t('officers.own.hint', { min: MIN_OFFICER_PASSPHRASE })}>
        <input type="password" value={form.next} onChange={(event) => setForm({ ...form, next: event.target.value })} minLength={MIN_OFFICER_PASSPHRASE} required autoComplete="new-password" />
      </Field>
      <Field name="ownAgain" label={t('officers.own.again')}>
        <input type="password" value={form.again} onChange={(event) => setForm({ ...form, again: event.target.value })} minLength={MIN_OFFICER_PASSPHRASE} required autoComplete="new-password" />
      </Field>
      {problem && (
        <p className="field__error" role="alert" data-testid="own-passphrase-error">
          {problem}
        </p>
      )}
      <div>
        <button type="submit">{t('officers.own.button')}</button>
      </div>
    </form>
  );
}
