import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../shared/i18n/format';
import { parseDateText } from '../../../renderer/src/components/dateText';

describe('parseDateText (DateInput)', () => {
  it('reads the app format in English, short and full month names', () => {
    expect(parseDateText('2 Dec 2026')).toBe('2026-12-02');
    expect(parseDateText('2 December 2026')).toBe('2026-12-02');
    expect(parseDateText('2 dec. 2026')).toBe('2026-12-02');
    expect(parseDateText('14 Sept 2026')).toBe('2026-09-14');
    expect(parseDateText('Dec 2, 2026')).toBe('2026-12-02');
    expect(parseDateText('  2   Dec   2026 ')).toBe('2026-12-02');
  });

  it('reads Arabic month names, Egyptian/Gulf and Levantine, and Arabic-Indic digits', () => {
    expect(parseDateText('2 ديسمبر 2026')).toBe('2026-12-02');
    expect(parseDateText('2 كانون الأول 2026')).toBe('2026-12-02');
    expect(parseDateText('15 شباط 2027')).toBe('2027-02-15');
    expect(parseDateText('1 إبريل 2026')).toBe('2026-04-01');
    expect(parseDateText('٢ ديسمبر ٢٠٢٦')).toBe('2026-12-02');
    expect(parseDateText('\u200f2 ديسمبر، 2026')).toBe('2026-12-02');
  });

  it('reads what formatDate writes, in both languages, for every month', () => {
    for (let month = 1; month <= 12; month++) {
      const iso = `2026-${String(month).padStart(2, '0')}-28`;
      expect(parseDateText(formatDate('en', iso))).toBe(iso);
      expect(parseDateText(formatDate('ar', iso))).toBe(iso);
    }
  });

  it('reads ISO and day/month/year, never month first', () => {
    expect(parseDateText('2026-12-02')).toBe('2026-12-02');
    expect(parseDateText('2026-1-5')).toBe('2026-01-05');
    expect(parseDateText('2/12/2026')).toBe('2026-12-02');
    expect(parseDateText('02.12.2026')).toBe('2026-12-02');
    expect(parseDateText('12/31/2026')).toBeNull(); // no 31st month: a US-style date is refused, not misread
  });

  it('gives empty text as empty, and refuses what names no real date', () => {
    expect(parseDateText('')).toBe('');
    expect(parseDateText('   ')).toBe('');
    for (const text of ['31 Feb 2026', '29 Feb 2027', '2026-13-01', '0/1/2026', '2 Foo 2026', 'tomorrow', '2 Dec 26', '2026', '2 ديسمبرر 2026', '12/2026']) {
      expect(parseDateText(text), text).toBeNull();
    }
    expect(parseDateText('29 Feb 2028')).toBe('2028-02-29');
  });
});
