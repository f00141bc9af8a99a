import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { insertRecord } from '../../../db/repositories/records';
import { seedDatabase } from '../../../main/seed/generate';
import type { RecordRow } from '../../../shared/api/records';
import { recordType } from '../../../shared/records/registry';
import { inputSchema } from '../../../shared/records/spec';
import { callOk, useFreshApp } from '../../helpers';

/** records.list pages a long list from the database (issue 17): real totals, no overlap or gap, the server's order. */
let app: AccordApp;
useFreshApp((opened) => (app = opened));
const list = (input: Record<string, unknown>) => callOk<{ rows: RecordRow[]; total: number }>(app, 'records.list', input);

function fill(extra: number): string {
  const store = app.context.store;
  seedDatabase(store, { size: 'small', seed: 2 });
  const projectId = (store.db.prepare('SELECT id FROM projects ORDER BY id LIMIT 1').get() as { id: string }).id;
  const schema = inputSchema(recordType('benchmarks'));
  store.transaction(() => {
    // Repeated titles in mixed case: the order must break ties (by id) for pages never to overlap.
    for (let i = 0; i < extra; i++) insertRecord(store, 'benchmarks', schema.parse({ title: `${i % 2 ? 'officers' : 'Officers'} trained ${i % 37}`, projectId, unit: i % 3 ? 'number' : 'percent' }) as Record<string, unknown>);
  });
  return projectId;
}

const ids = (sql: string, ...params: unknown[]) => (app.context.store.db.prepare(sql).all(...params) as { id: string }[]).map((row) => row.id);

async function allPages(input: Record<string, unknown>, pageSize: number): Promise<{ ids: string[]; totals: Set<number> }> {
  const seen: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await list({ ...input, limit: pageSize, offset });
    totals.add(page.total);
    seen.push(...page.rows.map((row) => row.id));
    if (page.rows.length < pageSize) break;
  }
  return { ids: seen, totals };
}

describe('records.list, page by page', () => {
  it('lists only the records named by id, for link titles a page lacks, and refuses more than 500 ids or one that is not an id', async () => {
    fill(20);
    const some = ids('SELECT id FROM benchmarks ORDER BY id LIMIT 3');
    const found = await list({ type: 'benchmarks', ids: [...some, '01890000-0000-7000-8000-000000000000'], limit: 10 });
    expect(found.rows.map((row) => row.id).sort()).toEqual([...some].sort());
    expect(found.total).toBe(3);
    expect((await app.call('records.list', { type: 'benchmarks', ids: Array.from({ length: 501 }, () => some[0]) })).ok).toBe(false);
    expect((await app.call('records.list', { type: 'benchmarks', ids: ["x' OR 1=1 --"] })).ok).toBe(false);
  });

  it('pages through the whole list in the database order, each page carrying the real total', async () => {
    fill(1_234);
    const expected = ids('SELECT id FROM benchmarks ORDER BY title COLLATE NOCASE, id');
    const { ids: paged, totals } = await allPages({ type: 'benchmarks' }, 100);
    expect(paged).toEqual(expected);
    expect([...totals]).toEqual([expected.length]);
    const last = await list({ type: 'benchmarks', limit: 100, offset: expected.length - 7 });
    expect(last.rows.map((row) => row.id)).toEqual(expected.slice(-7));
    expect(last.total).toBe(expected.length);
    expect((await list({ type: 'benchmarks', limit: 100, offset: expected.length + 50 })).total).toBe(expected.length);
  });

  it('sorts on the server, either way, and filters and searches before it counts', async () => {
    const projectId = fill(600);
    const descending = ids('SELECT id FROM benchmarks ORDER BY target_value DESC, id DESC');
    expect((await allPages({ type: 'benchmarks', sort: { field: 'targetValue', direction: 'desc' } }, 64)).ids).toEqual(descending);
    const percent = ids("SELECT id FROM benchmarks WHERE project_id = ? AND unit = 'percent' ORDER BY title COLLATE NOCASE DESC, id DESC", projectId);
    const filtered = await allPages({ type: 'benchmarks', filter: { projectId, unit: 'percent' }, sort: { field: 'title', direction: 'desc' } }, 50);
    expect(filtered.ids).toEqual(percent);
    expect([...filtered.totals]).toEqual([percent.length]);
    const found = await list({ type: 'benchmarks', search: 'trained 36', limit: 5, offset: 0 });
    expect(found.rows.length).toBe(5);
    expect(found.total).toBeGreaterThan(5);
    expect(found.rows.every((row) => /trained 36$/i.test(row.title))).toBe(true);
  });

  it('pages a search through every match, counted in the same pass: the records its words start, by prefix', async () => {
    const projectId = fill(900);
    // "train 3" is two prefixes: train* (trained, training, …) and 3* (3, 30 … 36, …), each several index terms.
    const matching = ids(
      `SELECT id FROM benchmarks WHERE id IN (SELECT d.row_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH '"train"* "3"*' AND d.type = 'benchmarks') AND project_id = ? ORDER BY title COLLATE NOCASE, id`,
      projectId,
    );
    expect(matching.length).toBeGreaterThan(100);
    const paged = await allPages({ type: 'benchmarks', search: 'train 3', filter: { projectId } }, 40);
    expect(paged.ids).toEqual(matching);
    expect([...paged.totals]).toEqual([matching.length]);
    expect(await list({ type: 'benchmarks', search: 'train 3', filter: { projectId }, limit: 40, offset: matching.length + 10 })).toEqual({ rows: [], total: matching.length });
    expect(await list({ type: 'benchmarks', search: 'train zzz', limit: 40, offset: 0 })).toEqual({ rows: [], total: 0 });
  });
});
