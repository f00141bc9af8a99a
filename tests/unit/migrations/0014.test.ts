import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations/index';
import { migrate, schemaVersion } from '../../../db/open';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

const P = '018f0000-0000-7000-8000-00000000a001';
const POST = '018f0000-0000-7000-8000-0000000000ff';
const B = {
  trained: '018f0000-0000-7000-8000-00000000b001',
  share: '018f0000-0000-7000-8000-00000000b002',
  sop: '018f0000-0000-7000-8000-00000000b003',
  capacity: '018f0000-0000-7000-8000-00000000b004',
  vague: '018f0000-0000-7000-8000-00000000b005',
};
const C1 = '018f0000-0000-7000-8000-00000000c001';
const C2 = '018f0000-0000-7000-8000-00000000c002';

/** A version-10 database holding rows as the seed and the forms of versions up to 10 wrote them (free-text values), each field logged as Store logs it. */
function versionTen(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, upTo(13));
  let tick = 0;
  const log = db.prepare('INSERT INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)');
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}, created_at, updated_at) VALUES (${columns.map(() => '?').join(', ')}, '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z')`).run(...Object.values(row));
    for (const [column, value] of Object.entries(row)) {
      if (column === 'id') continue;
      const json = typeof value === 'string' && /^[[{]/.test(value) ? value : JSON.stringify(value);
      log.run(table, row.id, column, json, `2025-06-01T00:00:00.000Z-${String(tick++).padStart(4, '0')}-0000000000000000`.slice(0, 40), POST);
    }
  };
  insert('projects', { id: P, title: 'Community policing pilot', partner_id: '018f0000-0000-7000-8000-00000000aaaa', sector: 'police' });
  insert('benchmarks', { id: B.trained, title: 'Officers trained', project_id: P, unit: 'number', baseline_value: '0', baseline_date: '2025-01-01', target_value: '1,200', target_date: '2027-06-28', periodic_targets: JSON.stringify([{ date: '2026-06-30', value: 'half of target' }, { date: '2026-12-31', value: '900' }]) });
  insert('benchmarks', { id: B.share, title: 'Share of cases closed', project_id: P, unit: 'percent', baseline_value: '12 %', target_value: '72%', periodic_targets: '[]' });
  insert('benchmarks', { id: B.sop, title: 'SOP adopted', project_id: P, unit: 'yes_no', baseline_value: 'no', target_value: 'Yes', periodic_targets: '[]' });
  insert('benchmarks', { id: B.capacity, title: 'Institutional capacity', project_id: P, unit: 'text', baseline_value: 'Capacity limited', target_value: 'Capacity rated adequate', periodic_targets: '[]' });
  insert('benchmarks', { id: B.vague, title: 'Patrols', project_id: P, unit: 'number', baseline_value: 'about forty', target_value: '٤٥', periodic_targets: '[]' });
  insert('check_ins', {
    id: C1,
    title: 'Joint review 1',
    project_id: P,
    due_date: '2026-03-14',
    benchmark_ids: JSON.stringify([B.trained, B.share, B.sop]),
    status: 'assessed',
    rating: 'at_risk',
    measured_values: JSON.stringify([{ benchmarkId: B.trained, value: '312' }, { benchmarkId: B.share, value: '38.50%' }, { benchmarkId: B.sop, value: '312' }]),
    assessed_on: '2026-03-16',
  });
  insert('check_ins', { id: C2, title: 'Joint review 2', project_id: P, due_date: '2026-09-14', benchmark_ids: JSON.stringify([B.capacity]), status: 'planned', rating: 'not_rated', measured_values: JSON.stringify([{ benchmarkId: B.capacity, value: '' }]) });
  return db;
}

describe('migration 0014 (typed results)', () => {
  it('types baselines and targets by the unit, keeping the words of any that do not read as it', () => {
    const db = versionTen();
    migrate(db, upTo(14));
    expect(schemaVersion(db)).toBe(14);
    const rows = db.prepare('SELECT title, unit, baseline_value, baseline_original, target_value, target_original, periodic_targets FROM benchmarks ORDER BY id').all();
    expect(rows).toEqual([
      { title: 'Officers trained', unit: 'number', baseline_value: '0', baseline_original: '', target_value: '1200', target_original: '', periodic_targets: '[]' },
      { title: 'Share of cases closed', unit: 'percent', baseline_value: '12', baseline_original: '', target_value: '72', target_original: '', periodic_targets: '[]' },
      { title: 'SOP adopted', unit: 'yes_no', baseline_value: 'no', baseline_original: '', target_value: 'yes', target_original: '', periodic_targets: '[]' },
      { title: 'Institutional capacity', unit: 'text', baseline_value: 'Capacity limited', baseline_original: '', target_value: 'Capacity rated adequate', target_original: '', periodic_targets: '[]' },
      { title: 'Patrols', unit: 'number', baseline_value: '', baseline_original: 'about forty', target_value: '45', target_original: '', periodic_targets: '[]' },
    ]);
  });

  it('turns periodic targets into dated rows and measured values into measurements with the check-in point’s date and rating', () => {
    const db = versionTen();
    migrate(db, upTo(14));
    expect(db.prepare('SELECT benchmark_id, date, value, original_text FROM benchmark_targets ORDER BY date').all()).toEqual([
      { benchmark_id: B.trained, date: '2026-06-30', value: '', original_text: 'half of target' },
      { benchmark_id: B.trained, date: '2026-12-31', value: '900', original_text: '' },
    ]);
    expect(db.prepare('SELECT benchmark_id, check_in_id, value, measured_on, rating, comment, original_text FROM measurements ORDER BY benchmark_id').all()).toEqual([
      { benchmark_id: B.trained, check_in_id: C1, value: '312', measured_on: '2026-03-16', rating: 'at_risk', comment: '', original_text: '' },
      { benchmark_id: B.share, check_in_id: C1, value: '38.5', measured_on: '2026-03-16', rating: 'at_risk', comment: '', original_text: '' },
      // "312" is not yes or no: the words are kept, the value is empty.
      { benchmark_id: B.sop, check_in_id: C1, value: '', measured_on: '2026-03-16', rating: 'at_risk', comment: '', original_text: '312' },
    ]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM check_ins WHERE measured_values <> '[]'").get()).toEqual({ n: 0 });
    // A check-in point links each benchmark once now (benchmarkIds), not again through the measured values.
    expect(db.prepare("SELECT DISTINCT field FROM record_links WHERE source_type = 'checkIns'").all()).toEqual([{ field: 'benchmarkIds' }]);
    // The new rows are searchable.
    expect(db.prepare("SELECT d.type FROM search_docs d WHERE d.type IN ('measurements', 'benchmarkTargets') GROUP BY d.type ORDER BY d.type").all()).toEqual([{ type: 'benchmarkTargets' }, { type: 'measurements' }]);
  });

  it('logs the typed rows with the stamps of the changes they came from, so posts holding the same data make the same rows and changes', () => {
    const first = versionTen();
    const second = versionTen();
    migrate(first, upTo(14));
    migrate(second, upTo(14));
    const dump = (db: Database.Database) => ({
      measurements: db.prepare('SELECT * FROM measurements ORDER BY id').all(),
      targets: db.prepare('SELECT * FROM benchmark_targets ORDER BY id').all(),
      log: db.prepare('SELECT * FROM field_changes ORDER BY table_name, row_id, column_name, hlc').all(),
    });
    expect(dump(first)).toEqual(dump(second));
    const ids = (first.prepare('SELECT id FROM measurements').pluck().all() as string[]).concat(first.prepare('SELECT id FROM benchmark_targets').pluck().all() as string[]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const measuredStamp = first.prepare("SELECT hlc FROM field_changes WHERE table_name = 'measurements' AND column_name = 'value'").pluck().all() as string[];
    expect(measuredStamp.length).toBe(3);
    expect(first.prepare("SELECT COUNT(*) AS n FROM field_changes WHERE column_name IN ('measured_values', 'periodic_targets')").get()).toEqual({ n: 0 });
    // The newest logged target of a rewritten benchmark holds the typed value, so a post receiving the log gets it.
    expect(first.prepare("SELECT value FROM field_changes WHERE table_name = 'benchmarks' AND row_id = ? AND column_name = 'target_value'").pluck().all(B.trained)).toEqual(['"1200"']);
    expect(first.prepare("SELECT value FROM field_changes WHERE table_name = 'benchmarks' AND row_id = ? AND column_name = 'baseline_original'").pluck().all(B.vague)).toEqual(['"about forty"']);
  });

  it('migrates a database with nothing to convert', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(14));
    expect(db.prepare('SELECT COUNT(*) AS n FROM measurements').get()).toEqual({ n: 0 });
  });
});
