/**
 * Typed benchmark values. A benchmark's unit (number, percent, yes/no, text) types its baseline, its targets and
 * every value measured against it. Values are stored as canonical text, exact (no floats): a decimal for numbers
 * and percents ("72.5", "-3", "1200"), "yes" or "no", or the text itself. parseTypedValue reads what a person or a
 * partner's spreadsheet writes ("72 %", "1,200", "٤٥", "Yes", "نعم") into that form; isTypedValue checks a stored
 * one. Pure: the registry's validation, migration 0011's conversion and the charts share it.
 */

export const UNIT_KINDS = ['number', 'percent', 'yes_no', 'text'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The units whose values lie on a line (a trend, a chart axis). */
export const isNumericUnit = (unit: unknown): unit is 'number' | 'percent' => unit === 'number' || unit === 'percent';

export const asUnit = (unit: unknown): UnitKind => ((UNIT_KINDS as readonly unknown[]).includes(unit) ? (unit as UnitKind) : 'number');

/** A stored decimal: an optional minus, up to 15 integer digits, up to 6 decimals, no trailing zero after the point. */
export const CANONICAL_DECIMAL = /^-?(0|[1-9]\d{0,14})(\.\d{0,5}[1-9])?$/;

const ARABIC_DIGITS: Record<string, string> = { '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9', '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9' };

const YES = new Set(['yes', 'y', 'true', 'oui', 'نعم', 'achieved', 'done', 'met']);
const NO = new Set(['no', 'n', 'false', 'non', 'لا', 'not achieved', 'not met']);

/** "1,234.50" / "٤٥٫٥" / "45 %" -> "1234.5" / "45.5" / "45"; null when it is not one number. */
export function parseDecimal(text: string, allowPercentSign: boolean): string | null {
  let s = text.trim().replace(/[٠-٩۰-۹]/g, (digit) => ARABIC_DIGITS[digit]!).replace(/\u066B/g, '.').replace(/[\u066C\u00A0\u202F ]/g, '');
  if (allowPercentSign) s = s.replace(/(%|٪)$/, '');
  s = s.replace(/^\u2212/, '-').replace(/^\+/, '');
  // Thousands separators only in groups of three before the point.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const integer = whole!.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  if (integer.length > 15 || decimals.length > 6) return null;
  const value = decimals ? `${integer}.${decimals}` : integer;
  return value === '0' ? '0' : `${sign}${value}`;
}

/** What a person wrote, as the canonical value of this unit; null when it does not read as one. Empty stays empty. */
export function parseTypedValue(unit: unknown, text: unknown): string | null {
  const raw = typeof text === 'string' ? text.trim() : typeof text === 'number' && Number.isFinite(text) ? String(text) : typeof text === 'boolean' ? (text ? 'yes' : 'no') : null;
  if (raw === null) return null;
  if (raw === '') return '';
  switch (asUnit(unit)) {
    case 'number':
      return parseDecimal(raw, false);
    case 'percent':
      return parseDecimal(raw, true);
    case 'yes_no': {
      const word = raw.toLowerCase();
      return YES.has(word) ? 'yes' : NO.has(word) ? 'no' : null;
    }
    case 'text':
      return raw.length <= 200 ? raw : null;
  }
}

/** A stored value is this unit's canonical form (or empty). */
export function isTypedValue(unit: unknown, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'string') return false;
  switch (asUnit(unit)) {
    case 'number':
    case 'percent':
      return CANONICAL_DECIMAL.test(value) && value !== '-0';
    case 'yes_no':
      return value === 'yes' || value === 'no';
    case 'text':
      return value.trim() === value && value.length <= 200;
  }
}

/** A numeric unit's stored value as a number for drawing and the trend (never stored back); null when empty or not numeric. */
export function numericValue(unit: unknown, value: unknown): number | null {
  if (!isNumericUnit(unit) || typeof value !== 'string' || value === '' || !CANONICAL_DECIMAL.test(value)) return null;
  return Number(value);
}
