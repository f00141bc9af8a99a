import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_HANDLING_MARKING, type AppEvent } from '../shared/contract';
import type { Result } from '../shared/result';
import { readSetting } from '../db/localState';
import { closeDatabase, openDatabase, optimizePeriodically } from '../db/open';
import { Store } from '../db/store';
import { dispatch } from './dispatch';
import type { HandlerContext } from './handlers/index';

declare const __ACCORD_VERSION__: string | undefined;
export const APP_VERSION = typeof __ACCORD_VERSION__ === 'string' ? __ACCORD_VERSION__ : '0.0.0-dev';

export interface AppOptions {
  databasePath: string;
  /** Overrides the stored handling marking (ACCORD_MARKING, --marking). */
  handlingMarking?: string;
  now?: () => number;
}

export type EventListener = (event: AppEvent) => void;

/** Carries one call through the gate; `subscribe` hears what long work pushes meanwhile. */
export interface CallCarrier {
  (method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
}

export interface AccordApp {
  context: HandlerContext;
  /** The gate (dispatch.ts): the only way a host reaches the database. */
  call: CallCarrier;
  /** Opens the database now (hosts that must refuse to start on a bad database call it first). */
  open(): void;
  close(): void;
}

/**
 * Builds the context every host shares. The database opens on the first call
 * that needs it, so a call that needs none (checking a file's integrity) never
 * creates or touches one.
 */
export function openApp(options: AppOptions): AccordApp {
  let opened: { store: Store; marking: string; stopOptimizing: () => void } | undefined;
  const open = () => {
    if (!opened) {
      mkdirSync(dirname(options.databasePath), { recursive: true });
      const db = openDatabase(options.databasePath);
      const store = new Store(db, { now: options.now });
      // A window stays open for days: its planner statistics are refreshed hourly, and on close.
      opened = { store, marking: options.handlingMarking?.trim() || readSetting(db, 'handling_marking') || DEFAULT_HANDLING_MARKING, stopOptimizing: optimizePeriodically(db) };
    }
    return opened;
  };
  const listeners = new Set<EventListener>();
  const context: HandlerContext = {
    get store() {
      return open().store;
    },
    get handlingMarking() {
      return open().marking;
    },
    appVersion: APP_VERSION,
    databasePath: options.databasePath,
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
  const call: CallCarrier = Object.assign((method: string, input: unknown) => dispatch(method, input, context), {
    subscribe(listener: EventListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  });
  return {
    context,
    call,
    open: () => void open(),
    close: () => {
      if (!opened) return;
      opened.stopOptimizing();
      closeDatabase(opened.store.db);
    },
  };
}
