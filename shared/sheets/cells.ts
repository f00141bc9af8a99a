import { currencyDecimals, formatMessage } from '../i18n/format';
import { message, type Message } from '../i18n/message';
import { optionLabelKey } from '../records/labels';
import type { FieldSpec } from '../records/spec';
import { unneutralize } from './write';

/**
 * Reading one spreadsheet cell into one field's value, per field kind of the registry. A cell comes from a parser
 * (csv.ts: always text; xlsx.ts: the cached value, a number, a boolean or text); the result is the value the
 * record's input schema takes, or a catalog message saying why the cell cannot be read. Nothing here touches the
 * database: links are resolved through the context.
 */

export type Cell = string | number | boolean | null;

export type CellResult = { ok: true; value: unknown } | { ok: false; message: Message };

export interface CellContext {
  /** Ids of the records of `to` whose id, title or natural key is `text`; scoped to `partnerId` where the type has a partner. */
  findLinks(to: string, text: string, partnerId: string | null): string[];
  /** The row's currency (money fields are read in major units with its decimals). */
  currency?: string;
  /** The row's partner (links to types that have one are looked up among that partner's records first). */
  partnerId?: string | null;
  /** How to read a date such as 03/04/2026 when both parts could be the month; unset, such a date is an error. */
  dateOrder?: 'dmy' | 'mdy';
}

const ok = (value: unknown): CellResult => ({ ok: true, value });
const fail = (key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]): CellResult => ({ ok: false, message: message(key, params) });

/** Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits as ASCII; the Arabic decimal and thousands separators as '.' and ','. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B\u066C\u060C]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    if (char === '\u066B') return '.';
    return ',';
  });
}

/** A cell as trimmed text ('' when empty). Numbers are written without a trailing '.0'. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell.trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, single spaces, '_' and '-' as spaces, Arabic letter variants folded: for matching labels and codes. */
export function normalizeLabel(text: string): string {
  // Plain ASCII (most codes, enum values and English titles) has nothing to fold but case and separators.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/[_\-\s]+/g, ' ').trim();
  return asciiDigits(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // harakat and tatweel
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[_\-\s]+/g, ' ')
    .trim();
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'نعم', 'صح', 'صحيح', 'اي']);
const NO = new Set(['no', 'n', 'false', '0', 'لا', 'خطا', 'كلا']);

/** Excel's serial date (days since 1899-12-30, the 1900 system with its phantom 29 Feb 1900 included) as ISO. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null; // 9999-12-31
  const days = Math.floor(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** A date cell: an Excel serial, ISO (2026-12-02, 2026/12/02), or d/m/y and m/d/y (with / . or -) when unambiguous. */
export function readDate(cell: Cell, dateOrder?: 'dmy' | 'mdy'): CellResult {
  if (typeof cell === 'number') {
    const iso = excelSerialDate(cell);
    return iso ? ok(iso) : fail('validation.invalidDate');
  }
  const text = asciiDigits(cellText(cell));
  if (text === '') return ok('');
  if (/^\d+(\.\d+)?$/.test(text) && Number(text) > 59 && Number(text) < 2_958_466 && !/^\d{8}$/.test(text)) {
    const iso = excelSerialDate(Number(text));
    if (iso) return ok(iso);
  }
  const isoMatch = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (isoMatch) {
    const iso = isoOf(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return iso ? ok(iso) : fail('validation.invalidDate');
  }
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (!local) return fail('validation.invalidDate');
  const first = Number(local[1]);
  const second = Number(local[2]);
  const year = Number(local[3]);
  let order = dateOrder;
  if (first > 12 && second <= 12) order = 'dmy';
  else if (second > 12 && first <= 12) order = 'mdy';
  else if (first === second) order = 'dmy';
  if (!order) return fail('sheets.cell.ambiguousDate', { text });
  const iso = order === 'dmy' ? isoOf(year, second, first) : isoOf(year, first, second);
  return iso ? ok(iso) : fail('validation.invalidDate');
}

/** A number from a cell: a number cell as is; text with Arabic-Indic digits, thousands separators and a '.' decimal point. */
export function readNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = asciiDigits(cellText(cell)).replace(/[\s\u00A0\u202F']/g, '');
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

/** Amounts in major units: the minor-unit integer for the currency's decimals (JOD 3, IQD 0, USD 2). */
export function readMoney(cell: Cell, currency: string | undefined): CellResult {
  if (cellText(cell) === '') return ok(null);
  const decimals = currencyDecimals(currency && /^[A-Z]{3}$/.test(currency) ? currency : 'USD');
  const example = (1250).toFixed(decimals);
  const major = readNumber(typeof cell === 'string' ? cell.replace(/^[A-Z]{3}\s*/i, '').replace(/\s*[A-Z]{3}$/i, '') : cell);
  if (major === null) return fail('validation.invalidAmount', { decimals, example });
  const scaled = major * 10 ** decimals;
  const minor = Math.round(scaled);
  if (Math.abs(scaled - minor) > 1e-6 * Math.max(1, Math.abs(scaled))) return fail('validation.invalidAmount', { decimals, example });
  if (minor < 0) return fail('validation.tooSmall', { min: 0 });
  if (!Number.isSafeInteger(minor)) return fail('validation.invalidNumber');
  return ok(minor);
}

/** An enum by its code, or by its English or Arabic label. */
export function readEnum(type: string, field: FieldSpec & { kind: 'enum' }, cell: Cell): CellResult {
  const text = normalizeLabel(cellText(cell));
  if (text === '') return ok(undefined);
  const option = enumOptionsByText(type, field).get(text);
  return option === undefined ? fail('sheets.cell.unknownOption', { text: cellText(cell) }) : ok(option);
}

const enumTexts = new Map<string, Map<string, string>>();
/** An enum's options by their normalized code and English and Arabic labels, built once per field (a code wins over a label). */
function enumOptionsByText(type: string, field: FieldSpec & { kind: 'enum' }): Map<string, string> {
  const cacheKey = `${type}.${field.name}`;
  let byText = enumTexts.get(cacheKey);
  if (!byText) {
    byText = new Map();
    for (const option of field.options) byText.set(normalizeLabel(option), option);
    for (const option of field.options) {
      const key = optionLabelKey(type, field, option);
      for (const language of ['en', 'ar'] as const) {
        const label = normalizeLabel(formatMessage(language, key));
        if (!byText.has(label)) byText.set(label, option);
      }
    }
    enumTexts.set(cacheKey, byText);
  }
  return byText;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readLink(to: string, text: string, context: CellContext): CellResult {
  const ids = context.findLinks(to, UUID.test(text) ? text.toLowerCase() : text, context.partnerId ?? null);
  if (ids.length === 1) return ok(ids[0]);
  if (ids.length === 0) return fail('sheets.cell.linkNotFound', { text });
  return fail('sheets.cell.linkAmbiguous', { text, n: ids.length });
}

/** Splits a list cell on ';' or a line break (commas stay: titles hold them). */
export function listItems(cell: Cell): string[] {
  return cellText(cell)
    .split(/[;\n\r؛]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** One cell into one field's value. An empty cell is the field's empty value (the schema then applies required and defaults). */
export function readCell(type: string, field: FieldSpec, cell: Cell, context: CellContext): CellResult {
  switch (field.kind) {
    case 'text':
    case 'longText': {
      const text = typeof cell === 'string' ? unneutralize(cell.replace(/\r\n?/g, '\n').trim()) : cellText(cell);
      const value = field.kind === 'text' ? text.replace(/\s*\n\s*/g, ' ') : text;
      const max = field.max;
      if (value.length > max && !(field.kind === 'text' && field.pattern)) return fail('validation.tooLong', { max });
      return ok(field.kind === 'text' && field.upperCase ? value.toUpperCase() : value);
    }
    case 'enum':
      return readEnum(type, field, cell);
    case 'date':
      return readDate(cell, context.dateOrder);
    case 'boolean': {
      if (typeof cell === 'boolean') return ok(cell);
      const text = normalizeLabel(cellText(cell));
      if (text === '') return ok(false);
      if (YES.has(text)) return ok(true);
      if (NO.has(text)) return ok(false);
      return fail('sheets.cell.notYesNo', { text: cellText(cell) });
    }
    case 'integer': {
      if (cellText(cell) === '') return ok(null);
      const value = readNumber(cell);
      if (value === null || !Number.isInteger(value)) return fail('validation.invalidNumber');
      if (field.min !== undefined && value < field.min) return fail('validation.tooSmall', { min: field.min });
      if (field.max !== undefined && value > field.max) return fail('validation.tooLarge', { max: field.max });
      return ok(value);
    }
    case 'money':
      return readMoney(cell, context.currency);
    case 'ref': {
      const text = cellText(cell);
      if (text === '') return ok(null);
      return readLink(field.to, text, context);
    }
    case 'refList': {
      const ids: string[] = [];
      for (const item of listItems(cell)) {
        const link = readLink(field.to, item, context);
        if (!link.ok) return link;
        ids.push(link.value as string);
      }
      return ok([...new Set(ids)]);
    }
    case 'json': {
      const text = cellText(cell);
      if (text === '') return ok([]);
      try {
        return ok(JSON.parse(text));
      } catch {
        return fail('sheets.cell.notJson');
      }
    }
  }
}
