import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DATABASE_KEY_BYTES, isEncryptedOrForeign, isPlaintextDatabase, OWNER_ONLY_FILE, restrictToOwner } from '../db/atRest';
import { encryptDatabaseFile } from '../db/backup';
import { message } from '../shared/i18n/message';
import { AppError } from '../shared/result';
import type { KeyProtection } from './sync/keys';

/**
 * The database's own key: 32 random bytes, kept only sealed, in a small file
 * beside the database (`accord.sqlite.key`, owner-only). The desktop app seals
 * it with the OS keychain (Electron safeStorage), the CLI and browser mode with
 * the post's passphrase (the same KeyProtection that seals the signing key).
 * The key cannot live inside the database it opens; losing the file loses the
 * database, so backups of a post are the database file and this file together.
 */
export interface DatabaseKeySealing {
  protection: KeyProtection;
  passphrase?: string;
}

export const keyFilePath = (databasePath: string) => `${databasePath}.key`;

const keyFileSchema = z.strictObject({
  format: z.literal('accord-database-key'),
  version: z.literal(1),
  protection: z.enum(['passphrase', 'safeStorage']),
  sealed: z.string().max(8192),
  createdAt: z.string().max(40),
});

export function hasDatabaseKey(databasePath: string): boolean {
  return existsSync(keyFilePath(databasePath));
}

export interface UnlockedDatabaseKey {
  key: Buffer;
  /** Where the plaintext database was copied before it was encrypted on this start, else null. */
  plaintextBackup: string | null;
}

/** 2026-12-02T04-35-07Z, as the platform's backups are named. */
const stamp = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');

/**
 * The key that opens the database: unsealed from its key file, or made now
 * (when the post has none) and sealed before it is used. A database that is
 * still plaintext is then encrypted with it, after a copy of it is taken to
 * the backups folder, so the first start of this version converts an
 * existing store; a crash between the two steps repeats the conversion on
 * the next start.
 */
export function unlockDatabaseKey(databasePath: string, sealing: DatabaseKeySealing, now: Date = new Date()): UnlockedDatabaseKey {
  const file = keyFilePath(databasePath);
  let key: Buffer;
  if (existsSync(file)) {
    key = readKeyFile(file, sealing);
  } else {
    if (isEncryptedOrForeign(databasePath)) throw new AppError('UNAUTHORIZED', message('platform.databaseKeyLost', { path: databasePath, keyFile: file }), { reason: 'database-key-lost' });
    key = randomBytes(DATABASE_KEY_BYTES);
    const sealed = sealing.protection.seal(key, sealing.passphrase);
    const body = { format: 'accord-database-key', version: 1, protection: sealing.protection.kind, sealed: sealed.toString('base64'), createdAt: now.toISOString() };
    const partial = `${file}.partial-${process.pid}`;
    writeFileSync(partial, `${JSON.stringify(body, null, 2)}\n`, { mode: OWNER_ONLY_FILE });
    renameSync(partial, file);
  }
  restrictToOwner(file, { companions: false });
  let plaintextBackup: string | null = null;
  if (isPlaintextDatabase(databasePath)) {
    const backup = join(dirname(databasePath), 'backups', `accord-before-encryption-${stamp(now)}.sqlite`);
    plaintextBackup = encryptDatabaseFile(databasePath, key, backup);
  }
  return { key, plaintextBackup };
}

function readKeyFile(file: string, sealing: DatabaseKeySealing): Buffer {
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    parsed = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('INTERNAL', message('platform.databaseKeyDamaged', { keyFile: file }), { reason: 'database-key-damaged' });
  }
  if (parsed.protection !== sealing.protection.kind) {
    throw new AppError('CONFLICT', message('platform.databaseKeyProtection', { protection: parsed.protection }), { reason: 'protection-mismatch' });
  }
  const key = sealing.protection.open(Buffer.from(parsed.sealed, 'base64'), sealing.passphrase);
  if (key.length !== DATABASE_KEY_BYTES) throw new AppError('INTERNAL', message('platform.databaseKeyDamaged', { keyFile: file }), { reason: 'database-key-damaged' });
  return key;
}
