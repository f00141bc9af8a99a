import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { createRecord, insertRecord, updateRecord } from '../../../db/repositories/records';
import { runImport } from '../../../db/sheets/import';
import { collectChanges } from '../../../db/sync/changes';
import { Store } from '../../../db/store';
import { recordType } from '../../../shared/records/registry';
import { inputSchema } from '../../../shared/records/spec';
import { tempDirectory } from '../../helpers';

/**
 * A spreadsheet import checks new rows one by one and writes them many to a statement (Store.insertMany). What it
 * leaves behind must be what the record-at-a-time path left: the same rows, the same stamped changes (none naming a
 * replaced version, for a row just made), the same audit entries with the file's name and SHA-256, the same changes
 * in the next bundle. Both posts run on a fixed clock, so stamps line up; ids and post ids are made here, so they are
 * compared by the order they first appear in.
 */

const dir = tempDirectory('accord-batched-insert-');
afterAll(() => dir.remove());
let counter = 0;
const NOW = Date.parse('2026-12-02T10:00:00Z');
const officer = { id: 'officer-1', name: 'Jane Doe' };
const source = { file: 'roster.xlsx', sha256: 'ab'.repeat(32) };

function post() {
  const db = openDatabase(`${dir.path}/post-${counter++}.sqlite`);
  const store = new Store(db, { now: () => NOW, actingOfficer: () => officer });
  const partner = createRecord(store, 'partners', { name: 'Jordan', isoCode: 'JO', notes: '' });
  const project = createRecord(store, 'projects', { title: 'Border training', partnerId: partner.id, sector: 'border_security', isPilot: false, partnerLead: '', usLead: '', objectives: '', status: 'active', startDate: '', endDate: '', objectiveIds: [] });
  const existing = insertRecord(store, 'benchmarks', inputSchema(recordType('benchmarks')).parse({ code: 'B-OLD', title: 'Old indicator', projectId: project.id, unit: 'number' }) as Record<string, unknown>);
  return { db, store, projectId: project.id, existing };
}

/** Everything an import leaves behind, with made-up ids replaced by the order they first appear in. */
function trail(db: ReturnType<typeof openDatabase>): Record<string, string> {
  const names = new Map<string, string>();
  const name = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!names.has(id)) names.set(id, `id${names.size}`);
    return names.get(id)!;
  });
  const rows = (sql: string) => name(JSON.stringify(db.prepare(sql).all()));
  return {
    benchmarks: rows('SELECT * FROM benchmarks ORDER BY created_at, code'),
    changes: rows('SELECT * FROM field_changes ORDER BY hlc, table_name, column_name'),
    audit: rows('SELECT at, post_id, action, table_name, row_id, changes, officer_id, officer_name FROM audit_log ORDER BY id'),
    bundle: name(JSON.stringify(collectChanges(db, null))),
    search: rows("SELECT d.type, d.row_id, s.title, s.body FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE d.type = 'benchmarks' ORDER BY s.title"),
  };
}

const mapping = { Code: 'code', Indicator: 'title', Project: 'projectId', Unit: 'unit', 'Target value': 'targetValue', 'Target date': 'targetDate' };
const NEW_ROWS = 1_500; // past one write of pending rows (1,024), so the last one is a partial write
const cells = (i: number) => [`B-${i}`, `Indicator ${i}`, 'Border training', 'number', String(i % 100), '2027-06-30'];

describe('a spreadsheet import writes new rows together', () => {
  it('leaves the same records, stamped changes, audit entries, search index and bundle as writing them one by one', () => {
    // Rows: new ones, then an update of the record already held, then new ones again (pending rows are written first).
    const lines = [...Array.from({ length: 700 }, (_, i) => cells(i)), ['B-OLD', 'Old indicator, renamed', 'Border training', 'number', '5', '2027-06-30'], ...Array.from({ length: NEW_ROWS - 700 }, (_, i) => cells(700 + i))];

    const batched = post();
    const result = runImport(batched.store, { headers: Object.keys(mapping), rows: lines.map((line, i) => ({ row: i + 2, cells: line })) }, { type: 'benchmarks', mapping, mode: 'all', source });
    expect(result.counts).toEqual({ new: NEW_ROWS, updated: 1, unchanged: 0, error: 0 });
    expect(result.rows.filter((row) => row.status === 'new').every((row) => row.status === 'new' && typeof row.id === 'string')).toBe(true);

    // The record-at-a-time path, as the import wrote before: each row checked and written through the records repository.
    const single = post();
    const schema = inputSchema(recordType('benchmarks'));
    single.store.withAuditSource(source, () =>
      single.store.transaction(() => {
        for (const [code, title, , unit, targetValue, targetDate] of lines) {
          const values = schema.parse({ code, title, projectId: single.projectId, unit, targetValue, targetDate }) as Record<string, unknown>;
          if (code === 'B-OLD') single.store.transaction(() => updateRecord(single.store, 'benchmarks', single.existing, values));
          else single.store.transaction(() => insertRecord(single.store, 'benchmarks', values));
        }
      }),
    );

    const expected = trail(single.db);
    const actual = trail(batched.db);
    for (const part of Object.keys(expected)) expect(actual[part], part).toBe(expected[part]);
    // A row just made replaces no version: only the update names the ones it replaced.
    const replacing = batched.db.prepare("SELECT DISTINCT row_id AS id FROM field_changes WHERE table_name = 'benchmarks' AND prev_hlc IS NOT NULL").all();
    expect(replacing).toEqual([{ id: batched.existing }]);
    const audit = batched.db.prepare("SELECT changes FROM audit_log WHERE table_name = 'benchmarks' AND action = 'create' ORDER BY id DESC LIMIT 1").get() as { changes: string };
    expect(JSON.parse(audit.changes).$source).toEqual(source);
    batched.db.close();
    single.db.close();
  });
});
