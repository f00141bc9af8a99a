import { create } from 'zustand';
import type { Language } from '../../shared/messages';
import { errorText, type AppErrorShape } from '../../shared/result';
import type { MethodOutput } from '../../shared/contract';
import { createClient, defaultTransport, type ApiClient } from './api/client';

type Partner = MethodOutput<'partners.list'>[number];
type MouDraft = MethodOutput<'mou.list'>[number];
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
  partners: Partner[];
  mouDrafts: MouDraft[];
  loaded: boolean;
  refresh(): Promise<void>;
}

/** The records the pages show, reloaded from the main side after every change. */
export const useDataStore = create<DataState>((set) => ({
  info: null,
  partners: [],
  mouDrafts: [],
  loaded: false,
  refresh: async () => {
    const [info, partners, mouDrafts] = await Promise.all([api.call('app.info', {}), api.call('partners.list', {}), api.call('mou.list', {})]);
    for (const result of [info, partners, mouDrafts]) if (!result.ok) useUiStore.getState().showError(result.error);
    set({
      info: info.ok ? info.value : null,
      partners: partners.ok ? partners.value : [],
      mouDrafts: mouDrafts.ok ? mouDrafts.value : [],
      loaded: true,
    });
  },
}));
