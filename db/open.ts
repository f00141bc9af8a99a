import Database from 'better-sqlite3-multiple-ciphers';
import { message } from '../shared/i18n/message';
import { AppError } from '../shared/result';
import { applyKey, isEncryptedOrForeign, isInMemory, prepareOwnerOnlyFile, restrictToOwner } from './atRest';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';
import type { Migration } from './migrations/types';

export interface OpenOptions {
  /** Migrations to run; tests pass a prefix of the registry to build older databases. */
  migrations?: readonly Migration[];
  /** The 32-byte key of an encrypted database (db/atRest.ts); without one the file must be plaintext. */
  key?: Buffer;
}

/** The key each open connection was opened with, so a backup or the sync worker opens the same file the same way. */
const keys = new WeakMap<Database.Database, Buffer>();

export function databaseKeyOf(db: Database.Database): Buffer | undefined {
  return keys.get(db);
}

/**
 * Opens a connection with or without a key and proves it can read: a wrong
 * key, or no key for an encrypted file, is a typed error, never a raw
 * "file is not a database".
 */
export function openConnection(path: string, key: Buffer | undefined, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  if (!options.readonly && !options.fileMustExist) prepareOwnerOnlyFile(path);
  const db = new Database(path, options);
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB' && (key || isEncryptedOrForeign(path))) {
      throw key
        ? new AppError('UNAUTHORIZED', message('platform.databaseWrongKey', { path }), { reason: 'database-key' })
        : new AppError('UNAUTHORIZED', message('platform.databaseNeedsKey', { path }), { reason: 'database-key-missing' });
    }
    throw error;
  }
  if (key) keys.set(db, key);
  return db;
}

/**
 * Opens (creating if needed) and migrates an Accord database.
 *
 * Pragmas, deliberately:
 * - journal_mode=WAL: readers never block the writer; a crash leaves the file consistent.
 * - synchronous=FULL: with WAL, NORMAL can lose the last commits on power loss; FULL
 *   fsyncs the WAL on every commit, so a transaction we reported as saved survives.
 * - foreign_keys=ON: SQLite leaves them off by default, per connection.
 * - busy_timeout: the CLI and the app may briefly share a file.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  const db = openConnection(path, options.key);
  try {
    // Before anything that writes (switching to WAL rewrites the header): a newer file stays untouched.
    assertNotFromTheFuture(db, options.migrations ?? migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.migrations ?? migrations);
    optimizeOnOpen(db);
    if (!isInMemory(path)) restrictToOwner(path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every pending migration in one transaction; refuses a database from a newer Accord. */
export function migrate(db: Database.Database, registry: readonly Migration[] = migrations): void {
  assertNotFromTheFuture(db, registry);
  const current = schemaVersion(db);
  const pending = registry.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}

function assertNotFromTheFuture(db: Database.Database, registry: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latestKnown = Math.max(LATEST_SCHEMA_VERSION, ...registry.map((m) => m.version));
  if (current > latestKnown) {
    throw new AppError(
      'DB_TOO_NEW',
      message('error.dbTooNew', { current, latest: latestKnown }),
      { schemaVersion: current, supportedVersion: latestKnown },
    );
  }
}

// ---------------------------------------------------------------- planner statistics
// Without statistics the planner guesses, and some of its guesses (the partner overview) grow faster than the data.
// SQLite's advice for a long-lived connection: PRAGMA optimize=0x10002 on opening (looks at every table, analyzing
// those with no statistics or grown 25-fold since, each with a bounded sample), plain PRAGMA optimize now and then
// and before closing; a full ANALYZE after a bulk load.

/** How often a long-lived app refreshes the statistics (SQLite suggests hourly to daily). */
export const OPTIMIZE_EVERY_MS = 60 * 60_000;

/** On opening: statistics for every table that has none yet or has grown a lot (bounded work, no-op when current). */
export function optimizeOnOpen(db: Database.Database): void {
  db.pragma('optimize = 0x10002');
}

/** Periodically and before closing: re-analyzes the tables this connection's queries used whose size changed a lot. */
export function optimizeStatistics(db: Database.Database): void {
  if (db.open && !db.readonly) db.pragma('optimize');
}

/**
 * After a bulk load (a seed, a sync import, a spreadsheet import of thousands of rows): statistics for every table
 * and index, read in full. A sampled ANALYZE (analysis_limit) was tried and misled the planner (it counted ~1,000
 * check-in points per status where there are ~26,000). About a second per 1x of the large seed, and the search
 * index merged into one segment (about a third of a second more).
 */
export function refreshStatistics(db: Database.Database): void {
  db.exec('ANALYZE');
  // A bulk load leaves the search index in many segments, and every query seeks each one: a LIMIT stops being a
  // bound (the first hit of a word took 10x as long at 4x the large seed as at 1x). Merged into one, it is again.
  db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
}

/** Closes the database, first letting SQLite keep its statistics current. */
export function closeDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    optimizeStatistics(db);
  } finally {
    db.close();
  }
}

/** Runs PRAGMA optimize every `everyMs` while the database is open; the timer never keeps the process alive. */
export function optimizePeriodically(db: Database.Database, everyMs = OPTIMIZE_EVERY_MS): () => void {
  const timer = setInterval(() => {
    if (!db.open) return clearInterval(timer);
    optimizeStatistics(db);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
