import { entriesFor, measurementWrites } from '../../renderer/src/results/assessment';
import { describe, expect, it } from 'vitest';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { toApiValues, toFormValues } from '../../renderer/src/planning/convert';
import { formatMessage, formatMoney } from '../../shared/i18n/format';
import { issueMessage, parseIssueMessage } from '../../shared/i18n/message';
import { decimalsOf, minorToMajorText, parseMajorUnits } from '../../renderer/src/planning/money';

/** The planning forms' conversion between what inputs hold and what the API stores. */
describe('money in major units, stored as integer minor units', () => {
  it('parses decimal text exactly, without floating point', () => {
    expect(parseMajorUnits('0.29')).toBe(29);
    expect(parseMajorUnits('1,250,000.5')).toBe(125_000_050);
    expect(parseMajorUnits(' 12 ')).toBe(1200);
    expect(parseMajorUnits('١٢٣٫٤٥')).toBe(12_345); // Arabic-Indic digits and decimal separator
    expect(parseMajorUnits('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseMajorUnits('')).toBeNull();
  });

  it('refuses what is not an amount with two decimals at most', () => {
    for (const text of ['1.234', '-5', '1e6', 'abc', '1.2.3', '90071992547409.92']) expect(parseMajorUnits(text)).toBeUndefined();
  });

  it('shows minor units as major units with two decimals', () => {
    expect(minorToMajorText(29)).toBe('0.29');
    expect(minorToMajorText(125_000_050)).toBe('1250000.50');
    expect(minorToMajorText(null)).toBe('');
    // Read in the currency's own decimals (shared/i18n formatMoney, what the list and detail pages show).
    expect(formatMoney('en', 125_000_050, 'USD')).toBe('USD\u00a01,250,000.50');
  });
});

describe('amounts in the decimals of their currency', () => {
  const resources = recordType('resources');
  const line = (currency: string, requestedMinor: number | null) => ({ title: 'Co-funding', partnerId: '', projectId: null, authority: 'OTHER', fiscalYear: 2027, requestedMinor, approvedMinor: null, currency, constraint: '', risk: 'medium', mitigation: '' });

  it('knows three decimals for the dinars and the rial, none for the Iraqi dinar and the yen', () => {
    for (const code of ['JOD', 'KWD', 'BHD', 'TND', 'OMR', 'LYD']) expect(decimalsOf(code), code).toBe(3);
    for (const code of ['IQD', 'JPY']) expect(decimalsOf(code), code).toBe(0);
    expect(decimalsOf('USD')).toBe(2);
    expect(decimalsOf('')).toBe(2);
  });

  it('stores an amount typed in major units exactly in minor units: fils, baisa, dirhams, whole dinars', () => {
    expect(parseMajorUnits('12.345', 3)).toBe(12_345);
    expect(parseMajorUnits('1,250,000.5', 3)).toBe(1_250_000_500);
    expect(parseMajorUnits('١٢٫٣٤٥', 3)).toBe(12_345);
    expect(parseMajorUnits('12.3456', 3)).toBeUndefined();
    expect(parseMajorUnits('250000', 0)).toBe(250_000);
    expect(parseMajorUnits('250000.5', 0)).toBeUndefined();
    for (const [currency, text, minor] of [['JOD', '12.345', 12_345], ['KWD', '0.005', 5], ['BHD', '100', 100_000], ['TND', '7.5', 7_500], ['OMR', '1,000.250', 1_000_250], ['LYD', '3.14', 3_140], ['IQD', '1500000', 1_500_000], ['JPY', '980', 980], ['USD', '12.34', 1_234]] as const) {
      const { values, problems } = toApiValues(resources, { ...toFormValues(resources, line(currency, null)), requestedMinor: text });
      expect(problems, currency).toEqual({});
      expect(values.requestedMinor, currency).toBe(minor);
    }
    const { problems } = toApiValues(resources, { ...toFormValues(resources, line('IQD', null)), requestedMinor: '1500.5' });
    expect(problems.requestedMinor).toBe(issueMessage('validation.invalidAmount', { decimals: 0, example: '1250000' }));
  });

  it('shows a stored amount in its currency’s decimals, so existing values keep their meaning', () => {
    expect(toFormValues(resources, line('JOD', 12_345)).requestedMinor).toBe('12.345');
    expect(toFormValues(resources, line('IQD', 1_500_000)).requestedMinor).toBe('1500000');
    expect(toFormValues(resources, line('USD', 1_234)).requestedMinor).toBe('12.34');
    expect(minorToMajorText(5, 3)).toBe('0.005');
    expect(formatMoney('en', 12_345, 'JOD')).toBe('JOD\u00a012.345');
    expect(formatMoney('en', 1_500_000, 'IQD')).toBe('IQD\u00a01,500,000');
    // Round trip: what the form shows is what it stores.
    for (const [currency, minor] of [['KWD', 1_000_250], ['OMR', 7], ['JPY', 980]] as const) {
      expect(toApiValues(resources, toFormValues(resources, line(currency, minor))).values.requestedMinor).toBe(minor);
    }
  });
});

describe('form values and API values', () => {
  const resources = recordType('resources');

  it('round-trips a stored resource line through the form', () => {
    const stored = { title: 'Patrol boats', partnerId: '', projectId: null, authority: 'FMF', fiscalYear: 2027, requestedMinor: 150_000_000, approvedMinor: 99, currency: 'USD', constraint: '', risk: 'high', mitigation: '' };
    const form = toFormValues(resources, stored);
    expect(form).toMatchObject({ fiscalYear: '2027', requestedMinor: '1500000.00', approvedMinor: '0.99' });
    const { values, problems } = toApiValues(resources, form);
    expect(problems).toEqual({});
    expect(values).toMatchObject({ fiscalYear: 2027, requestedMinor: 150_000_000, approvedMinor: 99 });
  });

  it('names the field whose text is not a number or an amount, and leaves the rest to the schema', () => {
    const form = { ...toFormValues(resources, undefined), fiscalYear: '20x7', requestedMinor: '12.345' };
    const { problems } = toApiValues(resources, form);
    expect(problems).toEqual({ fiscalYear: issueMessage('validation.invalidNumber'), requestedMinor: issueMessage('validation.invalidAmount', { decimals: 2, example: '1250000.00' }) });
    const carried = parseIssueMessage(problems.fiscalYear!)!;
    expect(formatMessage('ar', carried.key, carried.params)).toBe('أدخل عددًا صحيحًا.');
  });

  it('drops rows an officer added and left empty, then the schema accepts the rest', () => {
    const meetings = recordType('meetings');
    const form = { ...toFormValues(meetings, undefined), title: 'Review', partnerId: '01960000-0000-7000-8000-000000000001', date: '2026-12-01', attendees: [{ personId: '', role: '' }] };
    const { values } = toApiValues(meetings, form);
    expect(values.attendees).toEqual([]);
    expect(inputSchema(meetings).safeParse(values).success).toBe(true);
  });

  it('keeps measured values only for the benchmarks the check-in point still assesses', () => {
    const stored = [{ id: 'm1', title: '5', createdAt: '', updatedAt: '', benchmarkId: 'b1', checkInId: 'c1', value: '5', measuredOn: '2026-03-01', rating: 'on_track', comment: '', originalText: '' }];
    const entries = [
      { benchmarkId: 'b1', id: 'm1', value: '12', measuredOn: '2026-03-01', rating: 'on_track', comment: '' },
      { benchmarkId: 'b2', value: '7', measuredOn: '2026-03-01', rating: 'on_track', comment: '' },
      { benchmarkId: 'b3', value: ' ', measuredOn: '2026-03-01', rating: 'not_rated', comment: '' },
    ];
    expect(measurementWrites('c1', ['b1', 'b3'], entries, stored)).toEqual([
      { method: 'records.update', id: 'm1', values: { benchmarkId: 'b1', checkInId: 'c1', value: '12', measuredOn: '2026-03-01', rating: 'on_track', comment: '', originalText: '' } },
    ]);
    expect(entriesFor(['b1', 'b2'], stored, { measuredOn: '2026-04-02', rating: 'not_rated' }).map((entry) => [entry.benchmarkId, entry.id, entry.value, entry.measuredOn])).toEqual([
      ['b1', 'm1', '5', '2026-03-01'],
      ['b2', undefined, '', '2026-04-02'],
    ]);
  });

  it('fills links from the address (?projectId=…) on a new record', () => {
    expect(toFormValues(recordType('benchmarks'), undefined, { projectId: 'abc' }).projectId).toBe('abc');
    expect(toFormValues(recordType('checkIns'), undefined, { benchmarkIds: 'a,b' }).benchmarkIds).toEqual(['a', 'b']);
  });
});
