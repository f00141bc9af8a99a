import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0010 (every MOU element in both languages, closing formula per MOU)', () => {
  it('keeps stored partners, drafts, clauses and signatories, with empty Arabic fields and no closing formula chosen (documents then use the usual one)', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(8));
    db.prepare("INSERT INTO partners (id, name, iso_code, notes, created_at, updated_at) VALUES ('p1', 'Republic of Tunisia', 'TN', '', 't', 't')").run();
    db.prepare("INSERT INTO mou_drafts (id, title, title_ar, partner_id, sector, status, parties, summary, created_at, updated_at) VALUES ('m1', 'Border MOU', 'مذكرة', 'p1', 'border_security', 'signed', '[\"Embassy\"]', '', 't', 't')").run();
    db.prepare("INSERT INTO mou_clauses (id, mou_id, position, heading, text_en, text_ar, benchmark_ids, check_in_ids, objective_ids, created_at, updated_at) VALUES ('c1', 'm1', 1, 'Training', 'The Parties', 'الطرفان', '[]', '[]', '[]', 't', 't')").run();
    db.prepare("INSERT INTO mou_signatories (id, mou_id, name, job_title, organisation, side, signing_order, created_at, updated_at) VALUES ('s1', 'm1', 'Jane Smith', 'Ambassador', 'Embassy', 'us', 1, 't', 't')").run();

    migrate(db, upTo(10));
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT id, name, name_ar FROM partners').all()).toEqual([{ id: 'p1', name: 'Republic of Tunisia', name_ar: '' }]);
    expect(db.prepare('SELECT id, title, status, parties, parties_ar, closing_formula FROM mou_drafts').all()).toEqual([
      { id: 'm1', title: 'Border MOU', status: 'signed', parties: '["Embassy"]', parties_ar: '[]', closing_formula: null },
    ]);
    expect(db.prepare('SELECT id, heading, heading_ar, text_en FROM mou_clauses').all()).toEqual([{ id: 'c1', heading: 'Training', heading_ar: '', text_en: 'The Parties' }]);
    expect(db.prepare('SELECT id, name, name_ar, job_title, job_title_ar, organisation_ar FROM mou_signatories').all()).toEqual([
      { id: 's1', name: 'Jane Smith', name_ar: '', job_title: 'Ambassador', job_title_ar: '', organisation_ar: '' },
    ]);
  });
});
