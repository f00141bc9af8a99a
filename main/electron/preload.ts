import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, IPC_CHANNEL } from '../../shared/contract';

/**
 * The whole bridge: one function that carries (method, input) to the main
 * process, and one that hears the events it pushes while long work runs.
 * Files cross as Uint8Array (structured clone), never as base64. No Node, no
 * ipcRenderer, no channels of the page's choosing.
 */
contextBridge.exposeInMainWorld('accord', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, method, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
});
