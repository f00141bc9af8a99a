import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/contract';
import type { AccordApp } from '../../../main/app';
import { sheetsWorkerScript, WORKER_MIN_BYTES } from '../../../main/sheets/inWorker';
import { writeXlsx } from '../../../main/sheets/xlsxWrite';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { callOk, openTestApp, tempDirectory, useFreshApp } from '../../helpers';
import { TEST_OFFICER } from '../../officer';

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
    const listed = await callOk<{ total: number; rows: { id: string }[] }>(app, 'records.list', { type: 'benchmarks', limit: 1 });
    expect(listed.total).toBe(ROWS);
    // The worker wrote as the officer who imported: the audit trail names them.
    const audit = await callOk<{ officerName: string | null }[]>(app, 'records.audit', { type: 'benchmarks', id: listed.rows[0]!.id });
    expect(audit.map((entry) => entry.officerName)).toEqual([TEST_OFFICER.name]);
  }, 600_000);

  it('opens an encrypted database on the worker thread with the same key', async () => {
    const dir = tempDirectory();
    const encrypted = openTestApp(join(dir.path, 'encrypted.sqlite'), undefined, { passphrase: 'post passphrase for the worker test' });
    try {
      expect(encrypted.atRest().encrypted).toBe(true);
      // Notes that do not compress, so the file is large enough for the worker.
      const rows = [['Name', 'ISO code', 'Notes'], ...Array.from({ length: 4000 }, (_, i) => [`Partner ${i}`, '', createHash('sha512').update(String(i)).digest('hex')])];
      const bytes = writeXlsx([{ name: 'Partners', rows }]);
      expect(bytes.byteLength).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
      // A worker that cannot open the file reports it (the call fails) rather than leaving the work to this thread.
      const result = await callOk<Result>(encrypted, 'sheets.apply', { bytes, fileName: 'partners.xlsx', type: 'partners', mapping: { Name: 'name', 'ISO code': 'isoCode', Notes: 'notes' } });
      expect(result.counts.new).toBe(4000);
      expect((await callOk<{ total: number }>(encrypted, 'records.list', { type: 'partners', limit: 1 })).total).toBe(4000);
    } finally {
      encrypted.close();
      dir.remove();
    }
  }, 600_000);
});
