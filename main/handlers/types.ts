import type { z } from 'zod';
import type { MethodGroup } from '../../shared/api/types';
import type { AppEvent } from '../../shared/contract';
import type { Store } from '../../db/store';
import type { KeyProtection } from '../sync/keys';
import type { Officer } from '../../db/officers';
import type { Session, Sessions } from '../officers';

/** What the desktop Save dialog writes: bytes made in memory, or a copy of a file already on disk (an export's spool). */
export type SaveContent = { bytes: Uint8Array } | { copyOf: string };

export interface HandlerContext {
  store: Store;
  appVersion: string;
  handlingMarking: string;
  databasePath: string;
  /** How this post's signing key is sealed; a passphrase unless the desktop shell sets safeStorage. */
  keyProtection?: KeyProtection;
  /**
   * Desktop only: asks where to save a file with the native dialog and writes it (null when cancelled). A finished
   * export is handed over as its spool file and copied stream to stream, so a bundle of any size saves in bounded memory.
   */
  saveFile?: (suggestedName: string, content: SaveContent) => Promise<string | null>;
  /** Desktop only: the next bundle or signed MOU file the OS asked the app to open (a double-click), or null. */
  takeOpenedFile?: () => string | null;
  /** Every session of the running app (main/officers.ts). */
  sessions: Sessions;
  /** The session the call under way carries, its token and its officer: set by the gate for each call, null before sign-in. */
  readonly session: Session | null;
  readonly sessionToken: string | null;
  readonly officer: Officer | null;
  /** Whether the database file exists (or is open): a read that needs no database may run before one exists. */
  databaseExists?: () => boolean;
  /** Desktop only: the operating-system account running the app (it may sign in as the officer mapped to it). */
  osUser?: string;
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
