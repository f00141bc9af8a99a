import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract';

/**
 * The whole bridge: one function that carries (method, input) to the main
 * process. No Node, no ipcRenderer, no channels of the page's choosing.
 */
contextBridge.exposeInMainWorld('accord', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});
