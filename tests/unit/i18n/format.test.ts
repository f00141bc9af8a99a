import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ar } from '../../../shared/i18n/ar';
import { en } from '../../../shared/i18n/en';
import { currencyDecimals, formatDate, formatMessage, formatMoney } from '../../../shared/i18n/format';
import { issueMessage, parseIssueMessage } from '../../../shared/i18n/message';

/** A value for every argument a message names, of the kind it formats it as (ICU's AST: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural). */
function sampleArguments(language: 'en' | 'ar', key: keyof typeof en): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (node.type >= 1 && node.type <= 6 && node.value) values[node.value] = node.type === 2 || node.type === 6 ? 2 : node.type === 3 || node.type === 4 ? '2026-12-02' : node.type === 5 ? 'other' : 'x';
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(language === 'en' ? en[key] : ar[key], 'en').getAst());
  return values;
}

describe('message catalogs', () => {
  it('have the same keys in English and Arabic, and every message parses and formats', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(() => formatMessage('en', key, sampleArguments('en', key))).not.toThrow();
      expect(() => formatMessage('ar', key, sampleArguments('ar', key))).not.toThrow();
    }
  });

  it('pluralises by the language’s own rules: Arabic has its dual and its few/many forms', () => {
    expect(formatMessage('en', 'validation.tooLong', { max: 1 })).toBe('Use at most 1 character.');
    expect(formatMessage('en', 'validation.tooLong', { max: 200 })).toBe('Use at most 200 characters.');
    expect(formatMessage('ar', 'validation.tooLong', { max: 2 })).toBe('استخدم حرفين على الأكثر.');
    expect(formatMessage('ar', 'validation.tooLong', { max: 5 })).toBe('استخدم 5 أحرف على الأكثر.');
    expect(formatMessage('ar', 'validation.tooLong', { max: 200 })).toBe('استخدم 200 حرف على الأكثر.');
  });

  it('keeps an argument with commas whole', () => {
    expect(formatMessage('en', 'error.unreachable', { detail: 'Embassy Tunis, ODC' })).toBe('Accord could not reach its data: Embassy Tunis, ODC');
  });

  it('renders a message nested as an argument in the same language', () => {
    expect(formatMessage('ar', 'error.unreachable', { detail: { key: 'validation.required' } })).toBe('تعذّر على أكورد الوصول إلى بياناته: هذا الحقل مطلوب.');
  });

  it('carries a message through a zod issue string and back', () => {
    expect(parseIssueMessage(issueMessage('validation.tooLong', { max: 3 }))).toEqual({ key: 'validation.tooLong', params: { max: 3 } });
    expect(parseIssueMessage('Expected string, received number')).toBeNull();
  });
});

describe('dates and amounts', () => {
  it('write a date one way per language, day before month in letters', () => {
    expect(formatDate('en', '2026-12-02')).toBe('2 Dec 2026');
    expect(formatDate('ar', '2026-12-02')).toBe('2 ديسمبر 2026');
    expect(formatDate('en', '2026-02-12T23:30:00.000Z')).toBe('12 Feb 2026');
    // A message that names a date argument with no style writes it the same way.
    expect(new IntlMessageFormat('{at, date}', 'en').format({ at: new Date('2026-12-02') })).not.toBe('2 Dec 2026');
    expect(formatMessage('en', 'validation.dateExample', { at: '2026-12-02' })).toBe('For example 2 Dec 2026.');
    expect(formatMessage('ar', 'validation.dateExample', { at: '2026-12-02' })).toBe('مثلًا 2 ديسمبر 2026.');
  });

  it('take a currency’s decimals from the currency: three for the dinars, none for the Iraqi dinar', () => {
    for (const code of ['JOD', 'KWD', 'BHD', 'TND', 'OMR', 'LYD']) expect(currencyDecimals(code)).toBe(3);
    expect(currencyDecimals('IQD')).toBe(0);
    expect(currencyDecimals('USD')).toBe(2);
    // Intl keeps the code and the amount together with a no-break space.
    const money = (minor: number, code: string) => formatMoney('en', minor, code).replace(/\u00a0/g, ' ');
    expect(money(1_250_000_00, 'USD')).toBe('USD 1,250,000.00');
    expect(money(12_500, 'JOD')).toBe('JOD 12.500');
    expect(money(750_000, 'IQD')).toBe('IQD 750,000');
  });
});
