import type { PreExportWarning } from '../api/documents';
import type { MouClause, MouDocument } from './types';
import { spelledNumbersToDigits } from './spelledNumbers';
import { hasText, normaliseDigits } from './text';

/**
 * Checks run before every export of an MOU, whatever its language: a clause
 * missing in a language being exported, and numbers (digits or spelled out)
 * or dates that differ between the English and Arabic text of a clause (a
 * classic source of disputes once signed; an Arabic-only export is checked
 * against the English it was translated from too). They warn; the officer
 * decides whether to export anyway.
 */

/**
 * One warning: the clause it is about (null for the title), a catalog message
 * (documents.check.…) the reader's client renders, and the values found only on
 * one side (numbers or ISO dates). Its type is the contract's schema (shared/api/documents.ts).
 */
export type { PreExportWarning } from '../api/documents';

export function preExportChecks(document: MouDocument): PreExportWarning[] {
  const warnings: PreExportWarning[] = [];
  if (document.language === 'both' && !hasText(document.title.ar)) warnings.push({ clauseNumber: null, key: 'documents.check.titleOnlyEnglish', params: {} });
  if (document.language === 'ar' && !hasText(document.title.ar)) warnings.push({ clauseNumber: null, key: 'documents.check.titleMissingArabic', params: {} });
  for (const clause of document.clauses) warnings.push(...checkClause(clause, document.language));
  return warnings;
}

function checkClause(clause: MouClause, language: MouDocument['language']): PreExportWarning[] {
  const english = hasText(clause.en);
  const arabic = hasText(clause.ar);
  const clauseNumber = clause.number;
  const params = { clause: clauseNumber };
  if (language === 'en' && !english) return [{ clauseNumber, key: 'documents.check.clauseMissingEnglish', params }];
  if (language === 'ar' && !arabic) return [{ clauseNumber, key: 'documents.check.clauseMissingArabic', params }];
  if (language === 'both') {
    if (english && !arabic) return [{ clauseNumber, key: 'documents.check.clauseOnlyEnglish', params }];
    if (arabic && !english) return [{ clauseNumber, key: 'documents.check.clauseOnlyArabic', params }];
    if (!english && !arabic) return [{ clauseNumber, key: 'documents.check.clauseEmpty', params }];
  }
  // One language exported, the other not written yet: nothing to compare.
  if (!english || !arabic) return [];
  const warnings: PreExportWarning[] = [];
  const en = extractFacts(clause.en);
  const ar = extractFacts(clause.ar);
  const dateDifference = compareDates(en.dates, ar.dates);
  if (dateDifference) {
    warnings.push({ clauseNumber, key: 'documents.check.clauseDatesDiffer', params: differenceParams(clauseNumber, dateDifference), ...dateDifference });
  }
  const numberDifference = multisetDifference(en.numbers, ar.numbers);
  if (numberDifference) {
    warnings.push({ clauseNumber, key: 'documents.check.clauseNumbersDiffer', params: differenceParams(clauseNumber, numberDifference), ...numberDifference });
  }
  return warnings;
}

const ENGLISH_MONTHS: Record<string, number> = {};
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((name, index) => {
  ENGLISH_MONTHS[name] = index + 1;
  ENGLISH_MONTHS[name.slice(0, 3)] = index + 1;
});
ENGLISH_MONTHS['sept'] = 9;

/** Gregorian month names as written in Egypt and the Gulf, the Levant and Iraq, and the Maghreb. */
const ARABIC_MONTHS: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, أبريل: 4, ابريل: 4, إبريل: 4, مايو: 5, يونيو: 6, يونية: 6, يوليو: 7, يولية: 7, أغسطس: 8, اغسطس: 8, سبتمبر: 9, أكتوبر: 10, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  'كانون الثاني': 1, شباط: 2, آذار: 3, نيسان: 4, أيار: 5, حزيران: 6, تموز: 7, آب: 8, أيلول: 9, 'تشرين الأول': 10, 'تشرين الثاني': 11, 'كانون الأول': 12,
  جانفي: 1, فيفري: 2, أفريل: 4, ماي: 5, جوان: 6, جويلية: 7, أوت: 8,
};

// Longest names first so "كانون الثاني" wins over a shorter prefix.
const monthAlternation = Object.keys({ ...ENGLISH_MONTHS, ...ARABIC_MONTHS })
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/ /g, '\\s+'))
  .join('|');
const month = `(${monthAlternation})\\.?`;
// "1 March 2026", "1 آذار (مارس) 2026", "1 آذار/مارس 2026"
const alsoMonth = `(?:\\s*[/(]\\s*(?:${monthAlternation})\\s*\\)?)?`;
const DATE_PATTERNS: { pattern: RegExp; read(match: RegExpExecArray): number[][] }[] = [
  { pattern: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g, read: (m) => [[+m[1]!, +m[2]!, +m[3]!]] },
  // Slashed dates are read both ways: English texts may be month-first, Arabic texts are day-first.
  { pattern: /(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/g, read: (m) => [[+m[3]!, +m[2]!, +m[1]!], [+m[3]!, +m[1]!, +m[2]!]] },
  { pattern: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}${alsoMonth},?\\s+(\\d{4})(?!\\d)`, 'giu'), read: (m) => [[+m[3]!, monthNumber(m[2]!), +m[1]!]] },
  { pattern: new RegExp(`${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'giu'), read: (m) => [[+m[3]!, monthNumber(m[1]!), +m[2]!]] },
];

function monthNumber(name: string): number {
  const key = name.replace(/\s+/g, ' ');
  return ENGLISH_MONTHS[key.toLowerCase()] ?? ARABIC_MONTHS[key] ?? 0;
}

const iso = ([year, monthOfYear, day]: number[]) => `${year}-${String(monthOfYear).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const isValidDate = ([, monthOfYear, day]: number[]) => monthOfYear! >= 1 && monthOfYear! <= 12 && day! >= 1 && day! <= 31;

interface Facts {
  /** Each date found, as the ISO readings it admits (two for an ambiguous slashed date). */
  dates: string[][];
  numbers: string[];
}

/** Dates first (their digits are not counted again as numbers), then the remaining numbers. */
export function extractFacts(raw: string): Facts {
  let text = normaliseDigits(raw);
  const dates: string[][] = [];
  for (const { pattern, read } of DATE_PATTERNS) {
    text = text.replace(pattern, (...args) => {
      const readings = read(args as unknown as RegExpExecArray).filter(isValidDate).map(iso);
      if (readings.length === 0) return args[0] as string;
      dates.push([...new Set(readings)]);
      return ' ';
    });
  }
  text = spelledNumbersToDigits(text);
  const numbers = (text.match(/\d+(?:[.,]\d+)*/g) ?? []).map(canonicalNumber);
  return { dates, numbers };
}

/** "1,000" and "1000" are one number; "05" and "5" too. A comma before other than three digits is a decimal comma. */
function canonicalNumber(token: string): string {
  const withoutGrouping = token.replace(/,(?=\d{3}(?!\d))/g, '').replace(/,/g, '.');
  const [whole, ...fraction] = withoutGrouping.split('.');
  const wholePart = whole!.replace(/^0+(?=\d)/, '');
  return fraction.length ? `${wholePart}.${fraction.join('.')}` : wholePart;
}

function multisetDifference(english: string[], arabic: string[]): { onlyInEnglish: string[]; onlyInArabic: string[] } | null {
  const remaining = [...arabic];
  const onlyInEnglish: string[] = [];
  for (const value of english) {
    const at = remaining.indexOf(value);
    if (at >= 0) remaining.splice(at, 1);
    else onlyInEnglish.push(value);
  }
  return onlyInEnglish.length || remaining.length ? { onlyInEnglish, onlyInArabic: remaining } : null;
}

/** Pairs each English date with an Arabic one that admits a common reading. */
function compareDates(english: string[][], arabic: string[][]): { onlyInEnglish: string[]; onlyInArabic: string[] } | null {
  const remaining = [...arabic];
  const onlyInEnglish: string[] = [];
  for (const readings of english) {
    const at = remaining.findIndex((other) => other.some((reading) => readings.includes(reading)));
    if (at >= 0) remaining.splice(at, 1);
    else onlyInEnglish.push(readings[0]!);
  }
  const onlyInArabic = remaining.map((readings) => readings[0]!);
  return onlyInEnglish.length || onlyInArabic.length ? { onlyInEnglish, onlyInArabic } : null;
}

const listOrDash = (values: string[]) => (values.length ? values.join(' ') : '—');

/** The message's arguments: the clause number and each side's values as one list ("90 30"; a dash when none). */
function differenceParams(clause: string, difference: { onlyInEnglish: string[]; onlyInArabic: string[] }) {
  return { clause, onlyInEnglish: listOrDash(difference.onlyInEnglish), onlyInArabic: listOrDash(difference.onlyInArabic) };
}
