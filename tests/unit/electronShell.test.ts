import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { TEST_OFFICER } from '../officer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, IPC_CHANNEL } from '../../shared/contract';
import { formatMessage } from '../../shared/i18n/format';
import { tempDirectory } from '../helpers';
import { CONDITION_TIMEOUT_MS } from '../waits';
import { mainWindowOptions } from '../../main/electron/security';

/**
 * The real shell (main/electron/main.ts and preload.ts) run against a mocked
 * `electron` module: every security setting it makes is observed here. The
 * Playwright test in tests/e2e/electron.test.ts runs the same shell for real
 * where an Electron runtime is installed.
 */
const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, any>; loadedUrl?: string }[],
  ipcHandlers: new Map<string, (...args: any[]) => unknown>(),
  appListeners: new Map<string, (...args: any[]) => unknown>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  permissionRequest: undefined as undefined | ((...args: any[]) => void),
  permissionCheck: undefined as undefined | ((...args: any[]) => boolean),
  beforeRequest: undefined as undefined | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  exposed: new Map<string, any>(),
  rendererInvocations: [] as unknown[][],
  rendererListeners: [] as [string, (...args: unknown[]) => void][],
  openedExternally: [] as string[],
  /** The questions the shell asked (a link's dialog), and the button the officer presses next (0: open, 1: stay). */
  asked: [] as { message: string; buttons: string[]; cancelId: number }[],
  answer: 1,
  /** What the page's root element says its language is (App.tsx writes it); null: the page cannot be asked. */
  pageLanguage: 'en' as string | null,
  proxy: undefined as unknown,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getFocusedWindow() {
      return null;
    }
    constructor(options: Record<string, any>) {
      recorded.windows.push({ options });
    }
    once() {}
    show() {}
    loadURL(url: string) {
      recorded.windows[recorded.windows.length - 1]!.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: any) => (recorded.permissionRequest = handler),
      setPermissionCheckHandler: (handler: any) => (recorded.permissionCheck = handler),
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: (handler: any) => (recorded.beforeRequest = handler) },
      setProxy: (config: unknown) => {
        recorded.proxy = config;
        return Promise.resolve();
      },
    },
  };
  return {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => process.env.TEST_USER_DATA,
      getLocale: () => 'en-US',
      // The shell runs here as an installed build does.
      isPackaged: true,
      on: (event: string, listener: any) => recorded.appListeners.set(event, listener),
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => { throw new Error(`${title}: ${message}`); },
      showMessageBox: (...args: any[]) => {
        const options = args[args.length - 1];
        recorded.asked.push({ message: options.message, buttons: options.buttons, cancelId: options.cancelId });
        return Promise.resolve({ response: recorded.answer });
      },
    },
    ipcMain: { handle: (channel: string, handler: any) => recorded.ipcHandlers.set(channel, handler) },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes), handle: (scheme: string, handler: any) => recorded.protocolHandlers.set(scheme, handler) },
    session,
    shell: { openExternal: (url: string) => recorded.openedExternally.push(url) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => recorded.rendererInvocations.push(args),
      on: (channel: string, listener: (...args: unknown[]) => void) => recorded.rendererListeners.push([channel, listener]),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        recorded.rendererListeners = recorded.rendererListeners.filter(([c, l]) => c !== channel || l !== listener);
      },
    },
  };
});

const dir = tempDirectory();
beforeAll(async () => {
  process.env.TEST_USER_DATA = dir.path;
  await import('../../main/electron/main');
  await vi.waitFor(() => expect(recorded.windows[0]?.loadedUrl).toBeDefined(), { timeout: CONDITION_TIMEOUT_MS });
  // The first start's dialog creates the first officer; the shell keeps that session for the window.
  const first = (await recorded.ipcHandlers.get(IPC_CHANNEL)!({ senderFrame: { url: 'accord://app/index.html' } }, 'officers.first', { ...TEST_OFFICER })) as any;
  expect(first.ok).toBe(true);
});
afterAll(() => {
  recorded.appListeners.get('window-all-closed')?.();
  dir.remove();
});

/** A stand-in for a WebContents, recording the handlers the shell installs. */
function fakeContents() {
  const emitter = new EventEmitter();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: emitter.on.bind(emitter),
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => (windowOpenHandler = handler),
    navigate(event: string, url: string) {
      let prevented = false;
      emitter.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    openWindow: (url: string) => windowOpenHandler!({ url }),
    executeJavaScript: (code: string) => (code === 'document.documentElement.lang' && recorded.pageLanguage !== null ? Promise.resolve(recorded.pageLanguage) : Promise.reject(new Error('the page is gone'))),
  };
}

describe('Electron window settings (security checklist)', () => {
  it('isolates and sandboxes the renderer with no Node integration', () => {
    const prefs = recorded.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    // DevTools only in a development run (npm start), never in an installed build.
    expect(mainWindowOptions('preload.cjs', { packaged: false }).webPreferences!.devTools).toBe(true);
  });

  it('connects directly, whatever proxy the system or a PAC script names', () => {
    expect(recorded.proxy).toEqual({ mode: 'direct' });
  });

  it('loads only the app from its own privileged scheme', () => {
    expect(recorded.windows[0]!.loadedUrl).toBe('accord://app/index.html');
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'accord', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the built app from its scheme with the CSP, and nothing outside it', async () => {
    const serve = recorded.protocolHandlers.get('accord')!;
    const page = await serve(new Request('accord://app/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    for (const path of ['/../../package.json', '/..%2f..%2fpackage.json', '/assets/missing.js']) {
      expect((await serve(new Request(`accord://app${path}`))).status).toBe(404);
    }
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      recorded.permissionRequest!({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(recorded.permissionCheck!({}, 'media')).toBe(false);
  });

  it('cancels every request for remote content', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest!({ url }, (result) => (cancel = result.cancel));
      return cancel;
    };
    expect(decide('https://example.com/tracker.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    // An installed build has no DevTools to load.
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(decide('accord://app/assets/index.js')).toBe(false);
  });

  it('denies navigation away from the app and every new window', () => {
    const contents = fakeContents();
    recorded.appListeners.get('web-contents-created')!({}, contents);
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'http://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'accord://app/index.html#/mou')).toBe(false);
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual([]);
  });

  it('opens only a documented link in the system browser, and only after asking; staying is the default', async () => {
    const contents = fakeContents();
    recorded.appListeners.get('web-contents-created')!({}, contents);
    recorded.asked.length = 0;
    recorded.openedExternally.length = 0;
    // Not on the list, however it is dressed: nothing is asked, nothing opens.
    for (const url of ['https://www.state.gov/', 'https://example.com/', 'http://age-encryption.org/', 'https://age-encryption.org.evil.example/', 'https://user@age-encryption.org/', 'https://age-encryption.org:8443/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(recorded.asked).toEqual([]);
    // A documented link asks; the officer stays (the default button): nothing opens.
    recorded.answer = 1;
    expect(contents.openWindow('https://age-encryption.org/v1')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(recorded.asked).toHaveLength(1), { timeout: CONDITION_TIMEOUT_MS });
    expect(recorded.asked[0]).toEqual({ message: 'Open https://age-encryption.org/v1 in your web browser? This leaves Accord, and the page is fetched over the network.', buttons: ['Open in browser', 'Stay in Accord'], cancelId: 1 });
    expect(recorded.openedExternally).toEqual([]);
    // The officer says open: the system browser gets it.
    recorded.answer = 0;
    contents.openWindow('https://www.amirifont.org/');
    await vi.waitFor(() => expect(recorded.openedExternally).toEqual(['https://www.amirifont.org/']), { timeout: CONDITION_TIMEOUT_MS });
    expect(recorded.asked).toHaveLength(2);
  });

  it('asks in the language the officer chose in the window, not the system’s; the system’s when the page cannot say', async () => {
    const contents = fakeContents();
    recorded.appListeners.get('web-contents-created')!({}, contents);
    recorded.asked.length = 0;
    recorded.openedExternally.length = 0;
    recorded.answer = 1;
    // The system is English (getLocale), the window Arabic.
    recorded.pageLanguage = 'ar';
    contents.openWindow('https://age-encryption.org/v1');
    await vi.waitFor(() => expect(recorded.asked).toHaveLength(1), { timeout: CONDITION_TIMEOUT_MS });
    expect(recorded.asked[0]!.buttons).toEqual([formatMessage('ar', 'platform.link.open'), formatMessage('ar', 'platform.link.cancel')]);
    expect(recorded.asked[0]!.message).toBe(formatMessage('ar', 'platform.link.ask', { url: 'https://age-encryption.org/v1' }));
    // A page that cannot answer (or answers nonsense) leaves the system's language.
    for (const language of [null, 'fr']) {
      recorded.pageLanguage = language;
      contents.openWindow('https://age-encryption.org/v1');
    }
    await vi.waitFor(() => expect(recorded.asked).toHaveLength(3), { timeout: CONDITION_TIMEOUT_MS });
    for (const asked of recorded.asked.slice(1)) expect(asked.buttons).toEqual(['Open in browser', 'Stay in Accord']);
    expect(recorded.openedExternally).toEqual([]);
    recorded.pageLanguage = 'en';
  });
});

describe('IPC gate', () => {
  const handler = () => recorded.ipcHandlers.get(IPC_CHANNEL)!;

  it('answers calls from the app frame', async () => {
    const result = (await handler()({ senderFrame: { url: 'accord://app/index.html' } }, 'records.create', { type: 'partners', values: { name: 'Tunisia' } })) as any;
    expect(result).toMatchObject({ ok: true, value: { name: 'Tunisia' } });
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['a look-alike scheme host', 'accord://app.evil/index.html'],
    ['no frame at all', undefined],
  ])('refuses a sender frame from %s before running anything', async (_name, url) => {
    const result = (await handler()({ senderFrame: url ? { url } : null }, 'records.create', { type: 'partners', values: { name: 'Intruder' } })) as any;
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const list = (await handler()({ senderFrame: { url: 'accord://app/index.html' } }, 'records.list', { type: 'partners' })) as any;
    expect(list.value.rows.map((p: { name: string }) => p.name)).not.toContain('Intruder');
  });

  it('validates IPC input at the same gate as every other host', async () => {
    const result = (await handler()({ senderFrame: { url: 'accord://app/' } }, 'records.create', { type: 'partners', values: { name: '' } })) as any;
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps the database in the userData folder', async () => {
    const info = (await handler()({ senderFrame: { url: 'accord://app/' } }, 'app.info', {})) as any;
    expect(info.value.databasePath).toBe(join(dir.path, 'accord.sqlite'));
  });
});

describe('preload bridge', () => {
  it('exposes one invoke function on the one channel and one event listener on the event channel, and nothing else', async () => {
    await import('../../main/electron/preload');
    expect([...recorded.exposed.keys()]).toEqual(['accord']);
    const bridge = recorded.exposed.get('accord');
    expect(Object.keys(bridge)).toEqual(['invoke', 'onEvent']);
    bridge.invoke('records.list', { type: 'partners' });
    expect(recorded.rendererInvocations).toEqual([[IPC_CHANNEL, 'records.list', { type: 'partners' }]]);
    const heard: unknown[] = [];
    const stop = bridge.onEvent((event: unknown) => heard.push(event));
    expect(recorded.rendererListeners.map(([channel]) => channel)).toEqual([EVENT_CHANNEL]);
    recorded.rendererListeners[0]![1]({ sender: 'the IPC event itself is not passed on' }, { type: 'job' });
    expect(heard).toEqual([{ type: 'job' }]);
    stop();
    expect(recorded.rendererListeners).toEqual([]);
  });
});
