import { useEffect } from 'react';
import { create } from 'zustand';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTranslation } from '../i18n';

/**
 * The unsaved-changes guard. A form with edits marks itself dirty; leaving it
 * by a link, the back button, a programmatic navigation (any hash change) or by
 * closing the window asks first. The hash listener is installed when this
 * module loads, before the router subscribes, so it can hold the change back
 * from the router until the officer decides.
 */

interface GuardState {
  dirty: boolean;
  /** The address the officer tried to go to while the form was dirty. */
  pending: string | null;
  setDirty(dirty: boolean): void;
  stay(): void;
  leave(): void;
}

export const useGuardStore = create<GuardState>((set, get) => ({
  dirty: false,
  pending: null,
  setDirty: (dirty) => set({ dirty }),
  stay: () => set({ pending: null }),
  leave: () => {
    const target = get().pending;
    set({ dirty: false, pending: null });
    if (target !== null) window.location.href = target;
  },
}));

function onHashChange(event: HashChangeEvent): void {
  const { dirty } = useGuardStore.getState();
  if (!dirty) return;
  event.stopImmediatePropagation();
  // Put the address back without another hashchange; the form stays mounted.
  window.history.replaceState(window.history.state, '', event.oldURL);
  useGuardStore.setState({ pending: event.newURL });
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (!useGuardStore.getState().dirty) return;
  event.preventDefault();
  // Older engines ask only when returnValue is set; the text itself is never shown.
  event.returnValue = 'unsaved';
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', onBeforeUnload);
}

/** Marks the guard dirty while `dirty` is true and clears it when the form goes away. */
export function useUnsavedGuard(dirty: boolean): void {
  const setDirty = useGuardStore((state) => state.setDirty);
  useEffect(() => {
    setDirty(dirty);
  }, [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
}

/** Navigates without asking: after a save the edits are no longer unsaved. */
export function navigateSaved(path: string): void {
  useGuardStore.setState({ dirty: false, pending: null });
  window.location.hash = path;
}

export function UnsavedChangesDialog() {
  const { t } = useTranslation();
  const { pending, stay, leave } = useGuardStore();
  if (pending === null) return null;
  return <ConfirmDialog title={t('records.ui.unsavedTitle')} message={t('records.ui.unsavedMessage')} confirmLabel={t('records.ui.unsavedLeave')} onConfirm={leave} onCancel={stay} />;
}
