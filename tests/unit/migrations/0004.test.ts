import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0004 (MOU signing records)', () => {
  it('keeps the drafts and saved versions of a version-3 database and adds an empty, syncable signing table', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(3));
    db.prepare("INSERT INTO mou_drafts (id, title, partner_id, sector, status, parties, summary, created_at, updated_at) VALUES ('m1', 'Border MOU', 'p1', 'border_security', 'agreed', '[]', '', 't', 't')").run();
    db.prepare("INSERT INTO mou_versions (id, mou_id, number, label, snapshot, saved_at, saved_by, created_at, updated_at) VALUES ('v1', 'm1', 1, 'First', '{\"clauses\":[]}', 's', 'post', 't', 't')").run();
    migrate(db, upTo(4));
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT id, status FROM mou_drafts').all()).toEqual([{ id: 'm1', status: 'agreed' }]);
    expect(db.prepare('SELECT id, snapshot FROM mou_versions').all()).toEqual([{ id: 'v1', snapshot: '{"clauses":[]}' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM mou_signings').get()).toEqual({ n: 0 });
  });
});
