import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { api } from '../store';

/** How many records of one type a link picker loads at once; bigger types are searched instead. */
export const PICKER_LIMIT = 1000;

export interface Choice {
  id: string;
  title: string;
}

interface ChoicesState {
  /** Record type -> its records' ids and titles (up to PICKER_LIMIT), for link pickers and titles. */
  byType: Record<string, { rows: Choice[]; total: number } | 'loading'>;
  load(type: string): void;
  /** After a save or delete: the titles of these types (all, when none is named) may have changed. */
  invalidate(types?: readonly string[]): void;
  /** Bumped per type on every change, so a page listing that type asks again. */
  versions: Record<string, number>;
}

export const useChoicesStore = create<ChoicesState & { everything: number }>((set, get) => ({
  byType: {},
  load: (type) => {
    if (get().byType[type]) return;
    set((state) => ({ byType: { ...state.byType, [type]: 'loading' } }));
    void api.call('records.list', { type: type as never, limit: PICKER_LIMIT, sort: { field: 'title', direction: 'asc' } }).then((result) => {
      const entry = result.ok ? { rows: result.value.rows.map((row) => ({ id: row.id, title: row.title })), total: result.value.total } : { rows: [], total: 0 };
      set((state) => ({ byType: { ...state.byType, [type]: entry } }));
    });
  },
  invalidate: (types) =>
    set((state) => {
      if (!types || types.length === 0) return { byType: {}, everything: state.everything + 1 };
      const byType = { ...state.byType };
      const versions = { ...state.versions };
      for (const type of types) {
        delete byType[type];
        versions[type] = (versions[type] ?? 0) + 1;
      }
      return { byType, versions };
    }),
  versions: {},
  everything: 0,
}));

/** The records of a type, for a picker: loads them once and keeps them until something changes. */
export function useChoices(type: string): { rows: Choice[]; total: number; loaded: boolean } {
  const entry = useChoicesStore((state) => state.byType[type]);
  const load = useChoicesStore((state) => state.load);
  useEffect(() => {
    if (!entry && type) load(type);
  }, [entry, load, type]);
  return entry && entry !== 'loading' ? { ...entry, loaded: true } : { rows: [], total: 0, loaded: false };
}

/** A title lookup over the types given, for list cells and detail lines. */
export function useTitles(types: readonly string[]): (type: string, id: string) => string {
  const byType = useChoicesStore((state) => state.byType);
  const load = useChoicesStore((state) => state.load);
  const key = [...new Set(types)].sort().join(',');
  useEffect(() => {
    for (const type of key.split(',').filter(Boolean)) load(type);
  }, [key, load, byType]);
  const maps = useMemo(() => {
    const result = new Map<string, Map<string, string>>();
    for (const [type, entry] of Object.entries(byType)) if (entry !== 'loading') result.set(type, new Map(entry.rows.map((row) => [row.id, row.title])));
    return result;
  }, [byType]);
  return (type, id) => maps.get(type)?.get(id) ?? '…';
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
