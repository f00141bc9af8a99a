import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

describe('migration 0015 (briefs delivered to resource managers)', () => {
  it('keeps stored deadlines and people, adds an empty table whose rows are found by search', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(14));
    db.prepare("INSERT INTO budget_deadlines (id, name, date, fiscal_year, partner_id, notes, created_at, updated_at) VALUES ('d1', 'Mission Resource Request', '2027-03-01', 2028, NULL, '', 't', 't')").run();
    db.prepare("INSERT INTO people (id, name, stakeholder_id, role, email, phone, is_resource_manager, created_at, updated_at) VALUES ('p1', 'Dana Whitfield', 's1', 'Budget officer', '', '', 1, 't', 't')").run();

    migrate(db, upTo(15));
    expect(schemaVersion(db)).toBe(15);
    expect(db.prepare('SELECT id, name, date, fiscal_year FROM budget_deadlines').all()).toEqual([{ id: 'd1', name: 'Mission Resource Request', date: '2027-03-01', fiscal_year: 2028 }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM brief_deliveries').get()).toEqual({ n: 0 });

    db.prepare("INSERT INTO brief_deliveries (id, subject, deadline_id, recipient_id, delivered_on, language, format, notes, created_at, updated_at) VALUES ('b1', 'Brief for the Mission Resource Request', 'd1', 'p1', '2027-02-20', 'both', 'pdf', 'Handed over at the budget meeting', 't', 't')").run();
    const found = db.prepare("SELECT d.type, d.row_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH 'handed'").all();
    expect(found).toEqual([{ type: 'briefDeliveries', row_id: 'b1' }]);
    db.prepare("UPDATE brief_deliveries SET subject = 'Renamed' WHERE id = 'b1'").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM search_index WHERE search_index MATCH 'brief'").get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM brief_deliveries WHERE id = 'b1'").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM search_docs WHERE row_id = 'b1'").get()).toEqual({ n: 0 });
  });
});
