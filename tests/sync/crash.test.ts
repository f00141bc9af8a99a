import { spawn } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedTables, type SyncedTable } from '../../db/syncedTables';
import { verifyBundle } from '../../main/sync/bundle';
import { tempDirectory } from '../helpers';
import { exportFrom, openPost, trustAll } from './support';

/**
 * A child process importing a large bundle is killed (SIGKILL) at random
 * moments; every time, the database must pass integrity_check and hold the
 * import wholly or not at all. Each kill is a fresh CLI process (several seconds on a slow machine), so
 * `npm test` lands 20, enough that an import which is not one transaction shows up; set ACCORD_CRASH_RUNS
 * (for example 200) for a longer hunt before a release.
 */
const KILLS = Number(process.env.ACCORD_CRASH_RUNS ?? 20);
const ROWS = 2500;
const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const partners: SyncedTable = syncedTables.partners;
const bundlePath = join(dir.path, 'large.accord-bundle');
const basePath = join(dir.path, 'base.sqlite');
let bundleHash = '';

beforeAll(async () => {
  const sender = openPost(join(dir.path, 'sender.sqlite'), 'Sender');
  const receiver = openPost(basePath, 'Receiver');
  await trustAll([sender, receiver]);
  const store = sender.app.context.store;
  store.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) store.insert(partners, { name: `Partner ${i}`, isoCode: 'TN', notes: `Notes for partner ${i}` });
  });
  const bytes = await exportFrom(sender);
  bundleHash = verifyBundle(bytes).hash;
  writeFileSync(bundlePath, bytes);
  sender.app.close();
  receiver.app.close(); // closed cleanly: the base file holds everything, no WAL left
});

function importChild(db: string) {
  const child = spawn(process.execPath, [bin, 'import', bundlePath, '--yes', '--db', db], { stdio: 'ignore', env: { ...process.env, ACCORD_DB: '' } });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited };
}

/** mulberry32: reproducible kill moments. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('killing an import at random moments', () => {
  it(`leaves an intact database with the import wholly there or wholly absent (${KILLS} kills)`, async () => {
    const full = join(dir.path, 'full.sqlite');
    copyFileSync(basePath, full);
    const started = Date.now();
    expect((await importChild(full).exited).code).toBe(0);
    const duration = Date.now() - started;
    const next = random(20261122);
    // A kill drawn after the import already finished does not count: keep
    // drawing until KILLS have landed on a running import, so a slow or busy
    // machine changes how long this takes, never what it proves.
    const outcomes = { absent: 0, whole: 0, killedWhileRunning: 0 };
    for (let attempt = 0; outcomes.killedWhileRunning < KILLS; attempt += 1) {
      expect(attempt, 'too many kills arrived after the import had finished').toBeLessThan(KILLS * 4);
      const path = join(dir.path, `kill-${attempt}.sqlite`);
      copyFileSync(basePath, path);
      const { child, exited } = importChild(path);
      const delay = Math.floor(next() * duration);
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const result = await exited;
      clearTimeout(timer);
      if (result.signal === 'SIGKILL') outcomes.killedWhileRunning += 1;
      const db = new Database(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare("SELECT COUNT(*) FROM partners WHERE name LIKE 'Partner %'").pluck().get() as number;
      const logged = db.prepare('SELECT COUNT(*) FROM sync_bundle_log WHERE hash = ?').pluck().get(bundleHash) as number;
      db.close();
      expect([0, ROWS]).toContain(rows);
      expect(logged).toBe(rows === ROWS ? 1 : 0);
      outcomes[rows === ROWS ? 'whole' : 'absent'] += 1;
    }
    expect(outcomes.killedWhileRunning).toBe(KILLS);
    expect(outcomes.absent).toBeGreaterThan(0);
  }, 600_000);
});
