import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectEncoding, parseCsv } from '../../../main/sheets/csv';
import { parseSpreadsheet } from '../../../main/sheets/parse';
import { DEFAULT_LIMITS } from '../../../main/sheets/table';
import { listSheets, parseXlsx } from '../../../main/sheets/xlsx';
import { workbook } from './xlsxFixture';

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const e = error as { code: string; key: string; params?: unknown };
    return { code: e.code, key: e.key, params: e.params };
  }
  throw new Error('not refused');
};

/** Windows-1256 bytes of a text, from the decoder's own table. */
function windows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((char) => table.get(char)!));
}

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  if (bom) {
    out.set([0xff, 0xfe]);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], at);
  return out;
}

describe('CSV as offices make it', () => {
  const arabic = 'الاسم,الرمز\r\nالأردن,JO\r\n';
  it('reads UTF-8 with and without a BOM', () => {
    for (const bytes of [utf8(`\uFEFF${arabic}`), utf8(arabic)]) {
      const parsed = parseCsv(bytes, 'partners');
      expect(parsed.encoding).toBe('utf-8');
      expect(parsed.encodingGuessed).toBe(false);
      expect(parsed.table).toEqual({ headers: ['الاسم', 'الرمز'], rows: [{ row: 2, cells: ['الأردن', 'JO'] }] });
    }
  });

  it('reads UTF-16LE ("Unicode text", tab-separated) with or without its BOM', () => {
    for (const bom of [true, false]) {
      const parsed = parseCsv(utf16le('name\tisoCode\r\nJordan\tJO\r\n', bom), 'u');
      expect(parsed.encoding).toBe('utf-16le');
      expect(parsed.delimiter).toBe('\t');
      expect(parsed.table.rows).toEqual([{ row: 2, cells: ['Jordan', 'JO'] }]);
    }
  });

  it('detects Windows-1256 (Arabic Excel) as a guess the officer may override', () => {
    const bytes = windows1256('الاسم;الرمز\r\nالأردن;JO\r\n');
    expect(detectEncoding(bytes)).toEqual({ encoding: 'windows-1256', bom: 0, guessed: true });
    const parsed = parseCsv(bytes, 'p');
    expect(parsed.encodingGuessed).toBe(true);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.table).toEqual({ headers: ['الاسم', 'الرمز'], rows: [{ row: 2, cells: ['الأردن', 'JO'] }] });
    expect(parseCsv(utf8('a,b\r\n1,2'), 'x', { encoding: 'windows-1256' }).encodingGuessed).toBe(false);
  });

  it('keeps quoted line breaks, delimiters and quotes inside their cell', () => {
    const parsed = parseCsv(utf8('title,notes\n"Border, north","line one\nline ""two"""\nSecond,x\n'), 'q');
    expect(parsed.table.rows).toEqual([
      { row: 2, cells: ['Border, north', 'line one\nline "two"'] },
      { row: 3, cells: ['Second', 'x'] },
    ]);
  });

  it('refuses bad input with a catalog message: binary, empty, duplicate or unnamed headers, an unclosed quote, caps', () => {
    expect(refusal(() => parseCsv(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0, 1, 2, 3]), 'png'))).toMatchObject({ key: 'sheets.file.notSpreadsheet' });
    expect(refusal(() => parseCsv(utf8('\n\n'), 'e'))).toMatchObject({ key: 'sheets.file.noHeader' });
    expect(refusal(() => parseCsv(utf8('Name,name\na,b'), 'd'))).toEqual({ code: 'VALIDATION', key: 'sheets.header.duplicate', params: { name: 'name', first: 'A', second: 'B' } });
    expect(refusal(() => parseCsv(utf8('Name,\na,b'), 'd'))).toEqual({ code: 'VALIDATION', key: 'sheets.header.empty', params: { column: 'B' } });
    expect(parseCsv(utf8('Name,\na,'), 'd').table.headers).toEqual(['Name']);
    expect(refusal(() => parseCsv(utf8('a,b\n"x,y\n'), 'q'))).toMatchObject({ key: 'sheets.file.badQuotes' });
    const limits = { ...DEFAULT_LIMITS, maxRows: 2, maxColumns: 2, maxBytes: 1000 };
    expect(refusal(() => parseCsv(utf8('a\n1\n2\n3\n'), 'r', { limits }))).toEqual({ code: 'PAYLOAD_TOO_LARGE', key: 'sheets.file.tooManyRows', params: { max: 2 } });
    expect(refusal(() => parseCsv(utf8('a,b,c\n1,2,3\n'), 'c', { limits }))).toMatchObject({ key: 'sheets.file.tooManyColumns', params: { max: 2 } });
    expect(refusal(() => parseCsv(utf8('a\n'.repeat(600)), 'b', { limits }))).toMatchObject({ key: 'sheets.file.tooLarge' });
  });
});

describe('XLSX, bounded', () => {
  const strings = ['<t>Name</t>', '<t>Code</t>', '<r><t>Jor</t></r><r><t>dan</t></r><rPh><t>ignored</t></rPh>', '<t>Start</t>'];
  const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>';
  const sheet1 = `<sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>Total</t></is></c></row>
    <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="str"><f>UPPER("jo")</f><v>JO</v></c><c r="C2" s="1"><v>46023</v></c><c r="D2"><f>1+1</f><v>2</v></c></row>
    <row r="3"><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c></row>
  </sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`;
  const book = workbook(
    [
      { name: 'Secret', hidden: true, xml: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>' },
      { name: 'Partners', xml: sheet1 },
    ],
    { sharedStrings: strings, styles },
  );

  it('reads the first visible sheet: shared and inline strings, cached formula values, date cells, merged cells', () => {
    const parsed = parseXlsx(book);
    expect(parsed.sheets).toEqual([
      { name: 'Secret', hidden: true },
      { name: 'Partners', hidden: false },
    ]);
    expect(parsed.sheet).toBe('Partners');
    expect(parsed.table).toEqual({
      headers: ['Name', 'Code', 'Start', 'Total'],
      rows: [
        { row: 2, cells: ['Jordan', 'JO', '2026-01-01', 2] },
        { row: 3, cells: ['Jordan', true, null, null] },
      ],
    });
    expect(listSheets(book)).toEqual(parsed.sheets);
  });

  it('reads a hidden sheet only when it is chosen by name', () => {
    expect(parseXlsx(book, { sheet: 'Secret' }).table).toEqual({ headers: ['hidden'], rows: [{ row: 2, cells: [1] }] });
    expect(refusal(() => parseXlsx(book, { sheet: 'Nope' }))).toMatchObject({ key: 'sheets.file.noSuchSheet', params: { name: 'Nope' } });
    expect(refusal(() => parseXlsx(workbook([{ name: 'S', hidden: true, xml: '<sheetData/>' }])))).toMatchObject({ key: 'sheets.file.noVisibleSheet' });
  });

  it('refuses a password-protected workbook, a legacy .xls, a corrupt zip and a file that is no spreadsheet', () => {
    const cfb = (stream: string) => {
      const bytes = new Uint8Array(1024);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...stream].forEach((char, i) => (bytes[512 + i * 2] = char.charCodeAt(0)));
      return bytes;
    };
    expect(refusal(() => parseSpreadsheet(cfb('EncryptionInfo'), 'locked.xlsx'))).toEqual({ code: 'VALIDATION', key: 'sheets.file.encrypted', params: undefined });
    expect(refusal(() => parseSpreadsheet(cfb('Workbook'), 'old.xls'))).toMatchObject({ key: 'sheets.file.legacyXls' });
    const corrupt = book.slice(0, 200);
    expect(refusal(() => parseSpreadsheet(corrupt, 'cut.xlsx'))).toMatchObject({ key: 'sheets.file.corrupt' });
    expect(refusal(() => parseSpreadsheet(zipSync({ 'readme.txt': utf8('hi') }), 'a.xlsx'))).toMatchObject({ key: 'sheets.file.corrupt', params: { part: 'xl/_rels/workbook.xml.rels' } });
    expect(refusal(() => parseSpreadsheet(utf8('%PDF-1.7\n\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007'), 'a.pdf'))).toMatchObject({ key: 'sheets.file.notSpreadsheet' });
  });

  it('refuses a zip bomb (a part that unpacks past the caps or at a bomb ratio) before inflating it', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = workbook([{ name: 'S', xml: '<sheetData/>' }], { extra: { 'xl/worksheets/sheet1.xml': zeros } });
    expect(refusal(() => parseXlsx(bomb))).toEqual({ code: 'PAYLOAD_TOO_LARGE', key: 'sheets.file.expands', params: { max: 400 } });
    const big = workbook([{ name: 'S', xml: `<sheetData>${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(30_000)}</sheetData>` }]);
    expect(refusal(() => parseXlsx(big, { limits: { ...DEFAULT_LIMITS, maxUnpackedBytes: 1024 * 1024, maxRatio: 10_000 } }))).toMatchObject({ key: 'sheets.file.expands' });
  });

  it('refuses XML that declares entities (billion laughs) instead of expanding them', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;
    expect(refusal(() => parseXlsx(workbook([{ name: 'S', xml: laughs }])))).toMatchObject({ key: 'sheets.file.corrupt', params: { part: 'xl/worksheets/sheet1.xml' } });
  });

  it('caps rows and columns while reading', () => {
    const rows = (n: number) => `<sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('')}</sheetData>`;
    expect(refusal(() => parseXlsx(workbook([{ name: 'S', xml: rows(5) }]), { limits: { ...DEFAULT_LIMITS, maxRows: 3 } }))).toEqual({ code: 'PAYLOAD_TOO_LARGE', key: 'sheets.file.tooManyRows', params: { max: 3 } });
    const wide = '<sheetData><row r="1"><c r="ZZ1"><v>1</v></c></row></sheetData>';
    expect(refusal(() => parseXlsx(workbook([{ name: 'S', xml: wide }])))).toMatchObject({ key: 'sheets.file.tooManyColumns', params: { max: 200 } });
  });
});
