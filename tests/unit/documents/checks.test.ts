import { describe, expect, it } from 'vitest';
import { preExportChecks, extractFacts } from '../../../shared/documents/checks';
import { normaliseDigits } from '../../../shared/documents/text';
import { formatMessage } from '../../../shared/i18n/format';
import { sampleMou } from './fixtures';

describe('pre-export checks', () => {
  it('passes a bilingual MOU whose clauses agree (Arabic-Indic digits and Arabic month names included)', () => {
    expect(preExportChecks(sampleMou())).toEqual([]);
  });

  it('normalises Arabic-Indic and Eastern Arabic digits to ASCII', () => {
    expect(normaliseDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ٣٫٥')).toBe('0123456789 0123456789 3.5');
  });

  it('warns about a clause with text in only one language, naming the clause', () => {
    const document = sampleMou();
    document.clauses[0]!.ar = '  ';
    document.clauses[2]!.en = '';
    const warnings = preExportChecks(document);
    expect(warnings.map(({ key, params }) => ({ key, params }))).toEqual([
      { key: 'documents.check.clauseOnlyEnglish', params: { clause: '1' } },
      { key: 'documents.check.clauseOnlyArabic', params: { clause: '3' } },
    ]);
    expect(formatMessage('en', warnings[0]!.key, warnings[0]!.params)).toBe('Clause 1 has English text but no Arabic text.');
    expect(formatMessage('ar', warnings[0]!.key, warnings[0]!.params)).toBe('البند 1 له نص إنجليزي دون نص عربي.');
    expect(formatMessage('en', warnings[1]!.key, warnings[1]!.params)).toBe('Clause 3 has Arabic text but no English text.');
    expect(formatMessage('ar', warnings[1]!.key, warnings[1]!.params)).toBe('البند 3 له نص عربي دون نص إنجليزي.');
  });

  it('warns about a missing Arabic title only when Arabic is exported', () => {
    const [title, ...rest] = preExportChecks(sampleMou({ title: { en: 'MOU' } }));
    expect(rest).toEqual([]);
    expect(title).toEqual({ clauseNumber: null, key: 'documents.check.titleOnlyEnglish', params: {} });
    expect(formatMessage('en', title!.key, title!.params)).toBe('The title has no Arabic text.');
    expect(formatMessage('ar', title!.key, title!.params)).toBe('لا يوجد نص عربي للعنوان.');
    expect(preExportChecks(sampleMou({ title: { en: 'MOU' }, language: 'en' }))).toEqual([]);
  });

  it('in a single-language export, only that language is required', () => {
    const document = sampleMou({ language: 'en' });
    document.clauses[1]!.ar = '';
    expect(preExportChecks(document)).toEqual([]);
    document.clauses[1]!.en = '';
    expect(preExportChecks(document)).toEqual([{ clauseNumber: '2', key: 'documents.check.clauseMissingEnglish', params: { clause: '2' } }]);
  });

  it('warns when a number differs between the English and Arabic text, listing the values', () => {
    const document = sampleMou();
    document.clauses[1]!.ar = 'يجتمع فريق العمل ٦ مرات على الأقل في السنة، ابتداءً من ١ مارس ٢٠٢٦.';
    const [warning, ...rest] = preExportChecks(document);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ clauseNumber: '2', onlyInEnglish: ['4'], onlyInArabic: ['6'] });
    expect(warning).toMatchObject({ key: 'documents.check.clauseNumbersDiffer', params: { clause: '2', onlyInEnglish: '4', onlyInArabic: '6' } });
    expect(formatMessage('en', warning!.key, warning!.params)).toBe('Clause 2: the numbers differ between the English and Arabic text (only in English: 4; only in Arabic: 6).');
    expect(formatMessage('ar', warning!.key, warning!.params)).toBe('البند 2: الأرقام مختلفة بين النص الإنجليزي والنص العربي (في الإنجليزي فقط: 4؛ في العربي فقط: 6).');
  });

  it('warns when a date differs, whatever way each language writes it', () => {
    const document = sampleMou();
    document.clauses[1]!.ar = 'يجتمع فريق العمل ٤ مرات على الأقل في السنة، ابتداءً من ١ آذار ٢٠٢٧.';
    const warnings = preExportChecks(document);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toEqual({
      clauseNumber: '2',
      key: 'documents.check.clauseDatesDiffer',
      params: { clause: '2', onlyInEnglish: '2026-03-01', onlyInArabic: '2027-03-01' },
      onlyInEnglish: ['2026-03-01'],
      onlyInArabic: ['2027-03-01'],
    });
    expect(formatMessage('ar', warnings[0]!.key, warnings[0]!.params)).toBe('البند 2: التواريخ مختلفة بين النص الإنجليزي والنص العربي (في الإنجليزي فقط: 2026-03-01؛ في العربي فقط: 2027-03-01).');
  });

  it('reads the same date in ISO, slashed, English and Arabic (Levantine, Maghreb) forms as equal', () => {
    const readings = ['2026-03-01', '01/03/2026', '1 March 2026', 'March 1, 2026', '١ آذار ٢٠٢٦', '1 مارس 2026', '١ آذار (مارس) ٢٠٢٦', '01.03.2026'];
    for (const text of readings) expect(extractFacts(`from ${text} on`).dates.flat(), text).toContain('2026-03-01');
    expect(extractFacts('١٥ جوان ٢٠٢٦').dates).toEqual([['2026-06-15']]);
    expect(extractFacts('١٥ كانون الثاني ٢٠٢٦').dates).toEqual([['2026-01-15']]);
  });

  it('treats grouping and leading zeros as the same number, and decimals as different', () => {
    expect(extractFacts('USD 1,000,000 over 05 years at 2.5%').numbers).toEqual(['1000000', '5', '2.5']);
    expect(extractFacts('١٠٠٠٠٠٠ دولار على مدى ٥ سنوات بنسبة ٢٫٥٪').numbers).toEqual(['1000000', '5', '2.5']);
    const document = sampleMou();
    document.clauses[0] = { number: '1', en: 'A grant of USD 1,000,000 over 5 years.', ar: 'منحة قدرها ١٠٠٠٠٠٠ دولار على مدى ٥ سنوات.' };
    expect(preExportChecks(document)).toEqual([]);
  });
});

describe('spelled-out numbers and every export language', () => {
  const withClause = (en: string, ar: string, language: 'en' | 'ar' | 'both' = 'both') => sampleMou({ language, clauses: [{ id: 'c1', number: '1', en, ar }] });
  const numberWarnings = (en: string, ar: string, language: 'en' | 'ar' | 'both' = 'both') => preExportChecks(withClause(en, ar, language)).filter((w) => w.key === 'documents.check.clauseNumbersDiffer');

  it('checks an Arabic-only (or English-only) export against the other text too', () => {
    for (const language of ['ar', 'en', 'both'] as const) {
      const [warning] = numberWarnings('Reports are due within 30 days.', 'تقدم التقارير في غضون 60 يوماً.', language);
      expect(warning, language).toMatchObject({ clauseNumber: '1', onlyInEnglish: ['30'], onlyInArabic: ['60'] });
    }
  });

  it('catches spelled-out numbers that differ, in English and Arabic', () => {
    expect(numberWarnings('The term is six months.', 'مدة المذكرة ثلاثة أشهر.')[0]).toMatchObject({ onlyInEnglish: ['6'], onlyInArabic: ['3'] });
    expect(numberWarnings('Notice of thirty days.', 'إشعار مدته ستين يوماً.')[0]).toMatchObject({ onlyInEnglish: ['30'], onlyInArabic: ['60'] });
    expect(numberWarnings('within two months', 'خلال ثلاثة أشهر', 'ar')[0]).toMatchObject({ onlyInEnglish: ['2'], onlyInArabic: ['3'] });
    expect(numberWarnings('twenty-five officers', 'خمسة وثلاثون ضابطاً')[0]).toMatchObject({ onlyInEnglish: ['25'], onlyInArabic: ['35'] });
  });

  it('stays quiet on equal values written differently: words, digits, the dual, gender and case forms, "thirty (30)"', () => {
    const equal: [string, string][] = [
      ['The term is six months.', 'مدة المذكرة ستة أشهر.'],
      ['Notice of thirty days.', 'إشعار مدته ثلاثين يوماً.'],
      ['Notice of thirty (30) days.', 'إشعار مدته 30 يوماً.'],
      ['Notice of 30 days.', 'إشعار مدته ثلاثون يوماً.'],
      ['within two months', 'خلال شهرين'],
      ['within 2 years', 'في غضون سنتين'],
      ['twenty-five officers', 'خمسة وعشرون ضابطاً'],
      ['one hundred and twenty days', 'مائة وعشرين يوماً'],
      ['three thousand five hundred dinars', 'ثلاثة آلاف وخمسمائة دينار'],
      ['eleven sessions', 'إحدى عشرة جلسة'],
      ['twelve months', 'اثنا عشر شهراً'],
      ['at least three times', 'ثلاث مرات على الأقل'],
      ['One of the Parties may withdraw.', 'يجوز لأحد الطرفين الانسحاب.'],
      ['meetings twice a year', 'اجتماعات مرتين في السنة'],
      ['by 1 March 2026, for six months', 'بحلول ١ آذار ٢٠٢٦، لمدة ستة أشهر'],
    ];
    for (const [en, ar] of equal) expect(preExportChecks(withClause(en, ar)), `${en} / ${ar}`).toEqual([]);
    for (const [en, ar] of equal) expect(preExportChecks(withClause(en, ar, 'ar')), `ar: ${en} / ${ar}`).toEqual([]);
  });
});
