import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { openableFiles } from './openedFiles';
import { EVENT_CHANNEL, IPC_CHANNEL } from '../../shared/contract';
import { formatMessage } from '../../shared/i18n/format';
import { AppError, errorText } from '../../shared/result';
import { message } from '../../shared/i18n/message';
import { openApp, takeSessionToken, type AccordApp } from '../app';
import { resolveDatabasePath } from '../dataPath';
import { CONTENT_SECURITY_POLICY, resolveStaticFile } from '../staticFiles';
import { saveWithDialog } from './saveDialog';
import { safeStorageProtection } from './safeStorageProtection';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  blockRemoteRequests,
  denyAllPermissions,
  isTrustedSender,
  lockDownContents,
  mainWindowOptions,
  pinDirectConnections,
} from './security';

/**
 * The desktop shell. It only opens the window and carries IPC calls to the
 * same dispatch gate the web host uses; everything else lives outside it.
 */

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The app's root: two levels above this file both as source (main/electron) and as bundle (dist/electron). */
const appRoot = join(__dirname, '..', '..');
const rendererDirectory = join(appRoot, 'dist', 'renderer');
const preloadScript = join(appRoot, 'dist', 'electron', 'preload.cjs');

let accord: AccordApp | undefined;
/** The window's session: kept here, never handed to the page (its sign-in's token is taken out of the result). */
let windowSession: string | null = null;
let mainWindow: BrowserWindow | undefined;
/** Bundles and signed MOU files the OS asked this app to open, oldest first; the window takes them (platform.openedFile). */
const openedFiles: string[] = [];

/** A file double-clicked or dropped on the app icon: queued for the window's import preview, and the window brought forward. */
function openFiles(paths: string[]): void {
  openedFiles.push(...paths);
  // Pushed to the window like any other event; a window still loading takes what waits when it starts.
  if (paths.length > 0) accord?.context.emit({ type: 'openedFile' });
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** The signed-in operating-system user's account name ("jdoe"), or undefined when the OS will not say. */
function osAccountName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

function databasePathFromArgs(argv: string[]): string | undefined {
  const index = argv.indexOf('--db');
  return index >= 0 ? argv[index + 1] : undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  const defaultSession = session.defaultSession;
  denyAllPermissions(defaultSession);
  blockRemoteRequests(defaultSession, { devTools: !app.isPackaged });
  await pinDirectConnections(defaultSession);
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveStaticFile(rendererDirectory, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    // Read directly rather than net.fetch(file://): the session refuses every non-app URL (see blockRemoteRequests).
    return readFile(file.filePath).then(
      (body) => new Response(body, { headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } }),
    );
  });

  try {
    const keychain = safeStorageProtection() ?? undefined;
    accord = openApp({
      databasePath: resolveDatabasePath({ flag: databasePathFromArgs(process.argv), dataDirectory: app.getPath('userData') }),
      handlingMarking: process.env.ACCORD_MARKING,
      // The database key is sealed by the OS keychain; where the OS offers none, the store stays as it is.
      databaseKey: keychain && { protection: keychain },
    });
    // A database that cannot be opened (from a newer Accord, damaged, its key missing) stops the app here, with its message.
    accord.open();
    const { plaintextBackup } = accord.atRest();
    if (plaintextBackup) console.error('[accord] the database is now encrypted; its plaintext copy is', plaintextBackup);
    accord.context.keyProtection = keychain;
    // With the OS keychain no passphrase is needed: the first-start dialog creates the signing key (sync.setup)
    // once the first officer is signed in, and the Sync section offers it again if the keychain failed then.
    accord.context.saveFile = saveWithDialog;
    // The OS account running the app: an officer an editor mapped to it signs in without a passphrase
    // (session.signInOs); unlocking after the idle time still asks for the passphrase.
    accord.context.osUser = osAccountName();
    accord.context.takeOpenedFile = () => openedFiles.shift() ?? null;
  } catch (error) {
    // The window is not open yet.
    const language = osLanguage();
    const why = error instanceof AppError ? errorText(error.toShape(), language) : formatMessage(language, 'platform.openFailed', { detail: String(error) });
    dialog.showErrorBox(formatMessage(language, 'platform.cannotStart'), why);
    app.exit(1);
    return;
  }

  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: new AppError('FORBIDDEN', message('error.windowOnly')).toShape() };
    }
    return accord!.call(String(method), input, windowSession).then((result) => {
      const opened = takeSessionToken(result);
      if (opened !== undefined) windowSession = opened;
      return result;
    });
  });

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, askToOpenLink));

  const window = new BrowserWindow(mainWindowOptions(preloadScript, { packaged: app.isPackaged }));
  mainWindow = window;
  // Long work pushes its progress to the window (the preload's onEvent), so the page never polls.
  accord!.call.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY_URL);
}

/** The language of dialogs the main process shows itself: the operating system's (the window's choice lives in the window). */
function osLanguage(): 'en' | 'ar' {
  return app.getLocale().toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

/**
 * The language the officer chose in the window (the page writes it on its root element), for a dialog about what
 * that page asked; the system's where the page cannot say. The page only picks the words, never what is allowed.
 */
async function pageLanguage(contents: WebContents): Promise<'en' | 'ar'> {
  try {
    const lang: unknown = await contents.executeJavaScript('document.documentElement.lang');
    return lang === 'ar' ? 'ar' : lang === 'en' ? 'en' : osLanguage();
  } catch {
    return osLanguage();
  }
}

/** A documented link (security.ts) opens in the system browser only once the officer says so; staying is the default. */
async function askToOpenLink(url: string, from: WebContents): Promise<void> {
  const language = await pageLanguage(from);
  const options = {
    type: 'question' as const,
    title: formatMessage(language, 'platform.link.title'),
    message: formatMessage(language, 'platform.link.ask', { url }),
    buttons: [formatMessage(language, 'platform.link.open'), formatMessage(language, 'platform.link.cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  try {
    const window = BrowserWindow.getFocusedWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    if (response === 0) await shell.openExternal(url);
  } catch (error) {
    // No browser, or the dialog could not be shown: the link stays shut, which is the safe outcome.
    console.error('[accord] the link was not opened:', url, error);
  }
}

// One app per user session: a second start (or a double-clicked file) hands its files to the running one
// instead of opening a second window on the same database.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
app.on('second-instance', (_event, argv: string[]) => openFiles(openableFiles(argv)));
// macOS delivers files through open-file, possibly before the app is ready.
app.on('open-file', (event: { preventDefault(): void }, path: string) => {
  event.preventDefault();
  openFiles(openableFiles([path]));
});
openedFiles.push(...openableFiles(process.argv.slice(1)));

app.on('window-all-closed', () => {
  accord?.close();
  app.quit();
});

if (primary) {
  start().catch((error: unknown) => {
    dialog.showErrorBox('Accord cannot start', String(error));
    app.exit(1);
  });
}
