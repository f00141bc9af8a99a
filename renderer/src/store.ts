import { create } from 'zustand';
import { formatMessage } from '../../shared/i18n/format';
import { message, type Language, type Message } from '../../shared/i18n/message';
import { AppError, errorText, type AppErrorShape } from '../../shared/result';
import type { MethodOutput } from '../../shared/contract';
import { createClient, defaultTransport, type ApiClient } from './api/client';

type AppInfo = MethodOutput<'app.info'>;

export let api: ApiClient = createClient(async () => ({ ok: false, error: new AppError('INTERNAL', message('error.notConnected')).toShape() }));

/** Connects the store to the main side; the entry point calls this once. */
export function connectApi(client: ApiClient = createClient(defaultTransport())): void {
  api = client;
}

const LANGUAGE_KEY = 'accord.language';

/**
 * What the notice bar says, kept as data (an error envelope or a catalog
 * message) and rendered in the reader's language when shown, so switching
 * language re-renders it.
 */
export type NoticeContent = { error: AppErrorShape } | { message: Message };
export type Notice = { kind: 'error' | 'info' } & NoticeContent;

/** A notice's text in one language. */
export function noticeText(notice: Notice, language: Language): string {
  if ('error' in notice) return errorText(notice.error, language);
  return formatMessage(language, notice.message.key, notice.message.params);
}

function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return stored === 'ar' ? 'ar' : 'en';
}

interface UiState {
  language: Language;
  setLanguage(language: Language): void;
  /** The last error from the main side that no form field claimed. */
  notice: Notice | null;
  /** A main-side error (rendered by errorText), or a catalog message that explains a failure. */
  showError(error: AppErrorShape | Message): void;
  showInfo(info: Message): void;
  dismissNotice(): void;
}

export const useUiStore = create<UiState>((set) => ({
  language: storedLanguage(),
  setLanguage: (language) => {
    localStorage.setItem(LANGUAGE_KEY, language);
    set({ language });
  },
  notice: null,
  showError: (error) => set({ notice: 'code' in error ? { kind: 'error', error } : { kind: 'error', message: error } }),
  showInfo: (info) => set({ notice: { kind: 'info', message: info } }),
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
