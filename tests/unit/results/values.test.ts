import { describe, expect, it } from 'vitest';
import { isTypedValue, numericValue, parseTypedValue } from '../../../shared/results/values';
import { addDays, daysBetween, localToday } from '../../../shared/results/today';

describe('typed benchmark values', () => {
  it('reads numbers and percents as exact decimals, in either script', () => {
    expect(parseTypedValue('number', '1,200')).toBe('1200');
    expect(parseTypedValue('number', ' 0045.50 ')).toBe('45.5');
    expect(parseTypedValue('number', '٤٥٫٥')).toBe('45.5');
    expect(parseTypedValue('number', '-3')).toBe('-3');
    expect(parseTypedValue('number', '-0')).toBe('0');
    expect(parseTypedValue('number', 120)).toBe('120');
    expect(parseTypedValue('percent', '72 %')).toBe('72');
    expect(parseTypedValue('percent', '٧٢٪')).toBe('72');
    expect(parseTypedValue('number', '72%')).toBeNull();
    expect(parseTypedValue('number', 'about forty')).toBeNull();
    expect(parseTypedValue('number', '1,20')).toBeNull();
    expect(parseTypedValue('number', '0.1234567')).toBeNull();
    expect(parseTypedValue('number', '')).toBe('');
  });

  it('reads yes / no in English and Arabic, and keeps text as written', () => {
    expect(parseTypedValue('yes_no', 'Yes')).toBe('yes');
    expect(parseTypedValue('yes_no', 'نعم')).toBe('yes');
    expect(parseTypedValue('yes_no', 'لا')).toBe('no');
    expect(parseTypedValue('yes_no', true)).toBe('yes');
    expect(parseTypedValue('yes_no', '312')).toBeNull();
    expect(parseTypedValue('text', ' Capacity improving ')).toBe('Capacity improving');
  });

  it('checks stored values are canonical and draws only numeric units', () => {
    expect(isTypedValue('number', '45.5')).toBe(true);
    expect(isTypedValue('number', '45.50')).toBe(false);
    expect(isTypedValue('percent', '72%')).toBe(false);
    expect(isTypedValue('yes_no', 'Yes')).toBe(false);
    expect(isTypedValue('text', 'anything')).toBe(true);
    expect(numericValue('percent', '38.5')).toBe(38.5);
    expect(numericValue('yes_no', 'yes')).toBeNull();
    expect(numericValue('number', '')).toBeNull();
  });
});

describe('the officer’s today', () => {
  it('is the local calendar date, not UTC’s, across a time zone boundary', () => {
    // 2 Dec 2026 00:30 in Amman (UTC+3) is still 1 Dec in UTC; 1 Dec 20:00 in New York (UTC-5) is already 2 Dec in UTC.
    const amman = new Date('2026-12-01T21:30:00Z');
    const newYork = new Date('2026-12-02T01:00:00Z');
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Amman';
      expect(localToday(amman)).toBe('2026-12-02');
      expect(amman.toISOString().slice(0, 10)).toBe('2026-12-01');
      process.env.TZ = 'America/New_York';
      expect(localToday(newYork)).toBe('2026-12-01');
      process.env.TZ = 'UTC';
      expect(localToday(newYork)).toBe('2026-12-02');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('does calendar arithmetic without a time zone', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-12-02', '2026-12-16')).toBe(14);
    expect(daysBetween('2026-03-29', '2026-03-28')).toBe(-1);
  });
});
