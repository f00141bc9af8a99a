import { describe, expect, it } from 'vitest';
import { preExportChecks, extractFacts } from '../../../shared/documents/checks';
import { normaliseDigits } from '../../../shared/documents/text';
import { formatMessage } from '../../../shared/messages';
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
    expect(warnings.map((w) => w.message)).toEqual(['mouClauseOnlyEnglish:1', 'mouClauseOnlyArabic:3']);
    expect(formatMessage(warnings[0]!.message, 'en')).toBe('Clause 1 has English text but no Arabic text.');
    expect(formatMessage(warnings[1]!.message, 'ar')).toContain('البند 3');
  });

  it('warns about a missing Arabic title only when Arabic is exported', () => {
    expect(preExportChecks(sampleMou({ title: { en: 'MOU' } })).map((w) => w.message)).toEqual(['mouTitleOnlyEnglish']);
    expect(preExportChecks(sampleMou({ title: { en: 'MOU' }, language: 'en' }))).toEqual([]);
  });

  it('in a single-language export, only that language is required', () => {
    const document = sampleMou({ language: 'en' });
    document.clauses[1]!.ar = '';
    expect(preExportChecks(document)).toEqual([]);
    document.clauses[1]!.en = '';
    expect(preExportChecks(document).map((w) => w.message)).toEqual(['mouClauseMissingEnglish:2']);
  });

  it('warns when a number differs between the English and Arabic text, listing the values', () => {
    const document = sampleMou();
    document.clauses[1]!.ar = 'يجتمع فريق العمل ٦ مرات على الأقل في السنة، ابتداءً من ١ مارس ٢٠٢٦.';
    const [warning, ...rest] = preExportChecks(document);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ clauseNumber: '2', onlyInEnglish: ['4'], onlyInArabic: ['6'] });
    expect(formatMessage(warning!.message, 'en')).toBe('Clause 2: the numbers differ between the English and Arabic text (only in English: 4; only in Arabic: 6).');
  });

  it('warns when a date differs, whatever way each language writes it', () => {
    const document = sampleMou();
    document.clauses[1]!.ar = 'يجتمع فريق العمل ٤ مرات على الأقل في السنة، ابتداءً من ١ آذار ٢٠٢٧.';
    const warnings = preExportChecks(document);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ clauseNumber: '2', message: 'mouClauseDatesDiffer:2,2026-03-01,2027-03-01', onlyInEnglish: ['2026-03-01'], onlyInArabic: ['2027-03-01'] });
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
