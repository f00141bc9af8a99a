import { create } from 'zustand';
import type { Language } from '../../shared/messages';
import { errorText, type AppErrorShape } from '../../shared/result';
import type { MethodOutput } from '../../shared/contract';
import { createClient, defaultTransport, type ApiClient } from './api/client';

type AppInfo = MethodOutput<'app.info'>;

export let api: ApiClient = createClient(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'Not connected.' } }));

/** Connects the store to the main side; the entry point calls this once. */
export function connectApi(client: ApiClient = createClient(defaultTransport())): void {
  api = client;
}

const LANGUAGE_KEY = 'accord.language';

interface UiState {
  language: Language;
  setLanguage(language: Language): void;
  /** The last error from the main side that no form field claimed. */
  notice: { kind: 'error' | 'info'; text: string } | null;
  showError(error: AppErrorShape): void;
  showInfo(text: string): void;
  dismissNotice(): void;
}

export const useUiStore = create<UiState>((set) => ({
  language: (localStorage.getItem(LANGUAGE_KEY) as Language | null) ?? 'en',
  setLanguage: (language) => {
    localStorage.setItem(LANGUAGE_KEY, language);
    set({ language });
  },
  notice: null,
  showError: (error) => set((state) => ({ notice: { kind: 'error', text: errorText(error, state.language) } })),
  showInfo: (text) => set({ notice: { kind: 'info', text } }),
  dismissNotice: () => set({ notice: null }),
}));

interface DataState {
  info: AppInfo | null;
  loaded: boolean;
  /** Reloads what describes the app itself (post, handling marking): at start, and after a sync import or key change. */
  refresh(): Promise<void>;
}

/**
 * The app's own description. Records are not held here: each page asks for
 * what it shows, and a save invalidates only the record types it changed
 * (planning/data.ts afterChange).
 */
export const useDataStore = create<DataState>((set) => ({
  info: null,
  loaded: false,
  refresh: async () => {
    const info = await api.call('app.info', {});
    if (!info.ok) useUiStore.getState().showError(info.error);
    set({ info: info.ok ? info.value : null, loaded: true });
  },
}));
