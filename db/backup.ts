import type Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { message } from '../shared/i18n/message';
import { AppError } from '../shared/result';
import { encryptInPlace, isPlaintextDatabase, OWNER_ONLY_DIRECTORY, rawKeyLiteral, restrictToOwner } from './atRest';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { databaseKeyOf, migrate, openConnection } from './open';

/** Tables every Accord database has had since schema 1: a file without them is some other program's database. */
const ACCORD_TABLES = ['post_identity', 'settings', 'partners', 'mou_drafts'];

export interface BackupFile {
  path: string;
  bytes: number;
  schemaVersion: number;
}

/**
 * A consistent copy of the open database in one file, with SQLite's
 * VACUUM INTO: it reads one snapshot, so it runs while the app (or an import on
 * the sync worker) keeps writing, and copies what the write-ahead log holds
 * too. An encrypted database's copy is encrypted with the same key (the key
 * file beside the database opens it); the file is its owner's only.
 * Written beside its target and renamed into place, so a backup that did not
 * finish never looks like one. The copy is a plain single file (no -wal).
 */
export async function backupDatabase(db: Database.Database, outPath: string): Promise<BackupFile> {
  const target = resolve(outPath);
  if (resolve(db.name) === target) throw new AppError('VALIDATION', message('platform.backupOverDatabase'));
  if (existsSync(target)) throw new AppError('CONFLICT', message('platform.backupExists', { path: target }));
  copyDatabase(db, target);
  return { path: target, bytes: statSync(target).size, schemaVersion: schemaVersionOf(target, databaseKeyOf(db)) };
}

/** The copy itself (synchronous: SQLite reads one snapshot and writes the new file in one statement). */
export function copyDatabase(db: Database.Database, target: string): void {
  mkdirSync(dirname(target), { recursive: true, mode: OWNER_ONLY_DIRECTORY });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    restrictToOwner(partial, { companions: false });
    const copy = openConnection(partial, databaseKeyOf(db), { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
}

/**
 * Encrypts a plaintext database file with `key`, once: a copy of it as it is
 * is taken first (`backupPath`, owner-only), then SQLite rewrites every page
 * encrypted, in one journaled transaction. Does nothing to a file that is
 * already encrypted. Returns the backup's path, or null when nothing was done.
 */
export function encryptDatabaseFile(path: string, key: Buffer, backupPath: string): string | null {
  if (!isPlaintextDatabase(path)) return null;
  const db = openConnection(path, undefined, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyDatabase(db, resolve(backupPath));
    encryptInPlace(db, key);
  } finally {
    db.close();
  }
  restrictToOwner(path);
  return resolve(backupPath);
}

export interface CheckedBackup {
  path: string;
  schemaVersion: number;
  postId: string;
  postName: string;
}

/**
 * Whether a file can be restored: a SQLite database that passes
 * integrity_check, holds Accord's tables, and is not from a newer Accord.
 * Opened read-only; the file is never changed.
 */
export function checkBackupFile(path: string, latestVersion = LATEST_SCHEMA_VERSION, key?: Buffer): CheckedBackup {
  const source = resolve(path);
  if (!existsSync(source) || !statSync(source).isFile()) throw new AppError('NOT_FOUND', message('platform.restoreMissing', { path: source }));
  let db: Database.Database;
  try {
    db = openConnection(source, sourceKey(source, key), { readonly: true, fileMustExist: true });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CORRUPT') {
      throw new AppError('VALIDATION', message('platform.restoreCorrupt', { path: source, detail: error.message }), { reason: 'corrupt' });
    }
    throw new AppError('VALIDATION', message('platform.restoreNotDatabase', { path: source }), { reason: 'not-a-database' });
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      const notDatabase = error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB';
      throw new AppError('VALIDATION', message(notDatabase ? 'platform.restoreNotDatabase' : 'platform.restoreCorrupt', { path: source, detail: String((error as Error).message) }), {
        reason: notDatabase ? 'not-a-database' : 'corrupt',
      });
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new AppError('VALIDATION', message('platform.restoreCorrupt', { path: source, detail: problems.slice(0, 3).join('; ') }), { reason: 'corrupt' });
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
    if (version < 1 || ACCORD_TABLES.some((table) => !tables.has(table))) {
      throw new AppError('VALIDATION', message('platform.restoreNotAccord', { path: source }), { reason: 'not-accord' });
    }
    if (version > latestVersion) {
      throw new AppError('DB_TOO_NEW', message('platform.restoreTooNew', { path: source, version, supported: latestVersion }), { schemaVersion: version, supportedVersion: latestVersion });
    }
    const post = db.prepare('SELECT id, name FROM post_identity LIMIT 1').get() as { id: string; name: string } | undefined;
    if (!post) throw new AppError('VALIDATION', message('platform.restoreNotAccord', { path: source }), { reason: 'not-accord' });
    return { path: source, schemaVersion: version, postId: post.id, postName: post.name };
  } finally {
    db.close();
  }
}

export interface Restored extends CheckedBackup {
  previousCopy: string;
}

/**
 * Replaces the open database's contents with a checked backup: first a backup
 * of the current contents to `keepPath` (the previous file, kept), then, in
 * one transaction (other connections see the old or the new data, never a
 * mix), every table, index and trigger of the open database replaced by the
 * backup's, then the migrations an older backup needs. The backup may be
 * plaintext (made before the store was encrypted) or encrypted with this
 * database's key. Nothing is replaced unless the backup passes checkBackupFile.
 */
export async function restoreDatabase(db: Database.Database, fromPath: string, keepPath: string): Promise<Restored> {
  const key = databaseKeyOf(db);
  const checked = checkBackupFile(fromPath, LATEST_SCHEMA_VERSION, key);
  if (checked.path === resolve(db.name)) throw new AppError('VALIDATION', message('platform.restoreSelf'));
  const previous = await backupDatabase(db, keepPath);
  replaceContents(db, checked.path, sourceKey(checked.path, key));
  migrate(db);
  return { ...checked, previousCopy: previous.path };
}

/** A plaintext file opens without a key; anything else is read with this database's key. */
function sourceKey(path: string, key: Buffer | undefined): Buffer | undefined {
  return isPlaintextDatabase(path) ? undefined : key;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function replaceContents(db: Database.Database, sourcePath: string, key: Buffer | undefined): void {
  db.prepare('ATTACH DATABASE ? AS accord_restore KEY ?').run(sourcePath, key ? rawKeyLiteral(key) : '');
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      type Entry = { type: string; name: string; sql: string | null };
      const schema = (of: string) => db.prepare(`SELECT type, name, sql FROM ${of}.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid`).all() as Entry[];
      const isVirtual = (entry: Entry) => entry.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(entry.sql ?? '');
      const current = schema('main');
      for (const view of current.filter((entry) => entry.type === 'view')) db.exec(`DROP VIEW ${quote(view.name)}`);
      // A virtual table drops its own shadow tables with it.
      for (const table of current.filter(isVirtual)) db.exec(`DROP TABLE ${quote(table.name)}`);
      for (const table of schema('main').filter((entry) => entry.type === 'table')) db.exec(`DROP TABLE ${quote(table.name)}`);
      const incoming = schema('accord_restore');
      const virtual = incoming.filter(isVirtual).map((entry) => entry.name);
      const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
      for (const table of incoming.filter((entry) => entry.type === 'table' && !shadow(entry.name))) db.exec(table.sql!);
      for (const table of incoming.filter((entry) => entry.type === 'table' && !shadow(entry.name))) {
        if (!isVirtual(table)) {
          db.exec(`INSERT INTO main.${quote(table.name)} SELECT * FROM accord_restore.${quote(table.name)}`);
          continue;
        }
        // A virtual table (the FTS5 search index) is filled through itself: its shadow tables are its own business.
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'accord_restore')`).all(table.name) as { name: string }[]).map((c) => quote(c.name)).join(', ');
        db.exec(`INSERT INTO main.${quote(table.name)} (rowid, ${columns}) SELECT rowid, ${columns} FROM accord_restore.${quote(table.name)}`);
      }
      const hasSequence = db.prepare("SELECT 1 FROM accord_restore.sqlite_master WHERE name = 'sqlite_sequence'").get();
      if (hasSequence) db.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM accord_restore.sqlite_sequence');
      for (const entry of incoming.filter((e) => e.sql && (e.type === 'index' || e.type === 'trigger' || e.type === 'view'))) db.exec(entry.sql!);
      const version = db.pragma('accord_restore.user_version', { simple: true }) as number;
      db.pragma(`user_version = ${Math.trunc(version)}`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.exec('DETACH DATABASE accord_restore');
  }
}

function schemaVersionOf(path: string, key: Buffer | undefined): number {
  const db = openConnection(path, key, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
