import type { Database } from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The database at rest. SQLite3MultipleCiphers (through
 * better-sqlite3-multiple-ciphers) encrypts every page of the file, its -wal
 * and its journal; this module fixes how:
 *
 * - The cipher is SQLCipher 4's (`cipher = 'sqlcipher'`, `legacy = 4`:
 *   AES-256-CBC per page, HMAC-SHA512 per page, 4096-byte pages), so the file
 *   is an ordinary SQLCipher 4 database any SQLCipher tool opens with the key,
 *   not SQLite3MultipleCiphers' own default (sqleet, ChaCha20-Poly1305).
 * - The key is a random 32-byte raw key (`x'…'`), not a passphrase: no key
 *   derivation runs on open, and the passphrase or the OS keychain seals the
 *   key instead (main/databaseKey.ts).
 *
 * A wrong key or no key reads as SQLITE_NOTADB ("file is not a database") on
 * the first read; callers turn that into a typed error.
 */

export const DATABASE_KEY_BYTES = 32;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Owner-only modes: the database, its -wal/-shm, backups, keys and exports (files), its folder (directory). */
export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIRECTORY = 0o700;

/** The raw-key literal both `PRAGMA key` and `ATTACH … KEY` read (hex only: nothing from outside reaches it). */
export function rawKeyLiteral(key: Buffer): string {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`a database key is ${DATABASE_KEY_BYTES} bytes`);
  return `x'${key.toString('hex')}'`;
}

function selectCipher(db: Database): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** Keys a connection just opened (before its first read). */
export function applyKey(db: Database, key: Buffer): void {
  selectCipher(db);
  db.pragma(`key = "${rawKeyLiteral(key)}"`);
}

/**
 * Encrypts a plaintext database in place with `key`. The file leaves WAL mode
 * first (everything the -wal holds is checkpointed in) because a rekey in WAL
 * mode keeps the old salt; the caller switches WAL back on when it opens it.
 * SQLite rewrites every page inside one journaled transaction.
 */
export function encryptInPlace(db: Database, key: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  selectCipher(db);
  const result = db.pragma(`rekey = "${rawKeyLiteral(key)}"`) as { ok?: string }[];
  if (result[0]?.ok !== undefined && result[0].ok !== 'ok') throw new Error(`rekey failed: ${JSON.stringify(result)}`);
}

/** A file that starts like an unencrypted SQLite database (an encrypted one starts with its random salt). */
export function isPlaintextDatabase(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** True for a file with content that is not plain SQLite (an encrypted database, or something else). */
export function isEncryptedOrForeign(path: string): boolean {
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read > 0 && !(read === head.length && head.equals(SQLITE_HEADER));
  } finally {
    closeSync(fd);
  }
}

export function isInMemory(path: string): boolean {
  return path === ':memory:' || path === '' || path.startsWith('file::memory:');
}

/**
 * Before SQLite creates a file: its folder exists (0700 when Accord creates
 * it) and the file exists with mode 0600, so SQLite's -wal and -shm, which it
 * creates with the database file's permissions, are owner-only too.
 */
export function prepareOwnerOnlyFile(path: string): void {
  if (isInMemory(path)) return;
  const folder = dirname(path);
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_DIRECTORY });
  closeSync(openSync(path, 'a', OWNER_ONLY_FILE));
  restrictToOwner(path);
}

/** Narrows an existing file (and a database's -wal, -shm and -journal) to its owner. POSIX only: Windows ACLs already follow the profile. */
export function restrictToOwner(path: string, { companions = true } = {}): void {
  if (process.platform === 'win32' || isInMemory(path)) return;
  for (const file of companions ? [path, `${path}-wal`, `${path}-shm`, `${path}-journal`] : [path]) {
    try {
      chmodSync(file, OWNER_ONLY_FILE);
    } catch {
      // not there (yet): SQLite gives it the database file's mode when it makes it
    }
  }
}

/** A folder Accord keeps data in: created 0700, or narrowed to 0700 when it is Accord's own. */
export function ownerOnlyDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_DIRECTORY });
  if (process.platform !== 'win32') chmodSync(path, OWNER_ONLY_DIRECTORY);
}
