import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openApp, type AccordApp } from '../main/app';
import { passphraseProtection } from '../main/sync/keys';

/** A fresh folder removed after the test file finishes (callers register cleanup). */
export function tempDirectory(prefix = 'accord-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** With a passphrase the store is encrypted at rest, its key sealed by it, as the CLI does with ACCORD_KEY_PASSPHRASE. */
export function openTestApp(databasePath: string, now?: () => number, options: { passphrase?: string } = {}): AccordApp {
  return openApp({ databasePath, now, ...(options.passphrase ? { databaseKey: { protection: passphraseProtection, passphrase: options.passphrase } } : {}) });
}

/**
 * Every row of every table, as text: "the database is exactly as it was"
 * compares these. (File bytes are not stable under WAL while open.)
 */
export function snapshotDatabase(app: AccordApp): string {
  const db = app.context.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort()]));
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Calls through the dispatch gate and unwraps, failing the test on an error envelope. */
export async function callOk<T = unknown>(app: AccordApp, method: string, input: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/**
 * A fresh app on an empty database for every test of the file, closed and
 * removed afterwards. `onOpen` receives each one (and its database path, for
 * tests that reopen it).
 */
export function useFreshApp(onOpen: (app: AccordApp, databasePath: string) => void): void {
  let dir: ReturnType<typeof tempDirectory>;
  let app: AccordApp;
  beforeEach(() => {
    dir = tempDirectory();
    const databasePath = join(dir.path, 'accord.sqlite');
    app = openTestApp(databasePath);
    onOpen(app, databasePath);
  });
  afterEach(() => {
    app.close();
    dir.remove();
  });
}
