import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { runImport } from '../db/sheets/import';
import { Store } from '../db/store';
import { createRecord } from '../db/repositories/records';
import { parseXlsx } from '../main/sheets/xlsx';
import { writeXlsx } from '../main/sheets/xlsxWrite';
import { DEFAULT_LIMITS } from '../main/sheets/table';
import { tempDirectory } from '../tests/helpers';
import { reportRatio } from './measure';
import { record } from './report';

/** The process's peak resident memory so far, in MiB (the OS's high-water mark). */
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

/**
 * Importing 50,000 benchmark rows from XLSX (the numbers): parse, validate (a preview) and apply each
 * reported; the apply against a raw better-sqlite3 insert of the same rows in one transaction (goal 2.5x); a
 * re-import of the same file (nothing changes) against parsing it (goal 1.5x).
 */
const ROWS = 50_000;
const dir = tempDirectory('accord-bench-sheets-');
afterAll(() => dir.remove());
let counter = 0;

function freshStore(): { store: Store; projectId: string; close(): void } {
  const db = openDatabase(`${dir.path}/db-${counter++}.sqlite`);
  const store = new Store(db);
  const partner = createRecord(store, 'partners', { name: 'Jordan', isoCode: 'JO', notes: '' });
  const project = createRecord(store, 'projects', { title: 'Border training', partnerId: partner.id, sector: 'border_security', isPilot: false, partnerLead: '', usLead: '', objectives: '', status: 'active', startDate: '', endDate: '', objectiveIds: [] });
  return { store, projectId: project.id, close: () => db.close() };
}

const mapping = { Code: 'code', Indicator: 'title', Project: 'projectId', Unit: 'unit', 'Target value': 'targetValue', 'Target date': 'targetDate' };
const source = { file: 'bench.xlsx', sha256: '0'.repeat(64) };

describe('spreadsheet import', () => {
  it(`imports ${ROWS} benchmark rows from XLSX`, () => {
    const rows = [Object.keys(mapping), ...Array.from({ length: ROWS }, (_, i) => [`B-${i}`, `Indicator ${i}`, 'Border training', 'number', String(i % 100), '2027-06-30'])];
    const bytes = writeXlsx([{ name: 'Benchmarks', rows, dateColumns: new Set([5]) }]);
    const limits = { ...DEFAULT_LIMITS, maxRows: ROWS };
    let start = performance.now();
    const parsed = parseXlsx(bytes, { limits });
    const parseMs = performance.now() - start;
    expect(parsed.table.rows.length).toBe(ROWS);

    const target = freshStore();
    start = performance.now();
    const preview = runImport(target.store, parsed.table, { type: 'benchmarks', mapping, mode: 'preview', source });
    const validateMs = performance.now() - start;
    expect(preview.counts.new).toBe(ROWS);
    start = performance.now();
    const applied = runImport(target.store, parsed.table, { type: 'benchmarks', mapping, mode: 'all', source });
    const applyMs = performance.now() - start;
    expect(applied.counts.new).toBe(ROWS);
    start = performance.now();
    const reparsed = parseXlsx(bytes, { limits });
    const again = runImport(target.store, reparsed.table, { type: 'benchmarks', mapping, mode: 'all', source });
    const reimportMs = performance.now() - start;
    expect(again.counts.unchanged).toBe(ROWS);
    target.close();

    // The reference: the same rows inserted raw, one prepared statement, one transaction, same schema and pragmas.
    const raw = freshStore();
    const at = new Date().toISOString();
    start = performance.now();
    const insert = raw.store.db.prepare(
      "INSERT INTO benchmarks (id, title, code, project_id, definition, unit, baseline_value, baseline_date, target_value, target_date, periodic_targets, data_source, collection_method, frequency, responsible_party, objective_ids, created_at, updated_at) VALUES (?, ?, ?, ?, '', 'number', '', '', ?, '2027-06-30', '[]', '', '', 'quarterly', 'joint', '[]', ?, ?)",
    );
    raw.store.db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `Indicator ${i}`, `B-${i}`, raw.projectId, String(i % 100), at, at);
    })();
    const rawMs = performance.now() - start;
    raw.close();

    console.log(`[bench] ${ROWS} rows from XLSX: parse ${parseMs.toFixed(0)} ms, validate (preview) ${validateMs.toFixed(0)} ms, apply ${applyMs.toFixed(0)} ms`);
    const peak = peakMiB();
    console.log(`[bench] peak memory ${peak.toFixed(0)} MiB`);
    const applyRatio = reportRatio({ name: `apply ${ROWS} imported benchmark rows`, measuredMs: applyMs, referenceName: 'raw better-sqlite3 insert of the same rows in one transaction', referenceMs: rawMs, goal: 2.5 });
    const reimportRatio = reportRatio({ name: `re-import the same ${ROWS}-row file (no change)`, measuredMs: reimportMs, referenceName: 'parsing it', referenceMs: parseMs, goal: 1.5 });
    record({ measure: `sheets: apply ${ROWS} benchmark rows from XLSX`, reference: 'raw better-sqlite3 insert, one transaction', ratio: applyRatio, goal: 2.5, peakMiB: peak });
    record({ measure: `sheets: re-import the same ${ROWS}-row XLSX (no change)`, reference: 'parsing it', ratio: reimportRatio, goal: 1.5, peakMiB: peak });
  });
});
