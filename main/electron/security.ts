import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, Session, WebContents } from 'electron';

/** The app is served from this privileged scheme; its origin is the only one trusted. */
export const APP_SCHEME = 'accord';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Electron's security checklist, as window settings. A packaged build has no DevTools: they would open every record to whoever sits at the laptop, past the sign-in. */
export function mainWindowOptions(preloadPath: string, { packaged }: { packaged: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Accord',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !packaged,
    },
  };
}

/** True only for a frame showing our own app page: checked before any IPC call runs. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/**
 * The only pages a link may open outside the app (in the system browser, after asking): the documentation of
 * what Accord ships and how its files are sealed, listed in the README. Anything else, however it is spelled, stays
 * shut: an app that makes no network calls does not send an officer to a page a bundle's text pointed at.
 */
export const DOCUMENTED_LINKS: readonly string[] = [
  'https://www.amirifont.org/', // the Arabic face of the MOU documents
  'https://openfontlicense.org/', // its licence (the text ships as main/documents/AMIRI-OFL.txt)
  'https://age-encryption.org/', // the format bundles and signed MOU files are encrypted in
];

/** A link to one of DOCUMENTED_LINKS (or a page under it): https, the listed host, no credentials or port. */
export function isDocumentedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const page = `${parsed.origin}${parsed.pathname}`;
  return DOCUMENTED_LINKS.some((link) => page.startsWith(link));
}

/** Every navigation away from the app and every new window is denied; a documented link is offered to `openExternal`, with the page that asked. */
export function lockDownContents(contents: WebContents, openExternal: (url: string, from: WebContents) => unknown): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isDocumentedLink(url)) void openExternal(url, contents);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation, or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Remote content is refused at the network layer: only our own scheme loads (and DevTools, where a build has them). */
export function blockRemoteRequests(session: Session, { devTools }: { devTools: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || (devTools && details.url.startsWith('devtools://'));
    callback({ cancel: !allowed });
  });
}

/**
 * No proxy, whatever the system or a PAC script says: a proxy setting is a way for traffic to leave unseen, and
 * an app that makes no network calls has nothing to send through one (every remote request is refused anyway).
 */
export function pinDirectConnections(session: Session): Promise<void> {
  return session.setProxy({ mode: 'direct' });
}
