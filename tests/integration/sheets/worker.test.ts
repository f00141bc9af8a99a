import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/contract';
import type { AccordApp } from '../../../main/app';
import { sheetsWorkerScript, WORKER_MIN_BYTES } from '../../../main/sheets/inWorker';
import { writeXlsx } from '../../../main/sheets/xlsxWrite';
import { callOk, useFreshApp } from '../../helpers';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Result = { counts: Record<string, number>; applied: boolean };
const ROWS = 12_000;

/**
 * A large file is parsed, checked and written on the sheets worker thread (as `npm test` builds it): progress is
 * pushed as events while it runs, and the app keeps answering other calls meanwhile.
 */
describe('large spreadsheets on the worker thread', () => {
  it('pushes progress and keeps answering while 12,000 rows are previewed and applied', async () => {
    expect(sheetsWorkerScript(), 'the built worker (npm test builds dist/ first)').not.toBeNull();
    const partner = await callOk<{ id: string }>(app, 'records.create', { type: 'partners', values: { name: 'Jordan', isoCode: 'JO' } });
    await callOk(app, 'records.create', { type: 'projects', values: { title: 'Border training', partnerId: partner.id, sector: 'border_security' } });
    const rows = [['Code', 'Indicator', 'Project', 'Unit', 'Target value', 'Definition'], ...Array.from({ length: ROWS }, (_, i) => [`B-${i}`, `Indicator ${i}`, 'Border training', 'number', String(i % 100), `Measured quarterly by the ministry, row ${i} of the partner's table`])];
    const bytes = writeXlsx([{ name: 'Benchmarks', rows }]);
    expect(bytes.byteLength).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const mapping = { Code: 'code', Indicator: 'title', Project: 'projectId', Unit: 'unit', 'Target value': 'targetValue', Definition: 'definition' };

    const events: AppEvent[] = [];
    const stop = app.call.subscribe((event) => events.push(event));
    try {
      for (const [method, progressId] of [['sheets.preview', 'p-preview'], ['sheets.apply', 'p-apply']] as const) {
        let finished = false;
        const running = app.call(method, { bytes, fileName: 'big.xlsx', type: 'benchmarks', mapping, progressId }).then((result) => {
          finished = true;
          return result;
        });
        // Another call is answered while the file is worked on (the worker holds the work, not this thread).
        const list = await app.call('records.list', { type: 'partners' });
        expect(list.ok).toBe(true);
        expect(finished, `${method} still running when the list was answered`).toBe(false);
        const result = await running;
        expect(result.ok, JSON.stringify(result)).toBe(true);
        const value = (result as { value: Result }).value;
        expect(value.counts.new).toBe(ROWS);
        expect(value.applied).toBe(method === 'sheets.apply');
        const steps = events.filter((event): event is Extract<AppEvent, { type: 'progress' }> => event.type === 'progress' && event.task === `sheets:${progressId}`);
        expect(steps.some((step) => step.phase === 'parse')).toBe(true);
        const rowSteps = steps.filter((step) => step.phase === 'rows');
        expect(rowSteps.length).toBeGreaterThan(10);
        expect(rowSteps.length).toBeLessThan(300);
        expect(rowSteps.at(-1)).toMatchObject({ done: ROWS, total: ROWS });
      }
    } finally {
      stop();
    }
    const listed = await callOk<{ total: number }>(app, 'records.list', { type: 'benchmarks', limit: 1 });
    expect(listed.total).toBe(ROWS);
  }, 600_000);
});
