import { describe, expect, it } from 'vitest';
import { recordType } from '../../../shared/records/registry';
import type { FieldSpec } from '../../../shared/records/spec';
import { asciiDigits, excelSerialDate, normalizeLabel, readCell, type Cell, type CellContext } from '../../../shared/sheets/cells';
import { keyOf, linkKeys, NATURAL_KEYS } from '../../../shared/sheets/keys';
import { RECORD_TYPE_NAMES } from '../../../shared/records/registry';

const field = (type: string, name: string): FieldSpec => recordType(type).fields.find((f) => f.name === name)!;
const none: CellContext = { findLinks: () => [] };
const read = (type: string, name: string, cell: Cell, context: Partial<CellContext> = {}) => readCell(type, field(type, name), cell, { ...none, ...context });
const value = (type: string, name: string, cell: Cell, context: Partial<CellContext> = {}) => {
  const result = read(type, name, cell, context);
  if (!result.ok) throw new Error(`not read: ${JSON.stringify(result.message)}`);
  return result.value;
};
const error = (type: string, name: string, cell: Cell, context: Partial<CellContext> = {}) => {
  const result = read(type, name, cell, context);
  if (result.ok) throw new Error(`read as ${JSON.stringify(result.value)}`);
  return result.message;
};

describe('spreadsheet cells, per field kind', () => {
  it('text: trimmed, numbers without .0, single-line text joins lines, codes in capitals, the limit checked', () => {
    expect(value('partners', 'name', '  Jordan ')).toBe('Jordan');
    expect(value('benchmarks', 'targetValue', 40)).toBe('40');
    expect(value('projects', 'title', 'Border\r\ntraining')).toBe('Border training');
    expect(value('projects', 'objectives', 'one\r\ntwo')).toBe('one\ntwo');
    expect(value('partners', 'isoCode', 'jo')).toBe('JO');
    expect(error('benchmarks', 'code', 'x'.repeat(21))).toEqual({ key: 'validation.tooLong', params: { max: 20 } });
    expect(value('partners', 'name', null)).toBe('');
  });

  it('enums by code or by their English or Arabic label', () => {
    expect(value('projects', 'sector', 'border_security')).toBe('border_security');
    expect(value('projects', 'sector', 'Border security')).toBe('border_security');
    expect(value('projects', 'sector', 'BORDER SECURITY')).toBe('border_security');
    expect(value('projects', 'status', 'active')).toBe('active');
    const arabic = value('projects', 'sector', 'الشرطة');
    expect(arabic).toBe('police');
    expect(value('projects', 'status', '')).toBeUndefined();
    expect(error('projects', 'sector', 'Navy')).toEqual({ key: 'sheets.cell.unknownOption', params: { text: 'Navy' } });
  });

  it('labels match without case, separators, Arabic letter variants or marks, the same on the quick path for plain ASCII', () => {
    expect(normalizeLabel('  Border_Security - Unit ')).toBe('border security unit');
    expect(normalizeLabel('Border\tsecurity')).toBe('border security');
    expect(normalizeLabel('الأمنُ الحدوديّ')).toBe('الامن الحدودي');
    expect(normalizeLabel('المشروع ٣')).toBe('المشروع 3');
    expect(normalizeLabel('ﬁeld')).toBe('field'); // a ligature: not ASCII, so NFKC folds it
    // The same label text read again, and in another record type whose enum has other labels, each from its own type.
    expect(value('projects', 'sector', 'Police')).toBe('police');
    expect(value('projects', 'sector', 'police')).toBe('police');
    expect(value('benchmarks', 'unit', 'Percent')).toBe('percent');
    expect(error('benchmarks', 'unit', 'Police')).toMatchObject({ key: 'sheets.cell.unknownOption' });
  });

  it('dates: ISO, Excel serials, d/m/y and m/d/y when unambiguous, Arabic-Indic digits', () => {
    expect(value('projects', 'startDate', '2026-12-02')).toBe('2026-12-02');
    expect(value('projects', 'startDate', '2026/1/5')).toBe('2026-01-05');
    expect(value('projects', 'startDate', 46_023)).toBe('2026-01-01');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(value('projects', 'startDate', '25/12/2026')).toBe('2026-12-25');
    expect(value('projects', 'startDate', '12/25/2026')).toBe('2026-12-25');
    expect(value('projects', 'startDate', '05.05.2026')).toBe('2026-05-05');
    expect(error('projects', 'startDate', '03/04/2026')).toEqual({ key: 'sheets.cell.ambiguousDate', params: { text: '03/04/2026' } });
    expect(value('projects', 'startDate', '03/04/2026', { dateOrder: 'dmy' })).toBe('2026-04-03');
    expect(value('projects', 'startDate', '03/04/2026', { dateOrder: 'mdy' })).toBe('2026-03-04');
    expect(value('projects', 'startDate', '٢٠٢٦-١٢-٠٢')).toBe('2026-12-02');
    expect(error('projects', 'startDate', '2026-02-30')).toEqual({ key: 'validation.invalidDate' });
    expect(error('projects', 'startDate', 'soon')).toEqual({ key: 'validation.invalidDate' });
    expect(value('projects', 'startDate', '')).toBe('');
  });

  it('yes/no in both languages', () => {
    for (const yes of ['yes', 'Yes', 'Y', 'true', '1', 'نعم', true]) expect(value('people', 'isResourceManager', yes)).toBe(true);
    for (const no of ['no', 'N', 'false', '0', 'لا', false, '']) expect(value('people', 'isResourceManager', no)).toBe(false);
    expect(error('people', 'isResourceManager', 'maybe')).toEqual({ key: 'sheets.cell.notYesNo', params: { text: 'maybe' } });
  });

  it('integers with Arabic-Indic digits and the field bounds', () => {
    expect(value('resources', 'fiscalYear', 2027)).toBe(2027);
    expect(value('resources', 'fiscalYear', '٢٠٢٧')).toBe(2027);
    expect(error('resources', 'fiscalYear', 1999)).toEqual({ key: 'validation.tooSmall', params: { min: 2000 } });
    expect(error('resources', 'fiscalYear', '2027.5')).toEqual({ key: 'validation.invalidNumber' });
    expect(value('resources', 'fiscalYear', '')).toBeNull();
  });

  it("amounts in major units with the currency's decimals", () => {
    expect(value('resources', 'requestedMinor', '1,250,000.50', { currency: 'USD' })).toBe(125_000_050);
    expect(value('resources', 'requestedMinor', 12.5, { currency: 'JOD' })).toBe(12_500);
    expect(value('resources', 'requestedMinor', '12.125', { currency: 'JOD' })).toBe(12_125);
    expect(value('resources', 'requestedMinor', '١٬٢٥٠٫٥', { currency: 'USD' })).toBe(125_050);
    expect(value('resources', 'requestedMinor', 'USD 10', { currency: 'USD' })).toBe(1000);
    expect(value('resources', 'requestedMinor', 1000, { currency: 'IQD' })).toBe(1000);
    expect(error('resources', 'requestedMinor', '1000.5', { currency: 'IQD' })).toEqual({ key: 'validation.invalidAmount', params: { decimals: 0, example: '1250' } });
    expect(error('resources', 'requestedMinor', '12.345', { currency: 'USD' })).toEqual({ key: 'validation.invalidAmount', params: { decimals: 2, example: '1250.00' } });
    expect(error('resources', 'requestedMinor', 'lots', { currency: 'USD' }).key).toBe('validation.invalidAmount');
    expect(value('resources', 'requestedMinor', '', { currency: 'USD' })).toBeNull();
  });

  it('links by id or by the linked title or code, scoped to the partner, ambiguity and absence reported', () => {
    const asked: unknown[] = [];
    const findLinks = (to: string, text: string, partnerId: string | null) => {
      asked.push([to, text, partnerId]);
      if (text === 'Border training') return ['11111111-1111-4111-8111-111111111111'];
      if (text === 'Shared') return ['a', 'b'];
      return [];
    };
    expect(value('benchmarks', 'projectId', 'Border training', { findLinks, partnerId: 'p1' })).toBe('11111111-1111-4111-8111-111111111111');
    expect(asked).toEqual([['projects', 'Border training', 'p1']]);
    expect(error('benchmarks', 'projectId', 'Shared', { findLinks })).toEqual({ key: 'sheets.cell.linkAmbiguous', params: { text: 'Shared', n: 2 } });
    expect(error('benchmarks', 'projectId', 'Nothing', { findLinks })).toEqual({ key: 'sheets.cell.linkNotFound', params: { text: 'Nothing' } });
    expect(value('projects', 'objectiveIds', 'Border training; Border training', { findLinks })).toEqual(['11111111-1111-4111-8111-111111111111']);
    expect(value('benchmarks', 'projectId', '', { findLinks })).toBeNull();
  });

  it('Arabic-Indic and extended digits fold to ASCII', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('natural keys', () => {
  it('every record type declares its keys, of its own fields', () => {
    expect(Object.keys(NATURAL_KEYS).sort()).toEqual([...RECORD_TYPE_NAMES].sort());
    for (const [type, keys] of Object.entries(NATURAL_KEYS)) {
      const names = recordType(type).fields.map((f) => f.name);
      for (const key of keys) for (const name of key) expect(names, `${type}.${name}`).toContain(name);
    }
  });

  it('a row is matched by the first key it fills; links by single-field keys', () => {
    expect(keyOf('partners', { isoCode: 'JO', name: 'Jordan' })).toEqual({ fields: ['isoCode'], values: ['JO'] });
    expect(keyOf('partners', { isoCode: '', name: 'Jordan' })).toEqual({ fields: ['name'], values: ['Jordan'] });
    expect(keyOf('benchmarks', { code: '', projectId: null, title: 'x' })).toBeNull();
    expect(linkKeys('people')).toEqual(['email']);
    expect(linkKeys('benchmarks')).toEqual(['code']);
  });
});
