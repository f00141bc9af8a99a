import type { Database } from 'better-sqlite3-multiple-ciphers';
import { statement } from './statements';

/**
 * The officers of this post (migration 0011): local rows, never synced. The
 * passphrase arrives here already hashed (main/officers/passphrase.ts); this
 * layer only stores and reads it. The SQL lives here so none is written outside db/.
 */

export type OfficerRole = 'editor' | 'read-only';

export interface Officer {
  id: string;
  name: string;
  role: OfficerRole;
  osUser: string | null;
}

export interface StoredPassphrase {
  salt: Buffer;
  hash: Buffer;
  /** How it was made: "N=32768,r=8,p=1". */
  cost: string;
}

const COLUMNS = 'id, name, role, os_user AS osUser';

export function listOfficers(db: Database): Officer[] {
  return db.prepare(`SELECT ${COLUMNS} FROM officers ORDER BY name COLLATE NOCASE, id`).all() as Officer[];
}

export function countOfficers(db: Database, role?: OfficerRole): number {
  const row = (role ? db.prepare('SELECT COUNT(*) AS n FROM officers WHERE role = ?').get(role) : db.prepare('SELECT COUNT(*) AS n FROM officers').get()) as { n: number };
  return row.n;
}

export function findOfficer(db: Database, id: string): Officer | undefined {
  // Every call through the gate reads its officer: the statement is prepared once per database.
  return statement(db, `SELECT ${COLUMNS} FROM officers WHERE id = ?`).get(id) as Officer | undefined;
}

export function findOfficerByName(db: Database, name: string): Officer | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM officers WHERE name = ? COLLATE NOCASE`).get(name) as Officer | undefined;
}

export function findOfficerByOsUser(db: Database, osUser: string): Officer | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM officers WHERE os_user = ?`).get(osUser) as Officer | undefined;
}

export function storedPassphrase(db: Database, id: string): StoredPassphrase | undefined {
  return db.prepare('SELECT passphrase_salt AS salt, passphrase_hash AS hash, passphrase_cost AS cost FROM officers WHERE id = ?').get(id) as StoredPassphrase | undefined;
}

export function insertOfficer(db: Database, officer: Officer, passphrase: StoredPassphrase, at: string): void {
  db.prepare('INSERT INTO officers (id, name, role, passphrase_salt, passphrase_hash, passphrase_cost, os_user, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    officer.id,
    officer.name,
    officer.role,
    passphrase.salt,
    passphrase.hash,
    passphrase.cost,
    officer.osUser,
    at,
    at,
  );
}

export function updateOfficer(db: Database, id: string, changes: { name?: string; role?: OfficerRole; osUser?: string | null; passphrase?: StoredPassphrase }, at: string): void {
  const current = db.prepare('SELECT name, role, os_user AS osUser, passphrase_salt AS salt, passphrase_hash AS hash, passphrase_cost AS cost FROM officers WHERE id = ?').get(id) as
    | (Officer & StoredPassphrase)
    | undefined;
  if (!current) return;
  const next = { ...current, ...changes, ...(changes.passphrase ?? {}) };
  db.prepare('UPDATE officers SET name = ?, role = ?, os_user = ?, passphrase_salt = ?, passphrase_hash = ?, passphrase_cost = ?, updated_at = ? WHERE id = ?').run(
    next.name,
    next.role,
    next.osUser,
    next.salt,
    next.hash,
    next.cost,
    at,
    id,
  );
}

/** The idle time after which the window locks, in minutes (a post setting; 15 unless an editor changed it). */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
const IDLE_KEY = 'officers.idle_lock_minutes';

export function idleLockMinutes(db: Database): number {
  const value = Number((db.prepare('SELECT value FROM settings WHERE key = ?').get(IDLE_KEY) as { value: string } | undefined)?.value);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_IDLE_LOCK_MINUTES;
}

export function setIdleLockMinutes(db: Database, minutes: number): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(IDLE_KEY, String(minutes));
}
