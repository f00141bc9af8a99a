import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../../db/dump';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../db/migrations/index';
import { migrate, openDatabase, schemaVersion } from '../../../db/open';
import { Store } from '../../../db/store';
import { syncedTables } from '../../../db/syncedTables';
import { seedDatabase } from '../../../main/seed/generate';
import { ftsQuery } from '../../../shared/records/searchText';
import { tempDirectory } from '../../helpers';

/**
 * A database written by any earlier version opens in this one and ends up as a
 * new database holding the same rows would be: same schema, same rows in every
 * table, same search index and link index. The rows are a seeded planning
 * dataset plus sync bookkeeping, written at the old version into every column
 * that version had; the same rows go into a database made at the latest
 * version for comparison.
 */

const dir = tempDirectory();
afterAll(() => dir.remove());

type Db = Database.Database;
type Row = Record<string, unknown>;

/** Derived by triggers (compared separately), or SQLite's own. */
const DERIVED = /^(sqlite_|search_index|search_docs$|record_links$)/;

const source = buildSource();

function buildSource(): Db {
  const db = new Database(':memory:');
  migrate(db);
  const store = new Store(db, { now: () => Date.UTC(2026, 2, 1), defaultPostName: 'Embassy Tunis, ODC' });
  seedDatabase(store, { size: 'small', seed: 3 });
  const mou = db.prepare('SELECT id FROM mou_drafts ORDER BY id LIMIT 1').pluck().get() as string;
  db.exec(`
    UPDATE mou_drafts SET title_ar = 'مذكرة تفاهم' WHERE id = '${mou}';
    INSERT INTO mou_versions (id, mou_id, number, label, snapshot, saved_at, saved_by, created_at, updated_at)
      VALUES ('v1', '${mou}', 1, 'First reading', '{"title":"Border MOU"}', '2026-03-01T00:00:00.000Z', 'post-a', 't', 't');
    INSERT INTO mou_signings (id, mou_id, version_id, version_number, version_sha256, signed_by, signed_at, recorded_by, created_at, updated_at)
      VALUES ('s1', '${mou}', 'v1', 1, '${'ab'.repeat(32)}', 'Minister', '2026-03-02', 'post-a', 't', 't');
    INSERT INTO settings (key, value) VALUES ('language', '"ar"');
    INSERT INTO brief_deliveries (id, subject, deadline_id, partner_id, recipient_id, delivered_on, language, format, notes, created_at, updated_at)
      VALUES ('b1', 'Brief for the Mission Resource Request', (SELECT id FROM budget_deadlines ORDER BY id LIMIT 1), NULL, (SELECT id FROM people ORDER BY id LIMIT 1), '2026-02-20', 'both', 'pdf', '', 't', 't');
    INSERT INTO sync_key (id, public_key, fingerprint, protection, private_key, created_at) VALUES (1, 'cHVi', 'AB:CD', 'passphrase', x'0102', 't');
    INSERT INTO sync_trusted_posts (post_id, name, public_key, fingerprint, trusted_at, revoked_at) VALUES ('post-b', 'Embassy Amman', 'cHVi', 'EF:01', 't', NULL);
    INSERT INTO sync_bundle_log (hash, sender_post_id, sequence, created_at, received_at, result, direction) VALUES ('${'cd'.repeat(32)}', 'post-b', 4, 't', 't', '{}', 'in');
    INSERT INTO sync_peer_seen (peer_post_id, origin_post_id, hlc) VALUES ('post-b', 'post-b', '001772323200000:000003');
    INSERT INTO sync_sequence (id, last) VALUES (1, 7);
    INSERT INTO sync_conflicts (id, table_name, row_id, column_name, winner_value, winner_hlc, winner_post_id, loser_value, loser_hlc, loser_post_id, detected_at, bundle_hash)
      VALUES ('c1', 'partners', 'p1', 'name', '"A"', '001772323200000:000001', 'post-b', '"B"', '001772323200000:000000', 'post-a', 't', '${'cd'.repeat(32)}');
  `);
  return db;
}

const tablesOf = (db: Db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
const columnsOf = (db: Db, table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

/** Copies every source row into `target`, limited to the tables and columns `shape` (the old version) has. */
function fill(target: Db, shape: Db): void {
  target.transaction(() => {
    for (const table of tablesOf(shape)) {
      if (DERIVED.test(table) || !tablesOf(source).includes(table)) continue;
      const columns = columnsOf(shape, table).filter((c) => columnsOf(source, table).includes(c));
      const list = columns.map((c) => `"${c}"`).join(', ');
      const insert = target.prepare(`INSERT INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of source.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][]) insert.run(...row);
    }
  })();
}

/** Every non-derived table's rows, order-free (the audit log's local ids are renumbered by migration 0007). */
function contents(db: Db): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const table of tablesOf(db)) {
    if (DERIVED.test(table)) continue;
    const columns = columnsOf(db, table).filter((c) => !(table === 'audit_log' && c === 'id'));
    result[table] = (db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).all() as Row[]).map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/** What search and back-links see: each record's indexed words (term, column, position) and its links. */
function derived(db: Db) {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_index, instance)');
  const terms = db
    .prepare('SELECT d.type, d.row_id AS rowId, v.term, v.col, v.offset FROM temp.search_terms v JOIN search_docs d ON d.doc = v.doc')
    .raw()
    .all()
    .map((row) => JSON.stringify(row))
    .sort();
  const links = db.prepare('SELECT target_id, source_type, source_id, field FROM record_links').raw().all().map((row) => JSON.stringify(row)).sort();
  return { terms, links };
}

// The planner's statistics (sqlite_stat1/4, written when a database with rows is opened) are not schema.
const schema = (db: Db) => db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' AND name NOT LIKE 'sqlite_stat%' ORDER BY type, name").all();

describe('upgrading a database written by an earlier version', () => {
  it('has something to compare: the source holds rows in every synced table', () => {
    for (const table of Object.values(syncedTables)) {
      expect(source.prepare(`SELECT COUNT(*) FROM "${table.name}"`).pluck().get(), table.name).toBeGreaterThan(0);
    }
  });

  for (let version = 1; version < LATEST_SCHEMA_VERSION; version += 1) {
    it(`opens a version-${version} database and leaves it as a new one holding the same rows`, () => {
      const path = `${dir.path}/v${version}.sqlite`;
      const old = openDatabase(path, { migrations: migrations.slice(0, version) });
      expect(schemaVersion(old)).toBe(version);
      fill(old, old);
      old.close();

      const upgraded = openDatabase(path);
      const fresh = new Database(':memory:');
      migrate(fresh);
      const shape = new Database(':memory:');
      migrate(shape, migrations.slice(0, version));
      fill(fresh, shape);
      shape.close();

      expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION);
      expect(schema(upgraded)).toEqual(schema(fresh));
      expect(contents(upgraded)).toEqual(contents(fresh));
      expect(derived(upgraded)).toEqual(derived(fresh));
      expect(dumpSyncedTables(upgraded)).toBe(dumpSyncedTables(fresh));

      // And it works: an edit is stamped after the old ones, indexed, and found.
      const store = new Store(upgraded, { now: () => Date.UTC(2026, 5, 1) });
      const partner = upgraded.prepare('SELECT id, name, iso_code AS isoCode, notes FROM partners ORDER BY id LIMIT 1').get() as Row & { id: string };
      expect(store.transaction(() => store.update(syncedTables.partners, partner.id, partner, { ...partner, name: 'Qarthage Partner' }))).toBe(true);
      const hits = upgraded.prepare('SELECT d.row_id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ?').pluck().all(ftsQuery('qarthage'));
      expect(hits).toEqual([partner.id]);
      upgraded.close();
      fresh.close();
    });
  }
});
