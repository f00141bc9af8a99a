import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openApp, type AccordApp } from '../main/app';
import { passphraseProtection } from '../main/sync/keys';
import { findOfficerByName, insertOfficer, type OfficerRole } from '../db/officers';
import { hashPassphraseSync } from '../main/officers';
import type { JobStatus } from '../shared/api/sync';
import { uuidv7 } from '../shared/uuid';
import { TEST_OFFICER } from './officer';

/** A fresh folder removed after the test file finishes (callers register cleanup). */
export function tempDirectory(prefix = 'accord-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * The default officer every test acts as: an editor. `openTestApp` creates it (once per database) and signs it
 * in, so `app.call(method, input)` carries its session; pass a third argument to call with another session
 * (`null`: none). The browser and CLI tests sign in as it too (tests/e2e/support.ts, the CLI tests' env).
 */
export { TEST_OFFICER };
/** Cheap scrypt for fixtures only (the app's own cost is main/officers.ts OFFICER_SCRYPT). */
const FIXTURE_COST = { N: 1 << 10, r: 8, p: 1 };

/** Adds an officer straight to the database (a fixture), unless one of that name exists; returns its id. */
export function addTestOfficer(app: AccordApp, name: string, role: OfficerRole, passphrase: string): string {
  const db = app.context.store.db;
  const existing = findOfficerByName(db, name);
  if (existing) return existing.id;
  const id = uuidv7(app.context.store.now());
  insertOfficer(db, { id, name, role, osUser: null }, hashPassphraseSync(passphrase, FIXTURE_COST), new Date(app.context.store.now()).toISOString());
  return id;
}

/** A session for an officer, as signing in would open (the token a host would carry). */
export function sessionFor(app: AccordApp, officerId: string): string {
  return app.context.sessions.open(officerId).token;
}

/** With a passphrase the store is encrypted at rest, its key sealed by it, as the CLI does with ACCORD_KEY_PASSPHRASE. */
export function openTestApp(databasePath: string, now?: () => number, options: { passphrase?: string } = {}): AccordApp {
  return signInTestOfficer(openApp({ databasePath, now, ...(options.passphrase ? { databaseKey: { protection: passphraseProtection, passphrase: options.passphrase } } : {}) }));
}

/** Makes `app.call` carry the default editor's session unless the caller passes its own. */
export function signInTestOfficer(app: AccordApp): AccordApp {
  const token = sessionFor(app, addTestOfficer(app, TEST_OFFICER.name, 'editor', TEST_OFFICER.passphrase));
  const carry = app.call;
  app.call = Object.assign((method: string, input: unknown, sessionToken?: string | null) => carry(method, input, sessionToken === undefined ? token : sessionToken), { subscribe: carry.subscribe });
  return app;
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

/** Follows a job as the window does: its status once, then every status the app pushes, until it ends. */
export async function untilDone(app: AccordApp, jobId: string, onStatus?: (status: JobStatus) => Promise<void>): Promise<{ final: JobStatus; seen: JobStatus[] }> {
  const seen: JobStatus[] = [];
  const queue: JobStatus[] = [];
  let wake: (() => void) | undefined;
  const stop = app.call.subscribe((event) => {
    if (event.type !== 'job' || event.status.id !== jobId) return;
    queue.push(event.status);
    wake?.();
  });
  try {
    queue.push(await callOk<JobStatus>(app, 'sync.jobs.status', { jobId }));
    for (;;) {
      while (queue.length > 0) {
        const status = queue.shift()!;
        seen.push(status);
        await onStatus?.(status);
        if (status.state !== 'running') return { final: status, seen };
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    stop();
  }
}
