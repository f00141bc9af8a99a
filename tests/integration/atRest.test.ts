import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlaintextDatabase } from '../../db/atRest';
import { openDatabase } from '../../db/open';
import { syncedTables } from '../../db/syncedTables';
import { keyFilePath } from '../../main/databaseKey';
import { AppError } from '../../shared/result';
import { callOk, openTestApp, tempDirectory } from '../helpers';

/**
 * The store at rest: SQLCipher-compatible pages under a random key that the
 * post's passphrase seals (the CLI and browser mode; the desktop app seals it
 * with the OS keychain through the same KeyProtection).
 */
const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const PASSPHRASE = 'correct horse battery';
const SECRET = 'Zarqa gendarmerie night-vision shortfall';
const cli = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '', ACCORD_KEY_PASSPHRASE: '', ...env } });

/** What `strings` would find: the text in UTF-8 or UTF-16, anywhere in the bytes. */
function holdsText(path: string, text: string): boolean {
  if (!existsSync(path)) return false;
  const bytes = readFileSync(path);
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le')) || bytes.includes(Buffer.from('SQLite format 3', 'latin1'));
}

const mode = (path: string) => statSync(path).mode & 0o777;

function addPartner(app: ReturnType<typeof openTestApp>, notes = SECRET): void {
  app.context.store.insert(syncedTables.partners, { nameAr: 'الأردن', name: 'Jordan Armed Forces', isoCode: 'JO', notes });
}

describe('the database at rest', () => {
  it('holds no record text in the file or its -wal, and every file is its owner’s only', async () => {
    const folder = join(dir.path, 'fresh', 'data');
    const path = join(folder, 'accord.sqlite');
    const app = openTestApp(path, undefined, { passphrase: PASSPHRASE });
    for (let i = 0; i < 50; i += 1) addPartner(app, `${SECRET} ${i}`);
    expect(app.atRest()).toEqual({ encrypted: true, plaintextBackup: null });
    // While open, the latest rows are in the -wal.
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(holdsText(`${path}-wal`, SECRET)).toBe(false);
    expect(holdsText(path, SECRET)).toBe(false);
    const backup = await callOk<{ path: string }>(app, 'platform.backup', {});
    expect(holdsText(backup.path, SECRET)).toBe(false);
    if (process.platform !== 'win32') {
      for (const file of [path, `${path}-wal`, `${path}-shm`, keyFilePath(path), backup.path]) expect([file, mode(file)]).toEqual([file, 0o600]);
      expect(mode(folder)).toBe(0o700);
    }
    app.close();
    expect(holdsText(path, SECRET)).toBe(false);
    // The key file holds the key sealed, never the key or any record.
    expect(readFileSync(keyFilePath(path), 'utf8')).toMatch(/"protection": "passphrase"/);
  });

  it('opens only with its key: none, a wrong one and a wrong passphrase are typed refusals', () => {
    const path = join(dir.path, 'locked.sqlite');
    const app = openTestApp(path, undefined, { passphrase: PASSPHRASE });
    addPartner(app);
    app.close();
    const refusal = (open: () => unknown) => {
      try {
        open();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).toShape();
      }
      throw new Error('it opened');
    };
    expect(refusal(() => openDatabase(path))).toMatchObject({ code: 'UNAUTHORIZED', key: 'platform.databaseNeedsKey', details: { reason: 'database-key-missing' } });
    expect(refusal(() => openDatabase(path, { key: Buffer.alloc(32, 7) }))).toMatchObject({ code: 'UNAUTHORIZED', key: 'platform.databaseWrongKey', details: { reason: 'database-key' } });
    expect(refusal(() => openTestApp(path).open())).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'database-key-missing' } });
    expect(refusal(() => openTestApp(path, undefined, { passphrase: 'not the passphrase' }).open())).toMatchObject({ code: 'VALIDATION', key: 'sync.wrongPassphrase' });
    const reopened = openTestApp(path, undefined, { passphrase: PASSPHRASE });
    expect(reopened.context.store.db.prepare('SELECT notes FROM partners').pluck().all()).toEqual([SECRET]);
    reopened.close();
  });

  it('a plaintext database is encrypted on first start after a backup copy, with an identical `accord dump`', () => {
    const path = join(dir.path, 'old', 'accord.sqlite');
    const app = openTestApp(path);
    for (let i = 0; i < 20; i += 1) addPartner(app, `${SECRET} ${i}`);
    app.close();
    expect(isPlaintextDatabase(path)).toBe(true);
    // A script that gives no passphrase reads it as it is (and is told it is not encrypted).
    const before = cli({}, 'dump', '--db', path);
    expect(before.status, before.stderr).toBe(0);
    expect(before.stderr).toMatch(/not encrypted/);
    const after = cli({ ACCORD_KEY_PASSPHRASE: PASSPHRASE }, 'dump', '--db', path);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toContain(SECRET);
    expect(after.stderr).toMatch(/now encrypted/);
    expect(isPlaintextDatabase(path)).toBe(false);
    expect(holdsText(path, SECRET)).toBe(false);
    const backups = readdirSync(join(dir.path, 'old', 'backups'));
    expect(backups).toEqual([expect.stringMatching(/^accord-before-encryption-.*\.sqlite$/)]);
    const copy = join(dir.path, 'old', 'backups', backups[0]!);
    expect(isPlaintextDatabase(copy)).toBe(true);
    if (process.platform !== 'win32') expect(mode(copy)).toBe(0o600);
    // Once encrypted, the database needs its passphrase.
    const without = cli({}, 'dump', '--db', path);
    expect(without.status).toBe(2);
    expect(without.stderr).toMatch(/ACCORD_KEY_PASSPHRASE/);
  });

  it('a backup of the encrypted store is encrypted with its key and restores, and so does a plaintext one from before', async () => {
    const path = join(dir.path, 'restore', 'accord.sqlite');
    const plainPath = join(dir.path, 'restore-plain.sqlite');
    const plain = openTestApp(plainPath);
    await callOk(plain, 'records.list', { type: 'partners' });
    addPartner(plain, 'from the plaintext days');
    plain.close();
    // A clock that moves a second per reading, so the copies kept before each restore get their own names.
    let at = Date.parse('2026-12-02T08:00:00Z');
    const app = openTestApp(path, () => (at += 1000), { passphrase: PASSPHRASE });
    addPartner(app);
    const written = await callOk<{ path: string }>(app, 'platform.backup', { out: join(dir.path, 'restore', 'copy.sqlite') });
    addPartner(app, 'written after the backup');
    expect(await callOk(app, 'platform.restore', { from: written.path, check: true })).toMatchObject({ schemaVersion: expect.any(Number) });
    await callOk(app, 'platform.restore', { from: written.path });
    expect(app.context.store.db.prepare('SELECT notes FROM partners ORDER BY notes').pluck().all()).toEqual([SECRET]);
    await callOk(app, 'platform.restore', { from: plainPath });
    expect(app.context.store.db.prepare('SELECT notes FROM partners').pluck().all()).toEqual(['from the plaintext days']);
    // The search index came back with the rows.
    expect(app.context.store.db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'plaintext'").pluck().get()).toBe(1);
    app.close();
    expect(holdsText(path, 'plaintext days')).toBe(false);
  });
});
