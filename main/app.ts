import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_HANDLING_MARKING } from '../shared/contract';
import type { Result } from '../shared/result';
import { openDatabase } from '../db/open';
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

export interface AccordApp {
  context: HandlerContext;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

/** Opens the database and builds the context every host shares. */
export function openApp(options: AppOptions): AccordApp {
  mkdirSync(dirname(options.databasePath), { recursive: true });
  const db = openDatabase(options.databasePath);
  const store = new Store(db, { now: options.now });
  const storedMarking = (db.prepare("SELECT value FROM settings WHERE key = 'handling_marking'").get() as { value: string } | undefined)?.value;
  const context: HandlerContext = {
    store,
    appVersion: APP_VERSION,
    handlingMarking: options.handlingMarking?.trim() || storedMarking || DEFAULT_HANDLING_MARKING,
    databasePath: options.databasePath,
  };
  return {
    context,
    call: (method, input) => dispatch(method, input, context),
    close: () => db.close(),
  };
}
