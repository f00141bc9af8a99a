import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_HANDLING_MARKING, SESSION_TOKEN_FIELD, type AppEvent } from '../shared/contract';
import { message } from '../shared/i18n/message';
import { AppError, type Result } from '../shared/result';
import { isInMemory, OWNER_ONLY_DIRECTORY } from '../db/atRest';
import { readSetting } from '../db/localState';
import { closeDatabase, openDatabase, optimizePeriodically } from '../db/open';
import { hasDatabaseKey, unlockDatabaseKey, type DatabaseKeySealing } from './databaseKey';
import { passphraseProtection } from './sync/keys';

export { hasDatabaseKey } from './databaseKey';
import { Store } from '../db/store';
import { callScope, dispatch, signInNeeded } from './dispatch';
import type { HandlerContext } from './handlers/index';
import { Sessions } from './officers';

declare const __ACCORD_VERSION__: string | undefined;
export const APP_VERSION = typeof __ACCORD_VERSION__ === 'string' ? __ACCORD_VERSION__ : '0.0.0-dev';

export interface AppOptions {
  databasePath: string;
  /** Overrides the stored handling marking (ACCORD_MARKING, --marking). */
  handlingMarking?: string;
  now?: () => number;
  /**
   * How the database key is sealed (the OS keychain, or the post's passphrase), asked when the database opens.
   * Without it the database must be plaintext (tests, and a host that has no way to seal a key yet).
   */
  databaseKey?: DatabaseKeySealing | (() => DatabaseKeySealing | undefined);
  /** The CLI's and browser mode's form of databaseKey: the post's passphrase seals it. */
  databasePassphrase?: string | (() => string | undefined);
}

/** What opening found: whether the store is encrypted, and where the plaintext copy went if it was encrypted just now. */
export interface AtRest {
  encrypted: boolean;
  plaintextBackup: string | null;
}

export type EventListener = (event: AppEvent) => void;

/**
 * Carries one call through the gate, with the session token its host holds for the caller (none before
 * sign-in); `subscribe` hears what long work pushes meanwhile.
 */
export interface CallCarrier {
  (method: string, input: unknown, sessionToken?: string | null): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
}

export interface AccordApp {
  context: HandlerContext;
  /** The gate (dispatch.ts): the only way a host reaches the database. */
  call: CallCarrier;
  /** Opens the database now (hosts that must refuse to start on a bad database call it first). */
  open(): void;
  /** After open(): how the store is kept at rest. */
  atRest(): AtRest;
  close(): void;
}

/**
 * Builds the context every host shares. The database opens on the first call
 * that needs it, so a call that needs none (checking a file's integrity) never
 * creates or touches one.
 */
export function openApp(options: AppOptions): AccordApp {
  let opened: { store: Store; marking: string; atRest: AtRest; stopOptimizing: () => void } | undefined;
  const open = () => {
    if (!opened) {
      const path = options.databasePath;
      if (!isInMemory(path) && !existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true, mode: OWNER_ONLY_DIRECTORY });
      const passphrase = typeof options.databasePassphrase === 'function' ? options.databasePassphrase() : options.databasePassphrase;
      const sealing = (typeof options.databaseKey === 'function' ? options.databaseKey() : options.databaseKey) ?? (passphrase ? { protection: passphraseProtection, passphrase } : undefined);
      let atRest: AtRest = { encrypted: false, plaintextBackup: null };
      let key: Buffer | undefined;
      if (!isInMemory(path)) {
        if (sealing) {
          const unlocked = unlockDatabaseKey(path, sealing, new Date(options.now?.() ?? Date.now()));
          key = unlocked.key;
          atRest = { encrypted: true, plaintextBackup: unlocked.plaintextBackup };
        } else if (hasDatabaseKey(path)) {
          throw new AppError('UNAUTHORIZED', message('platform.databaseNeedsKey', { path }), { reason: 'database-key-missing' });
        }
      }
      const db = openDatabase(path, { key });
      const store = new Store(db, { now: options.now, actingOfficer: () => callScope.getStore()?.officer ?? undefined });
      // A window stays open for days: its planner statistics are refreshed hourly, and on close.
      opened = { store, marking: options.handlingMarking?.trim() || readSetting(db, 'handling_marking') || DEFAULT_HANDLING_MARKING, atRest, stopOptimizing: optimizePeriodically(db) };
    }
    return opened;
  };
  const listeners = new Set<EventListener>();
  const context: HandlerContext = {
    get store() {
      if (callScope.getStore()?.storeRefused) throw signInNeeded();
      return open().store;
    },
    get handlingMarking() {
      return open().marking;
    },
    appVersion: APP_VERSION,
    databasePath: options.databasePath,
    sessions: new Sessions(),
    // The call under way's, as the gate resolved them (main/dispatch.ts); null outside a call.
    get session() {
      return callScope.getStore()?.session ?? null;
    },
    get sessionToken() {
      return callScope.getStore()?.sessionToken ?? null;
    },
    get officer() {
      return callScope.getStore()?.officer ?? null;
    },
    databaseExists: () => opened !== undefined || existsSync(options.databasePath),
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
  const call: CallCarrier = Object.assign((method: string, input: unknown, sessionToken?: string | null) => dispatch(method, input, context, sessionToken ?? null), {
    subscribe(listener: EventListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
  return {
    context,
    call,
    open: () => void open(),
    atRest: () => open().atRest,
    close: () => {
      if (!opened) return;
      opened.stopOptimizing();
      closeDatabase(opened.store.db);
    },
  };
}

/**
 * What a host keeps of a call's result: a value carrying the session field opened a session (its token) or
 * ended one (null). The field is taken out of the value, so the token never reaches a page's script (the web
 * host sets it as an HttpOnly cookie; the desktop shell keeps it for its window). Undefined: nothing changed.
 */
export function takeSessionToken(result: Result<unknown>): string | null | undefined {
  if (!result.ok || typeof result.value !== 'object' || result.value === null || !(SESSION_TOKEN_FIELD in result.value)) return undefined;
  const value = result.value as Record<string, unknown>;
  const token = value[SESSION_TOKEN_FIELD];
  delete value[SESSION_TOKEN_FIELD];
  return typeof token === 'string' ? token : null;
}
