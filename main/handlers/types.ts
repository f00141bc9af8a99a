import type { z } from 'zod';
import type { MethodGroup } from '../../shared/api/types';
import type { AppEvent } from '../../shared/contract';
import type { Store } from '../../db/store';
import type { KeyProtection } from '../sync/keys';

export interface HandlerContext {
  store: Store;
  appVersion: string;
  handlingMarking: string;
  databasePath: string;
  /** How this post's signing key is sealed; a passphrase unless the desktop shell sets safeStorage. */
  keyProtection?: KeyProtection;
  /** Desktop only: asks where to save a file with the native dialog and writes it (null when cancelled). */
  saveFile?: (suggestedName: string, bytes: Buffer) => Promise<string | null>;
  /** Desktop only: the next bundle or signed MOU file the OS asked the app to open (a double-click), or null. */
  takeOpenedFile?: () => string | null;
  /** Pushes an event to whoever listens (the window over IPC, the browser's event stream, the CLI's progress lines). */
  emit(event: AppEvent): void;
}

/**
 * The handlers for one group of methods: each takes its parsed input and
 * returns its output, or a promise of it for long work that must not block.
 */
export type HandlersFor<G extends MethodGroup> = {
  [M in keyof G]: (input: z.output<G[M]['input']>, context: HandlerContext) => z.output<G[M]['output']> | Promise<z.output<G[M]['output']>>;
};
