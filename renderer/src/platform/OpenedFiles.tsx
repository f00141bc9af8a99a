import { useEffect } from 'react';
import { navigate } from '../router';
import { api } from '../store';

/** The import page, and the id of its file input (Field's `field-<name>`), for each kind of file the OS opens with Accord. */
const TARGETS = { bundle: { route: '/sync', input: 'field-bundleFile' }, signedMou: { route: '/mou/import', input: 'field-signedMouFile' } } as const;

/**
 * Desktop: a bundle or signed MOU file double-clicked while Accord runs (or
 * that started it) waits in the main process, which pushes an `openedFile`
 * event; this takes it (once at start, then on each event), opens its import
 * page and puts it in the page's file field, ready for the preview. Renders
 * nothing; in browser mode nothing ever waits.
 */
export function OpenedFiles() {
  useEffect(() => {
    let taking = false;
    const take = async () => {
      if (taking) return;
      taking = true;
      try {
        const result = await api.call('platform.openedFile', {});
        if (!result.ok || !result.value) return;
        const { kind, name, data } = result.value;
        const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
        const target = TARGETS[kind];
        navigate(target.route);
        await handToInput(target.input, new File([bytes], name));
      } finally {
        taking = false;
      }
    };
    const stop = api.onEvent((event) => {
      if (event.type === 'openedFile') void take();
    });
    void take();
    return stop;
  }, []);
  return null;
}

/** Sets the file on the page's own input once the page has rendered it, as if the person had chosen it. */
async function handToInput(id: string, file: File): Promise<void> {
  for (let frame = 0; frame < 120; frame += 1) {
    const input = document.getElementById(id);
    if (input instanceof HTMLInputElement) {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.scrollIntoView({ block: 'center' });
      input.focus();
      return;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
