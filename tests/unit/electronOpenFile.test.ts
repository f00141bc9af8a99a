import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_OFFICER } from '../officer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, IPC_CHANNEL } from '../../shared/contract';
import { openableFiles } from '../../main/electron/openedFiles';
import { tempDirectory } from '../helpers';

/**
 * The desktop shell against a mocked `electron`: one instance per session, and
 * files the OS opens with Accord (a double-clicked bundle or signed MOU file,
 * or a second start naming one) reach the running window's import preview.
 */
const recorded = vi.hoisted(() => ({
  windows: [] as { focused: number; restored: number; minimized: boolean }[],
  /** What the main side pushed to the window (webContents.send). */
  sent: [] as { channel: string; event: unknown }[],
  ipcHandlers: new Map<string, (...args: any[]) => unknown>(),
  appListeners: new Map<string, (...args: any[]) => unknown>(),
  lockRequests: 0,
  quits: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    state = { focused: 0, restored: 0, minimized: true };
    constructor() {
      recorded.windows.push(this.state);
    }
    once() {}
    show() {}
    isDestroyed() {
      return false;
    }
    webContents = { send: (channel: string, event: unknown) => recorded.sent.push({ channel, event }) };
    isMinimized() {
      return this.state.minimized;
    }
    restore() {
      this.state.restored += 1;
      this.state.minimized = false;
    }
    focus() {
      this.state.focused += 1;
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  const defaultSession = {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
    setProxy: () => Promise.resolve(),
  };
  return {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => process.env.TEST_USER_DATA,
      on: (event: string, listener: any) => recorded.appListeners.set(event, listener),
      requestSingleInstanceLock: () => {
        recorded.lockRequests += 1;
        return true;
      },
      quit: () => (recorded.quits += 1),
      exit: () => undefined,
    },
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => { throw new Error(`${title}: ${message}`); } },
    ipcMain: { handle: (channel: string, handler: any) => recorded.ipcHandlers.set(channel, handler) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    session: { defaultSession },
    shell: { openExternal: () => undefined },
  };
});

const dir = tempDirectory();
const bundle = join(dir.path, 'from-rabat.accord-bundle');
const signedMou = join(dir.path, 'Tunisia MOU.accord-mou.zip');
const trustedEvent = { senderFrame: { url: 'accord://app/index.html' } };
const call = (method: string, input: unknown = {}) => recorded.ipcHandlers.get(IPC_CHANNEL)!(trustedEvent, method, input) as Promise<{ ok: boolean; value?: any; error?: any }>;

beforeAll(async () => {
  process.env.TEST_USER_DATA = dir.path;
  writeFileSync(bundle, Buffer.from('bundle bytes'));
  writeFileSync(signedMou, Buffer.from('PK signed mou'));
  await import('../../main/electron/main');
  await vi.waitFor(() => expect(recorded.ipcHandlers.get(IPC_CHANNEL)).toBeDefined());
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
  // The first start's dialog creates the first officer; the shell keeps that session for the window.
  expect((await call('officers.first', { ...TEST_OFFICER })).ok).toBe(true);
});
afterAll(() => {
  recorded.appListeners.get('window-all-closed')?.();
  dir.remove();
});

describe('one instance, and files opened with Accord', () => {
  it('takes the single-instance lock before anything else runs', () => {
    expect(recorded.lockRequests).toBe(1);
    expect(recorded.quits).toBe(0);
  });

  it('a second start naming a bundle brings the window forward, tells it a file waits, and hands it the file for the import preview', async () => {
    expect((await call('platform.openedFile')).value).toBeNull();
    recorded.sent.length = 0;
    recorded.appListeners.get('second-instance')!({}, ['/opt/Accord/accord', '--no-sandbox', bundle, join(dir.path, 'notes.txt')], dir.path);
    expect(recorded.windows[0]).toMatchObject({ restored: 1, focused: 1 });
    // Pushed through the one event channel (the preload's onEvent), not found by polling.
    expect(recorded.sent).toEqual([{ channel: EVENT_CHANNEL, event: { type: 'openedFile' } }]);
    const opened = await call('platform.openedFile');
    expect(opened.ok).toBe(true);
    expect(opened.value).toEqual({ kind: 'bundle', name: 'from-rabat.accord-bundle', data: Buffer.from('bundle bytes').toString('base64') });
    expect((await call('platform.openedFile')).value).toBeNull(); // taken once
  });

  it('macOS open-file with a signed MOU file: the default is prevented and the file waits for the window', async () => {
    let prevented = false;
    recorded.sent.length = 0;
    recorded.appListeners.get('open-file')!({ preventDefault: () => (prevented = true) }, signedMou);
    expect(prevented).toBe(true);
    expect(recorded.sent).toEqual([{ channel: EVENT_CHANNEL, event: { type: 'openedFile' } }]);
    const opened = await call('platform.openedFile');
    expect(opened.value).toMatchObject({ kind: 'signedMou', name: 'Tunisia MOU.accord-mou.zip' });
  });

  it('recognises only the two registered kinds, existing files, and no switches', () => {
    expect(openableFiles(['--db', bundle, signedMou, join(dir.path, 'missing.accord-bundle'), join(dir.path, 'x.zip')])).toEqual([bundle, signedMou]);
  });
});
