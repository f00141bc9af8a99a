import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { collectChanges } from '../../../db/sync/changes';
import { parseSpreadsheet } from '../../../main/sheets/parse';
import { callOk, snapshotDatabase, useFreshApp } from '../../helpers';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

const csv = (text: string) => new TextEncoder().encode(`\uFEFF${text}`);
type Outcome = { row: number; status: string; id?: string; changed?: string[]; issues?: { row: number; column: string; message: { key: string; params?: Record<string, unknown> } }[] };
type Result = { rows: Outcome[]; counts: Record<string, number>; applied: boolean; sha256: string; rejected?: { fileId: string; fileName: string; rows: number } };

async function setUp() {
  const partner = await callOk<{ id: string }>(app, 'records.create', { type: 'partners', values: { name: 'Jordan', isoCode: 'JO' } });
  const project = await callOk<{ id: string }>(app, 'records.create', { type: 'projects', values: { title: 'Border training', partnerId: partner.id, sector: 'border_security' } });
  return { partner, project };
}

const HEADERS = 'الرمز,المؤشر,المشروع,الوحدة,Target date,Target value';
const mappingFor = async (bytes: Uint8Array) => (await callOk<{ mapping: Record<string, string>; headers: string[] }>(app, 'sheets.inspect', { bytes, fileName: 'b.csv', type: 'benchmarks' })).mapping;

describe('spreadsheet import through the contract', () => {
  it('suggests a mapping from Arabic and English headers, previews without writing, applies all or nothing', async () => {
    await setUp();
    const bytes = csv(`${HEADERS}\r\nB-1,Officers trained,Border training,Number,25/12/2026,40\r\nB-2,Patrols,Border training,نسبة مئوية,2027-01-31,80\r\nB-3,Stray,No such project,number,,\r\n`);
    const mapping = await mappingFor(bytes);
    expect(mapping).toEqual({ الرمز: 'code', المؤشر: 'title', المشروع: 'projectId', الوحدة: 'unit', 'Target date': 'targetDate', 'Target value': 'targetValue' });
    const before = snapshotDatabase(app);
    const preview = await callOk<Result>(app, 'sheets.preview', { bytes, fileName: 'b.csv', type: 'benchmarks', mapping });
    expect(preview.counts).toEqual({ new: 2, updated: 0, unchanged: 0, error: 1 });
    expect(preview.rows[2]).toEqual({ row: 4, status: 'error', issues: [{ row: 4, column: 'المشروع', message: { key: 'sheets.cell.linkNotFound', params: { text: 'No such project' } } }] });
    expect(preview.applied).toBe(false);
    expect(snapshotDatabase(app)).toBe(before);
    const all = await callOk<Result>(app, 'sheets.apply', { bytes, fileName: 'b.csv', type: 'benchmarks', mapping });
    expect(all.applied).toBe(false);
    expect(snapshotDatabase(app)).toBe(before);

    const valid = await callOk<Result>(app, 'sheets.apply', { bytes, fileName: 'b.csv', type: 'benchmarks', mapping, validRowsOnly: true, language: 'ar' });
    expect(valid.applied).toBe(true);
    expect(valid.counts).toEqual({ new: 2, updated: 0, unchanged: 0, error: 1 });
    expect(valid.rejected).toMatchObject({ fileName: 'b-rejected.xlsx', rows: 1 });
    // The rejected rows are a real workbook Accord's own reader reads back: the file's columns, the row number and the reason.
    const file = await callOk<{ bytes: Uint8Array; fileName: string }>(app, 'sheets.rejectedFile', { fileId: valid.rejected!.fileId });
    const back = parseSpreadsheet(file.bytes, file.fileName);
    expect(back.format).toBe('xlsx');
    expect(back.table.headers).toEqual(['الصف', ...HEADERS.split(','), 'السبب']);
    expect(back.table.rows).toEqual([{ row: 2, cells: [4, 'B-3', 'Stray', 'No such project', 'number', null, null, 'المشروع: لا يوجد سجل يطابق «No such project».'] }]);
    const rows = (await callOk<{ rows: Record<string, unknown>[] }>(app, 'records.list', { type: 'benchmarks', sort: { field: 'code' } })).rows;
    expect(rows.map((row) => [row.code, row.title, row.unit, row.targetDate, row.targetValue])).toEqual([
      ['B-1', 'Officers trained', 'number', '2026-12-25', '40'],
      ['B-2', 'Patrols', 'percent', '2027-01-31', '80'],
    ]);
  });

  it('the same file twice changes nothing; an edited file changes exactly its edited cells, audited with the file and its SHA-256, and travels', async () => {
    await setUp();
    const first = csv(`${HEADERS}\r\nB-1,Officers trained,Border training,number,25/12/2026,40\r\nB-2,Patrols,Border training,percent,2027-01-31,80\r\n`);
    const mapping = await mappingFor(first);
    await callOk(app, 'sheets.apply', { bytes: first, fileName: 'q1.csv', type: 'benchmarks', mapping });
    const once = snapshotDatabase(app);
    const again = await callOk<Result>(app, 'sheets.apply', { bytes: first, fileName: 'q1.csv', type: 'benchmarks', mapping });
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 2, error: 0 });
    expect(snapshotDatabase(app)).toBe(once);

    const edited = csv(`${HEADERS}\r\nB-1,Officers trained,Border training,number,25/12/2026,45\r\nB-2,Patrols,Border training,percent,2027-01-31,80\r\n`);
    const result = await callOk<Result>(app, 'sheets.apply', { bytes: edited, fileName: 'q2.csv', type: 'benchmarks', mapping });
    expect(result.counts).toEqual({ new: 0, updated: 1, unchanged: 1, error: 0 });
    expect(result.rows[0]).toMatchObject({ row: 2, status: 'updated', changed: ['targetValue'] });
    const id = result.rows[0]!.id!;
    const audit = await callOk<{ action: string; changes: Record<string, unknown>; importedFromSheet?: unknown }[]>(app, 'records.audit', { type: 'benchmarks', id });
    expect(audit.at(-1)).toMatchObject({ action: 'update', changes: { targetValue: ['40', '45'] }, importedFromSheet: { file: 'q2.csv', sha256: createHash('sha256').update(edited).digest('hex') } });
    const changes = collectChanges(app.context.store.db, null).filter(([table, rowId, column]) => table === 'benchmarks' && rowId === id && column === 'target_value');
    expect(changes.map(([, , , value]) => value)).toEqual(['40', '45']);
  });

  it('the same key twice in one file is an error at both rows; a saved mapping is offered again for the same headers', async () => {
    await setUp();
    const bytes = csv(`${HEADERS}\r\nB-1,One,Border training,number,,\r\nB-1,Two,Border training,number,,\r\n`);
    const mapping = await mappingFor(bytes);
    const preview = await callOk<Result>(app, 'sheets.preview', { bytes, fileName: 'd.csv', type: 'benchmarks', mapping });
    expect(preview.rows).toEqual([
      { row: 2, status: 'error', issues: [{ row: 2, column: 'الرمز', message: { key: 'sheets.row.duplicateKey', params: { other: 3 } } }] },
      { row: 3, status: 'error', issues: [{ row: 3, column: 'الرمز', message: { key: 'sheets.row.duplicateKey', params: { other: 2 } } }] },
    ]);
    const custom = { ...mapping, 'Target value': '' };
    await callOk(app, 'sheets.saveMapping', { type: 'benchmarks', headers: [...HEADERS.split(',')].reverse(), mapping: custom });
    const offered = await callOk<{ mapping: Record<string, string>; mappingSaved: boolean }>(app, 'sheets.inspect', { bytes, fileName: 'd.csv', type: 'benchmarks' });
    expect(offered).toMatchObject({ mapping: custom, mappingSaved: true });
  });

  it('a bad file is a catalog error and the database is exactly as it was', async () => {
    await setUp();
    const before = snapshotDatabase(app);
    const result = await app.call('sheets.preview', { bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0]), fileName: 'x.pdf', type: 'benchmarks', mapping: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'sheets.file.notSpreadsheet' } });
    const unmapped = await app.call('sheets.apply', { bytes: csv('a,b\r\n1,2\r\n'), fileName: 'x.csv', type: 'benchmarks', mapping: { a: '', b: '' } });
    expect(unmapped).toMatchObject({ ok: false, error: { key: 'sheets.mapping.empty' } });
    const wrongKind = await callOk<Result>(app, 'sheets.preview', { bytes: csv('Indicator,Project,Target date\r\nX,Border training,soon\r\n'), fileName: 'x.csv', type: 'benchmarks', mapping: { Indicator: 'title', Project: 'projectId', 'Target date': 'targetDate' } });
    expect(wrongKind.rows[0]).toMatchObject({ status: 'error', issues: [{ column: 'Target date', message: { key: 'validation.invalidDate' } }] });
    const tooLong = await callOk<Result>(app, 'sheets.preview', { bytes: csv(`Indicator,Project\r\n${'x'.repeat(201)},Border training\r\n`), fileName: 'x.csv', type: 'benchmarks', mapping: { Indicator: 'title', Project: 'projectId' } });
    expect(tooLong.rows[0]).toMatchObject({ status: 'error', issues: [{ column: 'Indicator', message: { key: 'validation.tooLong', params: { max: 200 } } }] });
    expect(snapshotDatabase(app)).toBe(before);
  });
});
