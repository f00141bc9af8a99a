/**
 * Reading a date a person typed: "2 Dec 2026" (the app's own format, in
 * English or with the Arabic month name), ISO 2026-12-02, or day/month/year
 * 2/12/2026 (never month first: 2/12 is 2 December). Arabic-Indic digits and
 * the direction marks an Arabic keyboard or a copied date brings are
 * accepted. The result is the ISO calendar date the records store.
 */

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Arabic month names: the Egyptian/Gulf forms Intl prints, their common spellings, and the Levantine names used in Jordan, Iraq, Syria and Lebanon. */
const ARABIC_MONTHS: readonly (readonly string[])[] = [
  ['يناير', 'كانون الثاني'],
  ['فبراير', 'شباط'],
  ['مارس', 'آذار', 'اذار'],
  ['أبريل', 'ابريل', 'إبريل', 'نيسان'],
  ['مايو', 'أيار', 'ايار'],
  ['يونيو', 'يونيه', 'حزيران'],
  ['يوليو', 'يوليه', 'تموز'],
  ['أغسطس', 'اغسطس', 'آب', 'اب'],
  ['سبتمبر', 'أيلول', 'ايلول'],
  ['أكتوبر', 'اكتوبر', 'تشرين الأول', 'تشرين الاول'],
  ['نوفمبر', 'تشرين الثاني'],
  ['ديسمبر', 'كانون الأول', 'كانون الاول'],
];

/** The month (1-12) a word names, or null: English full names, or any prefix of at least three letters ("Dec", "Sept"); Arabic names in full. */
function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (/^[a-z]{3,}$/.test(lower)) {
    const index = ENGLISH_MONTHS.findIndex((name) => name.startsWith(lower));
    return index >= 0 ? index + 1 : null;
  }
  const index = ARABIC_MONTHS.findIndex((names) => names.includes(word));
  return index >= 0 ? index + 1 : null;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 31 Feb, 29 Feb of a common year
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Latin digits for Arabic-Indic and Persian ones; direction marks and the Arabic comma dropped; spaces collapsed. */
function normalise(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]/g, '')
    .replace(/[،,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ISO date (yyyy-mm-dd) the text names; '' for empty text; null when it names no date. */
export function parseDateText(text: string): string | null {
  const value = normalise(text);
  if (value === '') return '';
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  // "2 Dec 2026", "2 December 2026", "2 ديسمبر 2026", "2 كانون الأول 2026"
  match = /^(\d{1,2}) (\D+?) (\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[2]!);
    return month ? isoOf(Number(match[3]), month, Number(match[1])) : null;
  }
  // "Dec 2 2026" (an English reader may type the month first when it is in letters: unambiguous)
  match = /^([a-zA-Z]+\.?) (\d{1,2}) (\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[1]!);
    return month ? isoOf(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}
