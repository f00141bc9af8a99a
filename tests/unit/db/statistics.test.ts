import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, refreshStatistics } from '../../../db/open';
import { Store } from '../../../db/store';
import { syncedTables } from '../../../db/syncedTables';
import { seedDatabase } from '../../../main/seed/generate';
import { tempDirectory } from '../../helpers';

/** The planner keeps statistics (issue 17): without them the partner overview grew faster than the data. */
const dir = tempDirectory();
afterAll(() => dir.remove());

const statTables = (db: ReturnType<typeof openDatabase>) =>
  new Set((db.prepare('SELECT DISTINCT tbl FROM sqlite_stat1').all() as { tbl: string }[]).map((row) => row.tbl));

describe('planner statistics', () => {
  it('a seed leaves statistics for the tables it filled, and several seeded posts fit in one database', () => {
    const db = openDatabase(`${dir.path}/seeded.sqlite`);
    const store = new Store(db);
    seedDatabase(store, { size: 'small', seed: 1 });
    const deadlines = () => db.prepare('SELECT COUNT(*) AS n FROM budget_deadlines').pluck().get() as number;
    const oneCalendar = deadlines();
    expect(oneCalendar).toBeGreaterThan(0);
    seedDatabase(store, { size: 'small', seed: 2, partnerOffset: 50, budgetCalendar: false });
    const tables = statTables(db);
    for (const table of ['partners', 'projects', 'benchmarks', 'check_ins', 'record_links']) expect(tables).toContain(table);
    const partners = (db.prepare('SELECT name FROM partners ORDER BY name').all() as { name: string }[]).map((row) => row.name);
    expect(new Set(partners).size).toBe(6);
    expect(partners).toContain('Tunisia (2)');
    // The budget calendar every post shares is there once.
    expect(deadlines()).toBe(oneCalendar);
    closeDatabase(db);
    expect(db.open).toBe(false);
  });

  it('opening a database that has none analyzes it; a bulk import refreshes them', () => {
    const path = `${dir.path}/bare.sqlite`;
    let db = openDatabase(path);
    seedDatabase(new Store(db), { size: 'small', seed: 3 });
    db.exec('DELETE FROM sqlite_stat1');
    db.close();
    db = openDatabase(path);
    expect(statTables(db)).toContain('check_ins');
    db.exec('DELETE FROM sqlite_stat1');
    // Records written one at a time leave the search index in segments; a refresh merges them and search still finds.
    const store = new Store(db);
    for (let i = 0; i < 40; i++) store.insert(syncedTables.partners, { name: `Lighthouse ${i}`, nameAr: '', isoCode: 'TN', notes: '' });
    const segments = () => db.prepare('SELECT COUNT(*) FROM search_index_data').pluck().get() as number;
    const before = segments();
    refreshStatistics(db);
    expect(statTables(db)).toContain('check_ins');
    expect(segments()).toBeLessThan(before);
    expect(db.prepare("SELECT COUNT(*) FROM search_index WHERE search_index MATCH 'lighthouse'").pluck().get()).toBe(40);
    closeDatabase(db);
    closeDatabase(db);
  });
});
