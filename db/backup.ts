import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { message } from '../shared/i18n/message';
import { AppError } from '../shared/result';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { migrate } from './open';

/** Tables every Accord database has had since schema 1: a file without them is some other program's database. */
const ACCORD_TABLES = ['post_identity', 'settings', 'partners', 'mou_drafts'];

export interface BackupFile {
  path: string;
  bytes: number;
  schemaVersion: number;
}

/**
 * A consistent copy of the open database in one file, with SQLite's online
 * backup: it reads a snapshot, so it runs while the app (or an import on the
 * sync worker) keeps writing, and copies what the write-ahead log holds too.
 * Written beside its target and renamed into place, so a backup that did not
 * finish never looks like one. The copy is a plain single file (no -wal).
 */
export async function backupDatabase(db: Database.Database, outPath: string): Promise<BackupFile> {
  const target = resolve(outPath);
  if (resolve(db.name) === target) throw new AppError('VALIDATION', message('platform.backupOverDatabase'));
  if (existsSync(target)) throw new AppError('CONFLICT', message('platform.backupExists', { path: target }));
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = new Database(partial, { fileMustExist: true });
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
  return { path: target, bytes: statSync(target).size, schemaVersion: schemaVersionOf(target) };
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
export function checkBackupFile(path: string, latestVersion = LATEST_SCHEMA_VERSION): CheckedBackup {
  const source = resolve(path);
  if (!existsSync(source) || !statSync(source).isFile()) throw new AppError('NOT_FOUND', message('platform.restoreMissing', { path: source }));
  let db: Database.Database;
  try {
    db = new Database(source, { readonly: true, fileMustExist: true });
  } catch {
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
 * of the current contents to `keepPath` (the previous file, kept), then
 * SQLite's backup from the file into the open database, which SQLite applies
 * as one write (other connections see the old or the new data, never a mix),
 * then the migrations an older backup needs. Nothing is replaced unless the
 * backup passes checkBackupFile.
 */
export async function restoreDatabase(db: Database.Database, fromPath: string, keepPath: string): Promise<Restored> {
  const checked = checkBackupFile(fromPath);
  if (checked.path === resolve(db.name)) throw new AppError('VALIDATION', message('platform.restoreSelf'));
  const previous = await backupDatabase(db, keepPath);
  const source = new Database(checked.path, { readonly: true, fileMustExist: true });
  try {
    await source.backup(db.name);
  } finally {
    source.close();
  }
  migrate(db);
  return { ...checked, previousCopy: previous.path };
}

function schemaVersionOf(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}
