import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AccordApp } from '../../main/app';
import { openTestApp, TEST_OFFICER, tempDirectory } from '../helpers';
import { CONDITION_TIMEOUT_MS } from '../waits';

const root = join(__dirname, '..', '..');

/** Debian's Chromium, or CHROMIUM_PATH. The browser is never downloaded. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningAccord {
  url: string;
  /** The server's process id (benches read its memory). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * The demo dataset a person would look at (`accord seed --size small`), built around a fixed day so the pages
 * and their screenshots come out the same on every run.
 */
export function seedDemo(databasePath: string, today = '2026-12-02'): void {
  const seeded = spawnSync(process.execPath, [join(root, 'bin', 'accord.cjs'), 'seed', '--db', databasePath, '--size', 'small', '--seed', '5', '--today', today], { encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`accord seed failed (${seeded.status} ${seeded.signal} ${String(seeded.error)}): ${seeded.stderr}`);
}

/**
 * For one test file: the seeded demo (`seedDemo`, around `today`), added to by `prepare` (an open test app) where
 * a test needs more than the demo holds, read first by `inspect` (read-only) for what
 * the pages should show, then served by `accord serve` to one headless Chromium; all of it removed afterwards.
 * `open` gives a signed-in page at a hash route; `shots` is where screenshots go (ACCORD_SHOTS, else dist/).
 */
export function useDemoAccord(options: { today?: string; prepare?(app: AccordApp): Promise<void>; inspect?(db: Database.Database): void } = {}): { folder: string; shots: string; open(language: 'en' | 'ar', hash: string): Promise<Page> } {
  const dir = tempDirectory();
  const databasePath = join(dir.path, 'accord.sqlite');
  const shots = process.env.ACCORD_SHOTS ?? join(root, 'dist');
  let accord: RunningAccord | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    seedDemo(databasePath, options.today);
    if (options.prepare) {
      const app = openTestApp(databasePath);
      try {
        await options.prepare(app);
      } finally {
        app.close();
      }
    }
    const db = new Database(databasePath, { readonly: true });
    try {
      options.inspect?.(db);
    } finally {
      db.close();
    }
    mkdirSync(shots, { recursive: true });
    accord = await startAccord(databasePath);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await accord?.stop();
    dir.remove();
  });
  return { folder: dir.path, shots, open: (language, hash) => openSignedIn(browser!.browser, `${accord!.url}${hash}`, language) };
}

/** A new page in the officer's language, signed in as the default editor at `url`. */
export async function openSignedIn(browser: Browser, url: string, language: 'en' | 'ar', viewport = { width: 1300, height: 1000 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.addInitScript((lang) => localStorage.setItem('accord.language', lang), language);
  await signIn(page, url);
  return page;
}

/**
 * Starts the real `accord serve` on a database and waits for the address it prints.
 * The post is named first ("Test post", if nobody named it) and given the default editor
 * (tests/officer.ts) so the first-start screens stay out of the way: a page then calls
 * `signIn`; `{ firstStart: true }` keeps both (tests/e2e/firstStart.test.ts).
 */
export async function startAccord(databasePath: string, extraArgs: string[] = [], options: { firstStart?: boolean } = {}): Promise<RunningAccord> {
  if (!options.firstStart) {
    const app = openTestApp(databasePath);
    app.context.store.db.prepare("UPDATE post_identity SET name = 'Test post' WHERE name = 'Unnamed post'").run();
    app.close();
  }
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin', 'accord.cjs'), 'serve', '--db', databasePath, '--no-open', ...extraArgs], {
    env: { ...process.env, ACCORD_DB: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`accord serve exited with ${code} before printing its address`)));
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Opens the app at `url` (when given) and signs in as the default editor (tests/officer.ts) on the sign-in
 * screen, as a person would: the address alone opens nothing. Waits until the header names the officer.
 */
export async function signIn(page: Page, url?: string): Promise<void> {
  if (url) await page.goto(url);
  const screen = page.getByTestId('session-screen');
  await screen.locator('#field-signInOfficer').selectOption({ label: TEST_OFFICER.name });
  await screen.locator('#field-signInPassphrase').fill(TEST_OFFICER.passphrase);
  await screen.locator('button[type=submit]').click();
  await page.getByTestId('signed-in').waitFor();
}

/**
 * A caller of a running `accord serve`'s API as the default editor, as a second person at that post would make
 * through its UI: it signs in first (the token in the address alone opens nothing) and carries the session cookie.
 */
export async function apiSignedIn(url: string): Promise<<T = unknown>(method: string, input: unknown) => Promise<T>> {
  const address = new URL(url);
  const post = (method: string, input: unknown, cookie?: string) =>
    fetch(new URL(`/api/${method}`, address), {
      method: 'POST',
      headers: { Authorization: `Bearer ${address.searchParams.get('token')}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(input),
    });
  const signedIn = await post('session.signIn', { officer: TEST_OFFICER.name, passphrase: TEST_OFFICER.passphrase });
  const cookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (!signedIn.ok || !cookie) throw new Error(`session.signIn failed: ${await signedIn.text()}`);
  return async <T,>(method: string, input: unknown) => {
    const body = (await (await post(method, input, cookie)).json()) as { ok: boolean; value: T; error?: unknown };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.value;
  };
}

/** On a post with no officer yet: creates the default editor on the first-officer screen (signed in after). */
export async function createFirstOfficer(page: Page): Promise<void> {
  const form = page.getByTestId('first-officer');
  await form.locator('#field-firstOfficerName').fill(TEST_OFFICER.name);
  await form.locator('#field-firstOfficerPassphrase').fill(TEST_OFFICER.passphrase);
  await form.locator('#field-firstOfficerPassphraseAgain').fill(TEST_OFFICER.passphrase);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('signed-in').waitFor();
}

/** Headless Chromium with the flags this network needs; Playwright gives each launch a fresh temporary profile. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Every page waits on conditions with the shared budget (tests/waits.ts), not Playwright's 30 s default.
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => conditionWaits(await newPage(...args));
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A page (or Electron window) whose locator, action, download and navigation waits use the shared condition budget. */
export function conditionWaits(page: Page): Page {
  page.setDefaultTimeout(CONDITION_TIMEOUT_MS);
  page.setDefaultNavigationTimeout(CONDITION_TIMEOUT_MS);
  return page;
}
