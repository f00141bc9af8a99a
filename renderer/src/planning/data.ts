import { useEffect, useMemo, useState } from 'react';
import { create } from 'zustand';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { api, useDataStore } from '../store';

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
  /** After any save or delete: titles may have changed. */
  invalidate(): void;
}

export const useChoicesStore = create<ChoicesState>((set, get) => ({
  byType: {},
  load: (type) => {
    if (get().byType[type]) return;
    set((state) => ({ byType: { ...state.byType, [type]: 'loading' } }));
    void api.call('records.list', { type: type as never, limit: PICKER_LIMIT, sort: { field: 'title', direction: 'asc' } }).then((result) => {
      const entry = result.ok ? { rows: result.value.rows.map((row) => ({ id: row.id, title: row.title })), total: result.value.total } : { rows: [], total: 0 };
      set((state) => ({ byType: { ...state.byType, [type]: entry } }));
    });
  },
  invalidate: () => set({ byType: {} }),
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

/** After a save or delete: link pickers and titles reload, and so do the foundation pages' partners and MOU drafts. */
export function afterChange(): void {
  useChoicesStore.getState().invalidate();
  void useDataStore.getState().refresh();
}
