import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { create } from 'zustand';
import type { RecordListQuery, RecordRow } from '../../../shared/api/records';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { recordType } from '../../../shared/records/registry';
import type { Language } from '../../../shared/i18n/message';
import { api, useUiStore } from '../store';
import { recordTitle } from './labels';

/** How many records of one type a link picker loads at once; bigger types are searched instead. */
export const PICKER_LIMIT = 1000;

export interface Choice {
  id: string;
  title: string;
}

/** A loaded choice with its title in each language (the Arabic twin where the type has one and it is filled in). */
interface StoredChoice extends Choice {
  titleAr: string;
}

/** A record as a choice, titled in the reader's language. */
export function choiceOf(type: string, row: RecordRow, language: Language): Choice {
  return { id: row.id, title: recordTitle(recordType(type), row, language) };
}

/** The loaded choices in the reader's language; in Arabic sorted by their Arabic titles (the server sorts by the title). */
function inLanguage(rows: readonly StoredChoice[], language: Language): Choice[] {
  if (language !== 'ar') return rows.map(({ id, title }) => ({ id, title }));
  return rows.map(({ id, titleAr }) => ({ id, title: titleAr })).sort((a, b) => a.title.localeCompare(b.title, 'ar'));
}

interface ChoicesState {
  /** Record type -> its records' ids and titles (up to PICKER_LIMIT), for link pickers and titles. */
  byType: Record<string, { rows: StoredChoice[]; total: number } | 'loading'>;
  load(type: string): void;
  /** Titles of records past the first PICKER_LIMIT that a page links to, fetched by id (null while on their way). */
  extra: Record<string, Record<string, StoredChoice | null>>;
  /** Fetches the titles of these records of `type` that neither the loaded choices nor `extra` hold. */
  fetchTitles(type: string, ids: readonly string[]): void;
  /** After a save or delete: the titles of these types (all, when none is named) may have changed. */
  invalidate(types?: readonly string[]): void;
  /** Bumped per type on every change, so a page listing that type asks again. */
  versions: Record<string, number>;
}

const storedChoice = (type: string, row: RecordRow): StoredChoice => ({ id: row.id, title: row.title, titleAr: recordTitle(recordType(type), row, 'ar') });

/** The most ids one records.list call asks for (its contract's cap). */
const TITLES_PER_CALL = 500;

/**
 * How long a failed fetch of choices or titles stays failed before the next render may ask again: the local server
 * was busy (an import holding the write lock) or restarting. Long enough not to hammer it, short enough that a '…'
 * or an empty picker mends itself without the officer reloading.
 */
export const RETRY_AFTER_MS = 5000;

export const useChoicesStore = create<ChoicesState & { everything: number }>((set, get) => ({
  byType: {},
  extra: {},
  fetchTitles: (type, ids) => {
    const known = get().extra[type] ?? {};
    const wanted = [...new Set(ids)].filter((id) => !(id in known)).slice(0, TITLES_PER_CALL);
    if (wanted.length === 0) return;
    set((state) => ({ extra: { ...state.extra, [type]: { ...state.extra[type], ...Object.fromEntries(wanted.map((id) => [id, null])) } } }));
    void api.call('records.list', { type: type as never, ids: wanted, limit: wanted.length }).then((result) => {
      if (!result.ok) {
        // Forgotten after a while, so the next render that names them asks again.
        setTimeout(() => set((state) => ({ extra: { ...state.extra, [type]: Object.fromEntries(Object.entries(state.extra[type] ?? {}).filter(([id, row]) => row !== null || !wanted.includes(id))) } })), RETRY_AFTER_MS);
        return;
      }
      set((state) => ({ extra: { ...state.extra, [type]: { ...state.extra[type], ...Object.fromEntries(result.value.rows.map((row) => [row.id, storedChoice(type, row)])) } } }));
    });
  },
  load: (type) => {
    if (get().byType[type]) return;
    set((state) => ({ byType: { ...state.byType, [type]: 'loading' } }));
    void api.call('records.list', { type: type as never, limit: PICKER_LIMIT, sort: { field: 'title', direction: 'asc' } }).then((result) => {
      const entry = result.ok ? { rows: result.value.rows.map((row) => storedChoice(type, row)), total: result.value.total } : { rows: [], total: 0 };
      set((state) => ({ byType: { ...state.byType, [type]: entry } }));
      // A failed load shows an empty picker for now; forgotten after a while, so the picker loads it again.
      if (!result.ok) setTimeout(() => set((state) => (state.byType[type] === entry ? { byType: Object.fromEntries(Object.entries(state.byType).filter(([name]) => name !== type)) } : {})), RETRY_AFTER_MS);
    });
  },
  invalidate: (types) =>
    set((state) => {
      if (!types || types.length === 0) return { byType: {}, extra: {}, everything: state.everything + 1 };
      const byType = { ...state.byType };
      const extra = { ...state.extra };
      const versions = { ...state.versions };
      for (const type of types) {
        delete byType[type];
        delete extra[type];
        versions[type] = (versions[type] ?? 0) + 1;
      }
      return { byType, extra, versions };
    }),
  versions: {},
  everything: 0,
}));

/** The records of a type, for a picker: loads them once and keeps them until something changes. */
export function useChoices(type: string): { rows: Choice[]; total: number; loaded: boolean } {
  const entry = useChoicesStore((state) => state.byType[type]);
  const load = useChoicesStore((state) => state.load);
  const language = useUiStore((state) => state.language);
  useEffect(() => {
    if (!entry && type) load(type);
  }, [entry, load, type]);
  const rows = useMemo(() => (entry && entry !== 'loading' ? inLanguage(entry.rows, language) : []), [entry, language]);
  return entry && entry !== 'loading' ? { rows, total: entry.total, loaded: true } : { rows, total: 0, loaded: false };
}

const titlesToAsk = new Map<string, Set<string>>();
/** Gathers the ids a render names but no loaded choice holds, and asks for them together once the render is over. */
function askAfterRender(fetchTitles: ChoicesState['fetchTitles'], type: string, id: string): void {
  if (titlesToAsk.size === 0) {
    queueMicrotask(() => {
      for (const [asked, ids] of titlesToAsk) fetchTitles(asked, [...ids]);
      titlesToAsk.clear();
    });
  }
  const ids = titlesToAsk.get(type) ?? new Set<string>();
  ids.add(id);
  titlesToAsk.set(type, ids);
}

/** A title lookup over the types given, for list cells and detail lines. */
export function useTitles(types: readonly string[]): (type: string, id: string) => string {
  const byType = useChoicesStore((state) => state.byType);
  const extra = useChoicesStore((state) => state.extra);
  const load = useChoicesStore((state) => state.load);
  const fetchTitles = useChoicesStore((state) => state.fetchTitles);
  const language = useUiStore((state) => state.language);
  const key = [...new Set(types)].sort().join(',');
  useEffect(() => {
    for (const type of key.split(',').filter(Boolean)) load(type);
  }, [key, load, byType]);
  const maps = useMemo(() => {
    const result = new Map<string, Map<string, string>>();
    const titled = (row: StoredChoice) => [row.id, language === 'ar' ? row.titleAr : row.title] as const;
    for (const [type, entry] of Object.entries(byType)) {
      if (entry === 'loading') continue;
      const rows = Object.values(extra[type] ?? {}).filter((row): row is StoredChoice => row !== null);
      result.set(type, new Map([...entry.rows.map(titled), ...rows.map(titled)]));
    }
    return result;
  }, [byType, extra, language]);
  return (type, id) => {
    const found = maps.get(type)?.get(id);
    if (found !== undefined) return found;
    const entry = byType[type];
    // A record past the first PICKER_LIMIT of a big type: asked for by id, after the render that named it.
    if (id && entry && entry !== 'loading' && entry.total > entry.rows.length) askAfterRender(fetchTitles, type, id);
    return '…';
  };
}

export type CallState<T> = { status: 'loading' } | { status: 'error'; error: AppErrorShape } | { status: 'ok'; value: T };

/** One API call whose answer a page shows; `reload` asks again. Re-runs when `deps` change. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M> | null, deps: unknown[]): [CallState<MethodOutput<M>>, () => void] {
  const [state, setState] = useState<CallState<MethodOutput<M>>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!input) return;
    let current = true;
    void api.call(method, input).then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [...deps, tick]);
  return [state, () => setTick((value) => value + 1)];
}

/**
 * After a save or delete: the pickers, titles and lists of the types changed reload, nothing else (a record's title
 * shows wherever it is linked, so its own type is what a save changes). With no type named (an import), all reload.
 */
export function afterChange(...types: string[]): void {
  useChoicesStore.getState().invalidate(types);
}

/** A number that changes whenever records of `type` change here: a dependency for calls that list them. */
export function useTypeVersion(type: string): number {
  return useChoicesStore((state) => (state.versions[type] ?? 0) + state.everything);
}

// ---------------------------------------------------------------- paged lists

/** Rows a list asks the server for at a time, as they scroll into view. */
export const LIST_PAGE_SIZE = 200;
/** Pages a list keeps once scrolled past; beyond this the farthest from view are dropped (and fetched again if needed). */
const PAGES_KEPT = 50;

export interface PagedList {
  state: { status: 'loading' } | { status: 'error'; error: AppErrorShape } | { status: 'ok'; total: number };
  /** The row at this position in the list's order, if its page has arrived. */
  rowAt(index: number): RecordRow | undefined;
  /** Rows first..last (last excluded) are in view: fetches the pages holding them that are not here yet. */
  show(first: number, last: number): void;
}

interface PageCache {
  key: string;
  version: number;
  total: number | undefined;
  error: AppErrorShape | undefined;
  /** Page number -> its rows, and the version of the data they were read at. */
  pages: Map<number, { rows: RecordRow[]; version: number }>;
  inFlight: Set<string>;
  range: [number, number];
}

/**
 * One list read from the server a page at a time, in the order and with the filters of `query` (sorting and counting
 * happen in the database, whatever the list's size). `version` changes when records of the type change: the pages in
 * view are read again, and the others dropped, while the old rows stay on screen until the new ones arrive.
 */
export function usePagedList(query: RecordListQuery, version: number, pageSize = LIST_PAGE_SIZE): PagedList {
  const key = JSON.stringify(query);
  const cache = useRef<PageCache | null>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  if (!cache.current || cache.current.key !== key) {
    cache.current = { key, version, total: undefined, error: undefined, pages: new Map(), inFlight: new Set(), range: [0, pageSize] };
  }
  const current = cache.current;
  const queryRef = useRef(query);
  queryRef.current = query;

  const show = useCallback(
    (first: number, last: number) => {
      const state = cache.current!;
      state.range = [first, Math.max(first + 1, last)];
      const firstPage = Math.floor(first / pageSize);
      const lastPage = Math.max(firstPage, Math.floor((Math.max(first, last - 1)) / pageSize));
      for (let page = firstPage; page <= lastPage; page++) {
        if (state.total !== undefined && page * pageSize >= state.total && page > 0) break;
        if (state.pages.get(page)?.version === state.version) continue;
        const ask = `${state.version}:${page}`;
        if (state.inFlight.has(ask)) continue;
        state.inFlight.add(ask);
        const askedVersion = state.version;
        void api.call('records.list', { ...queryRef.current, limit: pageSize, offset: page * pageSize } as MethodInput<'records.list'>).then((result) => {
          state.inFlight.delete(ask);
          if (cache.current !== state || state.version !== askedVersion) return;
          if (!result.ok) {
            state.error = result.error;
          } else {
            state.error = undefined;
            state.total = result.value.total;
            state.pages.set(page, { rows: result.value.rows, version: askedVersion });
            dropFarPages(state, pageSize);
          }
          redraw();
        });
      }
    },
    [pageSize],
  );

  useEffect(() => {
    const state = cache.current!;
    if (state.version !== version) {
      state.version = version;
      // Pages out of view are read again when they come back into it.
      const [first, last] = state.range;
      for (const page of [...state.pages.keys()]) if ((page + 1) * pageSize <= first || page * pageSize >= last) state.pages.delete(page);
    }
    show(...state.range);
  }, [key, version, show, pageSize]);

  const state: PagedList['state'] = current.error && current.total === undefined ? { status: 'error', error: current.error } : current.total === undefined ? { status: 'loading' } : { status: 'ok', total: current.total };
  const rowAt = (index: number) => current.pages.get(Math.floor(index / pageSize))?.rows[index % pageSize];
  return { state, rowAt, show };
}

function dropFarPages(state: PageCache, pageSize: number): void {
  if (state.pages.size <= PAGES_KEPT) return;
  const middle = (state.range[0] + state.range[1]) / 2 / pageSize;
  const byDistance = [...state.pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle));
  for (const page of byDistance.slice(0, state.pages.size - PAGES_KEPT)) state.pages.delete(page);
}
