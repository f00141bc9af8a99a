import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { parseXlsx } from '../../../main/sheets/xlsx';
import { callOk, useFreshApp } from '../../helpers';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Result = { rows: { row: number; status: string; changed?: string[] }[]; counts: Record<string, number> };

describe('spreadsheet export and templates', () => {
  it('round trip: export to XLSX, edit one cell, import updates exactly that cell', async () => {
    const partner = await callOk<{ id: string }>(app, 'records.create', { type: 'partners', values: { name: 'Jordan', isoCode: 'JO' } });
    for (const [title, status] of [['Border training', 'active'], ['Coast guard', 'proposed']] as const) {
      await callOk(app, 'records.create', { type: 'projects', values: { title, partnerId: partner.id, sector: 'border_security', status, startDate: '2026-03-01', isPilot: true } });
    }
    await callOk(app, 'records.create', { type: 'resources', values: { title: 'FMF 27', partnerId: partner.id, authority: 'FMF', fiscalYear: 2027, requestedMinor: 12_500, currency: 'JOD' } });
    for (const type of ['projects', 'resources'] as const) {
      for (const language of ['en', 'ar'] as const) {
        const exported = await callOk<{ bytes: Uint8Array; fileName: string; rows: number }>(app, 'sheets.export', { type, format: 'xlsx', language });
        const parsed = parseXlsx(exported.bytes);
        const inspect = await callOk<{ mapping: Record<string, string> }>(app, 'sheets.inspect', { bytes: exported.bytes, fileName: exported.fileName, type });
        expect(Object.values(inspect.mapping)).not.toContain('');
        const same = await callOk<Result>(app, 'sheets.preview', { bytes: exported.bytes, fileName: exported.fileName, type, mapping: inspect.mapping });
        expect(same.counts, `${type} ${language}`).toEqual({ new: 0, updated: 0, unchanged: exported.rows, error: 0 });
        expect(parsed.table.rows.length).toBe(exported.rows);
      }
    }
    const exported = await callOk<{ bytes: Uint8Array }>(app, 'sheets.export', { type: 'projects', format: 'csv', language: 'en' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exported.bytes);
    expect(text.startsWith('\uFEFFid,')).toBe(true);
    const edited = new TextEncoder().encode(text.replace('Coast guard', 'Coast guard training'));
    const inspect = await callOk<{ mapping: Record<string, string> }>(app, 'sheets.inspect', { bytes: edited, fileName: 'p.csv', type: 'projects' });
    const result = await callOk<Result>(app, 'sheets.apply', { bytes: edited, fileName: 'p.csv', type: 'projects', mapping: inspect.mapping });
    expect(result.counts).toEqual({ new: 0, updated: 1, unchanged: 1, error: 0 });
    expect(result.rows.find((row) => row.status === 'updated')!.changed).toEqual(['title']);
  });

  it('neutralises formula injection in exports', async () => {
    await callOk(app, 'records.create', { type: 'partners', values: { name: '=HYPERLINK("http://x","y")', notes: '+1; @SUM(A1)' } });
    const csv = new TextDecoder().decode((await callOk<{ bytes: Uint8Array }>(app, 'sheets.export', { type: 'partners', format: 'csv' })).bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain("'+1; @SUM(A1)");
    const xlsx = (await callOk<{ bytes: Uint8Array }>(app, 'sheets.export', { type: 'partners', format: 'xlsx' })).bytes;
    const sheet = strFromU8(unzipSync(xlsx)['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toContain('<f>');
    // A string cell marked as typed text (quotePrefix): shown as written, never evaluated, and read back unchanged.
    expect(sheet).toMatch(/<c r="B2" t="inlineStr" s="3"><is><t xml:space="preserve">=HYPERLINK\(&quot;http:\/\/x&quot;,&quot;y&quot;\)<\/t>/);
    expect(strFromU8(unzipSync(xlsx)['xl/styles.xml']!)).toContain('quotePrefix="1"');
    expect(parseXlsx(xlsx).table.rows[0]!.cells[1]).toBe(`=HYPERLINK("http://x","y")`);
    // Both files import back to exactly the same values: nothing changes.
    for (const [bytes, fileName] of [[new TextEncoder().encode(csv), 'p.csv'], [xlsx, 'p.xlsx']] as const) {
      const { mapping } = await callOk<{ mapping: Record<string, string> }>(app, 'sheets.inspect', { bytes, fileName, type: 'partners' });
      const again = await callOk<Result>(app, 'sheets.preview', { bytes, fileName, type: 'partners', mapping });
      expect(again.counts, fileName).toEqual({ new: 0, updated: 0, unchanged: 1, error: 0 });
    }
  });

  it('a template per type: headers in the language, id column, drop-downs, date cells, an explanation sheet', async () => {
    const template = await callOk<{ bytes: Uint8Array; fileName: string }>(app, 'sheets.template', { type: 'projects', language: 'ar' });
    expect(template.fileName).toBe('projects-template.xlsx');
    const parts = unzipSync(template.bytes);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('rightToLeft="1"');
    expect(sheet).toContain('<dataValidation type="list"');
    expect(sheet).toContain('الشرطة');
    const parsed = parseXlsx(template.bytes);
    expect(parsed.sheets.map((s) => s.name)).toEqual(['المشاريع', 'طريقة التعبئة']);
    expect(parsed.table.headers[0]).toBe('id');
    expect(parsed.table.headers).toContain('القطاع');
    const help = parseXlsx(template.bytes, { sheet: 'طريقة التعبئة' }).table;
    expect(help.rows.length).toBeGreaterThan(5);
  });
});
