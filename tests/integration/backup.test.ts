import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/sync';
import { syncedTables } from '../../db/syncedTables';
import type { AccordApp } from '../../main/app';
import { callOk, openTestApp, sha256File, tempDirectory } from '../helpers';

/**
 * Backups are SQLite online backups taken through the API (the CLI and the
 * window's button both call platform.backup); a restore checks the file before
 * it replaces anything and keeps what it replaced.
 */
const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '' } });
const dump = (db: string) => {
  const result = cli('dump', '--db', db);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const PASSPHRASE = 'correct horse battery';

/** A database with a few records, closed again (the CLI opens it next). */
function makeDatabase(path: string, partners = 20): void {
  const app = openTestApp(path);
  app.context.store.transaction(() => {
    for (let i = 0; i < partners; i += 1) app.context.store.insert(syncedTables.partners, { nameAr: '', name: `Partner ${i}`, isoCode: 'TN', notes: '' });
  });
  app.close();
}

async function untilDone(app: AccordApp, jobId: string, onStatus: (status: JobStatus) => Promise<void>): Promise<JobStatus> {
  for (;;) {
    const status = await callOk<JobStatus>(app, 'sync.jobs.status', { jobId });
    await onStatus(status);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function upload(app: AccordApp, bytes: Buffer): Promise<string> {
  return (await callOk<{ uploadId: string }>(app, 'sync.upload', { bytes: new Uint8Array(bytes) })).uploadId;
}

async function exportBundle(app: AccordApp): Promise<Buffer> {
  const { jobId } = await callOk<{ jobId: string }>(app, 'sync.export.start', { forPost: null, passphrase: PASSPHRASE, encryptFor: 'unencrypted' });
  await untilDone(app, jobId, async () => undefined);
  return Buffer.from((await callOk<{ bytes: Uint8Array }>(app, 'sync.download', { jobId })).bytes);
}

describe('backup and restore', () => {
  it('a backup taken while an import runs restores to a database whose dump is identical to the state it copied', async () => {
    const tunisPath = join(dir.path, 'tunis.sqlite');
    const rabatPath = join(dir.path, 'rabat.sqlite');
    const tunis = openTestApp(tunisPath);
    const rabat = openTestApp(rabatPath);
    await callOk(tunis, 'sync.setup', { name: 'Embassy Tunis, ODC', passphrase: PASSPHRASE });
    await callOk(rabat, 'sync.setup', { name: 'Embassy Rabat, SCO', passphrase: PASSPHRASE });
    tunis.context.store.transaction(() => {
      for (let i = 0; i < 3000; i += 1) tunis.context.store.insert(syncedTables.partners, { nameAr: '', name: `Partner ${i}`, isoCode: 'TN', notes: '' });
    });
    rabat.context.store.insert(syncedTables.partners, { nameAr: '', name: 'Morocco', isoCode: 'MA', notes: '' });
    const bundle = await exportBundle(tunis);
    const uploadId = await upload(rabat, bundle);
    const inspection = await callOk<{ jobId: string }>(rabat, 'sync.inspect.start', { uploadId });
    const inspected = await untilDone(rabat, inspection.jobId, async () => undefined);
    await callOk(rabat, 'sync.peers.trust', { uploadId, fingerprint: inspected.inspection!.fingerprint });
    const before = dump(rabatPath);

    // The import runs on the sync worker (its own connection, one write transaction); the backup is taken while it is running.
    const { jobId } = await callOk<{ jobId: string }>(rabat, 'sync.import.start', { uploadId });
    let backup: { path: string } | undefined;
    const imported = await untilDone(rabat, jobId, async (status) => {
      if (!backup && status.state === 'running') backup = await callOk(rabat, 'platform.backup', { out: join(dir.path, 'during-import.sqlite') });
    });
    expect(imported.state).toBe('done');
    expect(backup).toBeDefined();
    const after = dump(rabatPath);
    expect(after).not.toBe(before);
    tunis.close();
    rabat.close();

    // One self-contained file: no -wal beside it.
    expect(existsSync(`${backup!.path}-wal`)).toBe(false);
    const restoredPath = join(dir.path, 'restored.sqlite');
    const restored = cli('restore', backup!.path, '--db', restoredPath);
    expect(restored.status, restored.stderr).toBe(0);
    // All of the import or none of it: whichever state the snapshot caught, exactly.
    expect([before, after]).toContain(dump(restoredPath));
  });

  it('copies a write transaction that is still open as the state before it, and what is committed exactly', async () => {
    const path = join(dir.path, 'open-transaction.sqlite');
    const app = openTestApp(path);
    await callOk(app, 'sync.setup', { name: 'Embassy Amman', passphrase: PASSPHRASE });
    app.context.store.insert(syncedTables.partners, { nameAr: '', name: 'Jordan', isoCode: 'JO', notes: '' });
    const committed = dump(path);
    // A second connection (as the sync worker's import is) holds the write lock with uncommitted rows.
    const writer = openTestApp(path);
    writer.context.store.db.exec('BEGIN IMMEDIATE');
    for (let i = 0; i < 50; i += 1) writer.context.store.insert(syncedTables.partners, { nameAr: '', name: `Half-written ${i}`, isoCode: 'IQ', notes: '' });
    const written = await callOk<{ path: string }>(app, 'platform.backup', { out: join(dir.path, 'mid-transaction.sqlite') });
    writer.context.store.db.exec('COMMIT');
    writer.close();
    app.close();
    const restoredPath = join(dir.path, 'mid-transaction-restored.sqlite');
    expect(cli('restore', written.path, '--db', restoredPath).status).toBe(0);
    expect(dump(restoredPath)).toBe(committed);
  });

  it('`accord backup` never overwrites a file, and a restore keeps the contents it replaced', () => {
    const path = join(dir.path, 'cli.sqlite');
    makeDatabase(path);
    const out = join(dir.path, 'cli-backup.sqlite');
    const first = cli('backup', '--out', out, '--db', path);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Backup written to .*cli-backup\.sqlite/);
    const second = cli('backup', '--out', out, '--db', path);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
    expect(cli('backup', '--db', path).status).toBe(2); // --out is required

    // Restore a backup of another, empty database over the seeded one: the seeded contents are kept.
    const seeded = dump(path);
    const emptyPath = join(dir.path, 'empty.sqlite');
    expect(cli('dump', '--db', emptyPath).status).toBe(0);
    const emptyBackup = join(dir.path, 'empty-backup.sqlite');
    expect(cli('backup', '--out', emptyBackup, '--db', emptyPath).status).toBe(0);
    const restored = cli('restore', emptyBackup, '--db', path);
    expect(restored.status, restored.stderr).toBe(0);
    expect(dump(path)).toBe(dump(emptyPath));
    const kept = restored.stdout.trim().match(/kept in (.+\.sqlite)\.$/)![1]!;
    expect(kept.startsWith(join(dir.path, 'backups'))).toBe(true);
    const keptDump = cli('dump', '--db', kept);
    expect(keptDump.stdout).toBe(seeded);
  });

  describe('refuses, with nothing replaced', () => {
    const target = join(dir.path, 'target.sqlite');
    const setUp = () => {
      if (!existsSync(target)) makeDatabase(target);
      return { dump: dump(target), backups: existsSync(join(dir.path, 'backups')) ? readdirSync(join(dir.path, 'backups')).length : 0 };
    };
    const unchanged = (state: { dump: string; backups: number }) => {
      expect(dump(target)).toBe(state.dump);
      expect(existsSync(join(dir.path, 'backups')) ? readdirSync(join(dir.path, 'backups')).length : 0).toBe(state.backups);
    };

    it('a corrupt file', () => {
      const state = setUp();
      const good = join(dir.path, 'to-corrupt.sqlite');
      expect(cli('backup', '--out', good, '--db', target).status).toBe(0);
      // Overwrite the middle of the file: pages the integrity check reads.
      const bytes = readFileSync(good);
      bytes.fill(0x5a, 4096 * 2, Math.min(bytes.length, 4096 * 6));
      const corrupt = join(dir.path, 'corrupt.sqlite');
      writeFileSync(corrupt, bytes);
      const hash = sha256File(corrupt);
      const result = cli('restore', corrupt, '--db', target);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/damaged|not a database/);
      unchanged(state);
      expect(sha256File(corrupt)).toBe(hash); // the file it read is not touched either
    });

    it('a file that is not a database, or not an Accord database', () => {
      const state = setUp();
      const text = join(dir.path, 'notes.sqlite');
      writeFileSync(text, 'these are not the pages you are looking for'.repeat(200));
      const notDatabase = cli('restore', text, '--db', target);
      expect(notDatabase.status).toBe(1);
      expect(notDatabase.stderr).toMatch(/not a database file/);
      const other = join(dir.path, 'other-program.sqlite');
      const db = new Database(other);
      db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
      db.pragma('user_version = 3');
      db.close();
      const notAccord = cli('restore', other, '--db', target);
      expect(notAccord.status).toBe(1);
      expect(notAccord.stderr).toMatch(/not an Accord database/);
      unchanged(state);
    });

    it('a backup from a newer Accord (exit code 3)', () => {
      const state = setUp();
      const newer = join(dir.path, 'newer.sqlite');
      expect(cli('backup', '--out', newer, '--db', target).status).toBe(0);
      const db = new Database(newer);
      db.pragma('user_version = 9999');
      db.close();
      const result = cli('restore', newer, '--db', target);
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(/newer Accord \(schema 9999/);
      unchanged(state);
      // --check says the same without a restore in view.
      expect(cli('restore', newer, '--check', '--db', target).status).toBe(3);
    });

    it('a check alone changes nothing and says what the file holds', () => {
      const state = setUp();
      const good = join(dir.path, 'check-me.sqlite');
      expect(cli('backup', '--out', good, '--db', target).status).toBe(0);
      const copy = join(dir.path, 'check-me-copy.sqlite');
      copyFileSync(good, copy);
      const result = cli('restore', copy, '--check', '--db', target);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/can be restored: an Accord database for ".+", schema \d+, integrity ok/);
      unchanged(state);
    });
  });
});
