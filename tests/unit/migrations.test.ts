import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from '../../db/migrations/index';
import { migrate, openDatabase, schemaVersion } from '../../db/open';
import { describeSyncedTables } from '../../db/sync/columns';
import { AppError } from '../../shared/result';
import { sha256File, tempDirectory } from '../helpers';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));
function tempDb(): string {
  const dir = tempDirectory();
  dirs.push(dir);
  return `${dir.path}/accord.sqlite`;
}

describe('migration registry', () => {
  it('is numbered 1..n with no gaps, so every database walks the same path', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });
});

describe('opening a database', () => {
  it('gives every synced table declaration a column in the latest schema', () => {
    const db = openDatabase(tempDb());
    expect(() => describeSyncedTables(db)).not.toThrow();
    db.close();
  });

  it('sets the pragmas that keep committed records safe', () => {
    const db = openDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database from a newer Accord without changing a byte', () => {
    const path = tempDb();
    const future = new Database(path);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const before = sha256File(path);
    let caught: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_TOO_NEW');
    expect((caught as AppError).message).toMatch(/newer version of Accord/);
    expect(sha256File(path)).toBe(before);
  });

  it('rolls every pending migration back together when one fails', () => {
    const db = new Database(':memory:');
    const failing = [...migrations, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: () => { throw new Error('boom'); } }];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'partners'").get()).toEqual({ n: 0 });
  });
});

describe('migration 0001 (initial)', () => {
  it('creates the tables and keeps rows written through it', () => {
    const path = tempDb();
    const db = openDatabase(path, { migrations: migrations.slice(0, 1) });
    db.prepare("INSERT INTO partners (id, name, created_at, updated_at) VALUES ('p1', 'Tunisia', 't', 't')").run();
    db.prepare("INSERT INTO mou_drafts (id, title, partner_id, sector, status, created_at, updated_at) VALUES ('m1', 'Border MOU', 'p1', 'border_security', 'draft', 't', 't')").run();
    db.close();
    const reopened = openDatabase(path);
    expect(reopened.prepare('SELECT title, parties, summary FROM mou_drafts').get()).toEqual({ title: 'Border MOU', parties: '[]', summary: '' });
    reopened.close();
  });
});
