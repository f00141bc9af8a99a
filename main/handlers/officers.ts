import type { officersMethods } from '../../shared/api/officers';
import { message } from '../../shared/i18n/message';
import { AppError, fieldIssueError } from '../../shared/result';
import { uuidv7 } from '../../shared/uuid';
import {
  countOfficers,
  findOfficer,
  findOfficerByName,
  findOfficerByOsUser,
  idleLockMinutes,
  insertOfficer,
  listOfficers,
  setIdleLockMinutes,
  storedPassphrase,
  updateOfficer,
  type Officer,
} from '../../db/officers';
import type { Store } from '../../db/store';
import { checkPassphrase, hashPassphrase } from '../officers';
import type { HandlerContext, HandlersFor } from './types';

/**
 * Officers and sessions. Signing in checks the passphrase (scrypt, off the
 * main thread) and opens a session whose token the host keeps; the gate
 * (main/dispatch.ts) resolves it on every later call.
 */

const wrongPassphrase = () => new AppError('UNAUTHORIZED', message('officers.wrongPassphrase'), { reason: 'wrong-passphrase' });

/**
 * Checks a passphrase under the running app's attempt limit (main/officers.ts): while an officer must wait,
 * no passphrase is even checked, the right one included. `key` is the officer's id, or the name typed for
 * one that does not exist, so both are refused alike.
 */
async function checkedAttempt(context: HandlerContext, key: string, passphrase: string, officer: Officer | undefined): Promise<boolean> {
  const { attempts } = context.sessions;
  const waitMs = attempts.waitFor(key, context.store.now());
  if (waitMs > 0) throw new AppError('UNAUTHORIZED', message('officers.tooManyAttempts', { minutes: Math.ceil(waitMs / 60_000) }), { reason: 'throttled', retryAfterMs: waitMs });
  const stored = officer && storedPassphrase(context.store.db, officer.id);
  const right = stored !== undefined && (await checkPassphrase(passphrase, stored));
  if (right) attempts.succeeded(key);
  else attempts.failed(key, context.store.now());
  return right;
}

function opened(context: HandlerContext, officer: Officer) {
  const { token } = context.sessions.open(officer.id);
  return { officer, sessionToken: token };
}

function mustFind(store: Store, id: string): Officer {
  const officer = findOfficer(store.db, id);
  if (!officer) throw new AppError('NOT_FOUND', message('officers.notFound'));
  return officer;
}

function assertNameFree(store: Store, name: string, except?: string): void {
  const clash = findOfficerByName(store.db, name);
  if (clash && clash.id !== except) throw fieldIssueError('name', message('officers.duplicateName', { name }));
}

function assertOsUserFree(store: Store, osUser: string | null | undefined, except?: string): void {
  if (!osUser) return;
  const clash = findOfficerByOsUser(store.db, osUser);
  if (clash && clash.id !== except) throw fieldIssueError('osUser', message('officers.osUserTaken', { user: osUser, name: clash.name }));
}

export const officersHandlers: HandlersFor<typeof officersMethods> = {
  'session.current': (_input, context) => {
    const { store, handlingMarking, officer, session, osUser } = context;
    const officers = listOfficers(store.db);
    const osOfficer = osUser ? findOfficerByOsUser(store.db, osUser) : undefined;
    return {
      postName: store.post.name,
      handlingMarking,
      officer,
      locked: session?.locked ?? false,
      needsFirstOfficer: officers.length === 0,
      officers: officers.map(({ id, name }) => ({ id, name })),
      idleLockMinutes: idleLockMinutes(store.db),
      osUser: osUser ?? null,
      osOfficer: osOfficer ? { id: osOfficer.id, name: osOfficer.name } : null,
    };
  },
  'session.signIn': async ({ officer: who, passphrase }, context) => {
    const { store } = context;
    const officer = findOfficer(store.db, who) ?? findOfficerByName(store.db, who);
    if (!(await checkedAttempt(context, officer?.id ?? `name:${who.toLowerCase()}`, passphrase, officer)) || !officer) throw wrongPassphrase();
    return opened(context, officer);
  },
  'session.signInOs': (_input, context) => {
    // Only the desktop shell sets osUser: the browser host and the CLI never reach this with one.
    const officer = context.osUser ? findOfficerByOsUser(context.store.db, context.osUser) : undefined;
    if (!officer) throw new AppError('UNAUTHORIZED', message('officers.noOsAccount'), { reason: 'no-os-account' });
    return opened(context, officer);
  },
  'session.signOut': (_input, context) => {
    context.sessions.end(context.sessionToken);
    return { sessionToken: null };
  },
  'session.lock': (_input, { session }) => {
    if (!session) throw new AppError('UNAUTHORIZED', message('officers.signInNeeded'), { reason: 'sign-in' });
    session.locked = true;
    return { locked: true as const };
  },
  'session.unlock': async ({ passphrase }, context) => {
    const { session, officer } = context;
    if (!session || !officer) throw new AppError('UNAUTHORIZED', message('officers.signInNeeded'), { reason: 'sign-in' });
    if (!(await checkedAttempt(context, officer.id, passphrase, officer))) throw wrongPassphrase();
    session.locked = false;
    return { officer };
  },
  'officers.changeOwnPassphrase': async ({ current, next }, context) => {
    const { store, sessions, session, officer } = context;
    if (!session || !officer) throw new AppError('UNAUTHORIZED', message('officers.signInNeeded'), { reason: 'sign-in' });
    if (!(await checkedAttempt(context, officer.id, current, officer))) throw fieldIssueError('current', message('officers.wrongCurrentPassphrase'));
    const hashed = await hashPassphrase(next);
    store.transaction(() => updateOfficer(store.db, officer.id, { passphrase: hashed }, new Date(store.now()).toISOString()));
    // Whoever knew the old passphrase is signed out everywhere else.
    sessions.endAllOf(officer.id, session);
    return { changed: true as const };
  },
  'officers.first': async ({ name, passphrase, useOsAccount }, context) => {
    const { store } = context;
    const hashed = await hashPassphrase(passphrase);
    const officer: Officer = { id: uuidv7(store.now()), name, role: 'editor', osUser: useOsAccount && context.osUser ? context.osUser : null };
    // Checked inside the transaction that writes: two first starts racing cannot both create one.
    store.transaction(() => {
      if (countOfficers(store.db) > 0) throw new AppError('CONFLICT', message('officers.alreadySetUp'), { reason: 'officers-exist' });
      insertOfficer(store.db, officer, hashed, new Date(store.now()).toISOString());
    });
    return opened(context, officer);
  },
  'officers.list': (_input, { store }) => listOfficers(store.db),
  'officers.create': async ({ name, role, passphrase, osUser }, { store }) => {
    const hashed = await hashPassphrase(passphrase);
    const officer: Officer = { id: uuidv7(store.now()), name, role, osUser: osUser || null };
    store.transaction(() => {
      assertNameFree(store, name);
      assertOsUserFree(store, officer.osUser);
      insertOfficer(store.db, officer, hashed, new Date(store.now()).toISOString());
    });
    return officer;
  },
  'officers.update': async ({ id, role, passphrase, osUser }, { store, sessions, session }) => {
    const hashed = passphrase === undefined ? undefined : await hashPassphrase(passphrase);
    store.transaction(() => {
      const before = mustFind(store, id);
      if (role === 'read-only' && before.role === 'editor' && countOfficers(store.db, 'editor') <= 1) {
        throw new AppError('CONFLICT', message('officers.lastEditor', { name: before.name }), { reason: 'last-editor' });
      }
      const mapped = osUser === undefined ? undefined : osUser || null;
      assertOsUserFree(store, mapped, id);
      updateOfficer(store.db, id, { role, osUser: mapped, passphrase: hashed }, new Date(store.now()).toISOString());
    });
    // A new passphrase signs the officer out everywhere else (whoever knew the old one).
    if (hashed) sessions.endAllOf(id, session ?? undefined);
    return mustFind(store, id);
  },
  'officers.setIdleLock': ({ minutes }, { store }) => {
    setIdleLockMinutes(store.db, minutes);
    return { idleLockMinutes: idleLockMinutes(store.db) };
  },
};
