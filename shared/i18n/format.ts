import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './ar';
import { en, type MessageKey } from './en';
import { isMessage, type Language, type Message, type MessageParams } from './message';

const catalogs: Record<Language, Record<MessageKey, string>> = { en, ar };

/**
 * Locales: English dates read "2 Dec 2026" (day before month, month in
 * letters: no reader takes it for 12 February); Arabic uses the same order
 * with the Arabic month name. Both keep Latin digits, as the records do.
 */
export const LOCALES: Record<Language, string> = { en: 'en-GB', ar: 'ar-u-nu-latn' };

const compiled = new Map<string, IntlMessageFormat>();
function compiledFor(language: Language, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${language}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    // A bare {at, date} would get Intl's numeric default (02/12/2026): give it the one date style.
    const source = catalogs[language][key].replace(/\{\s*(\w+)\s*,\s*date\s*\}/g, '{$1, date, medium}');
    format = new IntlMessageFormat(source, LOCALES[language], FORMATS, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return format;
}

// `{at, date}` in a message means the one date style below, not ICU's default medium style.
const DATE_STYLE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const FORMATS = { date: { short: DATE_STYLE, medium: DATE_STYLE, long: DATE_STYLE, full: DATE_STYLE } };

/** The text of a catalog message in one language. */
export function formatMessage(language: Language, key: MessageKey, params?: MessageParams): string {
  const values: Record<string, string | number | boolean | Date | null> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (isMessage(value)) values[name] = formatMessage(language, value.key, value.params);
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) && mentionsDate(language, key, name)) values[name] = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    else values[name] = value;
  }
  const text = compiledFor(language, key).format(values);
  return typeof text === 'string' ? text : String(text);
}

/** A message object rendered in one language. */
export function renderMessage(language: Language, value: Message): string {
  return formatMessage(language, value.key, value.params);
}

const dateArguments = new Map<string, boolean>();
/** Whether the message formats argument `name` as a date or time (an ISO string is then turned into a Date). */
function mentionsDate(language: Language, key: MessageKey, name: string): boolean {
  const cacheKey = `${language}\u0000${key}\u0000${name}`;
  let found = dateArguments.get(cacheKey);
  if (found === undefined) {
    found = new RegExp(`\\{\\s*${name}\\s*,\\s*(date|time)\\b`).test(catalogs[language][key]);
    dateArguments.set(cacheKey, found);
  }
  return found;
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
/** A calendar date (yyyy-mm-dd) or an ISO timestamp as the one date format of the language: "2 Dec 2026". */
export function formatDate(language: Language, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(language);
  if (!format) dateFormats.set(language, (format = new Intl.DateTimeFormat(LOCALES[language], DATE_STYLE)));
  return format.format(date);
}

const timeFormats = new Map<Language, Intl.DateTimeFormat>();
/** An ISO timestamp as date and time in the reader's time zone: "2 Dec 2026, 14:05". */
export function formatDateTime(language: Language, iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = timeFormats.get(language);
  if (!format) timeFormats.set(language, (format = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })));
  return format.format(date);
}

/** A number in the language's grouping: 1,250,000. */
export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Decimal places of a currency's minor unit (JOD 3, IQD 0, USD 2), from Intl's own table. */
/** ISO 4217 minor units of the region's currencies, stated rather than left to the runtime's locale data. */
const MINOR_UNITS: Record<string, number> = { JOD: 3, KWD: 3, BHD: 3, TND: 3, OMR: 3, LYD: 3, IQD: 0, JPY: 0, USD: 2, EUR: 2 };

export function currencyDecimals(currency: string): number {
  const stated = MINOR_UNITS[currency];
  if (stated !== undefined) return stated;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in integer minor units, formatted for its currency: "USD 1,250,000.00", "JOD 12.500". */
export function formatMoney(language: Language, minor: number | null | undefined, currency: string | undefined): string {
  if (minor === null || minor === undefined) return '';
  const code = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
  const decimals = code ? currencyDecimals(code) : 2;
  const major = minor / 10 ** decimals;
  if (!code) return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(major);
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: code, currencyDisplay: 'code' }).format(major);
}

/**
 * A record's name in the reader's language: its Arabic twin (a partner's nameAr, a project's titleAr) when the reader
 * reads Arabic and it is filled in, otherwise the English one every record has.
 */
export function nameIn(language: Language, english: string, arabic: string | null | undefined): string {
  const twin = arabic?.trim();
  return language === 'ar' && twin ? twin : english;
}
