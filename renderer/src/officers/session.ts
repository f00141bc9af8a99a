import { create } from 'zustand';
import type { MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import type { ApiClient } from '../api/client';
import { api } from '../store';

export type SessionState = MethodOutput<'session.current'>;

interface SessionStore {
  state: SessionState | null;
  /** Asks the main side who is signed in (at start, after signing in or out, and when a call was refused for it). */
  load(): Promise<void>;
  /** The window locked itself (idle): the main side refuses every call until the passphrase unlocks it. */
  lock(): Promise<void>;
}

export const useSessionStore = create<SessionStore>((set, get) => ({
  state: null,
  load: async () => {
    const result = await api.call('session.current', {});
    if (result.ok) set({ state: result.value });
  },
  lock: async () => {
    const current = get().state;
    if (!current?.officer || current.locked) return;
    // Locked on screen at once; the main side is told so no call gets through meanwhile.
    set({ state: { ...current, locked: true } });
    await api.call('session.lock', {});
  },
}));

/** A call refused for want of a session (or a locked one): the window shows the sign-in or lock screen. */
export function isSessionRefusal(error: AppErrorShape): boolean {
  return error.code === 'UNAUTHORIZED' && (error.details?.reason === 'sign-in' || error.details?.reason === 'locked');
}

/** The client every page uses, telling the session store when a call was refused for the session's sake. */
export function watchSessionRefusals(client: ApiClient): ApiClient {
  return {
    ...client,
    call: (async (method, input) => {
      const result = await client.call(method, input);
      if (!result.ok && method !== 'session.current' && isSessionRefusal(result.error)) void useSessionStore.getState().load();
      return result;
    }) as ApiClient['call'],
  };
}
